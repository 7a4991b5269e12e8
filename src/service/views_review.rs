//! View models of the review list, a visit's read-only page and the team
//! dashboard, built from the storage API for a viewer (a rep gets only
//! their own visits and figures).

use crate::clock::Clock;
use crate::domain::Visit;
use crate::domain::auth::Viewer;
use crate::domain::review::{ReviewFilter, ReviewStatus};
use crate::screens::{DashboardView, ReviewRow, VisitDetailView};
use crate::storage::{Database, Result};
use chrono::{Duration, NaiveDate};
use std::collections::HashMap;
use ulid::Ulid;

pub fn dashboard_view(
    db: &Database,
    clock: &Clock,
    viewer: &Viewer,
    to: NaiveDate,
    days: i64,
) -> Result<DashboardView> {
    let from = to - Duration::days(days.max(1) - 1);
    let table = db.kpi_table(from, to, clock.today(), false, viewer.only_rep())?;
    let names: HashMap<String, String> = db.reps()?.into_iter().map(|r| (r.code, r.name)).collect();
    let rows = table
        .rows
        .into_iter()
        .map(|mut r| {
            if let Some(name) = names.get(&r.who) {
                r.who = format!("{} {}", r.who, name);
            }
            r
        })
        .collect();
    let mut team = table.team;
    team.who = crate::t!("kpi-team");
    let retention = retention_by_rep(db, viewer, to, &names)?;
    Ok(DashboardView {
        retention,
        from,
        to,
        rows,
        team: viewer.only_rep().is_none().then_some(team),
    })
}

/// Each rep's book as of `to` (stores buying, at risk, lost), then the team.
fn retention_by_rep(
    db: &Database,
    viewer: &Viewer,
    to: NaiveDate,
    names: &HashMap<String, String>,
) -> Result<Vec<(String, crate::domain::loyalty::Retention)>> {
    use crate::domain::loyalty::retention;
    let risks = crate::service::loyalty::risks_of(db, to, None)?;
    let mut by_rep: std::collections::BTreeMap<String, Vec<&crate::domain::loyalty::Risk>> =
        Default::default();
    let stores = db.stores()?;
    for s in &stores {
        if viewer.only_rep().is_some_and(|r| r != s.rep) {
            continue;
        }
        if let Some(r) = risks.get(&s.code) {
            by_rep.entry(s.rep.clone()).or_default().push(r);
        }
    }
    let mut out: Vec<_> = by_rep
        .iter()
        .map(|(rep, risks)| {
            let who = names
                .get(rep)
                .map(|n| format!("{rep} {n}"))
                .unwrap_or_else(|| rep.clone());
            (who, retention(risks.iter().copied()))
        })
        .collect();
    if viewer.only_rep().is_none() && !out.is_empty() {
        let all = retention(by_rep.values().flatten().copied());
        out.push((crate::t!("kpi-team"), all));
    }
    Ok(out)
}

/// The rows of the review list and the reps its rep filter cycles through.
pub fn review_rows(
    db: &Database,
    clock: &Clock,
    viewer: &Viewer,
) -> Result<(Vec<ReviewRow>, Vec<String>)> {
    let names: HashMap<String, String> =
        db.stores()?.into_iter().map(|s| (s.code, s.name)).collect();
    let risks = crate::service::loyalty::risks_of(db, clock.today(), None)?;
    let rows = db
        .review_list(viewer, &ReviewFilter::default())?
        .into_iter()
        .map(|i| ReviewRow {
            id: i.visit.meta.id,
            date: i.visit.date,
            store_name: names.get(&i.visit.store_code).cloned().unwrap_or_default(),
            rep: i.visit.rep,
            at_risk: risks.get(&i.visit.store_code).is_some_and(|r| r.at_risk),
            store_code: i.visit.store_code,
            status: i.status,
            comments: i.comments,
        })
        .collect();
    let reps = match viewer.only_rep() {
        Some(_) => vec![],
        None => db.reps()?.into_iter().map(|r| r.code).collect(),
    };
    Ok((rows, reps))
}

