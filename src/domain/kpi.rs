//! Team KPIs: additive counters per visit, summed into per-rep and
//! per-store day buckets that storage keeps up to date on every write, so
//! the dashboard adds up buckets instead of rescanning visits.

use super::{Store, Visit, VisitStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::ops::{AddAssign, SubAssign};

/// What one submitted visit adds to the team's figures. Ratios are kept as
/// numerator and denominator so that buckets add up exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct KpiCounts {
    pub visits: u32,
    /// Must-stock lines found on the shelf / audited (OSA).
    pub osa_on_shelf: u32,
    pub osa_lines: u32,
    /// Lines whose price seen was within tolerance / lines with a price seen.
    pub price_ok: u32,
    pub price_checked: u32,
    /// Batches found past their date.
    pub expired_batches: u32,
    /// Returns logged and not yet written off.
    pub returns_pending: u32,
    /// Order lines sent / delivered (fill rate).
    pub order_lines: u32,
    pub delivered_lines: u32,
    /// Draft lines shown to the store / accepted unchanged (draft acceptance).
    pub draft_lines: u32,
    pub draft_unchanged: u32,
}

impl AddAssign for KpiCounts {
    fn add_assign(&mut self, o: Self) {
        self.visits += o.visits;
        self.osa_on_shelf += o.osa_on_shelf;
        self.osa_lines += o.osa_lines;
        self.price_ok += o.price_ok;
        self.price_checked += o.price_checked;
        self.expired_batches += o.expired_batches;
        self.returns_pending += o.returns_pending;
        self.order_lines += o.order_lines;
        self.delivered_lines += o.delivered_lines;
        self.draft_lines += o.draft_lines;
        self.draft_unchanged += o.draft_unchanged;
    }
}

impl SubAssign for KpiCounts {
    fn sub_assign(&mut self, o: Self) {
        // saturating: a damaged bucket must not wrap to four billion
        self.visits = self.visits.saturating_sub(o.visits);
        self.osa_on_shelf = self.osa_on_shelf.saturating_sub(o.osa_on_shelf);
        self.osa_lines = self.osa_lines.saturating_sub(o.osa_lines);
        self.price_ok = self.price_ok.saturating_sub(o.price_ok);
        self.price_checked = self.price_checked.saturating_sub(o.price_checked);
        self.expired_batches = self.expired_batches.saturating_sub(o.expired_batches);
        self.returns_pending = self.returns_pending.saturating_sub(o.returns_pending);
        self.order_lines = self.order_lines.saturating_sub(o.order_lines);
        self.delivered_lines = self.delivered_lines.saturating_sub(o.delivered_lines);
        self.draft_lines = self.draft_lines.saturating_sub(o.draft_lines);
        self.draft_unchanged = self.draft_unchanged.saturating_sub(o.draft_unchanged);
    }
}

fn ratio(num: u32, den: u32) -> Option<f64> {
    (den > 0).then(|| f64::from(num) / f64::from(den))
}

impl KpiCounts {
    pub fn is_zero(&self) -> bool {
        *self == Self::default()
    }
    pub fn osa(&self) -> Option<f64> {
        ratio(self.osa_on_shelf, self.osa_lines)
    }
    pub fn price_compliance(&self) -> Option<f64> {
        ratio(self.price_ok, self.price_checked)
    }
    pub fn fill_rate(&self) -> Option<f64> {
        ratio(self.delivered_lines, self.order_lines)
    }
    pub fn draft_acceptance(&self) -> Option<f64> {
        ratio(self.draft_unchanged, self.draft_lines)
    }
}

/// The figures a visit's parts give (audit lines, batches, returns, order);
/// storage reads them from the visit's records.
pub type VisitFigures = KpiCounts;

/// Where a visit's counts go: its rep, store and day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    pub rep: String,
    pub store: String,
    pub date: NaiveDate,
    pub counts: KpiCounts,
}

/// What a visit adds to the figures: only submitted visits count.
pub fn contribution(visit: &Visit, figures: VisitFigures) -> Option<Contribution> {
    (visit.status != VisitStatus::Open).then(|| Contribution {
        rep: visit.rep.clone(),
        store: visit.store_code.clone(),
        date: visit.date,
        counts: KpiCounts {
            visits: 1,
            ..figures
        },
    })
}

/// Day buckets by (rep or store, day) from scratch: what the kept buckets must equal.
pub fn recompute<'a>(
    contributions: impl IntoIterator<Item = &'a Contribution>,
    by_store: bool,
) -> BTreeMap<(String, NaiveDate), KpiCounts> {
    let mut out: BTreeMap<(String, NaiveDate), KpiCounts> = BTreeMap::new();
    for c in contributions {
        let who = if by_store { &c.store } else { &c.rep };
        *out.entry((who.clone(), c.date)).or_default() += c.counts;
    }
    out
}

/// A row of the dashboard: one rep (or store), or the team.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KpiRow {
    pub who: String,
    pub counts: KpiCounts,
    /// Visits planned in the period by the stores' weekday plans.
    pub planned: u32,
    /// Stores whose last visit is older than their frequency (today).
    pub overdue_stores: u32,
    /// Visits per day over the period, for a sparkline.
    pub daily: Vec<u64>,
    /// Lines of sent orders whose delivery is not due yet (after today):
    /// not in the fill rate until it is.
    pub awaiting_lines: u32,
}

impl KpiRow {
    /// Visit compliance: visits done / planned, at most 100 %.
    pub fn compliance(&self) -> Option<f64> {
        ratio(self.counts.visits.min(self.planned), self.planned)
    }

    pub fn add(&mut self, other: &KpiRow) {
        self.counts += other.counts;
        self.planned += other.planned;
        self.overdue_stores += other.overdue_stores;
        self.awaiting_lines += other.awaiting_lines;
        if self.daily.len() < other.daily.len() {
            self.daily.resize(other.daily.len(), 0);
        }
        for (a, b) in self.daily.iter_mut().zip(&other.daily) {
            *a += b;
        }
    }
}

/// Visits planned per rep (or store) between `from` and `to` inclusive.
pub fn planned_visits(
    stores: &[Store],
    from: NaiveDate,
    to: NaiveDate,
    by_store: bool,
) -> HashMap<String, u32> {
    let mut out = HashMap::new();
    let days: Vec<NaiveDate> = from.iter_days().take_while(|d| *d <= to).collect();
    for s in stores {
        let n = days
            .iter()
            .filter(|d| s.visit_weekdays.contains_date(**d))
            .count() as u32;
        let who = if by_store { &s.code } else { &s.rep };
        *out.entry(who.clone()).or_default() += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_and_empty_denominators() {
        let c = KpiCounts {
            osa_on_shelf: 9,
            osa_lines: 10,
            ..Default::default()
        };
        assert_eq!(c.osa(), Some(0.9));
        assert_eq!(
            c.price_compliance(),
            None,
            "nothing checked: no figure, not 0 %"
        );
        let row = KpiRow {
            counts: KpiCounts {
                visits: 12,
                ..Default::default()
            },
            planned: 10,
            ..Default::default()
        };
        assert_eq!(
            row.compliance(),
            Some(1.0),
            "extra visits do not exceed 100 %"
        );
    }

    #[test]
    fn add_then_sub_is_identity() {
        let a = KpiCounts {
            visits: 3,
            osa_lines: 7,
            returns_pending: 2,
            ..Default::default()
        };
        let mut b = a;
        b += a;
        b -= a;
        assert_eq!(a, b);
    }
}
