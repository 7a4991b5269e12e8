//! Loyalty of stores from the database: a store, its orders, invoices,
//! visits, must-stock list and client-file timeline (referrals, complaints,
//! refusals) gathered into a `LoyaltyInput`, for the export, the client
//! file, the card, the route, the review list and the dashboard.
//!
//! A store's risk leans on the whole book (its rhythm and how often stores
//! stop), so every loader reads every store's purchases once.

use crate::domain::Settings;
use crate::domain::client::TimelineEntry;
use crate::domain::commerce::Invoice;
use crate::domain::loyalty::{
    Loyalty, LoyaltyInput, Purchase, RhythmPrior, Risk, loyalty, purchases, risk,
};
use crate::domain::order::{Order, OrderState, acceptance};
use crate::domain::store::Store;
use crate::domain::visit::{Visit, VisitStatus};
use crate::storage::{Database, Result};
use chrono::NaiveDate;
use std::collections::HashMap;

/// An invoice dated up to this many days after a sent order is that order's
/// invoice (the ERP invoices on delivery, within the week).
pub const INVOICE_MATCH_DAYS: i64 = 7;

/// One store's loyalty index and risk as of a day.
#[derive(Debug, Clone, PartialEq)]
pub struct StoreLoyalty {
    pub store_code: String,
    pub name: String,
    pub loyalty: Loyalty,
    pub risk: Risk,
}

/// Everything the index reads for one store.
struct StoreFacts<'a> {
    store: &'a Store,
    orders: &'a [Order],
    invoices: &'a [Invoice],
    visits: &'a [Visit],
    must_stock: Vec<String>,
}

fn purchases_of(orders: &[Order], invoices: &[Invoice]) -> Vec<Purchase> {
    purchases(orders, invoices, INVOICE_MATCH_DAYS)
}

fn compute(
    f: &StoreFacts<'_>,
    today: NaiveDate,
    r: Risk,
    settings: &Settings,
    timeline: &[TimelineEntry],
) -> StoreLoyalty {
    let visits: Vec<NaiveDate> = f
        .visits
        .iter()
        .filter(|v| v.status == VisitStatus::Submitted)
        .map(|v| v.date)
        .collect();
    let bought: Vec<(NaiveDate, String)> = f
        .orders
        .iter()
        .filter(|o| o.state == OrderState::Sent)
        .flat_map(|o| {
            let day = o.sent.unwrap_or(o.date);
            o.lines
                .iter()
                .filter(|l| l.qty > 0)
                .map(move |l| (day, l.sku.clone()))
        })
        .collect();
    let acc = acceptance(f.orders, settings);
    let input = LoyaltyInput {
        today,
        risk: &r,
        visits: &visits,
        visit_every_days: f.store.visit_every_days,
        must_stock: &f.must_stock,
        bought: &bought,
        acceptance: acc.share.map(|s| (s, acc.reviewed)),
        invoices: f.invoices,
        timeline,
    };
    StoreLoyalty {
        store_code: f.store.code.clone(),
        name: f.store.name.clone(),
        loyalty: loyalty(&input, settings),
        risk: r,
    }
}

fn group<T>(items: Vec<T>, key: impl Fn(&T) -> &str) -> HashMap<String, Vec<T>> {
    let mut by: HashMap<String, Vec<T>> = HashMap::new();
    for i in items {
        by.entry(key(&i).to_string()).or_default().push(i);
    }
    by
}

/// Every store's purchases (orders matched to invoices), by store code;
/// stores that never bought have an empty list.
pub fn purchase_histories(db: &Database) -> Result<Vec<(String, Vec<Purchase>)>> {
    let mut orders = group(db.all_orders()?, |o| &o.store_code);
    let mut invoices = group(db.all_invoices()?, |i| &i.store_code);
    Ok(db
        .stores()?
        .into_iter()
        .map(|s| {
            let o = orders.remove(&s.code).unwrap_or_default();
            let i = invoices.remove(&s.code).unwrap_or_default();
            (s.code, purchases_of(&o, &i))
        })
        .collect())
}

/// Every history's risk as of `today`, judged against the whole book.
fn risks_of_book(histories: &[Vec<Purchase>], today: NaiveDate, settings: &Settings) -> Vec<Risk> {
    let refs: Vec<&[Purchase]> = histories.iter().map(Vec::as_slice).collect();
    crate::domain::loyalty::book_risks(&refs, today, settings)
}

