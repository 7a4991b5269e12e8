//! Where a store is and when it is open: a record of its own (tree
//! `store_places`, keyed by store code), so the store record keeps its layout.

use super::{LatLon, OpeningHours};
use crate::domain::RecordMeta;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorePlace {
    pub meta: RecordMeta,
    pub store_code: String,
    pub at: Option<LatLon>,
    /// `None`: the hours are not known (open all day for the planner).
    pub hours: Option<OpeningHours>,
}
