//! Loads the visit screen from storage, starts or resumes a visit, and
//! applies the changes the visit screen asks for.

use crate::clock::Clock;
use crate::domain::VisitStatus;
use crate::domain::visit::{AuditPlan, VisitWrite};
use crate::screens::visit::{AuditRow, VisitScreen, VisitView};
use crate::storage::{Database, Result};
use crate::t;
use crate::ui::{Theme, Tone};
use chrono::Duration;
use std::collections::HashMap;
use ulid::Ulid;

/// Everything the visit screen shows, in audit order.
pub fn visit_view(
    db: &Database,
    clock: &Clock,
    id: Ulid,
    resumed: bool,
) -> Result<Option<VisitView>> {
    let Some(visit) = db.visit(id)? else {
        return Ok(None);
    };
    let today = clock.today();
    let settings = db.settings()?;
    let store_name = db
        .store(&visit.store_code)?
        .map(|s| s.name)
        .unwrap_or_else(|| visit.store_code.clone());
    let skus: Vec<String> = db
        .assortment(&visit.store_code)?
        .into_iter()
        .map(|l| l.sku)
        .collect();
    let from = today - Duration::weeks(i64::from(settings.fast_mover_weeks));
    let units: HashMap<String, f64> = db
        .sales_of_store(&visit.store_code)?
        .into_iter()
        .map(|s| {
            let u = s.units_between(from, today);
            (s.sku, u)
        })
        .collect();
    let plan = AuditPlan::new(
        &skus,
        |sku| units.get(sku).copied().unwrap_or(0.0),
        &settings,
    );
    let mut audit: HashMap<String, _> = db
        .audit_lines(id)?
        .into_iter()
        .map(|a| (a.sku.clone(), a))
        .collect();
    let mut rows = Vec::with_capacity(plan.lines.len());
    for (sku, fast) in plan.lines {
        let product = db.product(&sku)?;
        rows.push(AuditRow {
            ean: product
                .as_ref()
                .map(|p| p.ean.to_string())
                .unwrap_or_default(),
            name: product
                .as_ref()
                .map(|p| p.name.clone())
                .unwrap_or_else(|| sku.clone()),
            list_price: product.as_ref().map(|p| p.list_price).unwrap_or_default(),
            shelf_life_days: product.as_ref().map(|p| p.shelf_life_days).unwrap_or(0),
            fast,
            audit: audit.remove(&sku),
            sku,
        });
    }
    Ok(Some(VisitView {
        batches: db.batches(id)?,
        returns: db.returns_of_store(&visit.store_code)?,
        problems: db.problems_of_store(&visit.store_code)?,
        notes: db.notes(id)?,
        amendments: db.amendments(id)?,
        cursor: db.visit_cursor(id)?,
        store_name,
        today,
        settings,
        rows,
        resumed,
        visit,
    }))
}

/// Checks in at a store (or resumes its open visit) and builds the screen.
pub fn open_visit(
    db: &Database,
    clock: &Clock,
    store: &str,
    theme: Theme,
) -> anyhow::Result<Option<VisitScreen>> {
    let Some(s) = db.store(store)? else {
        return Ok(None);
    };
    let (visit, resumed) = db.start_or_resume_visit(store, &s.rep, clock.today(), clock.now())?;
    let Some(view) = visit_view(db, clock, visit.meta.id, resumed)? else {
        return Ok(None);
    };
    let mut screen = VisitScreen::new(view, theme, *clock, &visit.rep, db.device());
    let msg = match (resumed, visit.status) {
        (_, VisitStatus::Submitted) => "visit-read-only",
        (true, _) => "visit-resumed",
        (false, _) => "visit-checked-in",
    };
    screen.message = Some((t!(msg), Tone::Ok));
    Ok(Some(screen))
}

/// Writes what the visit screen asks for. The screen shows its change at
/// once; if the write fails it is reloaded from storage, so it never shows
/// something that is not saved.
pub fn apply_writes(
    db: &Database,
    clock: &Clock,
    screen: &mut VisitScreen,
    writes: &[VisitWrite],
) -> anyhow::Result<()> {
    let id = screen.view.visit.meta.id;
    let has_record = writes.iter().any(|w| !matches!(w, VisitWrite::Cursor(_)));
    match db.apply_visit_writes(id, writes, &screen.stamp()) {
        Ok(()) => {
            let submitted = writes
                .iter()
                .any(|w| matches!(w, VisitWrite::Submit { .. }));
            let reload =
                submitted || (has_record && screen.view.visit.status == VisitStatus::Submitted);
            if reload && let Some(view) = visit_view(db, clock, id, false)? {
                screen.reload(view);
            }
        }
        Err(e) => {
            tracing::error!(error = %e, "visit write failed");
            if let Some(view) = visit_view(db, clock, id, false)? {
                screen.reload(view);
            }
            screen.message = Some((t!("visit-save-failed", error = e.to_string()), Tone::Danger));
        }
    }
    Ok(())
}
