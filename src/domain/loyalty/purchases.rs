//! A store's purchases, from its rounds orders and the ERP's invoices.
//! An order and the invoice the ERP raises for it are one purchase, not two.

use crate::domain::commerce::Invoice;
use crate::domain::order::{Order, OrderState};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    Rounds,
    Erp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purchase {
    pub date: NaiveDate,
    /// Value in minor units (cents, kopecks).
    pub amount: i64,
    pub source: Source,
}

/// The purchases of one store, by date, one per day.
///
/// An invoice dated from the order's day to `match_days` after it is taken
/// as that order's invoice and replaces it (the invoice is what was really
/// delivered). Orders not yet sent are not purchases. Same-day purchases are
/// summed: the rhythm is about buying days.
pub fn purchases(orders: &[Order], invoices: &[Invoice], match_days: i64) -> Vec<Purchase> {
    let mut sent: Vec<Purchase> = orders
        .iter()
        .filter(|o| o.state == OrderState::Sent)
        .map(|o| Purchase {
            date: o.sent.unwrap_or(o.date),
            amount: o.value().0,
            source: Source::Rounds,
        })
        .collect();
    sent.sort_by_key(|p| p.date);
    let mut erp: Vec<Purchase> = invoices
        .iter()
        .filter(|i| i.amount.0 > 0)
        .map(|i| Purchase {
            date: i.date,
            amount: i.amount.0,
            source: Source::Erp,
        })
        .collect();
    erp.sort_by_key(|p| p.date);
    // Each invoice claims the earliest unmatched order within reach.
    let mut matched = vec![false; sent.len()];
    for inv in &erp {
        if let Some(i) = (0..sent.len()).find(|&i| {
            !matched[i]
                && sent[i].date <= inv.date
                && (inv.date - sent[i].date).num_days() <= match_days
        }) {
            matched[i] = true;
        }
    }
    let mut all: Vec<Purchase> = erp;
    all.extend(
        sent.into_iter()
            .zip(matched)
            .filter(|(_, m)| !m)
            .map(|(p, _)| p),
    );
    by_day(all)
}

/// One purchase per day, amounts summed, in date order.
pub fn by_day(mut all: Vec<Purchase>) -> Vec<Purchase> {
    all.sort_by_key(|p| p.date);
    let mut out: Vec<Purchase> = Vec::with_capacity(all.len());
    for p in all {
        match out.last_mut() {
            Some(last) if last.date == p.date => last.amount += p.amount,
            _ => out.push(p),
        }
    }
    out
}
