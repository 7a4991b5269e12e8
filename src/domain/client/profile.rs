//! What the client file knows of a store beyond the ERP's record: its
//! country (for the holidays) and when it opened (for its anniversary).

use crate::domain::RecordMeta;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreProfile {
    pub meta: RecordMeta,
    pub store_code: String,
    /// ISO 3166 code ("RU", "BG", "RO", "GB"); empty: the company's country.
    pub country: String,
    pub opened: Option<NaiveDate>,
}

impl StoreProfile {
    /// The store's country, else the company's.
    pub fn country_or<'a>(profile: Option<&'a Self>, company: &'a str) -> &'a str {
        profile
            .map(|p| p.country.trim())
            .filter(|c| !c.is_empty())
            .unwrap_or(company)
    }
}
