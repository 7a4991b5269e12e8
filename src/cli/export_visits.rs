//! `rounds export visits [--from] [--to]`: each visit with its audit lines,
//! batches, returns, problems, notes and amendments. JSON nests them under
//! the visit; CSV has one row per line with a `line` column saying what it is.

use super::args::ExportFormat;
use super::export::{with_output, write_records};
use super::{CliResult, Context};
use crate::domain::review::ReviewStatus;
use crate::domain::visit::audit::FigureInput;
use crate::domain::visit::{AuditPlan, ExpiryRules, ShelfFigures};
use crate::domain::{Settings, Visit};
use crate::storage::Database;
use chrono::{Duration, NaiveDate};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;

#[derive(Serialize)]
struct AuditRecord {
    sku: String,
    ean: String,
    product: String,
    fast_mover: bool,
    on_shelf: bool,
    facings: Option<u16>,
    /// Units the rep counted, when counted.
    stock: Option<u32>,
    price_seen: Option<String>,
    list_price: String,
    missing_reason: Option<&'static str>,
}

#[derive(Serialize)]
struct BatchRecord {
    sku: String,
    product: String,
    expiry: NaiveDate,
    qty: u32,
    /// The class on the day of the visit.
    class: &'static str,
    action: Option<&'static str>,
}

#[derive(Serialize)]
struct ReturnRecord {
    id: String,
    sku: String,
    product: String,
    qty: u32,
    value: String,
    reason: &'static str,
    status: &'static str,
    logged: NaiveDate,
    written_off: Option<NaiveDate>,
    closed: Option<NaiveDate>,
}

#[derive(Serialize)]
struct ProblemRecord {
    id: String,
    text: String,
    due: NaiveDate,
    status: &'static str,
    resolved: Option<NaiveDate>,
}

#[derive(Serialize)]
struct AmendmentRecord {
    at: String,
    by: String,
    device: String,
    target: String,
    before: String,
    after: String,
}

#[derive(Serialize)]
struct VisitRecord {
    id: String,
    store: String,
    rep: String,
    date: NaiveDate,
    checked_in: String,
    submitted: Option<String>,
    /// As review sees it: open, submitted, amended (since its last review) or reviewed.
    status: &'static str,
    /// The last review that counts (made after the submission).
    reviewed_by: Option<String>,
    reviewed_at: Option<String>,
    /// Weighted OSA over the lines checked (fast movers weigh more).
    osa: Option<f64>,
    price_compliance: Option<f64>,
    lines_checked: usize,
    must_stock_lines: usize,
    audit: Vec<AuditRecord>,
    batches: Vec<BatchRecord>,
    returns: Vec<ReturnRecord>,
    problems: Vec<ProblemRecord>,
    notes: Vec<String>,
    amendments: Vec<AmendmentRecord>,
}

/// One CSV row: a visit, or one of its lines (`line` says which).
/// `line_status` is the status of a return or problem line, `at` when a
/// return was logged or an amendment made; the visit row's own times are in
/// `checked_in` and `submitted`.
#[derive(Serialize, Default)]
struct VisitRow {
    visit_id: String,
    store: String,
    rep: String,
    date: String,
    status: String,
    /// The visit row's check-in and submission times and its last review
    /// (empty on line rows).
    checked_in: String,
    submitted: String,
    reviewed_by: String,
    reviewed_at: String,
    line: &'static str,
    sku: String,
    product: String,
    on_shelf: String,
    facings: String,
    price_seen: String,
    reason: String,
    expiry: String,
    qty: String,
    class: String,
    action: String,
    value: String,
    line_status: String,
    text: String,
    due: String,
    osa: String,
    price_compliance: String,
    at: String,
    by: String,
    before: String,
    after: String,
}

/// Product names, EANs, list prices and shelf lives by sku (read once).
struct Catalog {
    products: HashMap<String, crate::domain::Product>,
}

impl Catalog {
    fn name(&self, sku: &str) -> String {
        self.products
            .get(sku)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| sku.to_string())
    }
}

