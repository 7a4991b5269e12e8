//! A store's own buying rhythm: its usual gap and how much the gaps vary,
//! shrunk towards the whole book's rhythm while the store's history is short.

use serde::Serialize;

/// What the whole book says about a store before its own history does: the
/// rhythm of a typical store, how much stores differ, and how likely a store
/// is to stop after a purchase. Fitted on the book (`book::book`); the
/// defaults serve a book too small to fit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RhythmPrior {
    /// The typical store's usual gap (days): the median over the stores.
    pub gap_days: f64,
    /// Spread of ln(gap) within a store (how much one store's gaps vary).
    pub spread: f64,
    /// Spread of the stores' ln(usual gap) around `gap_days` (how much stores differ).
    pub between: f64,
    /// Beta prior on the chance to stop after a purchase: mean a / (a + b).
    pub drop_a: f64,
    pub drop_b: f64,
}

impl Default for RhythmPrior {
    fn default() -> Self {
        Self {
            gap_days: 14.0,
            spread: 0.6,
            between: 0.5,
            drop_a: 1.0,
            drop_b: 4.0,
        }
    }
}

/// Pseudo-gaps the book's within-store spread is worth against the store's
/// own: two real gaps weigh as much as it.
const SPREAD_WEIGHT: f64 = 2.0;
/// Even a clockwork store's gaps vary this much in ln terms (~±30 %):
/// deliveries slip, holidays move a day.
const MIN_SPREAD: f64 = 0.3;
/// Stores differ at least this much in ln(usual gap), however alike the book.
const MIN_BETWEEN: f64 = 0.2;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rhythm {
    /// Usual days between purchases.
    pub usual_gap: f64,
    /// Spread of ln(next gap): the store's own variation and how sure we are
    /// of its usual gap (0.3 steady … 1 erratic or little known).
    pub spread: f64,
    /// Real gaps behind it.
    pub gaps: usize,
    /// Degrees of freedom of the next ln(gap) (Student t): few for a store
    /// little known, whose next gap may be far off; many for a long history.
    pub dof: f64,
}

fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

/// Median of ln(gaps) (robust: one holiday gap barely moves it) and the
/// sum of squared deviations of ln(gaps) about their mean with its degrees
/// of freedom (the store's own spread, unbiased even from a few gaps).
fn log_centre(gaps: &[i64]) -> (f64, f64, f64) {
    let mut logs: Vec<f64> = gaps.iter().map(|g| (*g.max(&1) as f64).ln()).collect();
    if logs.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    logs.sort_by(f64::total_cmp);
    let mean = logs.iter().sum::<f64>() / logs.len() as f64;
    let ss = logs.iter().map(|l| (l - mean).powi(2)).sum::<f64>();
    (median(&logs), ss, logs.len() as f64 - 1.0)
}

/// The rhythm from the gaps (days). The store's usual gap (median of ln
/// gaps) is shrunk towards the book's by how much stores differ against how
/// much one store's gaps vary (normal–normal: the book weighs as
/// spread²/between² gaps); the spread of the next gap adds what is still
/// unsure about the usual gap, so a store with one purchase gets the book's
/// rhythm, widely spread, and one with 30 gaps its own.
pub fn rhythm(gaps: &[i64], prior: RhythmPrior) -> Rhythm {
    let n = gaps.len() as f64;
    let (m_store, ss, dof) = log_centre(gaps);
    let within2 =
        (ss + SPREAD_WEIGHT * prior.spread * prior.spread) / (dof.max(0.0) + SPREAD_WEIGHT);
    let within2 = within2.max(MIN_SPREAD * MIN_SPREAD);
    let between2 = prior.between.max(MIN_BETWEEN).powi(2);
    let m0 = prior.gap_days.max(1.0).ln();
    let precision = n / within2 + 1.0 / between2;
    let m = (n * m_store / within2 + m0 / between2) / precision;
    Rhythm {
        usual_gap: m.exp(),
        spread: (within2 + 1.0 / precision).sqrt(),
        gaps: gaps.len(),
        dof: SPREAD_WEIGHT + n,
    }
}

