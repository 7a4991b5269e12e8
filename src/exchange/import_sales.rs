//! Sales history import, built for a million rows: codes interned once, rows
//! grouped per (store, product) in memory, each stored series read once,
//! merged, and only the series that changed written, in one batch.

use super::cells;
use super::job::{ImportError, ImportReport, Job};
use super::table::Spec;
use super::upsert::Tally;
use crate::domain::{SalePoint, SalesSeries};
use std::collections::HashMap;

pub const SALES: Spec = Spec {
    columns: &["store_code", "sku", "date", "qty"],
    required: &["store_code", "sku", "date", "qty"],
};

/// Known codes, numbered so that a row's key is two integers.
struct Codes {
    index: HashMap<String, u32>,
    names: Vec<String>,
}

impl Codes {
    fn new(names: Vec<String>) -> Self {
        let index = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
        Self { index, names }
    }
}

pub fn sales(job: &Job<'_>) -> Result<ImportReport, ImportError> {
    let stores = Codes::new(job.store_codes()?.into_iter().collect());
    let skus = Codes::new(job.skus()?.into_iter().collect());
    let mut groups: HashMap<(u32, u32), Vec<SalePoint>> = HashMap::new();
    let (c_store, c_sku, c_date, c_qty) = (0, 1, 2, 3);
    let (rows, _) = job.rows(&SALES, |row| {
        let store_text = row.text_at(c_store);
        let store = stores.index.get(store_text).copied();
        if store.is_none() {
            let what = if store_text.is_empty() {
                cells::CellError::Empty.to_string()
            } else if let Err(e) = cells::code(store_text) {
                e.to_string()
            } else {
                crate::t!("import-unknown-store", code = cells::shown(store_text))
            };
            row.problem("store_code", what);
        }
        let sku_text = row.text_at(c_sku);
        let sku = skus.index.get(sku_text).copied();
        if sku.is_none() {
            let what = if sku_text.is_empty() {
                cells::CellError::Empty.to_string()
            } else if let Err(e) = cells::code(sku_text) {
                e.to_string()
            } else {
                crate::t!("import-unknown-product", code = cells::shown(sku_text))
            };
            row.problem("sku", what);
        }
        let date = cells::date(row.text_at(c_date))
            .map_err(|e| row.problem("date", e))
            .ok();
        let qty = cells::quantity(row.text_at(c_qty))
            .map_err(|e| row.problem("qty", e))
            .ok();
        if let (Some(store), Some(sku), Some(date), Some(qty)) = (store, sku, date, qty) {
            groups
                .entry((store, sku))
                .or_default()
                .push(SalePoint::new(date, qty as f32));
        }
    })?;

    // every day this import sets carries the import's own timestamp, so sync
    // lets the newest import of a day win on every device
    let imported = job.stamp.at.timestamp_millis().max(1) as u64;
    let mut tally = Tally::default();
    let mut write = Vec::new();
    for ((store, sku), mut points) in groups {
        let store_code = &stores.names[store as usize];
        let sku = &skus.names[sku as usize];
        // a stable sort keeps file order within a day: the last row of a day wins
        points.sort_by_key(|p| p.day);
        let existing = job.db.sales_series(store_code, sku)?;
        let mut series = existing.clone().unwrap_or_else(|| SalesSeries {
            store_code: store_code.clone(),
            sku: sku.clone(),
            points: Vec::new(),
        });
        merge_sorted(&mut series.points, &points, imported);
        match existing {
            None => tally.created += 1,
            Some(old) if old == series => {
                tally.unchanged += 1;
                continue;
            }
            Some(_) => tally.changed += 1,
        }
        write.push(series);
    }
    if !job.dry_run && !write.is_empty() {
        job.db.put_sales(&write)?;
    }
    Ok(job.report(rows, tally))
}

/// Merges sorted `incoming` into sorted `points`: a day present in both takes
/// the incoming quantity; within `incoming` the last point of a day wins.
/// A day this import sets is stamped `imported`, or just after the stamp it
/// had if that is later (a clock set back must not make a correction lose);
/// a day whose quantity does not change keeps its point, so a re-import
/// changes nothing.
fn merge_sorted(points: &mut Vec<SalePoint>, incoming: &[SalePoint], imported: u64) {
    let mut out = Vec::with_capacity(points.len() + incoming.len());
    let (mut i, mut j) = (0, 0);
    while i < points.len() || j < incoming.len() {
        let take_new = match (points.get(i), incoming.get(j)) {
            (Some(a), Some(b)) => b.day <= a.day,
            (None, Some(_)) => true,
            _ => false,
        };
        if take_new {
            let mut p = incoming[j];
            while incoming.get(j + 1).is_some_and(|n| n.day == p.day) {
                j += 1;
                p = incoming[j];
            }
            p.imported = imported;
            if let Some(a) = points.get(i).filter(|a| a.day == p.day) {
                i += 1;
                if a.qty.to_bits() == p.qty.to_bits() {
                    p = *a;
                } else {
                    p.imported = imported.max(a.imported.saturating_add(1));
                }
            }
            out.push(p);
            j += 1;
        } else {
            out.push(points[i]);
            i += 1;
        }
    }
    *points = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(day: i32, qty: f32) -> SalePoint {
        SalePoint {
            day,
            qty,
            imported: 0,
        }
    }

    fn at(day: i32, qty: f32, imported: u64) -> SalePoint {
        SalePoint {
            imported,
            ..p(day, qty)
        }
    }

    #[test]
    fn merge_replaces_days_and_keeps_order() {
        let mut points = vec![p(1, 1.0), p(3, 3.0), p(5, 5.0)];
        merge_sorted(
            &mut points,
            &[p(0, 9.0), p(3, 4.0), p(3, 6.0), p(7, 7.0)],
            10,
        );
        assert_eq!(
            points,
            vec![
                at(0, 9.0, 10),
                p(1, 1.0),
                at(3, 6.0, 10),
                p(5, 5.0),
                at(7, 7.0, 10)
            ]
        );
    }

    #[test]
    fn merge_is_idempotent() {
        let mut points = vec![at(1, 1.0, 5), at(2, 2.0, 5)];
        let incoming = points.clone();
        merge_sorted(&mut points, &incoming, 9);
        assert_eq!(points, incoming, "unchanged days keep their stamp");
        let mut empty = Vec::new();
        merge_sorted(&mut empty, &incoming, 5);
        assert_eq!(empty, incoming);
    }

    #[test]
    fn a_correction_is_stamped_after_the_day_it_replaces() {
        // the clock went back: the correction must still rank newer
        let mut points = vec![at(1, 10.0, 100)];
        merge_sorted(&mut points, &[p(1, 8.0)], 50);
        assert_eq!(points, vec![at(1, 8.0, 101)]);
    }
}
