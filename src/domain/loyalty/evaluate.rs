//! How well a risk ranks and flags lapses: AUC and F1, and the backtest
//! split (cut each history at a calibration date, label a lapse when no
//! purchase follows within the horizon). See docs/loyalty.md, "Backtest".

use super::book::book;
use super::gaps::gaps;
use super::purchases::Purchase;
use super::risk::risk;
use crate::domain::Settings;
use chrono::{Duration, NaiveDate};
use serde::Serialize;

/// Area under the ROC curve of `scores` for the positives in `labels`
/// (Mann–Whitney, ties counted half). 0.5 when one class is missing.
pub fn auc(scores: &[f64], labels: &[bool]) -> f64 {
    let mut idx: Vec<usize> = (0..scores.len()).collect();
    idx.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    let positives = labels.iter().filter(|l| **l).count() as f64;
    let negatives = labels.len() as f64 - positives;
    if positives == 0.0 || negatives == 0.0 {
        return 0.5;
    }
    // average rank of each run of ties, ranks from 1
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && scores[idx[j + 1]] == scores[idx[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        rank_sum += rank * idx[i..=j].iter().filter(|&&k| labels[k]).count() as f64;
        i = j + 1;
    }
    (rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives)
}

/// Precision, recall and F1 of `flags` against `labels` (0 when nothing is
/// flagged or nothing is positive).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FlagScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

pub fn f1(flags: &[bool], labels: &[bool]) -> FlagScore {
    let tp = flags.iter().zip(labels).filter(|(f, l)| **f && **l).count() as f64;
    let flagged = flags.iter().filter(|f| **f).count() as f64;
    let positives = labels.iter().filter(|l| **l).count() as f64;
    let precision = if flagged > 0.0 { tp / flagged } else { 0.0 };
    let recall = if positives > 0.0 { tp / positives } else { 0.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    FlagScore {
        precision,
        recall,
        f1,
    }
}

/// The best F1 any threshold on `scores` reaches (flag score ≥ threshold),
/// and that threshold: what a rule could do if it were tuned on the answer.
pub fn best_f1(scores: &[f64], labels: &[bool]) -> (f64, f64) {
    let mut idx: Vec<usize> = (0..scores.len()).collect();
    idx.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let positives = labels.iter().filter(|l| **l).count() as f64;
    let (mut tp, mut best, mut at) = (0.0, 0.0, f64::INFINITY);
    let mut i = 0;
    while i < idx.len() {
        let s = scores[idx[i]];
        while i < idx.len() && scores[idx[i]] == s {
            if labels[idx[i]] {
                tp += 1.0;
            }
            i += 1;
        }
        let f = 2.0 * tp / (i as f64 + positives);
        if f > best {
            best = f;
            at = s;
        }
    }
    (best, at)
}

/// One customer (store) at the calibration date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scored {
    pub customer: String,
    /// No purchase in the horizon after the cut.
    pub lapsed: bool,
    /// Our risk as of the cut, and whether it is flagged (`at_risk`)...
    pub risk: f64,
    pub at_risk: bool,
    /// ...and the per-store rhythm model alone (`risk::risk`, the fallback
    /// for a book too small to calibrate on).
    pub rhythm_risk: f64,
    pub rhythm_at_risk: bool,
    /// Days since the last purchase at the cut.
    pub days_since: i64,
    /// Days since the last purchase over the median gap so far (the book's
    /// median gap for a customer with one purchase).
    pub gaps_overdue: f64,
    /// Purchase days up to the cut, and first purchase day.
    pub purchases: usize,
    pub first: NaiveDate,
}

/// Cuts every history at `cut`: customers with a purchase on or before it
/// are scored as of `cut` (only what they bought until then), labelled
/// lapsed when they buy nothing in (cut, cut + horizon].
pub fn backtest(
    histories: &[(String, Vec<Purchase>)],
    cut: NaiveDate,
    horizon_days: i64,
    settings: &Settings,
) -> Vec<Scored> {
    let end = cut + Duration::days(horizon_days);
    let past: Vec<(&str, Vec<Purchase>, bool)> = histories
        .iter()
        .filter_map(|(c, ps)| {
            let before: Vec<Purchase> = ps.iter().copied().filter(|p| p.date <= cut).collect();
            if before.is_empty() {
                return None;
            }
            let lapsed = !ps.iter().any(|p| p.date > cut && p.date <= end);
            Some((c.as_str(), before, lapsed))
        })
        .collect();
    let all_gaps: Vec<Vec<i64>> = past.iter().map(|(_, ps, _)| gaps(ps)).collect();
    let refs: Vec<&[Purchase]> = past.iter().map(|(_, ps, _)| ps.as_slice()).collect();
    let prior = book(&refs, cut);
    let calibrated = super::risk::book_risks(&refs, cut, settings);
    past.iter()
        .zip(&all_gaps)
        .zip(calibrated)
        .map(|(((customer, ps, lapsed), g), c)| {
            let r = risk(ps, cut, prior, settings);
            let last = ps[ps.len() - 1].date;
            let days_since = (cut - last).num_days();
            let median = super::gaps::gap_stats(g)
                .map(|s| s.median)
                .unwrap_or(prior.gap_days)
                .max(1.0);
            Scored {
                customer: customer.to_string(),
                lapsed: *lapsed,
                risk: c.risk,
                at_risk: c.at_risk,
                rhythm_risk: r.risk,
                rhythm_at_risk: r.at_risk,
                days_since,
                gaps_overdue: days_since as f64 / median,
                purchases: ps.len(),
                first: ps[0].date,
            }
        })
        .collect()
}

/// One line of the backtest table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MethodScore {
    pub method: &'static str,
    pub auc: f64,
    /// F1 of the method's own flag...
    pub f1: f64,
    /// ...and the best F1 any threshold would reach, with that threshold.
    pub best_f1: f64,
    pub best_threshold: f64,
}