/// The fast movers of a store on a day (the audit's own rule).
fn fast_movers(
    db: &Database,
    store: &str,
    day: NaiveDate,
    s: &Settings,
) -> anyhow::Result<HashSet<String>> {
    let skus: Vec<String> = db.assortment(store)?.into_iter().map(|l| l.sku).collect();
    let from = day - Duration::weeks(i64::from(s.fast_mover_weeks));
    let units: HashMap<String, f64> = db
        .sales_of_store(store)?
        .into_iter()
        .map(|x| {
            let u = x.units_between(from, day);
            (x.sku, u)
        })
        .collect();
    let plan = AuditPlan::new(&skus, |sku| units.get(sku).copied().unwrap_or(0.0), s);
    Ok(plan
        .lines
        .into_iter()
        .filter(|(_, f)| *f)
        .map(|(s, _)| s)
        .collect())
}

fn visit_record(
    db: &Database,
    v: &Visit,
    catalog: &Catalog,
    settings: &Settings,
) -> anyhow::Result<VisitRecord> {
    let id = v.meta.id;
    let audit = db.audit_lines(id)?;
    let must_stock = db.assortment(&v.store_code)?.len();
    let fast = if audit.is_empty() {
        HashSet::new()
    } else {
        fast_movers(db, &v.store_code, v.date, settings)?
    };
    let figures = ShelfFigures::compute(
        audit.iter().map(|a| FigureInput {
            fast: fast.contains(&a.sku),
            audit: Some(a),
            list_price: catalog
                .products
                .get(&a.sku)
                .map(|p| p.list_price)
                .unwrap_or_default(),
        }),
        settings,
    );
    let rules = ExpiryRules::from_settings(settings);
    let amendments = db.amendments(id)?;
    let last_amended = amendments.iter().map(|a| a.meta.created.at).max();
    // a review counts only once the visit was submitted
    let review = db
        .reviews_of(id)?
        .into_iter()
        .filter(|r| v.submitted.is_some_and(|s| r.at >= s))
        .max_by_key(|r| r.at);
    let status = ReviewStatus::of(v, last_amended, review.as_ref().map(|r| r.at));
    Ok(VisitRecord {
        id: id.to_string(),
        store: v.store_code.clone(),
        rep: v.rep.clone(),
        date: v.date,
        checked_in: v.checked_in.to_rfc3339(),
        submitted: v.submitted.map(|t| t.to_rfc3339()),
        status: status.key(),
        reviewed_by: review.as_ref().map(|r| r.by.clone()),
        reviewed_at: review.as_ref().map(|r| r.at.to_rfc3339()),
        osa: figures.osa,
        price_compliance: figures.price_compliance,
        lines_checked: figures.checked,
        must_stock_lines: must_stock,
        audit: audit
            .iter()
            .map(|a| {
                let p = catalog.products.get(&a.sku);
                AuditRecord {
                    sku: a.sku.clone(),
                    ean: p.map(|p| p.ean.to_string()).unwrap_or_default(),
                    product: catalog.name(&a.sku),
                    fast_mover: fast.contains(&a.sku),
                    on_shelf: a.on_shelf,
                    facings: a.facings,
                    stock: a.stock,
                    price_seen: a.price_seen.map(|m| m.to_string()),
                    list_price: p.map(|p| p.list_price.to_string()).unwrap_or_default(),
                    missing_reason: a.missing.map(|m| m.key()),
                }
            })
            .collect(),
        batches: db
            .batches(id)?
            .into_iter()
            .map(|b| {
                let life = catalog
                    .products
                    .get(&b.sku)
                    .map(|p| p.shelf_life_days)
                    .unwrap_or(0);
                BatchRecord {
                    product: catalog.name(&b.sku),
                    class: rules.classify(b.expiry, v.date, life).key(),
                    action: b.action.map(|a| a.key()),
                    sku: b.sku,
                    expiry: b.expiry,
                    qty: b.qty,
                }
            })
            .collect(),
        returns: db
            .returns_of_store(&v.store_code)?
            .into_iter()
            .filter(|r| r.visit_id == id)
            .map(|r| ReturnRecord {
                id: r.meta.id.to_string(),
                product: catalog.name(&r.sku),
                sku: r.sku,
                qty: r.qty,
                value: r.value.to_string(),
                reason: r.reason.key(),
                status: r.status.key(),
                logged: r.logged,
                written_off: r.written_off,
                closed: r.closed,
            })
            .collect(),
        problems: db
            .problems_of_store(&v.store_code)?
            .into_iter()
            .filter(|p| p.visit_id == id)
            .map(|p| ProblemRecord {
                id: p.meta.id.to_string(),
                text: p.text,
                due: p.due,
                status: p.status.key(),
                resolved: p.resolved,
            })
            .collect(),
        notes: db.notes(id)?.into_iter().map(|n| n.text).collect(),
        amendments: amendments
            .into_iter()
            .map(|a| AmendmentRecord {
                at: a.meta.created.at.to_rfc3339(),
                by: a.meta.created.by,
                device: a.meta.created.device,
                target: a.target,
                before: a.before,
                after: a.after,
            })
            .collect(),
    })
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// The CSV rows of one visit: the visit itself, then each of its lines.
fn rows(v: VisitRecord) -> Vec<VisitRow> {
    let base = VisitRow {
        visit_id: v.id.clone(),
        store: v.store.clone(),
        rep: v.rep.clone(),
        date: v.date.to_string(),
        status: v.status.to_string(),
        ..Default::default()
    };
    let line = |kind: &'static str| VisitRow {
        line: kind,
        ..base_clone(&base)
    };
    let mut out = vec![VisitRow {
        line: "visit",
        checked_in: v.checked_in.clone(),
        submitted: v.submitted.clone().unwrap_or_default(),
        reviewed_by: v.reviewed_by.clone().unwrap_or_default(),
        reviewed_at: v.reviewed_at.clone().unwrap_or_default(),
        osa: v.osa.map(|x| format!("{x:.4}")).unwrap_or_default(),
        price_compliance: v
            .price_compliance
            .map(|x| format!("{x:.4}"))
            .unwrap_or_default(),
        ..base_clone(&base)
    }];
    for a in v.audit {
        out.push(VisitRow {
            sku: a.sku,
            product: a.product,
            on_shelf: a.on_shelf.to_string(),
            facings: opt(&a.facings),
            // an audit row's quantity is the counted stock
            qty: opt(&a.stock),
            price_seen: a.price_seen.unwrap_or_default(),
            reason: a.missing_reason.unwrap_or_default().to_string(),
            value: a.list_price,
            ..line("audit")
        });
    }
    for b in v.batches {
        out.push(VisitRow {
            sku: b.sku,
            product: b.product,
            expiry: b.expiry.to_string(),
            qty: b.qty.to_string(),
            class: b.class.to_string(),
            action: b.action.unwrap_or_default().to_string(),
            ..line("batch")
        });
    }
    for r in v.returns {
        out.push(VisitRow {
            sku: r.sku,
            product: r.product,
            qty: r.qty.to_string(),
            value: r.value,
            reason: r.reason.to_string(),
            line_status: r.status.to_string(),
            at: r.logged.to_string(),
            ..line("return")
        });
    }
    for p in v.problems {
        out.push(VisitRow {
            text: p.text,
            due: p.due.to_string(),
            line_status: p.status.to_string(),
            ..line("problem")
        });
    }
    for n in v.notes {
        out.push(VisitRow {
            text: n,
            ..line("note")
        });
    }
    for a in v.amendments {
        out.push(VisitRow {
            at: a.at,
            by: a.by,
            text: a.target,
            before: a.before,
            after: a.after,
            ..line("amendment")
        });
    }
    out
}

