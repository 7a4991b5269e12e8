//! The lapse risk calibrated on the book's own past: a logistic regression
//! over eleven features of each store's purchases, fitted on cuts of the
//! book before today (which stores stopped after each cut), then applied
//! today. Nothing after today is read. See docs/loyalty.md for the method
//! and its backtest against BG/NBD and Pareto/NBD.

// the matrix and vector loops index as the formulas read
#![allow(clippy::needless_range_loop)]

use super::purchases::Purchase;
use chrono::{Duration, NaiveDate};

pub const FEATURES: usize = 11;
/// Calibration cuts: today less the horizon, then half a horizon earlier, twice.
const CUTS: i64 = 3;
/// Fewer stacked rows than this: no fit (the per-store rhythm model decides).
const MIN_ROWS: usize = 50;
/// The L2 penalty on every weight but the intercept.
const LAMBDA: f64 = 1.0;
const MAX_ITERATIONS: usize = 50;
const TOLERANCE: f64 = 1e-8;
/// The book's gap (days) and spread (ln days) when no store shows one.
const DEFAULT_GAP_DAYS: f64 = 30.0;
const DEFAULT_SPREAD: f64 = 0.6;
const MIN_SPREAD: f64 = 0.1;

/// The book's usual gap and spread, for stores with too few purchases to
/// have their own.
#[derive(Debug, Clone, Copy, PartialEq)]
struct BookStats {
    ln_gap: f64,
    spread: f64,
}

fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

fn ln_gaps(ps: &[Purchase]) -> Vec<f64> {
    ps.windows(2)
        .map(|w| ((w[1].date - w[0].date).num_days().max(1) as f64).ln())
        .collect()
}

/// Median ln gap and 1.4826 · MAD of the ln gaps (a robust sd).
fn own_rhythm(ps: &[Purchase]) -> (Option<f64>, Option<f64>) {
    let mut l = ln_gaps(ps);
    let Some(m) = median(&mut l) else {
        return (None, None);
    };
    let spread = (ps.len() >= 4).then(|| {
        let mut dev: Vec<f64> = l.iter().map(|x| (x - m).abs()).collect();
        1.4826 * median(&mut dev).unwrap_or(0.0)
    });
    (Some(m), spread)
}

fn up_to(ps: &[Purchase], cut: NaiveDate) -> &[Purchase] {
    &ps[..ps.partition_point(|p| p.date <= cut)]
}

fn book_stats(histories: &[&[Purchase]], cut: NaiveDate) -> BookStats {
    let (mut gaps, mut spreads) = (Vec::new(), Vec::new());
    for h in histories {
        let (g, s) = own_rhythm(up_to(h, cut));
        gaps.extend(g);
        spreads.extend(s);
    }
    BookStats {
        ln_gap: median(&mut gaps).unwrap_or(DEFAULT_GAP_DAYS.ln()),
        spread: median(&mut spreads).unwrap_or(DEFAULT_SPREAD),
    }
}

fn mean_amount(ps: &[Purchase]) -> f64 {
    ps.iter().map(|p| p.amount as f64 / 100.0).sum::<f64>() / ps.len().max(1) as f64
}

/// The features of a store at `cut` from its purchases on or before it (by
/// date, one a day); none without a purchase.
fn features(ps: &[Purchase], cut: NaiveDate, book: BookStats) -> Option<[f64; FEATURES]> {
    let ps = up_to(ps, cut);
    let (first, last) = (ps.first()?.date, ps.last()?.date);
    let n = ps.len();
    let rec = (cut - last).num_days().max(0) as f64;
    let age = (cut - first).num_days().max(0) as f64;
    let (own_gap, own_spread) = own_rhythm(ps);
    let ln_gap = own_gap.unwrap_or(book.ln_gap);
    let spread = own_spread.unwrap_or(book.spread).max(MIN_SPREAD);
    let ln_rec = rec.ln_1p();
    let max_gap = ps
        .windows(2)
        .map(|w| (w[1].date - w[0].date).num_days())
        .max()
        .unwrap_or(0) as f64;
    let over_max = if n >= 2 {
        ln_rec - max_gap.ln_1p()
    } else {
        0.0
    };
    let trend = if n >= 4 {
        let (before, recent) = ps.split_at(n - 2);
        mean_amount(recent).max(0.0).ln_1p() - mean_amount(before).max(0.0).ln_1p()
    } else {
        0.0
    };
    Some([
        ln_rec,
        (n as f64).ln(),
        age.ln_1p(),
        ln_gap,
        ((ln_rec - ln_gap) / spread).clamp(-6.0, 6.0),
        over_max,
        if n == 1 { 1.0 } else { 0.0 },
        spread,
        mean_amount(ps).max(0.0).ln_1p(),
        trend,
        ((n - 1) as f64 * rec / (1.0 + age)).ln_1p(),
    ])
}

