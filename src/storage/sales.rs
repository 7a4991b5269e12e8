//! Sales history: one series per store and product, so a store's whole
//! history is one prefix scan.

use super::{Database, Result, keys};
use crate::domain::SalesSeries;

impl Database {
    pub fn sales_series(&self, store_code: &str, sku: &str) -> Result<Option<SalesSeries>> {
        self.get(
            "sales",
            "sales series",
            &keys::join(&[store_code.as_bytes(), sku.as_bytes()]),
        )
    }

    pub fn sales_of_store(&self, store_code: &str) -> Result<Vec<SalesSeries>> {
        self.scan("sales", "sales series", &keys::prefix(store_code))
    }

    pub fn put_sales(&self, series: &[SalesSeries]) -> Result<()> {
        self.atomically(|| {
            self.put_all(
                "sales",
                "sales series",
                series
                    .iter()
                    .map(|s| (keys::join(&[s.store_code.as_bytes(), s.sku.as_bytes()]), s)),
            )
        })
    }
}

impl Database {
    /// The series as it was before this thread's atomic unit began (its
    /// pending writes not laid over): what a streamed import compares with.
    pub fn sales_series_before_unit(
        &self,
        store_code: &str,
        sku: &str,
    ) -> Result<Option<SalesSeries>> {
        let key = keys::join(&[store_code.as_bytes(), sku.as_bytes()]);
        self.sled
            .open_tree("sales")?
            .get(key)?
            .map(|v| super::codec::decode("sales series", &v))
            .transpose()
    }
}
