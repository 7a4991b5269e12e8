//! The estimate for one series of periods (days or weeks): stock-outs left
//! out, the series classified by ADI/CV² (Syntetos–Boylan), TSB for
//! intermittent and lumpy series, smoothing for smooth and erratic ones,
//! then shrunk toward a pooled prior when the series is thin.

use super::smoothing::{holt_damped_periods, ses_periods};
use super::{Forecast, Method, tsb};
use serde::{Deserialize, Serialize};

/// One line's history, oldest first, in whole periods ending the day before
/// the order date.
#[derive(Debug, Clone, Copy)]
pub struct Series<'a> {
    pub values: &'a [f64],
    /// Periods the audit saw the line out of stock: what sold there is not
    /// what was wanted, so they are left out of the fit. Empty: none.
    pub censored: &'a [bool],
    /// 1 (daily history) or 7 (weekly).
    pub period_days: u32,
}

impl<'a> Series<'a> {
    pub fn weekly(values: &'a [f64]) -> Self {
        Self {
            values,
            censored: &[],
            period_days: 7,
        }
    }

    pub fn daily(values: &'a [f64]) -> Self {
        Self {
            values,
            censored: &[],
            period_days: 1,
        }
    }

    fn is_censored(&self, i: usize) -> bool {
        self.censored.get(i).copied().unwrap_or(false)
    }

    /// The periods the fit may use.
    pub fn observed(&self) -> impl Iterator<Item = f64> + '_ {
        self.values
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.is_censored(*i))
            .map(|(_, q)| q.max(0.0))
    }
}

/// Demand of a thin series is pulled toward this (the item across stores,
/// scaled by the store's level in the category), as a gamma prior.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Prior {
    pub per_day: f64,
    /// How many days of the series' own history weigh as much as the prior.
    pub strength_days: f64,
}

/// Syntetos–Boylan–Croston demand classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    Smooth,
    Erratic,
    Intermittent,
    Lumpy,
}

/// The cut-offs of the classes: average demand interval and squared
/// coefficient of variation of the sizes (Syntetos, Boylan & Croston 2005).
pub const ADI_CUT: f64 = 1.32;
pub const CV2_CUT: f64 = 0.49;

/// ADI and CV² of the observed periods; None when nothing sold.
pub fn adi_cv2(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    let (mut n, mut k, mut sum, mut sq) = (0usize, 0usize, 0.0, 0.0);
    for q in values {
        n += 1;
        if q > 0.0 {
            k += 1;
            sum += q;
            sq += q * q;
        }
    }
    if k == 0 {
        return None;
    }
    let mean = sum / k as f64;
    let var = (sq / k as f64 - mean * mean).max(0.0);
    Some((n as f64 / k as f64, var / (mean * mean)))
}

pub fn classify(adi: f64, cv2: f64) -> Class {
    match (adi >= ADI_CUT, cv2 >= CV2_CUT) {
        (false, false) => Class::Smooth,
        (false, true) => Class::Erratic,
        (true, false) => Class::Intermittent,
        (true, true) => Class::Lumpy,
    }
}

/// Weekly series at least this long may get a damped trend (chosen on a holdout).
pub const TREND_MIN_WEEKS: usize = 26;

/// Under eight weeks of history (in days) the level is the mean of what there is.
pub const SHORT_DAYS: f64 = 56.0;

fn mean_of(obs: &[f64]) -> Forecast {
    let n = obs.len().max(1) as f64;
    let mean = obs.iter().sum::<f64>() / n;
    let var = obs.iter().map(|q| (q - mean).powi(2)).sum::<f64>() / n;
    Forecast {
        method: Method::Mean,
        per_week: mean,
        trend: 0.0,
        damping: 1.0,
        error_week: var.sqrt(),
        class: None,
        history_days: 0.0,
    }
}

/// Below this many periods the fit's own error is no guide to the spread.
pub const FLOOR_BELOW: usize = 8;

