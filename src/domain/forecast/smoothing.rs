//! Exponential smoothing for regular series: simple (level only) and with a
//! damped additive trend (Gardner–McKenzie). The smoothing constants are
//! picked from a small grid by the one-week-ahead error over the history.

use super::{ALPHAS, Forecast, Method};

/// Level-only smoothing: ℓ ← ℓ + α(y − ℓ), forecast ℓ.
pub fn ses(weekly: &[f64]) -> Forecast {
    let mut best: Option<(f64, f64)> = None; // (sse, level)
    for alpha in ALPHAS {
        let (sse, level) = run_ses(weekly, alpha);
        if best.is_none_or(|(b, _)| sse < b) {
            best = Some((sse, level));
        }
    }
    let (sse, level) = best.unwrap_or((0.0, 0.0));
    Forecast {
        method: Method::Ses,
        per_week: level.max(0.0),
        trend: 0.0,
        damping: 1.0,
        error_week: rmse(sse, weekly.len()),
        class: None,
        history_days: 0.0,
    }
}

/// Start from the mean of the first four weeks, so one odd first week does not
/// steer the whole fit.
fn start_level(weekly: &[f64]) -> f64 {
    let n = weekly.len().clamp(1, 4);
    weekly.iter().take(n).sum::<f64>() / n as f64
}

fn run_ses(weekly: &[f64], alpha: f64) -> (f64, f64) {
    let mut level = start_level(weekly);
    let mut sse = 0.0;
    for &y in weekly {
        sse += (y - level).powi(2);
        level += alpha * (y - level);
    }
    (sse, level)
}

/// Damping of the trend: each week ahead carries φ of the previous one's trend.
pub const DAMPING: f64 = 0.9;
const BETAS: [f64; 2] = [0.05, 0.15];

/// Damped trend: ℓ ← α y + (1−α)(ℓ + φ b), b ← β(ℓ − ℓ₋) + (1−β) φ b,
/// forecast h weeks ahead ℓ + (φ + … + φ^h) b.
pub fn holt_damped(weekly: &[f64]) -> Forecast {
    let mut best: Option<(f64, f64, f64)> = None; // (sse, level, trend)
    for alpha in ALPHAS {
        for beta in BETAS {
            let r = run_holt(weekly, alpha, beta);
            if best.is_none_or(|(b, _, _)| r.0 < b) {
                best = Some(r);
            }
        }
    }
    let (sse, level, trend) = best.unwrap_or((0.0, 0.0, 0.0));
    Forecast {
        method: Method::Trend,
        per_week: (level + DAMPING * trend).max(0.0),
        trend,
        damping: DAMPING,
        error_week: rmse(sse, weekly.len()),
        class: None,
        history_days: 0.0,
    }
}

fn run_holt(weekly: &[f64], alpha: f64, beta: f64) -> (f64, f64, f64) {
    let mut level = start_level(weekly);
    let mut trend = 0.0;
    let mut sse = 0.0;
    for &y in weekly {
        let forecast = level + DAMPING * trend;
        sse += (y - forecast).powi(2);
        let prev = level;
        level = alpha * y + (1.0 - alpha) * forecast;
        trend = beta * (level - prev) + (1.0 - beta) * DAMPING * trend;
    }
    (sse, level, trend)
}

fn rmse(sse: f64, n: usize) -> f64 {
    if n == 0 { 0.0 } else { (sse / n as f64).sqrt() }
}

/// Smoothing constants for any period length: daily series need the small ones.
const PERIOD_ALPHAS: [f64; 6] = [0.02, 0.05, 0.1, 0.2, 0.3, 0.5];

/// Level-only smoothing for days or weeks, started at the mean of the whole
/// series (a backcast: the first periods do not steer the fit), α by the
/// one-period-ahead error.
pub fn ses_periods(values: &[f64]) -> Forecast {
    let n = values.len().max(1);
    let start = values.iter().sum::<f64>() / n as f64;
    let mut best: Option<(f64, f64)> = None;
    for alpha in PERIOD_ALPHAS {
        let mut level = start;
        let mut sse = 0.0;
        for &y in values {
            sse += (y - level).powi(2);
            level += alpha * (y - level);
        }
        if best.is_none_or(|(b, _)| sse < b) {
            best = Some((sse, level));
        }
    }
    let (sse, level) = best.unwrap_or((0.0, 0.0));
    Forecast {
        method: Method::Ses,
        per_week: level.max(0.0),
        trend: 0.0,
        damping: 1.0,
        error_week: rmse(sse, values.len()),
        class: None,
        history_days: 0.0,
    }
}

/// The damped trend on any periods (the grid of `holt_damped`).
pub fn holt_damped_periods(values: &[f64]) -> Forecast {
    holt_damped(values)
}
