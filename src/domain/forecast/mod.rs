//! Demand estimation from daily or weekly sales, chosen per series by its
//! ADI/CV² class: TSB for intermittent and lumpy series, exponential
//! smoothing (with a damped trend when it wins on a holdout) for smooth and
//! erratic ones; stock-outs left out; thin series pooled toward the item
//! across stores. Formulas in docs/ordering.md. Pure functions.

pub mod backtest;
mod croston;
mod demand;
pub mod evaluate;
mod normal;
pub mod pool;
mod smoothing;
mod tsb;

pub use croston::sba;
pub use demand::{ADI_CUT, CV2_CUT, Class, Prior, Series, adi_cv2, classify, estimate_series};
pub use normal::z_score;
pub use smoothing::{holt_damped, ses, ses_periods};
pub use tsb::tsb;

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
    /// Teunter–Syntetos–Babai: probability of a sale and its size.
    Tsb,
    /// Nothing sold in this many days of history (stock-outs left out).
    NoSales(u16),
}

impl Method {
    pub fn key(self) -> &'static str {
        match self {
            Self::Mean => "mean",
            Self::Sba => "sba",
            Self::Ses => "ses",
            Self::Trend => "trend",
            Self::Tsb => "tsb",
            Self::NoSales(_) => "no_sales",
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
    /// Spread of a week's demand around the forecast (one-period-ahead
    /// errors, at least Poisson noise, widened for a short history).
    pub error_week: f64,
    /// The ADI/CV² class of the series (None: nothing sold, or not classified).
    pub class: Option<Class>,
    /// Days of history the level was estimated from (0: unknown).
    pub history_days: f64,
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
    /// z · σ_week · √(weeks) · √(1 + days / history days): errors taken as
    /// independent from period to period, and the level itself known only
    /// from the history (a mean of n days carries σ²/n into every day ahead).
    pub fn safety_stock(&self, days: f64, service: f64) -> f64 {
        let weeks = (days / 7.0).max(0.0);
        let level = if self.history_days > 0.0 {
            (1.0 + days.max(0.0) / self.history_days).sqrt()
        } else {
            1.0
        };
        (z_score(service) * self.error_week * weeks.sqrt() * level).max(0.0)
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

/// The estimate for one series of weekly sales (oldest first), no stock-outs
/// known, no prior: see `estimate_series`.
pub fn estimate(weekly: &[f64]) -> Forecast {
    estimate_series(&Series::weekly(weekly), None)
}

/// The smoothing constants tried when fitting a regular series.
pub(crate) const ALPHAS: [f64; 4] = [0.1, 0.2, 0.3, 0.5];

#[cfg(test)]
mod tests;
