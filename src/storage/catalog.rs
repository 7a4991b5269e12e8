//! Catalog records: stores, products (with an EAN index), reps, must-stock lines.

use super::tree_view::Batch;
use super::{Database, Result, keys};
use crate::domain::{AssortmentLine, Product, Rep, Store};

impl Database {
    pub fn store(&self, code: &str) -> Result<Option<Store>> {
        self.get_live(code.as_bytes())
    }

    /// The code of the store a user typed: exact, else the one store whose
    /// code matches ignoring case (`s001` for S001); None when none or several.
    pub fn store_code_like(&self, typed: &str) -> Result<Option<String>> {
        if self.store(typed.trim())?.is_some() {
            return Ok(Some(typed.trim().to_string()));
        }
        Ok(code_like(self.stores()?.into_iter().map(|s| s.code), typed))
    }

    /// The code of the rep a user typed, ignoring case (`r01` for R01).
    pub fn rep_code_like(&self, typed: &str) -> Result<Option<String>> {
        Ok(code_like(self.reps()?.into_iter().map(|r| r.code), typed))
    }

    pub fn stores(&self) -> Result<Vec<Store>> {
        self.scan_live()
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
        self.put_versioned(stores)
    }

    pub fn product(&self, sku: &str) -> Result<Option<Product>> {
        self.get_live(sku.as_bytes())
    }

    pub fn product_by_ean(&self, ean: &str) -> Result<Option<Product>> {
        match self.tree("products_by_ean")?.get(ean.as_bytes())? {
            Some(sku) => self.product(&String::from_utf8_lossy(&sku)),
            None => Ok(None),
        }
    }

    pub fn products(&self) -> Result<Vec<Product>> {
        self.scan_live()
    }

    pub fn put_products(&self, products: &[Product]) -> Result<()> {
        self.atomically(|| {
            let by_ean = self.tree("products_by_ean")?;
            let mut ean_batch = Batch::default();
            for p in products {
                // a changed EAN must not leave the old code pointing at this product
                if let Some(old) = self.product(&p.sku)?
                    && old.ean != p.ean
                {
                    ean_batch.remove(old.ean.as_str().as_bytes());
                }
                ean_batch.insert(p.ean.as_str().as_bytes(), p.sku.as_bytes());
            }
            by_ean.apply_batch(ean_batch)?;
            self.put_versioned(products)
        })
    }

    pub fn rep(&self, code: &str) -> Result<Option<Rep>> {
        self.get_live(code.as_bytes())
    }

    pub fn reps(&self) -> Result<Vec<Rep>> {
        self.scan_live()
    }

    pub fn put_reps(&self, reps: &[Rep]) -> Result<()> {
        self.put_versioned(reps)
    }

    /// The store's must-stock lines, by sku.
    pub fn assortment(&self, store_code: &str) -> Result<Vec<AssortmentLine>> {
        self.scan("assortment", "assortment line", &keys::prefix(store_code))
    }

    pub fn put_assortment(&self, lines: &[AssortmentLine]) -> Result<()> {
        self.put_all(
            "assortment",
            "assortment line",
            lines
                .iter()
                .map(|l| (keys::join(&[l.store_code.as_bytes(), l.sku.as_bytes()]), l)),
        )
    }
}

/// `typed` itself among `codes`, else the one code equal to it ignoring case.
fn code_like(codes: impl Iterator<Item = String>, typed: &str) -> Option<String> {
    let typed = typed.trim();
    let folded = typed.to_lowercase();
    let mut alike = Vec::new();
    for code in codes {
        if code == typed {
            return Some(code);
        }
        if code.to_lowercase() == folded {
            alike.push(code);
        }
    }
    (alike.len() == 1).then(|| alike.remove(0))
}
