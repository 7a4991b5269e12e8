//! A store's own buying rhythm: its usual gap and how much the gaps vary,
//! shrunk towards the whole book's rhythm while the store's history is short.

use serde::Serialize;

/// The rhythm assumed for a store with little history: the median of all
/// stores' usual gaps (see `book_prior`), and a wide spread.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RhythmPrior {
    pub gap_days: f64,
    /// Spread of ln(gap).
    pub spread: f64,
}

impl Default for RhythmPrior {
    fn default() -> Self {
        Self {
            gap_days: 14.0,
            spread: 0.6,
        }
    }
}

/// Pseudo-gaps the prior is worth: two real gaps weigh as much as it.
const PRIOR_WEIGHT: f64 = 2.0;
/// Even a clockwork store's gaps vary this much in ln terms (~±30 %):
/// deliveries slip, holidays move a day.
const MIN_SPREAD: f64 = 0.3;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rhythm {
    /// Usual days between purchases.
    pub usual_gap: f64,
    /// Spread of ln(gap) (0.3 steady … 1 erratic).
    pub spread: f64,
    /// Real gaps behind it.
    pub gaps: usize,
}

fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

/// The rhythm from the gaps (days). Median and median absolute deviation in
/// ln space, so one holiday gap does not move the usual gap much.
pub fn rhythm(gaps: &[i64], prior: RhythmPrior) -> Rhythm {
    let n = gaps.len() as f64;
    let mut logs: Vec<f64> = gaps.iter().map(|g| (*g.max(&1) as f64).ln()).collect();
    logs.sort_by(f64::total_cmp);
    let (m_store, s_store) = if logs.is_empty() {
        (0.0, 0.0)
    } else {
        let m = median(&logs);
        let mut dev: Vec<f64> = logs.iter().map(|l| (l - m).abs()).collect();
        dev.sort_by(f64::total_cmp);
        (m, 1.4826 * median(&dev))
    };
    let m0 = prior.gap_days.max(1.0).ln();
    let m = (n * m_store + PRIOR_WEIGHT * m0) / (n + PRIOR_WEIGHT);
    let var =
        (n * s_store * s_store + PRIOR_WEIGHT * prior.spread * prior.spread) / (n + PRIOR_WEIGHT);
    Rhythm {
        usual_gap: m.exp(),
        spread: var.sqrt().max(MIN_SPREAD),
        gaps: gaps.len(),
    }
}

/// The book's prior: the median usual gap of the stores with at least three
/// gaps (the default when none has).
pub fn book_prior(all_gaps: &[Vec<i64>]) -> RhythmPrior {
    let mut usual: Vec<f64> = all_gaps
        .iter()
        .filter(|g| g.len() >= 3)
        .map(|g| rhythm(g, RhythmPrior::default()).usual_gap)
        .collect();
    if usual.is_empty() {
        return RhythmPrior::default();
    }
    usual.sort_by(f64::total_cmp);
    RhythmPrior {
        gap_days: median(&usual),
        ..RhythmPrior::default()
    }
}

/// P(a gap is longer than `t` days) for a log-normal gap of this rhythm.
pub fn survival(r: &Rhythm, t: f64) -> f64 {
    if t <= 0.0 {
        return 1.0;
    }
    let z = (t.ln() - r.usual_gap.ln()) / r.spread;
    0.5 * erfc(z / std::f64::consts::SQRT_2)
}

/// Complementary error function by Abramowitz and Stegun 7.1.26
/// (absolute error < 1.5e-7: plenty for a risk shown in percent).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let r = poly * (-z * z).exp();
    if x >= 0.0 { r } else { 2.0 - r }
}
