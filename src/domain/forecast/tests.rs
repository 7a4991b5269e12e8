//! Estimators on series with known answers.

use super::*;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn constant_series_forecasts_the_constant_with_no_error() {
    let f = estimate(&[5.0; 30]);
    assert_eq!(f.method, Method::Ses);
    assert!(close(f.per_week, 5.0, 1e-9), "{f:?}");
    assert!(close(f.error_week, 0.0, 1e-9));
    assert!(close(f.demand_over(14.0), 10.0, 1e-9));
    assert!(close(f.safety_stock(14.0, 0.95), 0.0, 1e-9));
}

#[test]
fn all_zero_series_forecasts_zero() {
    let f = estimate(&[0.0; 26]);
    assert_eq!(f.method, Method::NoSales(182));
    assert_eq!(f.per_week, 0.0);
    assert_eq!(f.demand_over(10.0), 0.0);
    assert_eq!(f.safety_stock(10.0, 0.95), 0.0);
}

#[test]
fn one_spike_in_a_regular_series_moves_the_forecast_little() {
    let mut weeks = vec![4.0; 30];
    weeks[10] = 40.0;
    let f = estimate(&weeks);
    assert!(matches!(f.method, Method::Ses | Method::Trend));
    // the spike is 20 weeks old: the level is back near 4
    assert!(close(f.per_week, 4.0, 1.0), "{f:?}");
    // but it shows in the error, so the safety stock grows
    assert!(f.error_week > 1.0);
}

#[test]
fn one_spike_in_an_otherwise_empty_series_is_intermittent() {
    let mut weeks = vec![0.0; 30];
    weeks[20] = 6.0;
    let f = estimate(&weeks);
    assert_eq!(f.method, Method::Tsb);
    assert_eq!(f.class, Some(Class::Intermittent));
    // 6 in 30 weeks, fading for 10 weeks since: well below SBA's 0.95 · 6/21
    assert!(f.per_week > 0.0 && f.per_week < 0.25, "{f:?}");
}

#[test]
fn trend_is_followed() {
    let weeks: Vec<f64> = (0..40).map(|w| 10.0 + 0.5 * w as f64).collect();
    let f = estimate(&weeks);
    assert_eq!(f.method, Method::Trend, "{f:?}");
    // next week is 30; a level-only forecast would lag well behind
    assert!(close(f.per_week, 30.0, 1.5), "{f:?}");
    assert!((f.per_week - 30.0).abs() < (ses(&weeks).per_week - 30.0).abs());
    // the damped trend keeps growing over the cover period, but less than linearly
    let two = f.demand_over(14.0);
    assert!(
        two > 2.0 * f.per_week && two < 2.0 * f.per_week + 2.0,
        "{two}"
    );
}

#[test]
fn intermittent_series_uses_tsb_with_the_right_rate() {
    // 3 units every 4th week: 0.75 a week
    let weeks: Vec<f64> = (0..40)
        .map(|w| if w % 4 == 3 { 3.0 } else { 0.0 })
        .collect();
    assert!(close(demand_interval(&weeks), 4.0, 1e-9));
    let f = estimate(&weeks);
    assert_eq!(f.method, Method::Tsb);
    assert!(close(f.per_week, 0.75, 0.15), "{f:?}");
}

#[test]
fn short_history_uses_the_mean() {
    let f = estimate(&[2.0, 4.0]);
    assert_eq!(f.method, Method::Mean);
    assert!(close(f.per_week, 3.0, 1e-9), "{f:?}");
    // two weeks say little about the spread: at least Poisson noise
    assert!(f.error_week >= 3.0_f64.sqrt());
    assert_eq!(estimate(&[]).per_week, 0.0);
}

#[test]
fn z_scores_at_named_service_levels() {
    for (p, z) in [
        (0.5, 0.0),
        (0.8, 0.8416),
        (0.9, 1.2816),
        (0.95, 1.6449),
        (0.99, 2.3263),
    ] {
        assert!(close(z_score(p), z, 1e-3), "{p}: {}", z_score(p));
    }
    // below 50 % there is no safety stock; nonsense input does not panic
    assert_eq!(z_score(0.2), 0.0);
    assert_eq!(z_score(f64::NAN), 0.0);
    assert!(z_score(1.0).is_finite());
}