/// Every store's risk as of `today`, by store code: what the flags on the
/// route and review list and the dashboard's retention need. It reads only
/// orders and invoices (the loyalty index also reads visits, assortments
/// and timelines: `loyalty_of`).
pub fn risks_of(db: &Database, today: NaiveDate) -> Result<HashMap<String, Risk>> {
    let settings = db.settings()?;
    let stores = db.stores()?;
    let orders = group(db.all_orders()?, |o| &o.store_code);
    let invoices = group(db.all_invoices()?, |i| &i.store_code);
    let none: (Vec<Order>, Vec<Invoice>) = Default::default();
    let histories: Vec<Vec<Purchase>> = stores
        .iter()
        .map(|s| {
            purchases_of(
                orders.get(&s.code).unwrap_or(&none.0),
                invoices.get(&s.code).unwrap_or(&none.1),
            )
        })
        .collect();
    Ok(stores
        .iter()
        .zip(risks_of_book(&histories, today, &settings))
        .map(|(s, r)| (s.code.clone(), r))
        .collect())
}

/// The loyalty and risk as of `today` of the stores `only` names (every
/// store when `None`), by store code. Unknown codes are left out.
pub fn loyalty_of(
    db: &Database,
    today: NaiveDate,
    only: Option<&[&str]>,
) -> Result<HashMap<String, StoreLoyalty>> {
    let settings = db.settings()?;
    let stores = db.stores()?;
    let orders = group(db.all_orders()?, |o| &o.store_code);
    let invoices = group(db.all_invoices()?, |i| &i.store_code);
    let none: (Vec<Order>, Vec<Invoice>) = Default::default();
    let histories: Vec<Vec<Purchase>> = stores
        .iter()
        .map(|s| {
            purchases_of(
                orders.get(&s.code).unwrap_or(&none.0),
                invoices.get(&s.code).unwrap_or(&none.1),
            )
        })
        .collect();
    let mut risks: HashMap<&str, Risk> = stores
        .iter()
        .map(|s| s.code.as_str())
        .zip(risks_of_book(&histories, today, &settings))
        .collect();
    let wanted: Option<std::collections::HashSet<&str>> =
        only.map(|codes| codes.iter().copied().collect());
    let chosen: Vec<&Store> = stores
        .iter()
        .filter(|s| wanted.as_ref().is_none_or(|w| w.contains(s.code.as_str())))
        .collect();
    // a few stores: read theirs; the book: one scan of each tree
    let few = chosen.len() * 20 < stores.len().max(1);
    let (mut visits, mut timelines) = if few {
        (HashMap::new(), HashMap::new())
    } else {
        (
            group(db.all_visits()?, |v| &v.store_code),
            group(db.all_timeline()?, |e| &e.store_code),
        )
    };
    let mut out = HashMap::with_capacity(chosen.len());
    for s in chosen {
        let (v, t) = if few {
            (db.visits_of_store(&s.code)?, db.timeline_of(&s.code)?)
        } else {
            (
                visits.remove(&s.code).unwrap_or_default(),
                timelines.remove(&s.code).unwrap_or_default(),
            )
        };
        let facts = StoreFacts {
            store: s,
            orders: orders.get(&s.code).unwrap_or(&none.0),
            invoices: invoices.get(&s.code).unwrap_or(&none.1),
            visits: &v,
            must_stock: db.assortment(&s.code)?.into_iter().map(|a| a.sku).collect(),
        };
        let r = risks
            .remove(s.code.as_str())
            .unwrap_or_else(|| risk(&[], today, RhythmPrior::default(), &settings));
        out.insert(s.code.clone(), compute(&facts, today, r, &settings, &t));
    }
    Ok(out)
}

/// One store's loyalty and risk as of `today`; `None` for an unknown store.
pub fn store_loyalty(
    db: &Database,
    store_code: &str,
    today: NaiveDate,
) -> Result<Option<StoreLoyalty>> {
    Ok(loyalty_of(db, today, Some(&[store_code]))?.remove(store_code))
}

/// Every store's loyalty and risk as of `today`, by store code.
pub fn all_store_loyalty(db: &Database, today: NaiveDate) -> Result<Vec<StoreLoyalty>> {
    let mut all: Vec<StoreLoyalty> = loyalty_of(db, today, None)?.into_values().collect();
    all.sort_by(|a, b| a.store_code.cmp(&b.store_code));
    Ok(all)
}
