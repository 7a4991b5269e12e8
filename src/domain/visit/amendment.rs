//! Amendments: a submitted visit is never edited in place; each correction is
//! recorded with who made it, when, what it targets and the value before and
//! after, so the original stays readable.

use crate::domain::RecordMeta;
use serde::{Deserialize, Serialize};
use ulid::Ulid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    /// `meta.created` says who amended, on which device, and when.
    pub meta: RecordMeta,
    pub visit_id: Ulid,
    /// What was changed, e.g. "audit SKU0012" or "batch 01J…".
    pub target: String,
    /// The value before ("—" for a line added after submit).
    pub before: String,
    pub after: String,
}

/// The amendments of a visit in the order they were made.
pub fn history(mut amendments: Vec<Amendment>) -> Vec<Amendment> {
    amendments.sort_by_key(|a| (a.meta.hlc, a.meta.id));
    amendments
}

/// The product code an amendment target names ("audit P0001",
/// "batch P0001 01J…", "return P0001 01J…"), so screens can show the
/// product's name instead of the internal code.
pub fn target_sku(target: &str) -> Option<&str> {
    let mut parts = target.split(' ');
    match (parts.next(), parts.next()) {
        (Some("audit" | "batch" | "return"), Some(sku)) if !sku.is_empty() => Some(sku),
        _ => None,
    }
}

/// The value a target had when the visit was submitted: the `before` of the
/// first amendment touching it.
pub fn original<'a>(history: &'a [Amendment], target: &str) -> Option<&'a str> {
    history
        .iter()
        .find(|a| a.target == target)
        .map(|a| a.before.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone, Utc};

    #[test]
    fn targets_name_their_product() {
        let cases = [
            ("audit P0002", Some("P0002")),
            ("batch P0001 01JABC", Some("P0001")),
            ("return P0003 01JABC", Some("P0003")),
            ("problem 01JABC", None),
            ("audit", None),
        ];
        for (target, want) in cases {
            assert_eq!(target_sku(target), want, "{target}");
        }
    }

    fn amend(by: &str, minutes: i64, target: &str, before: &str, after: &str) -> Amendment {
        let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap() + Duration::minutes(minutes);
        Amendment {
            meta: RecordMeta::fresh(by, "dev", at),
            visit_id: Ulid::nil(),
            target: target.into(),
            before: before.into(),
            after: after.into(),
        }
    }

    #[test]
    fn history_is_in_time_order_and_keeps_the_original() {
        let h = history(vec![
            amend(
                "SUP",
                30,
                "audit P1",
                "on shelf, 3 facings",
                "on shelf, 4 facings",
            ),
            amend(
                "R01",
                10,
                "audit P1",
                "on shelf, 2 facings",
                "on shelf, 3 facings",
            ),
            amend("R01", 20, "audit P2", "missing", "on shelf"),
        ]);
        let who: Vec<&str> = h.iter().map(|a| a.meta.created.by.as_str()).collect();
        assert_eq!(who, ["R01", "R01", "SUP"]);
        assert_eq!(original(&h, "audit P1"), Some("on shelf, 2 facings"));
        assert_eq!(original(&h, "audit P2"), Some("missing"));
        assert_eq!(original(&h, "audit P3"), None);
    }
}