/// The fitted model: the calibration rows' means and sds, and the weights
/// (intercept first) over the standardised features.
#[derive(Debug, Clone, PartialEq)]
pub struct Calibration {
    mean: [f64; FEATURES],
    sd: [f64; FEATURES],
    weights: [f64; FEATURES + 1],
    book: BookStats,
    /// The horizon the labels looked over (shorter than asked for in a book
    /// younger than two horizons).
    pub horizon_days: i64,
    /// Stacked calibration rows, and how many of them lapsed.
    pub rows: usize,
    pub lapsed: usize,
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Solves H x = g for a symmetric positive definite H (Cholesky).
fn solve(mut h: Vec<Vec<f64>>, g: &[f64]) -> Option<Vec<f64>> {
    let n = g.len();
    for j in 0..n {
        let d = h[j][j] - (0..j).map(|k| h[j][k] * h[j][k]).sum::<f64>();
        if d <= 0.0 || !d.is_finite() {
            return None;
        }
        h[j][j] = d.sqrt();
        for i in j + 1..n {
            let s = h[i][j] - (0..j).map(|k| h[i][k] * h[j][k]).sum::<f64>();
            h[i][j] = s / h[j][j];
        }
    }
    let mut y = vec![0.0; n];
    for i in 0..n {
        y[i] = (g[i] - (0..i).map(|k| h[i][k] * y[k]).sum::<f64>()) / h[i][i];
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        x[i] = (y[i] - (i + 1..n).map(|k| h[k][i] * x[k]).sum::<f64>()) / h[i][i];
    }
    Some(x)
}

/// L2 logistic regression by Newton's method; `rows` carry the intercept
/// column first.
fn fit(rows: &[[f64; FEATURES + 1]], labels: &[bool]) -> Option<[f64; FEATURES + 1]> {
    const K: usize = FEATURES + 1;
    let mut w = [0.0; K];
    for _ in 0..MAX_ITERATIONS {
        let mut g = [0.0; K];
        let mut h = vec![vec![0.0; K]; K];
        for (x, &y) in rows.iter().zip(labels) {
            let p = sigmoid(x.iter().zip(&w).map(|(a, b)| a * b).sum());
            let r = p - if y { 1.0 } else { 0.0 };
            let v = p * (1.0 - p);
            for i in 0..K {
                g[i] += x[i] * r;
                for j in 0..=i {
                    h[i][j] += v * x[i] * x[j];
                }
            }
        }
        for i in 0..K {
            for j in 0..i {
                h[j][i] = h[i][j];
            }
            if i > 0 {
                g[i] += LAMBDA * w[i];
                h[i][i] += LAMBDA;
            }
        }
        let step = solve(h, &g)?;
        let mut largest: f64 = 0.0;
        for i in 0..K {
            w[i] -= step[i];
            largest = largest.max(step[i].abs());
        }
        if !w.iter().all(|x| x.is_finite()) {
            return None;
        }
        if largest < TOLERANCE {
            break;
        }
    }
    Some(w)
}

/// Fits the model on the book's past as of `today`: at each cut, which
/// stores bought nothing over the following horizon. `None` when the book
/// is too small or too uniform to learn from (fewer than 50 rows, or every
/// store lapsed or none did): the per-store rhythm model then decides.
/// Each history is by date, one purchase a day.
pub fn calibrate(
    histories: &[&[Purchase]],
    today: NaiveDate,
    horizon_days: i64,
) -> Option<Calibration> {
    let first = histories
        .iter()
        .filter_map(|h| h.first().map(|p| p.date))
        .filter(|d| *d <= today)
        .min()?;
    let span = (today - first).num_days();
    let hc = horizon_days.min(span / 2);
    if hc < 1 {
        return None;
    }
    let step = hc / 2;
    let mut xs: Vec<[f64; FEATURES]> = Vec::new();
    let mut labels = Vec::new();
    for k in 0..CUTS {
        if k > 0 && step == 0 {
            break;
        }
        let cut = today - Duration::days(hc + k * step);
        if k > 0 && (cut - first).num_days() < step {
            break;
        }
        let book = book_stats(histories, cut);
        let end = cut + Duration::days(hc);
        for h in histories {
            if let Some(x) = features(h, cut, book) {
                xs.push(x);
                labels.push(!h.iter().any(|p| p.date > cut && p.date <= end));
            }
        }
    }
    let lapsed = labels.iter().filter(|l| **l).count();
    if xs.len() < MIN_ROWS || lapsed == 0 || lapsed == labels.len() {
        return None;
    }
    let n = xs.len() as f64;
    let mut mean = [0.0; FEATURES];
    let mut sd = [0.0; FEATURES];
    for x in &xs {
        for i in 0..FEATURES {
            mean[i] += x[i] / n;
        }
    }
    for x in &xs {
        for i in 0..FEATURES {
            sd[i] += (x[i] - mean[i]).powi(2) / n;
        }
    }
    for s in &mut sd {
        *s = if s.sqrt() < 1e-9 { 1.0 } else { s.sqrt() };
    }
    let rows: Vec<[f64; FEATURES + 1]> = xs
        .iter()
        .map(|x| {
            let mut r = [1.0; FEATURES + 1];
            for i in 0..FEATURES {
                r[i + 1] = (x[i] - mean[i]) / sd[i];
            }
            r
        })
        .collect();
    let weights = fit(&rows, &labels)?;
    Some(Calibration {
        mean,
        sd,
        weights,
        book: book_stats(histories, today),
        horizon_days: hc,
        rows: rows.len(),
        lapsed,
    })
}

impl Calibration {
    /// The chance that a store with these purchases (by date, one a day)
    /// buys nothing over the horizon after `today`; none without a purchase.
    pub fn score(&self, purchases: &[Purchase], today: NaiveDate) -> Option<f64> {
        let x = features(purchases, today, self.book)?;
        let mut s = self.weights[0];
        for i in 0..FEATURES {
            s += self.weights[i + 1] * (x[i] - self.mean[i]) / self.sd[i];
        }
        Some(sigmoid(s))
    }
}

/// The flag threshold the risks themselves expect to give the best F1:
/// taking the flagged risks as the expected true positives and all risks
/// as the expected lapses, flag the top k that maximise 2·Σtop / (k + Σall).
/// It needs no label; `None` for no risks.
pub fn expected_f1_threshold(risks: &[f64]) -> Option<f64> {
    let mut p: Vec<f64> = risks.iter().copied().filter(|x| x.is_finite()).collect();
    p.sort_by(|a, b| b.total_cmp(a));
    let total: f64 = p.iter().sum();
    let (mut best, mut at, mut top) = (f64::MIN, None, 0.0);
    for (k, x) in p.iter().enumerate() {
        top += x;
        let f = 2.0 * top / ((k + 1) as f64 + total);
        if f > best {
            best = f;
            at = Some(*x);
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::loyalty::Source;

    fn d(n: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Duration::days(n)
    }

    fn p(day: i64, amount: i64) -> Purchase {
        Purchase {
            date: d(day),
            amount,
            source: Source::Erp,
        }
    }

    #[test]
    fn features_of_a_store() {
        let book = BookStats {
            ln_gap: 7f64.ln(),
            spread: 0.5,
        };
        // weekly, 10 purchases, last one 14 days before the cut
        let ps: Vec<Purchase> = (0..10).map(|i| p(i * 7, 1000)).collect();
        let x = features(&ps, d(63 + 14), book).unwrap();
        assert!((x[0] - 15f64.ln()).abs() < 1e-12, "ln(1 + 14)");
        assert!((x[1] - 10f64.ln()).abs() < 1e-12);
        assert!((x[2] - 78f64.ln()).abs() < 1e-12, "ln(1 + 77)");
        assert!((x[3] - 7f64.ln()).abs() < 1e-12, "its own gap");
        assert!((x[7] - MIN_SPREAD).abs() < 1e-12, "no spread: the floor");
        assert_eq!(x[4], 6.0, "z is clipped");
        assert!((x[5] - (15f64.ln() - 8f64.ln())).abs() < 1e-12);
        assert_eq!(x[6], 0.0);
        assert!((x[8] - 11f64.ln()).abs() < 1e-12, "ln(1 + 10.00)");
        assert_eq!(x[9], 0.0, "flat spend");
        assert!((x[10] - (9.0 * 14.0 / 78.0f64).ln_1p()).abs() < 1e-12);
        // purchases after the cut are not seen; one purchase takes the book's rhythm
        let one = features(&ps, d(3), book).unwrap();
        assert_eq!(one[6], 1.0);
        assert_eq!((one[3], one[7]), (book.ln_gap, book.spread));
        assert_eq!((one[5], one[9], one[10]), (0.0, 0.0, 0.0));
        assert!(features(&ps, d(-1), book).is_none());
    }

    #[test]
    fn expected_f1_flags_the_likely_ones() {
        assert_eq!(expected_f1_threshold(&[]), None);
        let t = expected_f1_threshold(&[0.9, 0.05, 0.85, 0.1, 0.02]).unwrap();
        assert_eq!(t, 0.85);
        // all alike: flag them all
        assert_eq!(expected_f1_threshold(&[0.8, 0.8, 0.8]), Some(0.8));
    }

    #[test]
    fn cholesky_solves() {
        let h = vec![vec![4.0, 2.0], vec![2.0, 3.0]];
        let x = solve(h, &[2.0, 1.0]).unwrap();
        assert!((4.0 * x[0] + 2.0 * x[1] - 2.0).abs() < 1e-12);
        assert!((2.0 * x[0] + 3.0 * x[1] - 1.0).abs() < 1e-12);
        assert!(solve(vec![vec![0.0]], &[1.0]).is_none());
    }

    /// A book where a third of the stores stop for good at some point: the
    /// model learns that silence long against a store's rhythm is a lapse.
    fn book() -> Vec<Vec<Purchase>> {
        book_stopping(200, 300)
    }

    fn book_stopping(from: i64, within: i64) -> Vec<Vec<Purchase>> {
        (0..120)
            .map(|s: i64| {
                let gap = 5 + s % 20;
                let stops = if s % 3 == 0 {
                    from + (s * 37) % within
                } else {
                    10_000
                };
                (0..)
                    .map(|i| (s % 7) + i * gap)
                    .take_while(|day| *day <= 720 && *day < stops)
                    .map(|day| p(day, 500 + 10 * s))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_calibrated_risk_ranks_stopped_stores_first() {
        let histories = book();
        let refs: Vec<&[Purchase]> = histories.iter().map(Vec::as_slice).collect();
        let today = d(720);
        let cal = calibrate(&refs, today, 90).unwrap();
        assert_eq!(cal.horizon_days, 90);
        assert!(cal.rows > 300 && cal.lapsed > 0, "{cal:?}");
        let stopped_long_ago = cal.score(&histories[0], today).unwrap();
        let steady = cal.score(&histories[1], today).unwrap();
        assert!(stopped_long_ago > 0.8, "{stopped_long_ago}");
        assert!(steady < 0.2, "{steady}");
        // nothing after today is read: cutting the histories changes nothing
        let cut: Vec<Vec<Purchase>> = histories
            .iter()
            .map(|h| h.iter().copied().filter(|x| x.date <= d(600)).collect())
            .collect();
        let cut_refs: Vec<&[Purchase]> = cut.iter().map(Vec::as_slice).collect();
        assert_eq!(
            calibrate(&refs, d(600), 90),
            calibrate(&cut_refs, d(600), 90)
        );
    }

    #[test]
    fn too_small_or_too_uniform_a_book_is_not_fitted() {
        let few: Vec<Vec<Purchase>> = (0..10).map(|_| vec![p(0, 1), p(7, 1)]).collect();
        let refs: Vec<&[Purchase]> = few.iter().map(Vec::as_slice).collect();
        assert!(calibrate(&refs, d(400), 90).is_none(), "20 rows");
        // everybody keeps buying weekly: no lapse to learn from
        let steady: Vec<Vec<Purchase>> = (0..60)
            .map(|_| (0..60).map(|i| p(i * 7, 100)).collect())
            .collect();
        let refs: Vec<&[Purchase]> = steady.iter().map(Vec::as_slice).collect();
        assert!(calibrate(&refs, d(413), 90).is_none());
        // a young book calibrates on half its age
        let young = book_stopping(20, 40);
        let refs: Vec<&[Purchase]> = young.iter().map(Vec::as_slice).collect();
        assert_eq!(calibrate(&refs, d(120), 90).unwrap().horizon_days, 60);
    }
}
