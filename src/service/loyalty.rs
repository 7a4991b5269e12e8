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
    BookModel, Loyalty, LoyaltyInput, Purchase, RhythmPrior, Risk, loyalty, purchases, risk,
};
use crate::domain::order::{Order, OrderState, acceptance};
use crate::domain::store::Store;
use crate::domain::visit::{Visit, VisitStatus};
use crate::storage::{Database, Result};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

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

/// One store's purchases (its orders matched to its invoices).
pub fn store_purchases(db: &Database, code: &str) -> Result<Vec<Purchase>> {
    Ok(purchases_of(
        &db.orders_of_store(code)?,
        &db.invoices_of_store(code)?,
    ))
}

/// Every store's orders and invoices, by store code, read in one scan each.
struct Book {
    orders: HashMap<String, Vec<Order>>,
    invoices: HashMap<String, Vec<Invoice>>,
}

impl Book {
    fn read(db: &Database) -> Result<Self> {
        Ok(Self {
            orders: group(db.all_orders()?, |o| &o.store_code),
            invoices: group(db.all_invoices()?, |i| &i.store_code),
        })
    }

    fn orders(&self, code: &str) -> &[Order] {
        self.orders.get(code).map_or(&[], Vec::as_slice)
    }

    fn invoices(&self, code: &str) -> &[Invoice] {
        self.invoices.get(code).map_or(&[], Vec::as_slice)
    }

    /// Every store's purchases, in the order of `stores`.
    fn histories(&self, stores: &[Store]) -> Vec<Vec<Purchase>> {
        stores
            .iter()
            .map(|s| purchases_of(self.orders(&s.code), self.invoices(&s.code)))
            .collect()
    }
}

/// Every store's purchases (orders matched to invoices), by store code;
/// stores that never bought have an empty list.
pub fn purchase_histories(db: &Database) -> Result<Vec<(String, Vec<Purchase>)>> {
    let stores = db.stores()?;
    let histories = Book::read(db)?.histories(&stores);
    Ok(stores.into_iter().map(|s| s.code).zip(histories).collect())
}

/// The book's model, fitted once per data directory, day and settings: the
/// whole book moves slowly, and fitting reads every store. Each store's own
/// purchases are read fresh every time it is judged.
struct Fitted {
    dir: std::path::PathBuf,
    settings: Settings,
    stores: usize,
    model: Arc<BookModel>,
}

static FITTED: Mutex<Option<Fitted>> = Mutex::new(None);

/// Forgets the fitted model, so that the next call fits it again (what a
/// new process does; for benches and tests).
pub fn forget_book_model() {
    if let Ok(mut guard) = FITTED.lock() {
        *guard = None;
    }
    forget_book_risks();
}

/// Forgets the whole book's risks but keeps the fitted model (what a write
/// does; for benches).
pub fn forget_book_risks() {
    if let Ok(mut guard) = BOOK_RISKS.lock() {
        *guard = None;
    }
}

/// The book's model as of `today` (see `Fitted`); `histories`, when the
/// caller has read them already, saves reading them again.
fn book_model(
    db: &Database,
    today: NaiveDate,
    settings: &Settings,
    stores: &[Store],
    histories: Option<&[Vec<Purchase>]>,
) -> Result<Arc<BookModel>> {
    let dir = db.dir().to_path_buf();
    if let Ok(guard) = FITTED.lock()
        && let Some(f) = guard.as_ref()
        && f.dir == dir
        && f.model.today == today
        && f.settings == *settings
        && f.stores == stores.len()
    {
        return Ok(f.model.clone());
    }
    let read;
    let histories = match histories {
        Some(h) => h,
        None => {
            read = Book::read(db)?.histories(stores);
            &read
        }
    };
    let refs: Vec<&[Purchase]> = histories.iter().map(Vec::as_slice).collect();
    let model = Arc::new(BookModel::fit(&refs, today, settings));
    if let Ok(mut guard) = FITTED.lock() {
        *guard = Some(Fitted {
            dir,
            settings: settings.clone(),
            stores: stores.len(),
            model: model.clone(),
        });
    }
    Ok(model)
}

/// The risk as of `today` of the stores `only` names (every store when
/// `None`), by store code: what the flags on the route, the card, the
/// review list and the dashboard's retention need. It reads those stores'
/// orders and invoices (the loyalty index also reads visits, assortments
/// and timelines: `loyalty_of`).
pub fn risks_of(
    db: &Database,
    today: NaiveDate,
    only: Option<&[&str]>,
) -> Result<Arc<HashMap<String, Risk>>> {
    risks_in(db, today, &db.settings()?, &db.stores()?, only, None)
}

