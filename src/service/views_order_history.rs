//! What the order loader reads besides the store's own sales: the days its
//! audits saw each line out of stock, and the pool of every store's sales
//! for a short history (empirical Bayes).

use crate::domain::SalesSeries;
use crate::domain::forecast::pool::{Pool, PoolRow};
use crate::domain::order::{POOL_BELOW_DAYS, Window};
use crate::storage::{Database, Result};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// Days the store's audits saw each line out of stock (not ordered, not
/// delivered), within the history window: their demand is unknown.
pub(super) fn out_of_stock_days(
    db: &Database,
    code: &str,
    window: &Window,
) -> Result<HashMap<String, Vec<i32>>> {
    use crate::domain::visit::MissingReason;
    let mut out: HashMap<String, Vec<i32>> = HashMap::new();
    for v in db.visits_of_store(code)? {
        let day = v.date.num_days_from_ce();
        if day < window.start || day >= window.end {
            continue;
        }
        for l in db.audit_lines(v.meta.id)? {
            if !l.on_shelf
                && matches!(
                    l.missing,
                    Some(MissingReason::NotOrdered | MissingReason::NotDelivered) | None
                )
            {
                out.entry(l.sku).or_default().push(day);
            }
        }
    }
    Ok(out)
}

/// The empirical-Bayes pool over every store's series in the same window,
/// when this store's history is short (beyond 13 weeks a series' own days
/// outweigh the prior and the scan of all stores is not worth it).
pub(super) fn pool_if_thin(
    db: &Database,
    window: &Window,
    date: NaiveDate,
) -> Result<Option<Pool>> {
    if window.end - window.start >= POOL_BELOW_DAYS {
        return Ok(None);
    }
    let categories: HashMap<String, String> = db
        .products()?
        .into_iter()
        .map(|p| (p.sku, p.category))
        .collect();
    let all = db.all_sales()?;
    let mut by_store: HashMap<&str, Vec<&SalesSeries>> = HashMap::new();
    for s in &all {
        by_store.entry(&s.store_code).or_default().push(s);
    }
    let mut totals: Vec<(&str, &str, &str, f64, f64)> = Vec::new();
    for (store, series) in &by_store {
        let w = Window::of_store(series.iter().copied(), date);
        for s in series {
            let values = w.values(Some(s));
            let units: f64 = values.iter().sum();
            let days = (values.len() as u32 * w.period_days) as f64;
            let category = categories.get(&s.sku).map_or("", |c| c.as_str());
            totals.push((store, &s.sku, category, units, days));
        }
    }
    let rows: Vec<PoolRow> = totals
        .iter()
        .map(|(store, sku, category, units, days)| PoolRow {
            store,
            sku,
            category,
            units: *units,
            days: *days,
        })
        .collect();
    Ok(Some(Pool::new(&rows)))
}