/// The estimate of one series, with an optional pooled prior.
pub fn estimate_series(s: &Series<'_>, prior: Option<Prior>) -> Forecast {
    let obs: Vec<f64> = s.observed().collect();
    let days = f64::from(s.period_days.max(1));
    let n = obs.len();
    let Some((adi, cv2)) = adi_cv2(obs.iter().copied()) else {
        return no_sales(s, n);
    };
    let class = classify(adi, cv2);
    let short = (n as f64) * days < SHORT_DAYS;
    let mut f = match class {
        // too little history to fit a smoothing constant: the mean is the best level
        _ if short => mean_of(&obs),
        Class::Intermittent | Class::Lumpy => tsb::tsb(&obs),
        Class::Smooth | Class::Erratic => {
            let level = ses_periods(&obs);
            if s.period_days == 7 && n >= TREND_MIN_WEEKS {
                pick_on_holdout(&obs, level)
            } else {
                level
            }
        }
    };
    // per period → per week
    let scale = 7.0 / days;
    f.per_week *= scale;
    f.trend *= scale;
    f.error_week *= scale.sqrt();
    // a short history knows its own mean only roughly: σ of the mean added
    let mean = obs.iter().sum::<f64>() / n as f64;
    let var = obs.iter().map(|q| (q - mean).powi(2)).sum::<f64>() / n as f64;
    if s.period_days == 1 {
        // days are not independent (a level that wanders, a busy week): the
        // spread of the 7-day sums the history itself shows is a floor
        f.error_week = f.error_week.max(weekly_spread(&obs));
    }
    if n < FLOOR_BELOW {
        // too few periods for an error of its own: at least Poisson noise
        f.error_week = f.error_week.max((var.max(mean) * scale).sqrt());
    }
    f.history_days = n as f64 * days;
    if let Some(p) = prior.filter(|p| p.per_day.is_finite() && p.strength_days > 0.0) {
        // gamma–Poisson posterior mean: own days and prior days, weighted
        let own_days = n as f64 * days;
        let w = own_days / (own_days + p.strength_days);
        let pooled = w * f.per_week + (1.0 - w) * p.per_day * 7.0;
        f.per_week = pooled.max(0.0);
        f.trend *= w;
    }
    f.class = Some(class);
    f
}

/// Standard deviation of the rolling 7-day sums of a daily history (0 under two weeks).
fn weekly_spread(days: &[f64]) -> f64 {
    if days.len() < 14 {
        return 0.0;
    }
    let sums: Vec<f64> = days.windows(7).map(|w| w.iter().sum()).collect();
    let n = sums.len() as f64;
    let mean = sums.iter().sum::<f64>() / n;
    (sums.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n).sqrt()
}

fn no_sales(s: &Series<'_>, observed: usize) -> Forecast {
    let days = observed as u32 * s.period_days.max(1);
    Forecast {
        method: Method::NoSales(days.min(u32::from(u16::MAX)) as u16),
        per_week: 0.0,
        trend: 0.0,
        damping: 1.0,
        error_week: 0.0,
        class: None,
        history_days: 0.0,
    }
}

/// Damped trend only when it beats level-only smoothing on the last quarter
/// of the history, both fitted on what came before it.
fn pick_on_holdout(obs: &[f64], level: Forecast) -> Forecast {
    let hold = (obs.len() / 4).max(4);
    let (fit, test) = obs.split_at(obs.len() - hold);
    let err = |f: &Forecast| -> f64 {
        // h-step-ahead errors over the holdout from the end of `fit`
        let mut sq = 0.0;
        let mut damp_sum = 0.0;
        let mut phi = 1.0;
        for y in test {
            phi *= f.damping;
            damp_sum += phi;
            let level = f.per_week - f.damping * f.trend; // ℓ at the origin
            let fc = if f.trend == 0.0 {
                f.per_week
            } else {
                level + damp_sum * f.trend
            };
            sq += (y - fc).powi(2);
        }
        sq
    };
    let trend_fit = holt_damped_periods(fit);
    let level_fit = ses_periods(fit);
    if err(&trend_fit) < err(&level_fit) {
        holt_damped_periods(obs)
    } else {
        level
    }
}
