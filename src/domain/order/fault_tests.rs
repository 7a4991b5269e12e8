//! The seven faults of issue 12, each as a table of lines with the answer
//! they must get (each failed on the previous method), and the shapes the
//! estimator must survive: a series that starts with a sale, an obsolete
//! item, a new item, a one-off spike.

use super::*;
use crate::domain::forecast::{
    Class, Method, Prior, Series, adi_cv2, classify, estimate, estimate_series,
};

fn params(cover: f64) -> SuggestParams {
    SuggestParams {
        cover_days: cover,
        service_level: 0.95,
        trusted: false,
        zero_when_stock_covers: true,
    }
}

fn input<'a>(history: Series<'a>, pack: u32, seen: Option<Seen>) -> LineInput<'a> {
    LineInput {
        sku: "P1",
        case_pack: pack,
        history,
        prior: None,
        seen,
        last_refusal: None,
        promotion: None,
    }
}

/// Weeks from the first sale, as the loader used to cut them.
fn every(n: usize, size: f64, weeks: usize) -> Vec<f64> {
    (0..weeks)
        .map(|w| if w % n == 0 { size } else { 0.0 })
        .collect()
}

#[test]
fn fault_1_a_must_stock_line_with_no_sales_stays_with_a_reason() {
    let zeros = [0.0; 21];
    for (history, words) in [
        (
            Series::daily(&zeros),
            "no sales in 3 weeks: check the shelf",
        ),
        (
            Series::daily(&zeros[..5]),
            "no sales in 5 days: check the shelf",
        ),
        (
            Series::weekly(&zeros[..8]),
            "no sales in 8 weeks: check the shelf",
        ),
        (Series::daily(&[]), "no sales in 0 days: check the shelf"),
    ] {
        let s = suggest_line(&input(history, 6, None), &params(7.0));
        assert!(s.is_no_sales(), "{s:?}");
        assert_eq!(s.expected_demand, 0.0);
        assert_eq!(s.suggested_qty, 0);
        assert!(
            crate::service::words::reason_text(&s.reason).contains(words),
            "{}",
            crate::service::words::reason_text(&s.reason)
        );
    }
}

#[test]
fn fault_2_counted_stock_is_subtracted_order_up_to() {
    // 2 a day, steady: 14 over a 7-day cover plus safety; case of 1
    let days = [2.0; 28];
    let target = suggest_line(&input(Series::daily(&days), 1, None), &params(7.0)).target_level;
    let want = |stock: f64| (target - stock).max(0.0).ceil() as u32;
    for stock in [0.0, 5.0, 14.0, target.floor(), target + 3.0] {
        let s = suggest_line(
            &input(Series::daily(&days), 1, Some(Seen::Stock(stock))),
            &params(7.0),
        );
        if stock > 0.0 {
            assert_eq!(s.suggested_qty, want(stock), "stock {stock}: {s:?}");
        }
    }
    // counted stock that covers the target: 0, or one case when the setting says so
    let covered = Some(Seen::Stock(target + 3.0));
    let s = suggest_line(&input(Series::daily(&days), 12, covered), &params(7.0));
    assert_eq!(s.suggested_qty, 0);
    let keep = SuggestParams {
        zero_when_stock_covers: false,
        ..params(7.0)
    };
    assert_eq!(
        suggest_line(&input(Series::daily(&days), 12, covered), &keep).suggested_qty,
        12
    );
}

#[test]
fn fault_3_cold_start_and_obsolete_items() {
    let mut once = vec![0.0; 30];
    once[0] = 6.0;
    // (history from the first sale, true rate a week, tolerance); the old SBA said 5.70, 0.82, 1.00
    let cases: [(Vec<f64>, f64, f64); 3] = [
        (once, 0.20, 0.20),
        (every(8, 2.0, 40), 0.25, 0.08),
        (every(4, 3.0, 40), 0.75, 0.15),
    ];
    for (weeks, rate, tol) in cases {
        let f = estimate(&weeks);
        assert!((f.per_week - rate).abs() <= tol, "{weeks:?}: {f:?}");
    }
}

#[test]
fn fault_4_stock_out_days_are_not_zero_demand() {
    // 3 a day, but the audit saw the shelf empty for the last 7 days
    let mut days = vec![3.0; 28];
    let mut censored = vec![false; 28];
    for d in 21..28 {
        days[d] = 0.0;
        censored[d] = true;
    }
    let left_out = Series {
        values: &days,
        censored: &censored,
        period_days: 1,
    };
    let f = estimate_series(&left_out, None);
    assert!((f.per_week - 21.0).abs() < 1.0, "{f:?}");
    // counted as zeros, the same history forecasts well below
    assert!(estimate_series(&Series::daily(&days), None).per_week < 18.0);
}

