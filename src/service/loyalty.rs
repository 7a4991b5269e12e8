//! Loyalty of stores from the database: a store, its orders, invoices,
//! visits and must-stock list gathered into a `LoyaltyInput`, for the export,
//! the backtest and (later) the card, route and review screens.
//!
//! Referrals, complaints and refusals come from the store's client-file
//! timeline. The caller passes those entries in (`timeline`): the timeline's
//! storage is built beside this loader, and until the export reads it the
//! attitude components see no entries (neutral referrals, no complaints, no
//! refusals).

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
    prior: RhythmPrior,
    settings: &Settings,
    timeline: &[TimelineEntry],
) -> StoreLoyalty {
    let r = risk(&purchases_of(f.orders, f.invoices), today, prior, settings);
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

/// The book's prior as of `today` (its rhythm and how often stores stop),
/// from the histories.
fn prior_of(histories: &[Vec<Purchase>], today: NaiveDate) -> RhythmPrior {
    let refs: Vec<&[Purchase]> = histories.iter().map(Vec::as_slice).collect();
    crate::domain::loyalty::book(&refs, today)
}

/// The book's prior as of `today`, for callers that score stores one by one
/// (`store_loyalty_with`): computing it reads every store's purchases.
pub fn book(db: &Database, today: NaiveDate) -> Result<RhythmPrior> {
    let h: Vec<Vec<Purchase>> = purchase_histories(db)?
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    Ok(prior_of(&h, today))
}

/// One store's loyalty and risk as of `today`; `None` for an unknown store.
/// `timeline`: the store's client-file entries (see the module docs).
pub fn store_loyalty(
    db: &Database,
    store_code: &str,
    today: NaiveDate,
    settings: &Settings,
    timeline: &[TimelineEntry],
) -> Result<Option<StoreLoyalty>> {
    let prior = book(db, today)?;
    store_loyalty_with(db, store_code, today, settings, prior, timeline)
}

/// `store_loyalty` with the book's prior already at hand (see `book`).
pub fn store_loyalty_with(
    db: &Database,
    store_code: &str,
    today: NaiveDate,
    settings: &Settings,
    prior: RhythmPrior,
    timeline: &[TimelineEntry],
) -> Result<Option<StoreLoyalty>> {
    let Some(store) = db.store(store_code)? else {
        return Ok(None);
    };
    let orders = db.orders_of_store(store_code)?;
    let invoices = db.invoices_of_store(store_code)?;
    let visits = db.visits_of_store(store_code)?;
    let facts = StoreFacts {
        store: &store,
        orders: &orders,
        invoices: &invoices,
        visits: &visits,
        must_stock: db
            .assortment(store_code)?
            .into_iter()
            .map(|a| a.sku)
            .collect(),
    };
    Ok(Some(compute(&facts, today, prior, settings, timeline)))
}

/// Every store's loyalty and risk as of `today`, by store code. `timelines`:
/// each store's client-file entries by store code (see the module docs).
pub fn all_store_loyalty(
    db: &Database,
    today: NaiveDate,
    settings: &Settings,
    timelines: &HashMap<String, Vec<TimelineEntry>>,
) -> Result<Vec<StoreLoyalty>> {
    let stores = db.stores()?;
    let orders = group(db.all_orders()?, |o| &o.store_code);
    let invoices = group(db.all_invoices()?, |i| &i.store_code);
    let visits = group(db.all_visits()?, |v| &v.store_code);
    let none: (Vec<Order>, Vec<Invoice>, Vec<Visit>) = Default::default();
    let histories: Vec<Vec<Purchase>> = stores
        .iter()
        .map(|s| {
            purchases_of(
                orders.get(&s.code).unwrap_or(&none.0),
                invoices.get(&s.code).unwrap_or(&none.1),
            )
        })
        .collect();
    let prior = prior_of(&histories, today);
    stores
        .iter()
        .map(|s| {
            let facts = StoreFacts {
                store: s,
                orders: orders.get(&s.code).unwrap_or(&none.0),
                invoices: invoices.get(&s.code).unwrap_or(&none.1),
                visits: visits.get(&s.code).unwrap_or(&none.2),
                must_stock: db.assortment(&s.code)?.into_iter().map(|a| a.sku).collect(),
            };
            let timeline = timelines.get(&s.code).map(Vec::as_slice).unwrap_or(&[]);
            Ok(compute(&facts, today, prior, settings, timeline))
        })
        .collect()
}
