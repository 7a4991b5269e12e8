//! A visit of a rep to a store and everything recorded during it: shelf
//! audit, expiry batches, returns, notes and problems, and amendments.
//! Lines are separate records keyed by the visit id, so saving one line never
//! rewrites the whole visit.

pub mod amendment;
pub mod audit;
pub mod expiry;
pub mod input;
pub mod problems;
pub mod returns;
pub mod write;

pub use amendment::Amendment;
pub use audit::{AuditLine, AuditPlan, MissingReason, ShelfFigures};
pub use expiry::{Batch, BatchAction, ExpiryClass, ExpiryRules};
pub use problems::{Note, Problem, ProblemStatus};
pub use returns::{ReturnLine, ReturnReason, ReturnStatus};
pub use write::{VisitCursor, VisitWrite};

use super::RecordMeta;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VisitStatus {
    Open,
    Submitted,
}

impl VisitStatus {
    pub fn key(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Submitted => "submitted",
        }
    }
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

/// The steps of a visit, in the order a rep works through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum VisitStep {
    #[default]
    Audit,
    Expiry,
    Returns,
    Notes,
    Checkout,
}

impl VisitStep {
    pub const ALL: [VisitStep; 5] = [
        Self::Audit,
        Self::Expiry,
        Self::Returns,
        Self::Notes,
        Self::Checkout,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Audit => "audit",
            Self::Expiry => "expiry",
            Self::Returns => "returns",
            Self::Notes => "notes",
            Self::Checkout => "checkout",
        }
    }

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The next (or previous, `delta` < 0) step, wrapping around.
    pub fn offset(self, delta: isize) -> Self {
        let n = Self::ALL.len() as isize;
        Self::ALL[(self.index() as isize + delta).rem_euclid(n) as usize]
    }
}