#[test]
fn fault_5_daily_history_is_fitted_in_days() {
    // 21 days, 7 sold every Friday: by week a steady 7 (and a spread of √7 at
    // best), by day an intermittent series with its true spread
    let days: Vec<f64> = (0..21)
        .map(|d| if d % 7 == 4 { 7.0 } else { 0.0 })
        .collect();
    let f = estimate_series(&Series::daily(&days), None);
    assert_eq!(f.class, Some(Class::Intermittent));
    assert!((f.per_week - 7.0).abs() < 1e-9, "{f:?}");
    let by_week = estimate(&[7.0, 7.0, 7.0]);
    assert_eq!(by_week.class, Some(Class::Smooth));
    assert!(f.error_week > by_week.error_week, "{f:?} {by_week:?}");
}

#[test]
fn fault_6_a_case_minimum_is_explained() {
    // 1 a week on a 3-day cover, case of 20: "needs 1, case of 20"
    let weeks = [1.0; 20];
    let s = suggest_line(&input(Series::weekly(&weeks), 20, None), &params(3.0));
    assert_eq!(s.suggested_qty, 20);
    let text = crate::service::words::reason_text(&s.reason);
    assert!(text.contains("needs 1, case of 20"), "{text}");
    // a fast seller's case is just the case
    let fast = [70.0; 20];
    let text = crate::service::words::reason_text(
        &suggest_line(&input(Series::weekly(&fast), 20, None), &params(3.0)).reason,
    );
    assert!(
        text.contains("case of 20") && !text.contains("needs"),
        "{text}"
    );
}

#[test]
fn fault_7_demand_classes_by_adi_and_cv2() {
    let cases: [(&[f64], Class); 4] = [
        (&[5.0, 5.0, 6.0, 5.0, 4.0, 5.0], Class::Smooth),
        (&[1.0, 9.0, 1.0, 12.0, 1.0, 1.0], Class::Erratic),
        (
            &[0.0, 3.0, 0.0, 0.0, 3.0, 0.0, 4.0, 0.0],
            Class::Intermittent,
        ),
        (&[0.0, 1.0, 0.0, 0.0, 15.0, 0.0, 1.0, 0.0], Class::Lumpy),
    ];
    for (values, want) in cases {
        let (adi, cv2) = adi_cv2(values.iter().copied()).unwrap();
        assert_eq!(classify(adi, cv2), want, "{values:?}");
    }
    // the boundaries belong to the upper class
    assert_eq!(classify(1.32, 0.1), Class::Intermittent);
    assert_eq!(classify(1.0, 0.49), Class::Erratic);
    // a trend that stopped a quarter ago is not extrapolated (holdout, not in-sample)
    let mut weeks: Vec<f64> = (0..30).map(|w| 10.0 + w as f64).collect();
    weeks.extend([40.0; 12]);
    let f = estimate(&weeks);
    assert_eq!(f.method, Method::Ses, "{f:?}");
}

#[test]
fn shapes_the_estimator_must_survive() {
    // starts with a sale, then steady every other week: about 1 a week, not 2
    let starts = every(2, 2.0, 30);
    let f = estimate(&starts);
    assert!((f.per_week - 1.0).abs() < 0.3, "{f:?}");
    // obsolete: sold 3 a week for a year, nothing for the last 20 weeks
    let mut obsolete = vec![3.0; 52];
    obsolete.extend([0.0; 20]);
    assert!(
        estimate(&obsolete).per_week < 1.2,
        "{:?}",
        estimate(&obsolete)
    );
    // new: nothing, then 5 a day for the last 10 days (the loader starts it near its first sale)
    let new = [5.0; 10];
    assert!((estimate_series(&Series::daily(&new), None).per_week - 35.0).abs() < 3.0);
    // one-off spike in a quiet daily series moves the forecast little
    let mut quiet = vec![1.0; 60];
    quiet[30] = 40.0;
    let f = estimate_series(&Series::daily(&quiet), None);
    assert!(f.per_week < 7.0 + 5.0, "{f:?}");
}

#[test]
fn a_thin_series_is_pulled_toward_the_pool() {
    // three days sold 0, 0, 3 (1 a day); the item sells 0.2 a day elsewhere
    let days = [0.0, 0.0, 3.0];
    let prior = Prior {
        per_day: 0.2,
        strength_days: 20.0,
    };
    let own = estimate_series(&Series::daily(&days), None).per_week;
    let pooled = estimate_series(&Series::daily(&days), Some(prior)).per_week;
    assert!(pooled < own && pooled > 0.2 * 7.0, "{own} {pooled}");
    // a long history barely moves
    let long = [1.0; 364];
    let f = estimate_series(&Series::daily(&long), Some(prior)).per_week;
    assert!((f - 7.0).abs() < 0.3, "{f}");
}
