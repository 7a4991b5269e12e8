//! A must-stock line: a product the store has agreed to keep on its shelf.

use super::RecordMeta;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssortmentLine {
    pub meta: RecordMeta,
    pub store_code: String,
    pub sku: String,
    pub facings: u16,
}
