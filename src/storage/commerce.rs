//! Deliveries (by order), invoices (by store), promotions (by code and sku).

use super::{Database, Result, codec, keys};
use crate::domain::{DeliveryLine, Invoice, Promotion};

impl Database {
    /// Upserts delivery lines by (order, sku, date): a re-import changes nothing.
    pub fn put_deliveries(&self, lines: &[DeliveryLine]) -> Result<()> {
        let tree = self.tree("deliveries")?;
        let mut batch = sled::Batch::default();
        for l in lines {
            let key = keys::join(&[l.order_id.as_bytes(), l.sku.as_bytes(), &keys::date(l.date)]);
            batch.insert(key, codec::encode("delivery", l)?);
        }
        tree.apply_batch(batch)?;
        self.flush()
    }

    pub fn deliveries_of_order(&self, order_id: &str) -> Result<Vec<DeliveryLine>> {
        self.scan("deliveries", "delivery", &keys::prefix(order_id))
    }

    pub fn all_deliveries(&self) -> Result<Vec<DeliveryLine>> {
        self.scan("deliveries", "delivery", b"")
    }

    /// Upserts invoices by (store, number).
    pub fn put_invoices(&self, invoices: &[Invoice]) -> Result<()> {
        let tree = self.tree("invoices")?;
        let mut batch = sled::Batch::default();
        for i in invoices {
            let key = keys::join(&[i.store_code.as_bytes(), i.number.as_bytes()]);
            batch.insert(key, codec::encode("invoice", i)?);
        }
        tree.apply_batch(batch)?;
        self.flush()
    }

    pub fn invoices_of_store(&self, store_code: &str) -> Result<Vec<Invoice>> {
        self.scan("invoices", "invoice", &keys::prefix(store_code))
    }

    /// Upserts promotion lines by (code, sku).
    pub fn put_promotions(&self, promotions: &[Promotion]) -> Result<()> {
        let tree = self.tree("promotions")?;
        let mut batch = sled::Batch::default();
        for p in promotions {
            let key = keys::join(&[p.code.as_bytes(), p.sku.as_bytes()]);
            batch.insert(key, codec::encode("promotion", p)?);
        }
        tree.apply_batch(batch)?;
        self.flush()
    }

    pub fn promotions(&self) -> Result<Vec<Promotion>> {
        self.scan("promotions", "promotion", b"")
    }
}
