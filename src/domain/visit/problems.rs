//! Notes and problems of a visit. A problem (a missed delivery, a broken
//! fridge) has a due date and stays on the store card until resolved.

use crate::domain::RecordMeta;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ulid::Ulid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub meta: RecordMeta,
    pub visit_id: Ulid,
    pub store_code: String,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProblemStatus {
    Open,
    Resolved,
}

impl ProblemStatus {
    pub fn key(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Resolved => "resolved",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub meta: RecordMeta,
    pub visit_id: Ulid,
    pub store_code: String,
    pub text: String,
    pub due: NaiveDate,
    pub status: ProblemStatus,
    pub resolved: Option<NaiveDate>,
}

impl Problem {
    pub fn is_open(&self) -> bool {
        self.status == ProblemStatus::Open
    }

    /// Days past the due date while still open.
    pub fn overdue_days(&self, today: NaiveDate) -> Option<i64> {
        let late = (today - self.due).num_days();
        (self.is_open() && late > 0).then_some(late)
    }
}
