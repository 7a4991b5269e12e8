//! Shelf audit: one line per must-stock product, fast movers first, and the
//! live figures (weighted on-shelf availability, price compliance).

use crate::domain::{Money, RecordMeta, Settings};
use serde::{Deserialize, Serialize};
use ulid::Ulid;

/// Why a must-stock product is not on the shelf.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MissingReason {
    NotOrdered,
    NotDelivered,
    InBackroom,
    Delisted,
}

impl MissingReason {
    pub const ALL: [MissingReason; 4] = [
        Self::NotOrdered,
        Self::NotDelivered,
        Self::InBackroom,
        Self::Delisted,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::NotOrdered => "not_ordered",
            Self::NotDelivered => "not_delivered",
            Self::InBackroom => "in_backroom",
            Self::Delisted => "delisted",
        }
    }
}

/// What the rep saw for one must-stock product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    pub meta: RecordMeta,
    pub visit_id: Ulid,
    pub sku: String,
    pub on_shelf: bool,
    pub facings: Option<u16>,
    pub price_seen: Option<Money>,
    pub missing: Option<MissingReason>,
    /// Units counted on the shelf and in the backroom, when the rep counted.
    /// Not part of the line's encoding: storage writes it after the line,
    /// so lines recorded before counting existed still read.
    #[serde(skip)]
    pub stock: Option<u32>,
}

/// The order of the audit: the store's must-stock skus with fast movers first.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditPlan {
    /// (sku, fast mover?) in audit order.
    pub lines: Vec<(String, bool)>,
}

impl AuditPlan {
    /// `units`: units sold per sku over the settings' fast-mover window.
    /// The top `fast_mover_share` of lines by units (rounded up, only lines
    /// that sold at all) are fast movers; they come first, best sellers
    /// first, then the rest in sku order so the list is stable between visits.
    pub fn new(skus: &[String], units: impl Fn(&str) -> f64, settings: &Settings) -> Self {
        let mut ranked: Vec<(&String, f64)> = skus.iter().map(|s| (s, units(s))).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let share = settings.fast_mover_share.clamp(0.0, 1.0);
        let fast_count = (skus.len() as f64 * share).ceil() as usize;
        let mut lines: Vec<(String, bool)> = Vec::with_capacity(skus.len());
        let mut rest: Vec<String> = Vec::new();
        for (i, (sku, u)) in ranked.into_iter().enumerate() {
            if i < fast_count && u > 0.0 {
                lines.push((sku.clone(), true));
            } else {
                rest.push(sku.clone());
            }
        }
        rest.sort();
        lines.extend(rest.into_iter().map(|s| (s, false)));
        Self { lines }
    }
}

/// The live figures at the top of the audit.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ShelfFigures {
    /// Weighted on-shelf availability over the lines checked so far (0..=1).
    pub osa: Option<f64>,
    /// Share of the prices seen that are within tolerance of the list price.
    pub price_compliance: Option<f64>,
    pub checked: usize,
    pub lines_left: usize,
    pub on_shelf: usize,
}

/// One line for the figures: fast mover?, the audit if checked, the list price.
pub struct FigureInput<'a> {
    pub fast: bool,
    pub audit: Option<&'a AuditLine>,
    pub list_price: Money,
}

/// True when `seen` is within ± tolerance of `list` (boundary included).
pub fn price_ok(seen: Money, list: Money, tolerance: f64) -> bool {
    if list.minor() <= 0 {
        return seen == list;
    }
    let diff = (seen.minor() - list.minor()).abs() as f64;
    // compare in minor units with a small epsilon so that exactly 3 % passes
    diff <= list.minor() as f64 * tolerance + 1e-9
}

