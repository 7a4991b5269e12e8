//! Teunter–Syntetos–Babai: smooth the probability of a sale every period
//! (so it decays through runs of zeros: obsolete items fade) and the size
//! of a sale when there is one. Started from the whole history (share of
//! periods with a sale, mean size) rather than from the first sale, so a
//! series that begins with a sale does not start at "a sale every period".

use super::{Forecast, Method};

/// Smoothing of the sizes.
pub const ALPHA_SIZE: f64 = 0.1;
/// Smoothing of the probability: low, so one sale or one dry spell moves it little.
pub const ALPHA_PROB: f64 = 0.05;

pub fn tsb(values: &[f64]) -> Forecast {
    let n = values.len();
    let sold: Vec<f64> = values.iter().copied().filter(|q| *q > 0.0).collect();
    if n == 0 || sold.is_empty() {
        return Forecast {
            method: Method::Tsb,
            per_week: 0.0,
            trend: 0.0,
            damping: 1.0,
            error_week: 0.0,
            class: None,
            history_days: 0.0,
        };
    }
    let mut prob = sold.len() as f64 / n as f64;
    let mut size = sold.iter().sum::<f64>() / sold.len() as f64;
    let mut sq_err = 0.0;
    for &q in values {
        sq_err += (q - prob * size).powi(2);
        if q > 0.0 {
            prob += ALPHA_PROB * (1.0 - prob);
            size += ALPHA_SIZE * (q - size);
        } else {
            prob -= ALPHA_PROB * prob;
        }
    }
    Forecast {
        method: Method::Tsb,
        per_week: prob * size,
        trend: 0.0,
        damping: 1.0,
        error_week: (sq_err / n as f64).sqrt(),
        class: None,
        history_days: 0.0,
    }
}
