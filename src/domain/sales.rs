//! Sales history of one product in one store: dated quantities (daily or weekly rows).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SalePoint {
    /// Days since 0001-01-01 (chrono's `num_days_from_ce`): compact and sortable.
    pub day: i32,
    pub qty: f32,
    /// When the ERP import that set this day ran (ms since 1970); 0 for days
    /// stored before imports were stamped, and for generated data. Sync keeps
    /// the day of the newest import.
    pub imported: u64,
}

impl SalePoint {
    pub fn new(date: NaiveDate, qty: f32) -> Self {
        Self {
            day: date.num_days_from_ce(),
            qty,
            imported: 0,
        }
    }

    pub fn date(&self) -> NaiveDate {
        NaiveDate::from_num_days_from_ce_opt(self.day).unwrap_or(NaiveDate::MIN)
    }

    /// The order sync merges a day by: the newest import wins; between two
    /// imports stamped alike (or two unstamped days) the larger quantity, so
    /// every device keeps the same point whatever order bundles arrive in.
    pub fn merge_cmp(&self, other: &Self) -> Ordering {
        self.imported
            .cmp(&other.imported)
            .then_with(|| self.qty.total_cmp(&other.qty))
    }
}

/// One series per store and product. Stored as (store, sku, [(day, qty)],
/// [imported]): the layout of schema 2 with the import stamps appended, so a
/// schema-2 value never decodes as a current one (see storage::migrate).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SalesSeries {
    pub store_code: String,
    pub sku: String,
    /// Sorted by day, one point per day (a re-import of the same day replaces it).
    pub points: Vec<SalePoint>,
}

impl Serialize for SalesSeries {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Days<'a>(&'a [SalePoint]);
        impl Serialize for Days<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.iter().map(|p| (p.day, p.qty)))
            }
        }
        struct Stamps<'a>(&'a [SalePoint]);
        impl Serialize for Stamps<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.iter().map(|p| p.imported))
            }
        }
        let mut st = s.serialize_struct("SalesSeries", 4)?;
        st.serialize_field("store_code", &self.store_code)?;
        st.serialize_field("sku", &self.sku)?;
        st.serialize_field("points", &Days(&self.points))?;
        st.serialize_field("imported", &Stamps(&self.points))?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for SalesSeries {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Stored {
            store_code: String,
            sku: String,
            points: Vec<(i32, f32)>,
            imported: Vec<u64>,
        }
        let s = Stored::deserialize(d)?;
        if s.points.len() != s.imported.len() {
            return Err(serde::de::Error::custom(format!(
                "{} days but {} import stamps",
                s.points.len(),
                s.imported.len()
            )));
        }
        Ok(Self {
            store_code: s.store_code,
            sku: s.sku,
            points: s
                .points
                .into_iter()
                .zip(s.imported)
                .map(|((day, qty), imported)| SalePoint { day, qty, imported })
                .collect(),
        })
    }
}

impl SalesSeries {
    /// Sets the quantity of a day, keeping the points sorted; re-importing is idempotent.
    pub fn upsert(&mut self, point: SalePoint) {
        match self.points.binary_search_by_key(&point.day, |p| p.day) {
            Ok(i) => self.points[i] = point,
            Err(i) => self.points.insert(i, point),
        }
    }

    /// Units sold in `[from, to)`.
    pub fn units_between(&self, from: NaiveDate, to: NaiveDate) -> f64 {
        let (a, b) = (from.num_days_from_ce(), to.num_days_from_ce());
        self.points
            .iter()
            .filter(|p| p.day >= a && p.day < b)
            .map(|p| f64::from(p.qty))
            .sum()
    }

    /// Weekly totals for the `weeks` weeks before `until` (oldest first).
    pub fn weekly(&self, until: NaiveDate, weeks: usize) -> Vec<f64> {
        let end = until.num_days_from_ce();
        let start = end - 7 * weeks as i32;
        let mut out = vec![0.0; weeks];
        for p in &self.points {
            if p.day >= start && p.day < end {
                out[((p.day - start) / 7) as usize] += f64::from(p.qty);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn upsert_replaces_the_same_day() {
        let mut s = SalesSeries::default();
        s.upsert(SalePoint::new(d(2026, 1, 5), 3.0));
        s.upsert(SalePoint::new(d(2026, 1, 1), 1.0));
        s.upsert(SalePoint::new(d(2026, 1, 5), 4.0));
        assert_eq!(s.points.len(), 2);
        assert_eq!(s.points[0].date(), d(2026, 1, 1));
        assert_eq!(s.units_between(d(2026, 1, 1), d(2026, 2, 1)), 5.0);
    }

    #[test]
    fn weekly_buckets() {
        let mut s = SalesSeries::default();
        s.upsert(SalePoint::new(d(2026, 1, 1), 2.0));
        s.upsert(SalePoint::new(d(2026, 1, 8), 3.0));
        s.upsert(SalePoint::new(d(2026, 1, 9), 1.0));
        assert_eq!(s.weekly(d(2026, 1, 15), 2), vec![2.0, 4.0]);
    }
}
