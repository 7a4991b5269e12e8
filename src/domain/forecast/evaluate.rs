//! The backtest on any history, daily or weekly, short or long: at each
//! origin, every line is forecast from the days before it only (the same
//! window, pooling and rules as the order screen), and its expected demand
//! and suggested quantity are scored against what sold in the cover period.
//! Methods: ours, the previous method (weekly SBA / SES / damped trend from
//! the first sale) and two naive baselines.

use super::pool::{Pool, PoolRow};
use super::{Forecast, Method, Series, ses};
use crate::domain::SalesSeries;
use crate::domain::order::Window;
use serde::Serialize;

/// Scores of one method over all lines and origins.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Scores {
    pub forecasts: usize,
    pub actual: f64,
    pub abs_error: f64,
    pub error: f64,
    /// Suggested quantity at the service level against the actual.
    pub filled: f64,
    pub overstock: f64,
    pub pinball: f64,
}

/// Quantile of the pinball loss: the 95 % service level.
pub const PINBALL_TAU: f64 = 0.95;

impl Scores {
    pub fn add(&mut self, expected: f64, qty: f64, actual: f64) {
        self.forecasts += 1;
        self.actual += actual;
        self.abs_error += (expected - actual).abs();
        self.error += expected - actual;
        self.filled += qty.min(actual);
        self.overstock += (qty - actual).max(0.0);
        self.pinball +=
            PINBALL_TAU * (actual - qty).max(0.0) + (1.0 - PINBALL_TAU) * (qty - actual).max(0.0);
    }

    fn share(&self, x: f64) -> f64 {
        if self.actual > 0.0 {
            x / self.actual
        } else {
            0.0
        }
    }
    pub fn mae(&self) -> f64 {
        self.abs_error / self.forecasts.max(1) as f64
    }
    pub fn wape(&self) -> f64 {
        self.share(self.abs_error)
    }
    pub fn bias(&self) -> f64 {
        self.share(self.error)
    }
    pub fn fill(&self) -> f64 {
        self.share(self.filled)
    }
    pub fn overstock_share(&self) -> f64 {
        self.share(self.overstock)
    }
    pub fn mean_pinball(&self) -> f64 {
        self.pinball / self.forecasts.max(1) as f64
    }
}

/// One store's lines for the backtest: its series and each sku's category and case.
pub struct StoreLines<'a> {
    pub code: &'a str,
    pub series: Vec<&'a SalesSeries>,
    pub category: &'a dyn Fn(&str) -> String,
}

#[derive(Debug, Clone, Copy)]
pub struct Split {
    /// Day number of the origin (the order date).
    pub origin: i32,
    /// Days of history before the origin (None: all there is, capped as the screen does).
    pub history_days: Option<i32>,
    pub cover_days: i32,
    pub service_level: f64,
}

/// One scored line, for exporting and comparing with other tools.
#[derive(Debug, Clone, Serialize)]
pub struct LineResult {
    pub store: String,
    pub sku: String,
    pub origin: i32,
    pub actual: f64,
    pub ours: (f64, f64),
    pub previous: (f64, f64),
    pub method: &'static str,
}

/// A series cut to the days before `until` (and from `from`).
fn cut(s: &SalesSeries, from: i32, until: i32) -> SalesSeries {
    SalesSeries {
        store_code: s.store_code.clone(),
        sku: s.sku.clone(),
        points: s
            .points
            .iter()
            .filter(|p| p.day >= from && p.day < until)
            .copied()
            .collect(),
    }
}

fn actual(s: &SalesSeries, from: i32, days: i32) -> f64 {
    s.points
        .iter()
        .filter(|p| p.day >= from && p.day < from + days)
        .map(|p| f64::from(p.qty).max(0.0))
        .sum()
}

/// The quantity at the service level for one line: what the screen proposes,
/// with no stock counted and a case of 1.
fn qty_of(f: &Forecast, cover: f64, service: f64) -> (f64, f64) {
    let e = f.demand_over(cover);
    let q = (e + f.safety_stock(cover, service) - 1e-9).ceil().max(0.0);
    (e, q)
}

