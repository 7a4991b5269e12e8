//! Orders by their human number (`STORE-YYYYMMDD-NN`, so a store's orders are
//! one prefix scan and a delivery file's order id is one lookup), and the
//! stores marked trusted.

use super::{Database, Result};
use crate::domain::RecordMeta;
use crate::domain::order::{Order, order_number};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A store the rep marked trusted after a run of accepted drafts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoreTrust {
    pub meta: RecordMeta,
    pub store_code: String,
    pub trusted: bool,
    pub since: NaiveDate,
}

impl Database {
    /// Saves an order durably (a new one or a change).
    pub fn put_order(&self, order: &Order) -> Result<()> {
        self.atomically(|| {
            // team KPIs (draft acceptance, fill rate) follow the order, flushed with it
            self.update_order_kpis(std::slice::from_ref(order))?;
            self.put_all(
                "orders",
                "order",
                [(order.number.as_bytes().to_vec(), order)],
            )
        })
    }

    pub fn order(&self, number: &str) -> Result<Option<Order>> {
        self.get("orders", "order", number.trim().as_bytes())
    }

    /// True when an order with this human id (e.g. `S001-20261124-01`) exists:
    /// the delivery import checks its `order_id` column with it.
    pub fn order_exists(&self, number: &str) -> Result<bool> {
        self.tree("orders")?.contains_key(number.trim().as_bytes())
    }

    /// A store's orders, oldest first.
    pub fn orders_of_store(&self, store_code: &str) -> Result<Vec<Order>> {
        let prefix = format!("{store_code}-");
        Ok(self
            .scan::<Order>("orders", "order", prefix.as_bytes())?
            .into_iter()
            // "S001-" must not pick up a store coded "S001-X"
            .filter(|o| o.store_code == store_code)
            .collect())
    }

    pub fn all_orders(&self) -> Result<Vec<Order>> {
        self.scan("orders", "order", b"")
    }

    /// The next free number for the store on `date` (…-01, …-02, …).
    pub fn next_order_number(&self, store_code: &str, date: NaiveDate) -> Result<String> {
        let mut seq = 1;
        loop {
            let number = order_number(store_code, date, seq);
            if !self.order_exists(&number)? {
                return Ok(number);
            }
            seq += 1;
        }
    }

    pub fn store_trust(&self, store_code: &str) -> Result<Option<StoreTrust>> {
        self.get("store_trust", "store trust", store_code.as_bytes())
    }

    pub fn is_trusted(&self, store_code: &str) -> Result<bool> {
        Ok(self.store_trust(store_code)?.is_some_and(|t| t.trusted))
    }

    pub fn put_store_trust(&self, trust: &StoreTrust) -> Result<()> {
        self.atomically(|| {
            self.put_all(
                "store_trust",
                "store trust",
                [(trust.store_code.as_bytes().to_vec(), trust)],
            )
        })
    }
}
