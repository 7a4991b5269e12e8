//! Store locations and opening hours (tree `store_places`, by store code).

use super::{Database, Result};
use crate::domain::route_plan::StorePlace;
use std::collections::HashMap;

impl Database {
    pub fn store_place(&self, code: &str) -> Result<Option<StorePlace>> {
        self.get("store_places", "store place", code.as_bytes())
    }

    /// Every store's place, by store code.
    pub fn store_places(&self) -> Result<HashMap<String, StorePlace>> {
        Ok(self
            .scan::<StorePlace>("store_places", "store place", b"")?
            .into_iter()
            .map(|p| (p.store_code.clone(), p))
            .collect())
    }

    /// Writes places in one batch (logged for sync like every record).
    pub fn put_store_places(&self, places: &[StorePlace]) -> Result<()> {
        self.put_all(
            "store_places",
            "store place",
            places.iter().map(|p| (p.store_code.as_bytes().to_vec(), p)),
        )
    }
}
