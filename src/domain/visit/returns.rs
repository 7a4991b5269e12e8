//! Returns: product, quantity, value from the list price, a reason, and a
//! status that moves logged → written off → closed. Returns still not
//! written off after the set number of days are flagged.

use crate::domain::{Money, RecordMeta};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ulid::Ulid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReturnReason {
    Expired,
    Damaged,
    Defective,
    SlowSeller,
    Recall,
    Complaint,
}

impl ReturnReason {
    pub const ALL: [ReturnReason; 6] = [
        Self::Expired,
        Self::Damaged,
        Self::Defective,
        Self::SlowSeller,
        Self::Recall,
        Self::Complaint,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Expired => "expired",
            Self::Damaged => "damaged",
            Self::Defective => "defective",
            Self::SlowSeller => "slow_seller",
            Self::Recall => "recall",
            Self::Complaint => "complaint",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ReturnStatus {
    Logged,
    WrittenOff,
    Closed,
}

impl ReturnStatus {
    pub fn key(self) -> &'static str {
        match self {
            Self::Logged => "logged",
            Self::WrittenOff => "written_off",
            Self::Closed => "closed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnLine {
    pub meta: RecordMeta,
    pub visit_id: Ulid,
    pub store_code: String,
    pub sku: String,
    pub qty: u32,
    /// Quantity × list price at the time the return was logged.
    pub value: Money,
    pub reason: ReturnReason,
    pub status: ReturnStatus,
    pub logged: NaiveDate,
    pub written_off: Option<NaiveDate>,
    pub closed: Option<NaiveDate>,
    /// The expiry batch this return was made from, if any.
    pub from_batch: Option<Ulid>,
}

/// Value of a return: quantity × list price.
pub fn return_value(qty: u32, list_price: Money) -> Money {
    Money(list_price.minor().saturating_mul(i64::from(qty)))
}

impl ReturnLine {
    /// Days since logged, while still waiting for the write-off.
    pub fn days_pending(&self, today: NaiveDate) -> Option<i64> {
        (self.status == ReturnStatus::Logged).then(|| (today - self.logged).num_days())
    }

    /// Flagged when still not written off more than `within_days` after it
    /// was logged (on day `within_days` itself it is still in time).
    pub fn is_flagged(&self, today: NaiveDate, within_days: i64) -> bool {
        self.days_pending(today).is_some_and(|d| d > within_days)
    }

    /// Moves the status one step on (logged → written off → closed).
    pub fn advance(&mut self, to: ReturnStatus, today: NaiveDate) -> bool {
        match (self.status, to) {
            (ReturnStatus::Logged, ReturnStatus::WrittenOff) => {
                self.written_off = Some(today);
            }
            (ReturnStatus::WrittenOff, ReturnStatus::Closed) => {
                self.closed = Some(today);
            }
            _ => return false,
        }
        self.status = to;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn ret(logged: NaiveDate) -> ReturnLine {
        let at = chrono::Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
        ReturnLine {
            meta: RecordMeta::fresh("R01", "dev", at),
            visit_id: Ulid::nil(),
            store_code: "S001".into(),
            sku: "P1".into(),
            qty: 3,
            value: return_value(3, Money(250)),
            reason: ReturnReason::Damaged,
            status: ReturnStatus::Logged,
            logged,
            written_off: None,
            closed: None,
            from_batch: None,
        }
    }

    #[test]
    fn value_from_list_price() {
        assert_eq!(ret(d(11, 1)).value, Money(750));
    }

    #[test]
    fn flagged_after_the_write_off_window() {
        let r = ret(d(11, 10));
        let cases = [
            ("same day", d(11, 10), false),
            ("day 7: still within", d(11, 17), false),
            ("day 8: flagged", d(11, 18), true),
        ];
        for (name, today, flagged) in cases {
            assert_eq!(r.is_flagged(today, 7), flagged, "{name}");
        }
    }

    #[test]
    fn written_off_returns_are_never_flagged() {
        let mut r = ret(d(10, 1));
        assert!(r.advance(ReturnStatus::WrittenOff, d(11, 20)));
        assert!(!r.is_flagged(d(11, 24), 7));
        assert_eq!(r.written_off, Some(d(11, 20)));
    }

    #[test]
    fn status_moves_only_forward_one_step() {
        let mut r = ret(d(11, 1));
        assert!(
            !r.advance(ReturnStatus::Closed, d(11, 2)),
            "cannot skip write-off"
        );
        assert!(r.advance(ReturnStatus::WrittenOff, d(11, 2)));
        assert!(!r.advance(ReturnStatus::WrittenOff, d(11, 3)));
        assert!(r.advance(ReturnStatus::Closed, d(11, 3)));
        assert_eq!(r.status, ReturnStatus::Closed);
    }
}