impl ShelfFigures {
    /// OSA = weight of lines on shelf / weight of lines checked, fast movers
    /// weighing `fast_mover_weight`; lines not yet checked are "lines left",
    /// not misses, so the figure is honest while the audit is under way.
    pub fn compute<'a>(
        lines: impl IntoIterator<Item = FigureInput<'a>>,
        settings: &Settings,
    ) -> Self {
        let (mut checked_w, mut shelf_w) = (0.0, 0.0);
        let (mut priced, mut priced_ok) = (0usize, 0usize);
        let mut f = ShelfFigures::default();
        for line in lines {
            let Some(a) = line.audit else {
                f.lines_left += 1;
                continue;
            };
            let w = if line.fast {
                settings.fast_mover_weight
            } else {
                1.0
            };
            f.checked += 1;
            checked_w += w;
            if a.on_shelf {
                shelf_w += w;
                f.on_shelf += 1;
            }
            if let Some(seen) = a.price_seen {
                priced += 1;
                if price_ok(seen, line.list_price, settings.price_tolerance) {
                    priced_ok += 1;
                }
            }
        }
        f.osa = (checked_w > 0.0).then(|| shelf_w / checked_w);
        f.price_compliance = (priced > 0).then(|| priced_ok as f64 / priced as f64);
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn line(on_shelf: bool, price: Option<i64>) -> AuditLine {
        let at = chrono::Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        AuditLine {
            meta: RecordMeta::fresh("R01", "dev", at),
            visit_id: Ulid::nil(),
            sku: "X".into(),
            on_shelf,
            facings: None,
            price_seen: price.map(Money),
            missing: None,
            stock: None,
        }
    }

    #[test]
    fn weighted_osa_counts_fast_movers_double() {
        let s = Settings::default();
        let (a, b, c) = (line(true, None), line(false, None), line(true, None));
        let input = vec![
            FigureInput {
                fast: true,
                audit: Some(&a),
                list_price: Money(100),
            },
            FigureInput {
                fast: true,
                audit: Some(&b),
                list_price: Money(100),
            },
            FigureInput {
                fast: false,
                audit: Some(&c),
                list_price: Money(100),
            },
            FigureInput {
                fast: false,
                audit: None,
                list_price: Money(100),
            },
        ];
        let f = ShelfFigures::compute(input, &s);
        // (2 + 1) / (2 + 2 + 1): the unchecked line is left, not missing
        assert_eq!(f.osa, Some(3.0 / 5.0));
        assert_eq!((f.checked, f.lines_left, f.on_shelf), (3, 1, 2));
        assert_eq!(f.price_compliance, None);
    }

    #[test]
    fn osa_is_none_before_the_first_line() {
        let f = ShelfFigures::compute(Vec::new(), &Settings::default());
        assert_eq!(f.osa, None);
    }

    #[test]
    fn price_tolerance_boundaries() {
        let list = Money(1000);
        let cases = [
            ("exact", 1000, true),
            ("+3 % exactly", 1030, true),
            ("-3 % exactly", 970, true),
            ("just over +3 %", 1031, false),
            ("just under -3 %", 969, false),
        ];
        for (name, seen, ok) in cases {
            assert_eq!(price_ok(Money(seen), list, 0.03), ok, "{name}");
        }
    }

    #[test]
    fn price_compliance_share() {
        let s = Settings::default();
        let lines = [
            line(true, Some(1000)),
            line(true, Some(1100)),
            line(false, None),
        ];
        let f = ShelfFigures::compute(
            lines.iter().map(|a| FigureInput {
                fast: false,
                audit: Some(a),
                list_price: Money(1000),
            }),
            &s,
        );
        assert_eq!(f.price_compliance, Some(0.5));
    }

    #[test]
    fn fast_movers_come_first_top_share_rounded_up() {
        let skus: Vec<String> = ["A", "B", "C", "D", "E", "F"].map(String::from).to_vec();
        let units = |s: &str| match s {
            "C" => 50.0,
            "E" => 40.0,
            "A" => 10.0,
            _ => 0.0,
        };
        let plan = AuditPlan::new(&skus, units, &Settings::default());
        // 20 % of 6 lines = 1.2 -> 2 fast movers
        assert_eq!(
            plan.lines,
            vec![
                ("C".to_string(), true),
                ("E".to_string(), true),
                ("A".to_string(), false),
                ("B".to_string(), false),
                ("D".to_string(), false),
                ("F".to_string(), false),
            ]
        );
    }

    #[test]
    fn lines_that_never_sold_are_not_fast_movers() {
        let skus: Vec<String> = ["A", "B"].map(String::from).to_vec();
        let plan = AuditPlan::new(&skus, |_| 0.0, &Settings::default());
        assert!(plan.lines.iter().all(|(_, fast)| !fast));
    }
}
