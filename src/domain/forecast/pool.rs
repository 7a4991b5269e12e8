//! Empirical-Bayes pooling: a thin series borrows strength from the item's
//! demand across stores, scaled by how the store sells that category
//! against the other stores. The prior is a gamma with that mean and a
//! spread estimated from all series at once (method of moments), so the
//! pull fades as a series' own history grows.

use super::Prior;
use std::collections::HashMap;

/// One store × item history: units sold over the days observed.
#[derive(Debug, Clone, Copy)]
pub struct PoolRow<'a> {
    pub store: &'a str,
    pub sku: &'a str,
    pub category: &'a str,
    pub units: f64,
    pub days: f64,
}

#[derive(Debug, Clone, Default)]
pub struct Pool {
    item: HashMap<String, (f64, f64)>,
    store_category: HashMap<(String, String), (f64, f64)>,
    category: HashMap<String, (f64, f64)>,
    /// Squared coefficient of variation of true rates around their prior mean.
    pub cv2: f64,
}

/// The spread never goes below this: the prior is a pull, not a verdict.
const MIN_CV2: f64 = 0.05;

fn add(map_entry: &mut (f64, f64), units: f64, days: f64) {
    map_entry.0 += units;
    map_entry.1 += days;
}

fn rate((units, days): (f64, f64)) -> f64 {
    if days > 0.0 { units / days } else { 0.0 }
}

impl Pool {
    pub fn new(rows: &[PoolRow<'_>]) -> Self {
        let mut p = Pool::default();
        for r in rows.iter().filter(|r| r.days > 0.0) {
            add(
                p.item.entry(r.sku.to_string()).or_default(),
                r.units,
                r.days,
            );
            add(
                p.store_category
                    .entry((r.store.to_string(), r.category.to_string()))
                    .or_default(),
                r.units,
                r.days,
            );
            add(
                p.category.entry(r.category.to_string()).or_default(),
                r.units,
                r.days,
            );
        }
        // method of moments on x = observed / prior mean: Var x = cv² + 1/(m·days),
        // each series weighted by its expected units (a busy series says more)
        let (mut sum, mut weight) = (0.0, 0.0);
        for r in rows.iter().filter(|r| r.days > 0.0) {
            let m = p.mean(r.store, r.sku, r.category);
            if m <= 0.0 {
                continue;
            }
            let x = r.units / r.days / m;
            let w = m * r.days;
            sum += w * ((x - 1.0).powi(2) - 1.0 / w);
            weight += w;
        }
        p.cv2 = if weight > 0.0 {
            (sum / weight).max(MIN_CV2)
        } else {
            MIN_CV2
        };
        p
    }

    /// Prior mean units per day for the item in the store.
    pub fn mean(&self, store: &str, sku: &str, category: &str) -> f64 {
        let item = self.item.get(sku).copied().map(rate).unwrap_or(0.0);
        let cat = self
            .category
            .get(category)
            .copied()
            .map(rate)
            .unwrap_or(0.0);
        let here = self
            .store_category
            .get(&(store.to_string(), category.to_string()))
            .copied()
            .map(rate)
            .unwrap_or(0.0);
        let factor = if cat > 0.0 && here > 0.0 {
            here / cat
        } else {
            1.0
        };
        item * factor
    }

    pub fn prior(&self, store: &str, sku: &str, category: &str) -> Option<Prior> {
        let m = self.mean(store, sku, category);
        (m > 0.0).then(|| Prior {
            per_day: m,
            strength_days: 1.0 / (self.cv2 * m),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row<'a>(store: &'a str, sku: &'a str, units: f64, days: f64) -> PoolRow<'a> {
        PoolRow {
            store,
            sku,
            category: "c",
            units,
            days,
        }
    }

    #[test]
    fn the_prior_is_the_item_across_stores_scaled_by_the_store() {
        // store B sells the category at twice the rate of the average store
        let rows = [
            row("A", "x", 10.0, 10.0),
            row("A", "y", 10.0, 10.0),
            row("B", "x", 30.0, 10.0),
            row("B", "y", 30.0, 10.0),
        ];
        let p = Pool::new(&rows);
        // item x: 40 units / 20 days = 2 a day; category 80 / 40 = 2; B 60 / 20 = 3
        assert!((p.mean("B", "x", "c") - 3.0).abs() < 1e-9);
        assert!((p.mean("A", "x", "c") - 1.0).abs() < 1e-9);
        let prior = p.prior("A", "x", "c").unwrap();
        assert!(prior.strength_days > 0.0 && prior.strength_days.is_finite());
        assert!(p.prior("A", "never", "other").is_none());
    }
}
