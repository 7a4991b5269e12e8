//! Forecast quality over history: at each weekly origin, the estimate for the
//! next cover period against what was sold, for our method and two baselines.
//! WAPE = Σ|F − A| / ΣA; bias = Σ(F − A) / ΣA.

use super::estimate;
use serde::Serialize;

/// Weeks in the naive moving average (a month: the rep's rule of thumb).
pub const MOVING_AVERAGE_WEEKS: usize = 4;
/// Seasonal naive looks back one year.
pub const SEASON_WEEKS: usize = 52;

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Score {
    pub abs_error: f64,
    pub error: f64,
    pub actual: f64,
    pub forecasts: usize,
}

impl Score {
    fn add(&mut self, forecast: f64, actual: f64) {
        self.abs_error += (forecast - actual).abs();
        self.error += forecast - actual;
        self.actual += actual;
        self.forecasts += 1;
    }

    pub fn wape(&self) -> f64 {
        if self.actual > 0.0 {
            self.abs_error / self.actual
        } else {
            0.0
        }
    }

    pub fn bias(&self) -> f64 {
        if self.actual > 0.0 {
            self.error / self.actual
        } else {
            0.0
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Backtest {
    pub ours: Score,
    pub moving_average: Score,
    pub seasonal_naive: Score,
    /// Intermittent origins only (where our method chose TSB): ours, moving average.
    pub intermittent: (Score, Score),
}

impl Backtest {
    /// Scores one series of weekly sales (oldest first): every origin in the
    /// last `origins` weeks that leaves `horizon` weeks to compare with and a
    /// full season of history before it. `first` is the index of the week the
    /// product was first sold (history before it is not used by our method).
    pub fn add_series(&mut self, weekly: &[f64], first: usize, origins: usize, horizon: usize) {
        let horizon = horizon.max(1);
        let n = weekly.len();
        if n < SEASON_WEEKS + horizon + 1 {
            return;
        }
        let last = n - horizon;
        let start = last
            .saturating_sub(origins.saturating_sub(1))
            .max(SEASON_WEEKS);
        for t in start..=last {
            let actual: f64 = weekly[t..t + horizon].iter().sum();
            let history = &weekly[first.min(t)..t];
            let fit = estimate(history);
            let ours = fit.demand_over(horizon as f64 * 7.0);
            let ma = weekly[t - MOVING_AVERAGE_WEEKS..t].iter().sum::<f64>()
                / MOVING_AVERAGE_WEEKS as f64
                * horizon as f64;
            let season: f64 = weekly[t - SEASON_WEEKS..t - SEASON_WEEKS + horizon]
                .iter()
                .sum();
            self.ours.add(ours, actual);
            self.moving_average.add(ma, actual);
            self.seasonal_naive.add(season, actual);
            if fit.method == super::Method::Tsb {
                self.intermittent.0.add(ours, actual);
                self.intermittent.1.add(ma, actual);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_series_is_perfect_for_everyone() {
        let mut b = Backtest::default();
        b.add_series(&[3.0; 60], 0, 4, 1);
        assert_eq!(b.ours.forecasts, 4);
        assert!(b.ours.wape() < 1e-9 && b.moving_average.wape() < 1e-9);
        assert!(b.seasonal_naive.wape() < 1e-9);
    }

    #[test]
    fn too_short_for_a_season_is_skipped() {
        let mut b = Backtest::default();
        b.add_series(&[3.0; 40], 0, 4, 1);
        assert_eq!(b.ours.forecasts, 0);
        assert_eq!(b.ours.wape(), 0.0);
    }

    #[test]
    fn wape_and_bias() {
        let mut s = Score::default();
        s.add(12.0, 10.0);
        s.add(6.0, 10.0);
        assert!((s.wape() - 0.3).abs() < 1e-9);
        assert!((s.bias() + 0.1).abs() < 1e-9);
    }
}
