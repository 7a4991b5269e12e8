//! Croston's method with the Syntetos–Boylan correction (SBA), for series
//! with many zero weeks: smooth the size of the sales and the interval
//! between them separately, then forecast size / interval · (1 − α/2).

use super::{Forecast, Method};

/// Smoothing constant for sizes and intervals; low, because intermittent
/// series carry little information per week.
#[allow(dead_code)]
pub const ALPHA: f64 = 0.1;

pub fn sba(weekly: &[f64], alpha: f64) -> Forecast {
    let Some(first) = weekly.iter().position(|q| *q > 0.0) else {
        return Forecast {
            method: Method::Sba,
            per_week: 0.0,
            trend: 0.0,
            damping: 1.0,
            error_week: 0.0,
            class: None,
            history_days: 0.0,
        };
    };
    let correction = 1.0 - alpha / 2.0;
    // start: the first sale's size, and the interval that led to it
    let mut size = weekly[first];
    let mut interval = (first + 1) as f64;
    let mut since = 0.0;
    let mut sq_err = 0.0;
    let mut n = 0usize;
    for &q in &weekly[first + 1..] {
        since += 1.0;
        let forecast = correction * size / interval;
        sq_err += (q - forecast).powi(2);
        n += 1;
        if q > 0.0 {
            size += alpha * (q - size);
            interval += alpha * (since - interval);
            since = 0.0;
        }
    }
    let per_week = correction * size / interval;
    Forecast {
        method: Method::Sba,
        per_week,
        trend: 0.0,
        damping: 1.0,
        error_week: if n == 0 {
            per_week
        } else {
            (sq_err / n as f64).sqrt()
        },
        class: None,
        history_days: 0.0,
    }
}
