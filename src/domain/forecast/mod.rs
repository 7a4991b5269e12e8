//! Demand estimation from weekly sales, chosen per series: SBA (Croston with
//! the Syntetos–Boylan correction) for intermittent series, exponential
//! smoothing (with a damped trend when it fits better) for regular ones.
//! Formulas in docs/ordering.md. Pure functions, no allocation per week.

pub mod backtest;
mod croston;
mod normal;
mod smoothing;

pub use croston::sba;
pub use normal::z_score;
pub use smoothing::{holt_damped, ses};

use serde::{Deserialize, Serialize};

/// Which estimator produced a forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Too little history: the mean of what there is.
    Mean,
    /// Syntetos–Boylan approximation of Croston's method.
    Sba,
    /// Simple exponential smoothing.
    Ses,
    /// Exponential smoothing with a damped additive trend.
    Trend,
}

impl Method {
    pub fn key(self) -> &'static str {
        match self {
            Self::Mean => "mean",
            Self::Sba => "sba",
            Self::Ses => "ses",
            Self::Trend => "trend",
        }
    }
}

/// The estimate for the weeks after the history.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Forecast {
    pub method: Method,
    /// Expected units in the next week.
    pub per_week: f64,
    /// Change of the weekly rate per week (0 unless `Method::Trend`).
    pub trend: f64,
    /// Damping of the trend per week ahead (φ).
    pub damping: f64,
    /// Root mean square of the one-week-ahead errors over the history.
    pub error_week: f64,
}

impl Forecast {
    /// Expected units over `days` from now (the trend summed week by week, damped).
    pub fn demand_over(&self, days: f64) -> f64 {
        let weeks = (days / 7.0).max(0.0);
        if self.trend == 0.0 {
            return (self.per_week * weeks).max(0.0);
        }
        // sum over the horizon of level + (φ + … + φ^h)·trend, whole weeks then the part
        let mut total = 0.0;
        let mut damp_sum = 0.0;
        let mut phi_h = 1.0;
        let mut left = weeks;
        while left > 0.0 {
            phi_h *= self.damping;
            damp_sum += phi_h;
            let share = left.min(1.0);
            total += share * (self.per_week + (damp_sum - self.damping) * self.trend);
            left -= 1.0;
        }
        total.max(0.0)
    }

    /// Safety stock for `days` of cover at service level `service` (0..1):
    /// z · σ_week · √(weeks), errors taken as independent from week to week.
    pub fn safety_stock(&self, days: f64, service: f64) -> f64 {
        let weeks = (days / 7.0).max(0.0);
        (z_score(service) * self.error_week * weeks.sqrt()).max(0.0)
    }
}

/// Average demand interval: weeks per week with a sale (∞ when none sold).
pub fn demand_interval(weekly: &[f64]) -> f64 {
    let sold = weekly.iter().filter(|q| **q > 0.0).count();
    if sold == 0 {
        f64::INFINITY
    } else {
        weekly.len() as f64 / sold as f64
    }
}

/// Series whose average interval between sales exceeds this are intermittent
/// (the Syntetos–Boylan–Croston cut-off).
pub const INTERMITTENT_ADI: f64 = 1.32;
/// Below this many weeks there is no history to fit anything to.
pub const MIN_WEEKS: usize = 4;

/// The estimate for one series of weekly sales (oldest first), chosen by its shape:
/// intermittent → SBA; regular → SES, or the damped trend when it fits the
/// history clearly better (one-week-ahead error lower by 10 %).
pub fn estimate(weekly: &[f64]) -> Forecast {
    if weekly.len() < MIN_WEEKS {
        let mean = if weekly.is_empty() {
            0.0
        } else {
            weekly.iter().sum::<f64>() / weekly.len() as f64
        };
        let var =
            weekly.iter().map(|q| (q - mean).powi(2)).sum::<f64>() / (weekly.len().max(1)) as f64;
        return Forecast {
            method: Method::Mean,
            per_week: mean,
            trend: 0.0,
            damping: 1.0,
            error_week: var.sqrt().max(mean.sqrt()),
        };
    }
    if demand_interval(weekly) > INTERMITTENT_ADI {
        return sba(weekly, croston::ALPHA);
    }
    let level = ses(weekly);
    let trend = holt_damped(weekly);
    if trend.error_week < 0.9 * level.error_week {
        trend
    } else {
        level
    }
}

/// The smoothing constants tried when fitting a regular series.
pub(crate) const ALPHAS: [f64; 4] = [0.1, 0.2, 0.3, 0.5];

#[cfg(test)]
mod tests;
