//! Loaders of the client file and the contact plan, and the writes they
//! make (a person, a timeline entry, a snooze), stamped for this device.

use crate::clock::Clock;
use crate::domain::client::{
    Contact, ContactDraft, EntryKind, FieldError, PlanItem, PlanSnooze, PlanStore, StoreProfile,
    TimelineEntry, TimelineFilter, contact_plan, done_entry,
};
use crate::domain::dates::{DateToRemember, StoreDates, upcoming};
use crate::domain::loyalty::{self, Bucket};
use crate::domain::record::Stamp;
use crate::domain::{RecordMeta, Store};
use crate::screens::client_file::{ClientFileView, RiskLine, RowKind, TimelineRow};
use crate::service::loyalty::store_purchases;
use crate::storage::{Database, Result, StorageError};
use chrono::{Duration, NaiveDate};
use ulid::Ulid;

/// Weeks of purchases the client file draws.
const PURCHASE_WEEKS: i64 = 26;

/// When the store opened, else its first purchase (its anniversary).
fn since(profile: Option<&StoreProfile>, purchases: &[loyalty::Purchase]) -> Option<NaiveDate> {
    profile
        .and_then(|p| p.opened)
        .or_else(|| purchases.first().map(|p| p.date))
}

fn dates_of(
    db: &Database,
    store: &Store,
    contacts: &[Contact],
    purchases: &[loyalty::Purchase],
    today: NaiveDate,
) -> Result<Vec<DateToRemember>> {
    let settings = db.settings()?;
    let profile = db.store_profile(&store.code)?;
    let company = db.company_dates()?;
    let country = StoreProfile::country_or(profile.as_ref(), &settings.country);
    Ok(upcoming(
        &StoreDates {
            country,
            contacts,
            since: since(profile.as_ref(), purchases),
            company: &company,
        },
        today,
        settings.greeting_days,
    ))
}

/// Everything that happened with the store, newest first.
fn timeline_rows(db: &Database, code: &str) -> Result<Vec<TimelineRow>> {
    let mut rows = Vec::new();
    for v in db.visits_of_store(code)? {
        rows.push(TimelineRow {
            date: v.date,
            filter: TimelineFilter::Visits,
            kind: RowKind::Visit {
                id: v.meta.id,
                submitted: v.status == crate::domain::VisitStatus::Submitted,
            },
        });
    }
    for o in db.orders_of_store(code)? {
        rows.push(TimelineRow {
            date: o.sent.unwrap_or(o.date),
            filter: TimelineFilter::Orders,
            kind: RowKind::Order {
                number: o.number.clone(),
                state: o.state,
                lines: o.lines.iter().filter(|l| l.qty > 0).count(),
                struck: o.refusals.len(),
            },
        });
    }
    let names: std::collections::HashMap<String, String> = db
        .products()?
        .into_iter()
        .map(|p| (p.sku, p.name))
        .collect();
    for r in db.returns_of_store(code)? {
        rows.push(TimelineRow {
            date: r.logged,
            filter: TimelineFilter::Returns,
            kind: RowKind::Return {
                name: names.get(&r.sku).cloned().unwrap_or_else(|| r.sku.clone()),
                qty: r.qty,
                reason: r.reason.key(),
            },
        });
    }
    for p in db.problems_of_store(code)? {
        rows.push(TimelineRow {
            date: p.meta.created.at.date_naive(),
            filter: TimelineFilter::Problems,
            kind: RowKind::VisitProblem {
                text: p.text.clone(),
                due: p.due,
                resolved: p.resolved,
            },
        });
    }
    for e in db.timeline_of(code)? {
        rows.push(TimelineRow {
            date: e.date,
            filter: e.filter(),
            kind: RowKind::Entry(e),
        });
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.date));
    Ok(rows)
}

pub fn client_file(db: &Database, clock: &Clock, code: &str) -> Result<Option<ClientFileView>> {
    let Some(store) = db.store(code)? else {
        return Ok(None);
    };
    let today = clock.today();
    let people: Vec<Contact> = db
        .contacts_of(code)?
        .into_iter()
        .filter(|c| !c.removed)
        .collect();
    let purchases = store_purchases(db, code)?;
    let dates = dates_of(db, &store, &people, &purchases, today)?;
    let from = today - Duration::weeks(PURCHASE_WEEKS - 1);
    let bars = loyalty::bars(&purchases, Bucket::Week, from, today);
    let standing = crate::service::loyalty::store_loyalty(db, code, today)?;
    let risk = standing.as_ref().map(|l| RiskLine {
        risk: l.risk.risk,
        at_risk: l.risk.at_risk,
        reasons: crate::service::words::risk_reasons(&l.risk),
    });
    let loyalty = standing.map(|l| crate::service::words::loyalty_line(&l.loyalty));
    Ok(Some(ClientFileView {
        store_code: store.code.clone(),
        store_name: store.name.clone(),
        today,
        people,
        dates,
        timeline: timeline_rows(db, code)?,
        bars,
        last_purchase: purchases.last().map(|p| p.date),
        risk,
        loyalty,
    }))
}

fn stamp(db: &Database, clock: &Clock, by: &str) -> Stamp {
    Stamp {
        by: by.to_string(),
        device: db.device().to_string(),
        at: clock.now(),
    }
}

