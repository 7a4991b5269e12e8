//! Deliveries (by order), invoices (by store), promotions (by code and sku).

use super::{Database, Result, keys};
use crate::domain::{DeliveryLine, Invoice, Promotion};

impl Database {
    /// Upserts delivery lines by (order, sku, date): a re-import changes nothing.
    pub fn put_deliveries(&self, lines: &[DeliveryLine]) -> Result<()> {
        self.atomically(|| {
            self.put_all(
                "deliveries",
                "delivery",
                lines.iter().map(|l| {
                    (
                        keys::join(&[l.order_id.as_bytes(), l.sku.as_bytes(), &keys::date(l.date)]),
                        l,
                    )
                }),
            )?;
            // the orders they fill move the team KPIs (fill rate)
            self.kpis_after_deliveries(lines)?;
            self.flush()
        })
    }

    pub fn deliveries_of_order(&self, order_id: &str) -> Result<Vec<DeliveryLine>> {
        self.scan("deliveries", "delivery", &keys::prefix(order_id))
    }

    pub fn all_deliveries(&self) -> Result<Vec<DeliveryLine>> {
        self.scan("deliveries", "delivery", b"")
    }

    /// Upserts invoices by (store, number).
    pub fn put_invoices(&self, invoices: &[Invoice]) -> Result<()> {
        self.atomically(|| {
            self.put_all(
                "invoices",
                "invoice",
                invoices.iter().map(|i| {
                    (
                        keys::join(&[i.store_code.as_bytes(), i.number.as_bytes()]),
                        i,
                    )
                }),
            )
        })
    }

    pub fn invoices_of_store(&self, store_code: &str) -> Result<Vec<Invoice>> {
        self.scan("invoices", "invoice", &keys::prefix(store_code))
    }

    /// Upserts promotion lines by (code, sku).
    pub fn put_promotions(&self, promotions: &[Promotion]) -> Result<()> {
        self.atomically(|| {
            self.put_all(
                "promotions",
                "promotion",
                promotions
                    .iter()
                    .map(|p| (keys::join(&[p.code.as_bytes(), p.sku.as_bytes()]), p)),
            )
        })
    }

    pub fn promotions(&self) -> Result<Vec<Promotion>> {
        self.scan("promotions", "promotion", b"")
    }
}
