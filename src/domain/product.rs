//! A product of the catalog.

use super::{Ean, Money, RecordMeta};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Product {
    pub meta: RecordMeta,
    pub sku: String,
    pub ean: Ean,
    pub name: String,
    pub brand: String,
    pub category: String,
    /// Unit of sale: "pcs", "kg", "l", ...
    pub unit: String,
    pub case_pack: u32,
    pub shelf_life_days: u32,
    pub list_price: Money,
}
