//! A sales rep (the person who drives the route).

use super::RecordMeta;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rep {
    pub meta: RecordMeta,
    pub code: String,
    pub name: String,
    pub phone: String,
}