/// Data directory, day, settings, last change and store count.
type BookRisksKey = (std::path::PathBuf, NaiveDate, Settings, u64, usize);
type BookRisks = Arc<HashMap<String, Risk>>;
static BOOK_RISKS: Mutex<Option<(BookRisksKey, BookRisks)>> = Mutex::new(None);

/// `risks_of` with what the caller has read already; `book`, when given,
/// holds every store's orders and invoices.
fn risks_in(
    db: &Database,
    today: NaiveDate,
    settings: &Settings,
    stores: &[Store],
    only: Option<&[&str]>,
    book: Option<&Book>,
) -> Result<BookRisks> {
    // the whole book's risks stay until anything is written (a dashboard
    // opened again, the review list after it)
    let key = || -> Result<BookRisksKey> {
        Ok((
            db.dir().to_path_buf(),
            today,
            settings.clone(),
            db.last_change_seq()?,
            stores.len(),
        ))
    };
    if only.is_none()
        && let Ok(guard) = BOOK_RISKS.lock()
        && let Some((k, risks)) = guard.as_ref()
        && *k == key()?
    {
        return Ok(risks.clone());
    }
    let few = only.filter(|codes| codes.len() * 20 < stores.len());
    let risks = Arc::new(match (few, book) {
        (Some(codes), None) => {
            let model = book_model(db, today, settings, stores, None)?;
            let known: std::collections::HashSet<&str> =
                stores.iter().map(|s| s.code.as_str()).collect();
            let mut out = HashMap::with_capacity(codes.len());
            for code in codes.iter().filter(|c| known.contains(*c)) {
                let p = store_purchases(db, code)?;
                out.insert(code.to_string(), model.risk(&p, settings));
            }
            out
        }
        _ => {
            let read;
            let book = match book {
                Some(b) => b,
                None => {
                    read = Book::read(db)?;
                    &read
                }
            };
            let histories = book.histories(stores);
            let model = book_model(db, today, settings, stores, Some(&histories))?;
            let wanted: Option<std::collections::HashSet<&str>> =
                only.map(|codes| codes.iter().copied().collect());
            stores
                .iter()
                .zip(&histories)
                .filter(|(s, _)| wanted.as_ref().is_none_or(|w| w.contains(s.code.as_str())))
                .map(|(s, h)| (s.code.clone(), model.risk(h, settings)))
                .collect()
        }
    });
    if only.is_none()
        && let Ok(mut guard) = BOOK_RISKS.lock()
    {
        *guard = Some((key()?, risks.clone()));
    }
    Ok(risks)
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
    let wanted: Option<std::collections::HashSet<&str>> =
        only.map(|codes| codes.iter().copied().collect());
    let chosen: Vec<&Store> = stores
        .iter()
        .filter(|s| wanted.as_ref().is_none_or(|w| w.contains(s.code.as_str())))
        .collect();
    // a few stores: read theirs; the book: one scan of each tree
    let few = chosen.len() * 20 < stores.len().max(1);
    let (book, mut visits, mut timelines) = if few {
        (None, HashMap::new(), HashMap::new())
    } else {
        (
            Some(Book::read(db)?),
            group(db.all_visits()?, |v| &v.store_code),
            group(db.all_timeline()?, |e| &e.store_code),
        )
    };
    let risks = risks_in(db, today, &settings, &stores, only, book.as_ref())?;
    let mut out = HashMap::with_capacity(chosen.len());
    for s in chosen {
        let code = &s.code;
        let (own_orders, own_invoices, v, t) = if few {
            (
                db.orders_of_store(code)?,
                db.invoices_of_store(code)?,
                db.visits_of_store(code)?,
                db.timeline_of(code)?,
            )
        } else {
            (
                Vec::new(),
                Vec::new(),
                visits.remove(code).unwrap_or_default(),
                timelines.remove(code).unwrap_or_default(),
            )
        };
        let (orders, invoices) = match &book {
            Some(b) => (b.orders(code), b.invoices(code)),
            None => (own_orders.as_slice(), own_invoices.as_slice()),
        };
        let facts = StoreFacts {
            store: s,
            orders,
            invoices,
            visits: &v,
            must_stock: db.assortment(code)?.into_iter().map(|a| a.sku).collect(),
        };
        let r = risks
            .get(code)
            .cloned()
            .unwrap_or_else(|| risk(&[], today, RhythmPrior::default(), &settings));
        out.insert(code.clone(), compute(&facts, today, r, &settings, &t));
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
