//! Point lookups by the natural key the ERP files use (for upserts on import).

use super::{Database, Result, keys};
use crate::domain::{AssortmentLine, DeliveryLine, Invoice, Promotion};
use chrono::NaiveDate;

impl Database {
    pub fn assortment_line(&self, store_code: &str, sku: &str) -> Result<Option<AssortmentLine>> {
        self.get(
            "assortment",
            "assortment line",
            &keys::join(&[store_code.as_bytes(), sku.as_bytes()]),
        )
    }

    pub fn delivery(
        &self,
        order_id: &str,
        sku: &str,
        date: NaiveDate,
    ) -> Result<Option<DeliveryLine>> {
        self.get(
            "deliveries",
            "delivery",
            &keys::join(&[order_id.as_bytes(), sku.as_bytes(), &keys::date(date)]),
        )
    }

    pub fn invoice(&self, store_code: &str, number: &str) -> Result<Option<Invoice>> {
        self.get(
            "invoices",
            "invoice",
            &keys::join(&[store_code.as_bytes(), number.as_bytes()]),
        )
    }

    pub fn promotion(&self, code: &str, sku: &str) -> Result<Option<Promotion>> {
        self.get(
            "promotions",
            "promotion",
            &keys::join(&[code.as_bytes(), sku.as_bytes()]),
        )
    }
}

impl Database {
    pub fn all_invoices(&self) -> Result<Vec<Invoice>> {
        self.scan("invoices", "invoice", b"")
    }

    pub fn all_sales(&self) -> Result<Vec<crate::domain::SalesSeries>> {
        self.scan("sales", "sales series", b"")
    }
}
