//! The history window: daily or weekly, where a line starts, what is left out.

use super::*;
use crate::domain::SalePoint;

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, day).unwrap()
}

fn series(points: &[(u32, f32)]) -> SalesSeries {
    SalesSeries {
        store_code: "S".into(),
        sku: "P".into(),
        points: points
            .iter()
            .map(|(day, q)| SalePoint::new(d(*day), *q))
            .collect(),
    }
}

#[test]
fn daily_history_is_read_in_days() {
    // 21 days of daily sales before the 22nd: 21 periods of one day
    let s = series(&(1..=21).map(|day| (day, 1.0)).collect::<Vec<_>>());
    let w = Window::of_store([&s], d(22));
    assert_eq!(w.period_days, 1);
    assert_eq!(w.periods(), 21);
    assert_eq!(w.values(Some(&s)), vec![1.0; 21]);
}

#[test]
fn weekly_history_stays_in_weeks() {
    // one point every Monday
    let s = series(&[(2, 5.0), (9, 5.0), (16, 5.0)]);
    let w = Window::of_store([&s], d(23));
    assert_eq!(w.period_days, 7);
    assert_eq!(w.values(Some(&s)), vec![5.0, 5.0, 5.0]);
}

#[test]
fn a_line_starts_with_the_store_not_with_its_first_sale() {
    let store = series(&(1..=28).map(|day| (day, 1.0)).collect::<Vec<_>>());
    let line = series(&[(10, 3.0)]);
    let w = Window::of_store([&store, &line], d(29));
    let v = w.values(Some(&line));
    assert_eq!(v.len(), 28, "{v:?}");
    assert_eq!(v[9], 3.0);
    // a product clearly listed later starts one average interval before its first sale
    let new = series(&[(20, 1.0), (22, 1.0), (24, 1.0), (26, 1.0), (28, 1.0)]);
    let v = w.values(Some(&new));
    assert_eq!(v.len(), 11, "{v:?}");
    // no sales at all: the whole window, all zeros
    assert_eq!(w.values(None), vec![0.0; 28]);
}

#[test]
fn out_of_stock_days_are_left_out_until_the_next_sale() {
    let store = series(&(1..=14).map(|day| (day, 2.0)).collect::<Vec<_>>());
    let line = series(&[(1, 2.0), (2, 2.0), (9, 2.0), (10, 2.0)]);
    let w = Window::of_store([&store], d(15));
    let v = w.values(Some(&line));
    let mask = w.censored(&v, &[d(3).num_days_from_ce()]);
    let left_out: Vec<usize> = (0..mask.len()).filter(|i| mask[*i]).collect();
    // the 3rd (seen empty) and the dry days after it, up to the sale on the 9th
    assert_eq!(left_out, vec![2, 3, 4, 5, 6, 7]);
}
