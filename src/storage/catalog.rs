//! Catalog records: stores, products (with an EAN index), reps, must-stock lines.

use super::{Database, Result, codec, keys};
use crate::domain::{AssortmentLine, Product, Rep, Store};

impl Database {
    pub fn store(&self, code: &str) -> Result<Option<Store>> {
        self.get("stores", "store", code.as_bytes())
    }

    pub fn stores(&self) -> Result<Vec<Store>> {
        self.scan("stores", "store", b"")
    }

    pub fn stores_of_rep(&self, rep: &str) -> Result<Vec<Store>> {
        Ok(self
            .stores()?
            .into_iter()
            .filter(|s| s.rep == rep)
            .collect())
    }

    /// Writes stores in one batch and flushes once.
    pub fn put_stores(&self, stores: &[Store]) -> Result<()> {
        let tree = self.tree("stores")?;
        let mut batch = sled::Batch::default();
        for s in stores {
            batch.insert(s.code.as_bytes(), codec::encode("store", s)?);
        }
        tree.apply_batch(batch)?;
        self.flush()
    }

    pub fn product(&self, sku: &str) -> Result<Option<Product>> {
        self.get("products", "product", sku.as_bytes())
    }

    pub fn product_by_ean(&self, ean: &str) -> Result<Option<Product>> {
        match self.tree("products_by_ean")?.get(ean.as_bytes())? {
            Some(sku) => self.product(&String::from_utf8_lossy(&sku)),
            None => Ok(None),
        }
    }

    pub fn products(&self) -> Result<Vec<Product>> {
        self.scan("products", "product", b"")
    }

    pub fn put_products(&self, products: &[Product]) -> Result<()> {
        let tree = self.tree("products")?;
        let by_ean = self.tree("products_by_ean")?;
        let mut batch = sled::Batch::default();
        let mut ean_batch = sled::Batch::default();
        for p in products {
            // a changed EAN must not leave the old code pointing at this product
            if let Some(old) = self.product(&p.sku)?
                && old.ean != p.ean
            {
                ean_batch.remove(old.ean.as_str().as_bytes());
            }
            batch.insert(p.sku.as_bytes(), codec::encode("product", p)?);
            ean_batch.insert(p.ean.as_str().as_bytes(), p.sku.as_bytes());
        }
        tree.apply_batch(batch)?;
        by_ean.apply_batch(ean_batch)?;
        self.flush()
    }

    pub fn rep(&self, code: &str) -> Result<Option<Rep>> {
        self.get("reps", "rep", code.as_bytes())
    }

    pub fn reps(&self) -> Result<Vec<Rep>> {
        self.scan("reps", "rep", b"")
    }

    pub fn put_reps(&self, reps: &[Rep]) -> Result<()> {
        let tree = self.tree("reps")?;
        let mut batch = sled::Batch::default();
        for r in reps {
            batch.insert(r.code.as_bytes(), codec::encode("rep", r)?);
        }
        tree.apply_batch(batch)?;
        self.flush()
    }

    /// The store's must-stock lines, by sku.
    pub fn assortment(&self, store_code: &str) -> Result<Vec<AssortmentLine>> {
        self.scan("assortment", "assortment line", &keys::prefix(store_code))
    }

    pub fn put_assortment(&self, lines: &[AssortmentLine]) -> Result<()> {
        let tree = self.tree("assortment")?;
        let mut batch = sled::Batch::default();
        for l in lines {
            let key = keys::join(&[l.store_code.as_bytes(), l.sku.as_bytes()]);
            batch.insert(key, codec::encode("assortment line", l)?);
        }
        tree.apply_batch(batch)?;
        self.flush()
    }
}
