//! Gaps between a store's purchases, and its purchases as bars per week or
//! month: plain numbers a chart or a table draws.

use super::purchases::Purchase;
use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

/// Days between consecutive purchase days (purchases in date order, one a day).
pub fn gaps(purchases: &[Purchase]) -> Vec<i64> {
    purchases
        .windows(2)
        .map(|w| (w[1].date - w[0].date).num_days())
        .filter(|g| *g > 0)
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GapStats {
    pub count: usize,
    pub min: i64,
    pub median: f64,
    pub mean: f64,
    pub max: i64,
}

/// None with fewer than one gap (no or one purchase).
pub fn gap_stats(gaps: &[i64]) -> Option<GapStats> {
    if gaps.is_empty() {
        return None;
    }
    let mut sorted = gaps.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    let median = if n % 2 == 1 {
        sorted[n / 2] as f64
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0
    };
    Some(GapStats {
        count: n,
        min: sorted[0],
        median,
        mean: sorted.iter().sum::<i64>() as f64 / n as f64,
        max: sorted[n - 1],
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Bucket {
    /// ISO weeks, Monday first.
    Week,
    Month,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Bar {
    /// First day of the week or month.
    pub start: NaiveDate,
    pub purchases: u32,
    /// Value in minor units.
    pub amount: i64,
}

fn bucket_start(day: NaiveDate, bucket: Bucket) -> NaiveDate {
    match bucket {
        Bucket::Week => day - Duration::days(day.weekday().num_days_from_monday().into()),
        Bucket::Month => day.with_day(1).expect("day 1 exists"),
    }
}

fn next_start(start: NaiveDate, bucket: Bucket) -> NaiveDate {
    match bucket {
        Bucket::Week => start + Duration::days(7),
        Bucket::Month => start
            .checked_add_months(chrono::Months::new(1))
            .expect("dates stay in range"),
    }
}

/// One bar per week or month from the one holding `from` to the one holding
/// `to`, empty periods included (a gap shows as missing bars).
pub fn bars(purchases: &[Purchase], bucket: Bucket, from: NaiveDate, to: NaiveDate) -> Vec<Bar> {
    let mut out = Vec::new();
    if from > to {
        return out;
    }
    let mut start = bucket_start(from, bucket);
    while start <= to {
        let end = next_start(start, bucket);
        let mut bar = Bar {
            start,
            purchases: 0,
            amount: 0,
        };
        for p in purchases
            .iter()
            .filter(|p| p.date >= start && p.date < end && p.date >= from && p.date <= to)
        {
            bar.purchases += 1;
            bar.amount += p.amount;
        }
        out.push(bar);
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::purchases::Source;
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn bought(dates: &[(u32, u32)]) -> Vec<Purchase> {
        dates
            .iter()
            .map(|&(m, d)| Purchase {
                date: day(m, d),
                amount: 100,
                source: Source::Erp,
            })
            .collect()
    }

    #[test]
    fn gap_statistics() {
        // (count, min, median, max)
        type Summary = (usize, i64, f64, i64);
        type Days = &'static [(u32, u32)];
        let cases: [(Days, Option<Summary>); 4] = [
            (&[], None),
            (&[(3, 1)], None),
            (&[(3, 1), (3, 8)], Some((1, 7, 7.0, 7))),
            (&[(3, 1), (3, 8), (3, 12), (4, 1)], Some((3, 4, 7.0, 20))),
        ];
        for (dates, want) in cases {
            let got = gap_stats(&gaps(&bought(dates))).map(|s| (s.count, s.min, s.median, s.max));
            assert_eq!(got, want, "{dates:?}");
        }
    }

    #[test]
    fn weekly_bars_include_empty_weeks() {
        // 2026-03-02 is a Monday.
        let p = bought(&[(3, 2), (3, 4), (3, 17)]);
        let got: Vec<(NaiveDate, u32)> = bars(&p, Bucket::Week, day(3, 4), day(3, 20))
            .iter()
            .map(|b| (b.start, b.purchases))
            .collect();
        assert_eq!(got, [(day(3, 2), 1), (day(3, 9), 0), (day(3, 16), 1)]);
    }

    #[test]
    fn monthly_bars_sum_amounts() {
        let p = bought(&[(1, 31), (2, 1), (2, 28), (4, 1)]);
        let got: Vec<(u32, i64)> = bars(&p, Bucket::Month, day(1, 15), day(4, 30))
            .iter()
            .map(|b| (b.start.month(), b.amount))
            .collect();
        assert_eq!(got, [(1, 100), (2, 200), (3, 0), (4, 100)]);
        assert!(bars(&p, Bucket::Month, day(4, 1), day(1, 1)).is_empty());
    }
}