fn base_clone(b: &VisitRow) -> VisitRow {
    VisitRow {
        visit_id: b.visit_id.clone(),
        store: b.store.clone(),
        rep: b.rep.clone(),
        date: b.date.clone(),
        status: b.status.clone(),
        ..Default::default()
    }
}

pub fn run(
    ctx: &Context,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    format: ExportFormat,
    output: Option<&Path>,
    excel: bool,
) -> CliResult {
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(super::Failure {
            code: 1,
            message: format!("--from {f} is after --to {t}: swap them"),
        });
    }
    let db = ctx.open()?;
    // `--user`: a rep exports only their own visits
    let viewer = super::identity::viewer(ctx, &db)?;
    let settings = db.settings()?;
    let catalog = Catalog {
        products: db
            .products()?
            .into_iter()
            .map(|p| (p.sku.clone(), p))
            .collect(),
    };
    let mut records = Vec::new();
    for v in db.visits_between(from, to)? {
        if !viewer.can_see_rep(&v.rep) {
            continue;
        }
        records.push(visit_record(&db, &v, &catalog, &settings)?);
    }
    match format {
        ExportFormat::Json => with_output(output, |w| write_records(&records, format, w))?,
        _ => {
            let flat: Vec<VisitRow> = records.into_iter().flat_map(rows).collect();
            // `--excel`: a BOM so Excel reads the Cyrillic names as UTF-8
            super::export::with_output_bom(output, excel, |w| write_records(&flat, format, w))?
        }
    }
    Ok(())
}
