//! Expiry check: batches found on the shelf, their class by days left and
//! the product's shelf life, the action taken, and the pull list.

use crate::domain::{RecordMeta, Settings};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ulid::Ulid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ExpiryClass {
    /// Past its date: pull it now.
    Expired,
    /// ≤ 1 day or ≤ 10 % of the shelf life left.
    Critical,
    /// ≤ 25 % of the shelf life left: rotate to the front, propose a markdown.
    Near,
    Ok,
}

impl ExpiryClass {
    pub fn key(self) -> &'static str {
        match self {
            Self::Expired => "expired",
            Self::Critical => "critical",
            Self::Near => "near",
            Self::Ok => "ok",
        }
    }

    /// Belongs on the pull list.
    pub fn must_pull(self) -> bool {
        matches!(self, Self::Expired | Self::Critical)
    }

    /// Fluent id of what to do with such a batch when no action was taken
    /// yet (DESIGN.md: pull expired and critical ones; rotate near ones to
    /// the front and propose a markdown). None for ok batches.
    pub fn suggestion(self) -> Option<&'static str> {
        match self {
            Self::Expired | Self::Critical => Some("batch-suggest-pull"),
            Self::Near => Some("batch-suggest-near"),
            Self::Ok => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BatchAction {
    Pulled,
    MovedToFront,
    MarkdownProposed,
}

impl BatchAction {
    pub fn key(self) -> &'static str {
        match self {
            Self::Pulled => "pulled",
            Self::MovedToFront => "moved_to_front",
            Self::MarkdownProposed => "markdown_proposed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    pub meta: RecordMeta,
    pub visit_id: Ulid,
    pub store_code: String,
    pub sku: String,
    pub expiry: NaiveDate,
    pub qty: u32,
    pub action: Option<BatchAction>,
}

/// The thresholds of the expiry classes (from the settings).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExpiryRules {
    pub critical_days: i64,
    pub critical_share: f64,
    pub near_share: f64,
}

impl ExpiryRules {
    pub fn from_settings(s: &Settings) -> Self {
        Self {
            critical_days: s.expiry_critical_days,
            critical_share: s.expiry_critical_share,
            near_share: s.expiry_near_share,
        }
    }

    /// The class of a batch expiring on `expiry`, seen on `today`, for a
    /// product that lasts `shelf_life_days`. A batch expiring today is not
    /// past its date yet: it is critical.
    pub fn classify(
        &self,
        expiry: NaiveDate,
        today: NaiveDate,
        shelf_life_days: u32,
    ) -> ExpiryClass {
        let left = (expiry - today).num_days();
        if left < 0 {
            return ExpiryClass::Expired;
        }
        let life = f64::from(shelf_life_days);
        let left_f = left as f64;
        if left <= self.critical_days || left_f <= life * self.critical_share {
            ExpiryClass::Critical
        } else if left_f <= life * self.near_share {
            ExpiryClass::Near
        } else {
            ExpiryClass::Ok
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn classes_at_the_boundaries() {
        let rules = ExpiryRules::from_settings(&Settings::default());
        let today = d(11, 24);
        // shelf life 100 days: critical ≤ 10 days left, near ≤ 25 days left
        let cases = [
            ("yesterday: expired", d(11, 23), 100, ExpiryClass::Expired),
            (
                "today: critical, not expired",
                d(11, 24),
                100,
                ExpiryClass::Critical,
            ),
            (
                "10 days = 10 %: critical",
                d(12, 4),
                100,
                ExpiryClass::Critical,
            ),
            ("11 days: near", d(12, 5), 100, ExpiryClass::Near),
            ("25 days = 25 %: near", d(12, 19), 100, ExpiryClass::Near),
            ("26 days: ok", d(12, 20), 100, ExpiryClass::Ok),
            // shelf life 5 days: 10 % is half a day, so "≤ 1 day" decides
            (
                "1 day left of 5: critical",
                d(11, 25),
                5,
                ExpiryClass::Critical,
            ),
            (
                "2 days left of 5: ok (near is ≤ 1.25 days)",
                d(11, 26),
                5,
                ExpiryClass::Ok,
            ),
            (
                "1 day left of 5 days life",
                d(11, 25),
                5,
                ExpiryClass::Critical,
            ),
            // unknown shelf life (0): only the day rule applies
            ("shelf life unknown, 2 days", d(11, 26), 0, ExpiryClass::Ok),
        ];
        for (name, expiry, life, class) in cases {
            assert_eq!(rules.classify(expiry, today, life), class, "{name}");
        }
    }

    #[test]
    fn near_for_short_life_products() {
        let rules = ExpiryRules::from_settings(&Settings::default());
        // 8 days life: near when ≤ 2 days left, critical when ≤ 1 day
        assert_eq!(rules.classify(d(11, 26), d(11, 24), 8), ExpiryClass::Near);
        assert_eq!(rules.classify(d(11, 27), d(11, 24), 8), ExpiryClass::Ok);
    }

    #[test]
    fn suggestions_follow_the_class() {
        let cases = [
            (ExpiryClass::Expired, Some("batch-suggest-pull")),
            (ExpiryClass::Critical, Some("batch-suggest-pull")),
            (ExpiryClass::Near, Some("batch-suggest-near")),
            (ExpiryClass::Ok, None),
        ];
        for (class, want) in cases {
            assert_eq!(class.suggestion(), want, "{class:?}");
        }
    }

    #[test]
    fn pull_list_takes_expired_and_critical() {
        assert!(ExpiryClass::Expired.must_pull());
        assert!(ExpiryClass::Critical.must_pull());
        assert!(!ExpiryClass::Near.must_pull());
    }
}
