//! The history a line's estimate sees: days when the store's history is
//! daily, weeks when it is weekly; from the start of the store's history
//! (not the product's first sale, which would make every series begin with
//! a sale), later only for a product clearly listed later; and the periods
//! the audit saw the line out of stock, which are left out of the fit.

use crate::domain::SalesSeries;
use crate::domain::forecast::Series;
use chrono::{Datelike, NaiveDate};

/// At most two years of weeks, or one year of days.
pub const MAX_WEEKS: usize = 104;
pub const MAX_DAYS: usize = 364;
/// Below this much history a store's series are thin and pooled across stores.
pub const POOL_BELOW_DAYS: i32 = 91;
/// A store whose sales fall on at least this many weekdays reports daily.
const DAILY_WEEKDAYS: usize = 3;

/// The store's history window as of an order date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The order date (day number, exclusive end).
    pub end: i32,
    /// First day of the store's history in the window.
    pub start: i32,
    pub period_days: u32,
}

impl Window {
    /// From all the store's series: daily when its sale days spread over the
    /// week, starting at its first sale before `date` (capped).
    pub fn of_store<'a>(
        series: impl IntoIterator<Item = &'a SalesSeries>,
        date: NaiveDate,
    ) -> Self {
        let end = date.num_days_from_ce();
        let mut weekdays = [false; 7];
        let mut first = end;
        for s in series {
            for p in s.points.iter().filter(|p| p.day < end && p.qty > 0.0) {
                weekdays[p.day.rem_euclid(7) as usize] = true;
                first = first.min(p.day);
            }
        }
        let daily = weekdays.iter().filter(|d| **d).count() >= DAILY_WEEKDAYS;
        let (period_days, max) = if daily {
            (1, MAX_DAYS as i32)
        } else {
            (7, 7 * MAX_WEEKS as i32)
        };
        // whole periods ending the day before the order date
        let span = (end - first).clamp(0, max);
        let periods = (span + period_days - 1) / period_days;
        Self {
            end,
            start: end - periods * period_days,
            period_days: period_days as u32,
        }
    }

    pub fn periods(&self) -> usize {
        ((self.end - self.start) / self.period_days as i32).max(0) as usize
    }

    fn index(&self, day: i32) -> Option<usize> {
        (day >= self.start && day < self.end)
            .then(|| ((day - self.start) / self.period_days as i32) as usize)
    }

    /// Units per period of one line, from its start (see `line_start`).
    pub fn values(&self, series: Option<&SalesSeries>) -> Vec<f64> {
        let mut out = vec![0.0; self.periods()];
        let Some(s) = series else { return out };
        for p in &s.points {
            if let Some(i) = self.index(p.day) {
                out[i] += f64::from(p.qty).max(0.0);
            }
        }
        let skip = self.line_start(&out);
        out.drain(..skip);
        out
    }

    /// Where a line's history starts: at the window's start, unless the
    /// product was clearly listed later (first sale in the second half of
    /// the window); then one average interval between its sales before the
    /// first sale, a principled guess at when it was listed.
    pub fn line_start(&self, values: &[f64]) -> usize {
        let sold: Vec<usize> = (0..values.len()).filter(|i| values[*i] > 0.0).collect();
        let Some(&first) = sold.first() else { return 0 };
        if first < values.len() / 2 || sold.len() < 2 {
            return 0;
        }
        let gap = (values.len() - first).div_ceil(sold.len());
        first.saturating_sub(gap)
    }

    /// Periods to leave out: those of the days the audit saw the line out of
    /// stock and, in daily history, the days after up to the next sale (at
    /// most a week): an empty shelf sells nothing until it is filled.
    pub fn censored(&self, values: &[f64], out_days: &[i32]) -> Vec<bool> {
        let mut mask = vec![false; values.len()];
        let offset = self.periods() - values.len();
        for &day in out_days {
            let Some(i) = self.index(day).and_then(|i| i.checked_sub(offset)) else {
                continue;
            };
            mask[i] = true;
            if self.period_days == 1 {
                for j in i + 1..(i + 7).min(values.len()) {
                    if values[j] > 0.0 {
                        break;
                    }
                    mask[j] = true;
                }
            }
        }
        mask
    }

    pub fn series<'a>(&self, values: &'a [f64], censored: &'a [bool]) -> Series<'a> {
        Series {
            values,
            censored,
            period_days: self.period_days,
        }
    }
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
