//! Supervisor review: comments and "reviewed" marks are their own records,
//! keyed by the visit they are about, so the visit itself stays as submitted.

use super::{RecordMeta, Visit, VisitStatus};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ulid::Ulid;

/// A supervisor marked a visit reviewed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitReview {
    pub meta: RecordMeta,
    pub visit: Ulid,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// A supervisor's comment on a visit; the rep sees it on their visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitComment {
    pub meta: RecordMeta,
    pub visit: Ulid,
    pub by: String,
    pub at: DateTime<Utc>,
    pub text: String,
}

/// Where a visit stands for the supervisor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    Open,
    Submitted,
    /// Submitted, then corrected by an amendment not yet reviewed.
    Amended,
    Reviewed,
}

impl ReviewStatus {
    pub const ALL: [Self; 4] = [Self::Open, Self::Submitted, Self::Amended, Self::Reviewed];

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == text.trim())
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Submitted => "submitted",
            Self::Amended => "amended",
            Self::Reviewed => "reviewed",
        }
    }

    /// A visit's status from its own status, its last amendment and last review:
    /// an amendment made after the last review needs a new review, and a
    /// review older than the submission (one that reached this device by
    /// sync for a visit then still open) does not count.
    pub fn of(
        visit: &Visit,
        last_amended: Option<DateTime<Utc>>,
        last_reviewed: Option<DateTime<Utc>>,
    ) -> Self {
        if visit.status == VisitStatus::Open {
            return Self::Open;
        }
        let last_reviewed = last_reviewed.filter(|r| visit.submitted.is_none_or(|s| *r >= s));
        match (last_amended, last_reviewed) {
            (Some(a), Some(r)) if a > r => Self::Amended,
            (_, Some(_)) => Self::Reviewed,
            (Some(_), None) => Self::Amended,
            (None, None) => Self::Submitted,
        }
    }
}

/// The review screen's and `rounds review list`'s filter; empty fields match all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewFilter {
    pub rep: Option<String>,
    pub store: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub status: Option<ReviewStatus>,
}

impl ReviewFilter {
    pub fn matches(&self, visit: &Visit, status: ReviewStatus) -> bool {
        self.rep.as_ref().is_none_or(|r| *r == visit.rep)
            && self.store.as_ref().is_none_or(|s| *s == visit.store_code)
            && self.from.is_none_or(|f| visit.date >= f)
            && self.to.is_none_or(|t| visit.date <= t)
            && self.status.is_none_or(|s| s == status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn visit(status: VisitStatus) -> Visit {
        let at = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
        Visit {
            meta: RecordMeta::fresh("R01", "dev", at),
            store_code: "S001".into(),
            rep: "R01".into(),
            date: at.date_naive(),
            checked_in: at,
            submitted: None,
            status,
        }
    }

    #[test]
    fn status_from_amendments_and_reviews() {
        let t = |h| Some(Utc.with_ymd_and_hms(2026, 11, 21, h, 0, 0).unwrap());
        let sub = visit(VisitStatus::Submitted);
        for (amended, reviewed, want) in [
            (None, None, ReviewStatus::Submitted),
            (None, t(10), ReviewStatus::Reviewed),
            (t(9), None, ReviewStatus::Amended),
            (t(9), t(10), ReviewStatus::Reviewed),
            (t(11), t(10), ReviewStatus::Amended),
        ] {
            assert_eq!(ReviewStatus::of(&sub, amended, reviewed), want);
        }
        assert_eq!(
            ReviewStatus::of(&visit(VisitStatus::Open), None, t(10)),
            ReviewStatus::Open
        );
        // a review made while the visit was open does not review what was
        // submitted after it
        let mut late = visit(VisitStatus::Submitted);
        late.submitted = t(12);
        assert_eq!(
            ReviewStatus::of(&late, None, t(10)),
            ReviewStatus::Submitted
        );
        assert_eq!(ReviewStatus::of(&late, None, t(12)), ReviewStatus::Reviewed);
    }

    #[test]
    fn filter_boundaries() {
        let v = visit(VisitStatus::Submitted);
        let d = v.date;
        let f = |from, to| ReviewFilter {
            from,
            to,
            ..Default::default()
        };
        assert!(f(Some(d), Some(d)).matches(&v, ReviewStatus::Submitted));
        assert!(!f(Some(d.succ_opt().unwrap()), None).matches(&v, ReviewStatus::Submitted));
        assert!(!f(None, Some(d.pred_opt().unwrap())).matches(&v, ReviewStatus::Submitted));
        let by_rep = ReviewFilter {
            rep: Some("R02".into()),
            ..Default::default()
        };
        assert!(!by_rep.matches(&v, ReviewStatus::Submitted));
        let by_status = ReviewFilter {
            status: Some(ReviewStatus::Reviewed),
            ..Default::default()
        };
        assert!(!by_status.matches(&v, ReviewStatus::Submitted));
        assert!(by_status.matches(&v, ReviewStatus::Reviewed));
    }
}