/// The previous method, kept to measure against: weekly buckets from the
/// first sale, mean under 4 weeks, SBA when ADI > 1.32, else SES or a damped
/// trend picked in-sample.
pub fn previous(weekly_from_first_sale: &[f64]) -> Forecast {
    use super::{holt_damped, sba};
    let w = weekly_from_first_sale;
    if w.len() < 4 {
        let n = w.len().max(1) as f64;
        let mean = w.iter().sum::<f64>() / n;
        let var = w.iter().map(|q| (q - mean).powi(2)).sum::<f64>() / n;
        return Forecast {
            method: Method::Mean,
            per_week: mean,
            trend: 0.0,
            damping: 1.0,
            error_week: var.sqrt().max(mean.sqrt()),
            class: None,
            history_days: 0.0,
        };
    }
    let sold = w.iter().filter(|q| **q > 0.0).count();
    if sold == 0 || w.len() as f64 / sold as f64 > 1.32 {
        return sba(w, 0.1);
    }
    let (l, t) = (ses(w), holt_damped(w));
    if t.error_week < 0.9 * l.error_week {
        t
    } else {
        l
    }
}

fn weeks_from_first_sale(s: &SalesSeries, until: i32) -> Vec<f64> {
    let Some(first) = s.points.iter().find(|p| p.day < until && p.qty > 0.0) else {
        return vec![];
    };
    let weeks = ((until - first.day) as usize).div_ceil(7).clamp(1, 104);
    let start = until - 7 * weeks as i32;
    let mut out = vec![0.0; weeks];
    for p in s.points.iter().filter(|p| p.day >= start && p.day < until) {
        out[((p.day - start) / 7) as usize] += f64::from(p.qty).max(0.0);
    }
    out
}

/// Scores every line of every store at one split; returns (ours, previous) and the lines.
pub fn run_split(stores: &[StoreLines<'_>], split: &Split) -> (Scores, Scores, Vec<LineResult>) {
    let from = split.history_days.map_or(i32::MIN, |d| split.origin - d);
    let cut_stores: Vec<(usize, Vec<SalesSeries>)> = stores
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                i,
                s.series
                    .iter()
                    .map(|x| cut(x, from, split.origin))
                    .collect(),
            )
        })
        .collect();
    let date = chrono::NaiveDate::from_num_days_from_ce_opt(split.origin).unwrap_or_default();
    let windows: Vec<Window> = cut_stores
        .iter()
        .map(|(_, series)| Window::of_store(series.iter(), date))
        .collect();
    // the pool over all stores, as the screen computes it for short histories
    let mut rows_owned = Vec::new();
    for ((i, series), w) in cut_stores.iter().zip(&windows) {
        for s in series {
            let v = w.values(Some(s));
            let days = (v.len() as u32 * w.period_days) as f64;
            rows_owned.push((
                *i,
                s.sku.clone(),
                (stores[*i].category)(&s.sku),
                v.iter().sum::<f64>(),
                days,
            ));
        }
    }
    let rows: Vec<PoolRow> = rows_owned
        .iter()
        .map(|(i, sku, cat, units, days)| PoolRow {
            store: stores[*i].code,
            sku,
            category: cat,
            units: *units,
            days: *days,
        })
        .collect();
    let short = windows
        .iter()
        .all(|w| w.end - w.start < crate::domain::order::POOL_BELOW_DAYS);
    let pool = short.then(|| Pool::new(&rows));
    let cover = f64::from(split.cover_days);
    let (mut ours, mut prev, mut lines) = (Scores::default(), Scores::default(), Vec::new());
    for ((i, series), w) in cut_stores.iter().zip(&windows) {
        let store = &stores[*i];
        for (s, full) in series.iter().zip(&store.series) {
            let a = actual(full, split.origin, split.cover_days);
            let v = w.values(Some(s));
            let prior = pool
                .as_ref()
                .and_then(|p| p.prior(store.code, &s.sku, &(store.category)(&s.sku)));
            let f = super::estimate_series(
                &Series {
                    values: &v,
                    censored: &[],
                    period_days: w.period_days,
                },
                prior,
            );
            let o = qty_of(&f, cover, split.service_level);
            let p = qty_of(
                &previous(&weeks_from_first_sale(s, split.origin)),
                cover,
                split.service_level,
            );
            ours.add(o.0, o.1, a);
            prev.add(p.0, p.1, a);
            lines.push(LineResult {
                store: store.code.to_string(),
                sku: s.sku.clone(),
                origin: split.origin,
                actual: a,
                ours: o,
                previous: p,
                method: f.method.key(),
            });
        }
    }
    (ours, prev, lines)
}