fn score(method: &'static str, scores: &[f64], flags: &[bool], labels: &[bool]) -> MethodScore {
    let (best_f1, best_threshold) = best_f1(scores, labels);
    MethodScore {
        method,
        auc: auc(scores, labels),
        f1: f1(flags, labels).f1,
        best_f1,
        best_threshold,
    }
}

/// Ours against the plain recency rules: days since the last purchase
/// (flagged past the horizon: already silent longer than the window we
/// judge), and that silence in usual gaps (flagged past two gaps).
pub fn table(rows: &[Scored], horizon_days: i64) -> Vec<MethodScore> {
    let labels: Vec<bool> = rows.iter().map(|r| r.lapsed).collect();
    let ours: Vec<f64> = rows.iter().map(|r| r.risk).collect();
    let since: Vec<f64> = rows.iter().map(|r| r.days_since as f64).collect();
    let overdue: Vec<f64> = rows.iter().map(|r| r.gaps_overdue).collect();
    let rhythm: Vec<f64> = rows.iter().map(|r| r.rhythm_risk).collect();
    vec![
        score(
            "rounds risk",
            &ours,
            &rows.iter().map(|r| r.at_risk).collect::<Vec<_>>(),
            &labels,
        ),
        score(
            "rounds rhythm model alone",
            &rhythm,
            &rows.iter().map(|r| r.rhythm_at_risk).collect::<Vec<_>>(),
            &labels,
        ),
        score(
            "days since last purchase",
            &since,
            &since
                .iter()
                .map(|d| *d > horizon_days as f64)
                .collect::<Vec<_>>(),
            &labels,
        ),
        score(
            "silence / median gap",
            &overdue,
            &overdue.iter().map(|g| *g >= 2.0).collect::<Vec<_>>(),
            &labels,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_by_case() {
        let l = [false, false, true, true];
        // (name, scores, expected)
        let cases: [(&str, [f64; 4], f64); 5] = [
            ("perfect", [0.1, 0.2, 0.8, 0.9], 1.0),
            ("reversed", [0.9, 0.8, 0.2, 0.1], 0.0),
            ("all tied", [0.5; 4], 0.5),
            ("one pair wrong", [0.1, 0.85, 0.8, 0.9], 0.75),
            (
                "a tie across classes counts half",
                [0.1, 0.8, 0.8, 0.9],
                0.875,
            ),
        ];
        for (name, s, want) in cases {
            assert!(
                (auc(&s, &l) - want).abs() < 1e-12,
                "{name}: {}",
                auc(&s, &l)
            );
        }
        assert_eq!(auc(&[0.3, 0.4], &[true, true]), 0.5, "one class only");
    }

    #[test]
    fn f1_by_case() {
        let l = [true, true, false, false];
        let all = f1(&[true; 4], &l);
        assert_eq!((all.precision, all.recall), (0.5, 1.0));
        assert!((all.f1 - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(f1(&[true, true, false, false], &l).f1, 1.0);
        assert_eq!(f1(&[false; 4], &l).f1, 0.0, "nothing flagged");
        let half = f1(&[true, false, true, false], &l);
        assert_eq!((half.precision, half.recall, half.f1), (0.5, 0.5, 0.5));
    }

    #[test]
    fn best_f1_finds_the_threshold() {
        let l = [false, true, false, true, true];
        let s = [0.1, 0.9, 0.4, 0.8, 0.7];
        assert_eq!(best_f1(&s, &l), (1.0, 0.7));
        // ties move together: flagging 0.5 flags both
        let (f, at) = best_f1(&[0.5, 0.5, 0.1], &[true, false, false]);
        assert!((f - 2.0 / 3.0).abs() < 1e-12 && at == 0.5);
    }

    #[test]
    fn backtest_cuts_and_labels() {
        let d = |n: i64| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(n);
        let p = |n: i64| Purchase {
            date: d(n),
            amount: 100,
            source: super::super::purchases::Source::Erp,
        };
        let histories = vec![
            // weekly, keeps buying after the cut
            ("A".to_string(), (0..30).map(|i| p(i * 7)).collect()),
            // weekly, stopped 8 weeks before the cut
            ("B".to_string(), (0..20).map(|i| p(i * 7)).collect()),
            // first bought after the cut: not in the cohort
            ("C".to_string(), vec![p(200), p(210)]),
        ];
        let rows = backtest(&histories, d(190), 90, &Settings::default());
        assert_eq!(rows.len(), 2);
        let a = &rows[0];
        let b = &rows[1];
        assert!(!a.lapsed && b.lapsed);
        assert_eq!(a.purchases, 28, "nothing after the cut is seen");
        assert!(b.risk > a.risk && b.at_risk && !a.at_risk);
        let t = table(&rows, 90);
        assert_eq!(t[0].auc, 1.0);
        assert_eq!(t[0].f1, 1.0);
    }
}