/// The book's rhythm (drop prior left at its default; `book::book` fits
/// it): the median usual gap of the stores with a gap, the pooled spread of
/// ln(gap) within the stores with two, and how much the stores' usual gaps differ beyond what
/// their own few gaps explain.
pub fn book_prior(all_gaps: &[Vec<i64>]) -> RhythmPrior {
    let d = RhythmPrior::default();
    let centres: Vec<(f64, f64, usize)> = all_gaps
        .iter()
        .filter(|g| !g.is_empty())
        .map(|g| {
            let (m, _, _) = log_centre(g);
            (m, 0.0, g.len())
        })
        .collect();
    if centres.len() < 3 {
        return d;
    }
    // pooled within-store variance of ln(gap) about each store's mean: the
    // median of a few small deviations would understate how far a store's
    // next gap can fall (a store with 3 gaps rarely shows its long one)
    let (mut ss, mut dof) = (0.0, 0.0);
    for g in all_gaps.iter().filter(|g| g.len() >= 2) {
        let logs: Vec<f64> = g.iter().map(|x| (*x.max(&1) as f64).ln()).collect();
        let mean = logs.iter().sum::<f64>() / logs.len() as f64;
        ss += logs.iter().map(|l| (l - mean).powi(2)).sum::<f64>();
        dof += logs.len() as f64 - 1.0;
    }
    let spread = if dof > 0.0 {
        (ss / dof).sqrt().max(MIN_SPREAD)
    } else {
        d.spread
    };
    let mut ms: Vec<f64> = centres.iter().map(|c| c.0).collect();
    ms.sort_by(f64::total_cmp);
    let m0 = median(&ms);
    let mut dev: Vec<f64> = ms.iter().map(|m| (m - m0).abs()).collect();
    dev.sort_by(f64::total_cmp);
    let spread_of_means = 1.4826 * median(&dev);
    // a store's median of n gaps varies by about spread²/n on its own
    let mut noise: Vec<f64> = centres
        .iter()
        .map(|c| spread * spread / c.2 as f64)
        .collect();
    noise.sort_by(f64::total_cmp);
    let between2 = spread_of_means * spread_of_means - median(&noise);
    RhythmPrior {
        gap_days: m0.exp(),
        spread,
        between: between2.max(MIN_BETWEEN * MIN_BETWEEN).sqrt(),
        ..d
    }
}

/// P(a gap is longer than `t` days): ln(gap) is Student t around ln(usual
/// gap) with the rhythm's spread and degrees of freedom, the predictive of a
/// normal ln(gap) whose spread is itself only known from the gaps seen
/// (heavier tails while few are). With many gaps it is the log-normal.
pub fn survival(r: &Rhythm, t: f64) -> f64 {
    if t <= 0.0 {
        return 1.0;
    }
    let z = (t.ln() - r.usual_gap.ln()) / r.spread;
    let nu = r.dof;
    if nu > 200.0 {
        return 0.5 * erfc(z / std::f64::consts::SQRT_2);
    }
    let tail = 0.5 * incomplete_beta(nu / 2.0, 0.5, nu / (nu + z * z));
    if z >= 0.0 { tail } else { 1.0 - tail }
}

/// Regularized incomplete beta I_x(a, b) (continued fraction, Numerical
/// Recipes' betacf).
fn incomplete_beta(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let ln_front =
        super::book::ln_gamma(a + b) - super::book::ln_gamma(a) - super::book::ln_gamma(b)
            + a * x.ln()
            + b * (1.0 - x).ln();
    if x < (a + 1.0) / (a + b + 2.0) {
        ln_front.exp() * beta_fraction(a, b, x) / a
    } else {
        1.0 - ln_front.exp() * beta_fraction(b, a, 1.0 - x) / b
    }
}

fn beta_fraction(a: f64, b: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 - qab * x / qap;
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut h = d;
    for m in 1..200 {
        let m = m as f64;
        let m2 = 2.0 * m;
        let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        d = if d.abs() < TINY { TINY } else { d };
        c = 1.0 + aa / c;
        c = if c.abs() < TINY { TINY } else { c };
        d = 1.0 / d;
        h *= d * c;
        let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        d = if d.abs() < TINY { TINY } else { d };
        c = 1.0 + aa / c;
        c = if c.abs() < TINY { TINY } else { c };
        d = 1.0 / d;
        let del = d * c;
        h *= del;
        if (del - 1.0).abs() < 1e-12 {
            break;
        }
    }
    h
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