/// The parts of a visit as sections of lines: shelf audit, expiry batches,
/// returns and notes, each line as the amendments describe it.
pub fn visit_parts(db: &Database, visit: &Visit) -> Result<Vec<(String, Vec<String>)>> {
    use crate::domain::visit::write::{describe_audit, describe_batch, describe_return};
    let id = visit.meta.id;
    let name = |sku: &str| -> String {
        db.product(sku)
            .ok()
            .flatten()
            .map(|p| p.name)
            .unwrap_or_default()
    };
    let audit: Vec<String> = db
        .audit_lines(id)?
        .iter()
        .map(|a| format!("{} {}: {}", a.sku, name(&a.sku), describe_audit(a)))
        .collect();
    let batches: Vec<String> = db
        .batches(id)?
        .iter()
        .map(|b| format!("{} {}", describe_batch(b), name(&b.sku)))
        .collect();
    let returns: Vec<String> = db
        .returns_of_store(&visit.store_code)?
        .iter()
        .filter(|r| r.visit_id == id)
        .map(|r| format!("{} {}", describe_return(r), name(&r.sku)))
        .collect();
    let notes: Vec<String> = db.notes(id)?.into_iter().map(|n| n.text).collect();
    let figures = db.visit_figures(visit)?;
    let mut summary = vec![];
    if let Some(osa) = figures.osa() {
        summary.push(format!(
            "OSA {:.0}% ({}/{})",
            osa * 100.0,
            figures.osa_on_shelf,
            figures.osa_lines
        ));
    }
    if let Some(p) = figures.price_compliance() {
        summary.push(format!(
            "{} {:.0}% ({}/{})",
            crate::t!("kpi-price"),
            p * 100.0,
            figures.price_ok,
            figures.price_checked
        ));
    }
    let mut audit_section = audit;
    if !summary.is_empty() {
        audit_section.insert(0, summary.join(" · "));
    }
    Ok(vec![
        (crate::t!("review-part-audit"), audit_section),
        (crate::t!("review-part-expiry"), batches),
        (crate::t!("review-part-returns"), returns),
        (crate::t!("review-part-notes"), notes),
    ])
}

pub fn visit_detail(db: &Database, viewer: &Viewer, id: Ulid) -> Result<VisitDetailView> {
    let v = db.visit_for(viewer, id)?;
    let store = db
        .store(&v.store_code)?
        .map(|s| format!("{} {}", s.code, s.name))
        .unwrap_or_else(|| v.store_code.clone());
    let rep = db
        .rep(&v.rep)?
        .map(|r| format!("{} ({})", r.name, r.code))
        .unwrap_or_else(|| v.rep.clone());
    let reviews: Vec<_> = db
        .reviews_of(id)?
        .into_iter()
        .map(|r| (r.by, r.at))
        .collect();
    let amended = db.last_amendments()?.get(&id).copied();
    let status = ReviewStatus::of(&v, amended, reviews.iter().map(|r| r.1).max());
    Ok(VisitDetailView {
        id,
        store,
        rep,
        date: v.date,
        checked_in: v.checked_in,
        submitted: v.submitted,
        status,
        parts: visit_parts(db, &v)?,
        amendments: db
            .amendments(id)?
            .into_iter()
            .map(|a| {
                format!(
                    "{} {}: {}: {} → {}",
                    a.meta
                        .created
                        .at
                        .with_timezone(&chrono::Local)
                        .format("%Y-%m-%d %H:%M"),
                    a.meta.created.by,
                    // the product's name, not its internal code
                    crate::domain::visit::amendment::target_sku(&a.target)
                        .and_then(|sku| db.product(sku).ok().flatten())
                        .map(|p| p.name)
                        .unwrap_or_else(|| a.target.clone()),
                    a.before,
                    a.after
                )
            })
            .collect(),
        reviews,
        comments: db
            .comments_of(id)?
            .into_iter()
            .map(|c| (c.by, c.at, c.text))
            .collect(),
        can_review: viewer.can_review(),
    })
}
