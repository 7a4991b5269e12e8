//! A visit of a rep to a store. The visit workflow (audit, expiry, returns...)
//! builds on this record.

use super::RecordMeta;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VisitStatus {
    Open,
    Submitted,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Visit {
    pub meta: RecordMeta,
    pub store_code: String,
    pub rep: String,
    pub date: NaiveDate,
    pub checked_in: DateTime<Utc>,
    pub submitted: Option<DateTime<Utc>>,
    pub status: VisitStatus,
}