/// Adds a person (`existing` None) or saves an edit; the form's errors come
/// back by field.
pub fn save_contact(
    db: &Database,
    clock: &Clock,
    by: &str,
    store: &str,
    existing: Option<&Contact>,
    draft: &ContactDraft,
) -> std::result::Result<Contact, SaveError> {
    let meta = match existing {
        Some(c) => {
            let mut meta = c.meta.clone();
            meta.touch(stamp(db, clock, by));
            meta
        }
        None => RecordMeta::fresh(by, db.device(), clock.now()),
    };
    let contact = draft
        .validate(meta, store, clock.today())
        .map_err(SaveError::Fields)?;
    db.put_contacts(std::slice::from_ref(&contact))?;
    Ok(contact)
}

/// Marks a person removed (kept as a tombstone so sync does not revive them).
pub fn remove_contact(db: &Database, clock: &Clock, by: &str, contact: &Contact) -> Result<()> {
    let mut gone = contact.clone();
    gone.removed = true;
    gone.meta.touch(stamp(db, clock, by));
    db.put_contacts(&[gone])
}

#[derive(Debug)]
pub enum SaveError {
    Fields(Vec<FieldError>),
    Storage(StorageError),
}

impl From<StorageError> for SaveError {
    fn from(e: StorageError) -> Self {
        Self::Storage(e)
    }
}

/// Logs a hand-made entry dated today (the rep's words in `text`).
pub fn log_entry(
    db: &Database,
    clock: &Clock,
    by: &str,
    store: &str,
    kind: EntryKind,
    text: &str,
    contact: Option<Ulid>,
) -> Result<TimelineEntry> {
    let entry = TimelineEntry {
        meta: RecordMeta::fresh(by, db.device(), clock.now()),
        store_code: store.to_string(),
        date: clock.today(),
        kind,
        text: text.trim().to_string(),
        contact,
    };
    db.put_timeline(std::slice::from_ref(&entry))?;
    Ok(entry)
}

/// Saves a changed entry (a problem resolved), moving its clock.
pub fn update_entry(db: &Database, clock: &Clock, by: &str, entry: &TimelineEntry) -> Result<()> {
    let mut e = entry.clone();
    e.meta.touch(stamp(db, clock, by));
    db.put_timeline(&[e])
}

/// Today's contact plan over `rep`'s stores (every store when None).
pub fn contact_plan_of(db: &Database, clock: &Clock, rep: Option<&str>) -> Result<Vec<PlanItem>> {
    let today = clock.today();
    let stores = match rep {
        Some(rep) => db.stores_of_rep(rep)?,
        None => db.stores()?,
    };
    let codes: Vec<&str> = stores.iter().map(|s| s.code.as_str()).collect();
    let last_visits = db.last_visit_dates(&codes)?;
    let risk = crate::service::loyalty::risks_of(db, today, Some(&codes))?;
    struct Loaded {
        contacts: Vec<Contact>,
        dates: Vec<DateToRemember>,
        entries: Vec<TimelineEntry>,
        problems: Vec<(Ulid, String, NaiveDate)>,
        at_risk: Option<String>,
    }
    let mut loaded = Vec::with_capacity(stores.len());
    for s in &stores {
        let contacts: Vec<Contact> = db
            .contacts_of(&s.code)?
            .into_iter()
            .filter(|c| !c.removed)
            .collect();
        let purchases = store_purchases(db, &s.code)?;
        let dates = dates_of(db, s, &contacts, &purchases, today)?;
        let entries = db.timeline_of(&s.code)?;
        let mut problems: Vec<(Ulid, String, NaiveDate)> = db
            .problems_of_store(&s.code)?
            .into_iter()
            .filter(|p| p.is_open())
            .map(|p| (p.meta.id, p.text, p.due))
            .collect();
        problems.extend(entries.iter().filter_map(|e| match &e.kind {
            EntryKind::Problem(p) if p.resolved.is_none() => {
                Some((e.meta.id, e.text.clone(), p.due))
            }
            _ => None,
        }));
        let at_risk = risk
            .get(&s.code)
            .filter(|r| r.at_risk)
            .map(crate::service::words::risk_reasons);
        loaded.push(Loaded {
            contacts,
            dates,
            entries,
            problems,
            at_risk,
        });
    }
    let plan_stores: Vec<PlanStore<'_>> = stores
        .iter()
        .zip(&loaded)
        .map(|(s, l)| PlanStore {
            store: s,
            contacts: &l.contacts,
            dates: &l.dates,
            entries: &l.entries,
            problems: &l.problems,
            last_visit: last_visits.get(&s.code).copied(),
            at_risk: l.at_risk.clone(),
        })
        .collect();
    Ok(contact_plan(&plan_stores, &db.plan_snoozes()?, today))
}

/// Marks a plan item done: the contact it asked for goes in the client file.
pub fn plan_done(db: &Database, clock: &Clock, by: &str, item: &PlanItem) -> Result<()> {
    let entry = done_entry(
        item,
        RecordMeta::fresh(by, db.device(), clock.now()),
        clock.today(),
    );
    db.put_timeline(&[entry])
}

/// Puts a plan item off until tomorrow.
pub fn plan_snooze(db: &Database, clock: &Clock, by: &str, item: &PlanItem) -> Result<()> {
    db.put_snooze(&PlanSnooze {
        meta: RecordMeta::fresh(by, db.device(), clock.now()),
        store_code: item.store_code.clone(),
        item: item.key.clone(),
        until: clock.today() + Duration::days(1),
    })
}
