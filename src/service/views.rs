//! Builds the screens' view models from the storage layer and the domain rules.

use crate::clock::Clock;
use crate::domain::{route, todays_route};
use crate::screens::{RouteRow, RouteView, StoreCardView, StoreRow};
use crate::storage::{Database, Result};
use chrono::Duration;
use std::collections::HashMap;

/// The day's drive for the route screen: the due stores not visited today
/// and not skipped, from the last store visited (at the time of day now, if
/// later than the day's start; the tour still ends at the rep's start).
pub fn plan_route(
    db: &Database,
    clock: &Clock,
    rep: &str,
    skipped: &[String],
    from_store: Option<&str>,
) -> Result<Option<crate::screens::route::RoutePlanView>> {
    use crate::domain::route_plan::{Effort, plan_day};
    use chrono::Timelike;
    let today = clock.today();
    let due = crate::planning::due_stores(db, rep, today)?;
    let settings = db.settings()?;
    let mut params = crate::planning::params(&settings, rep, today, None).unwrap_or_else(|e| {
        tracing::warn!(error = %e, "route start point ignored");
        crate::domain::route_plan::Params::from_settings(
            &settings,
            chrono::Datelike::weekday(&today),
        )
    });
    params.effort = Effort::REPLAN;
    let candidates: Vec<_> = due
        .candidates()
        .into_iter()
        .filter(|c| {
            !skipped.contains(&c.code)
                && !due.visited_on_day.contains(&c.code)
                && Some(c.code.as_str()) != from_store
        })
        .collect();
    if candidates.is_empty() {
        return Ok(None);
    }
    if let Some(at) = from_store.and_then(|code| due.candidate(code).at) {
        let home = params
            .start
            .or_else(|| due.candidates().iter().find_map(|c| c.at));
        params.start = Some(at);
        params.end = home;
        let now = chrono::Local::now().time();
        let minute = f64::from(now.hour() * 60 + now.minute());
        params.start_minute = params.start_minute.max(minute);
        params.end_minute = params.end_minute.max(params.start_minute);
    }
    let plan = plan_day(&candidates, &params);
    let order = plan.stops.iter().map(|s| due.candidate(&s.code)).collect();
    Ok(Some(crate::screens::route::RoutePlanView::new(
        order, params, plan,
    )))
}

pub fn route_view(db: &Database, clock: &Clock, rep: Option<&str>) -> Result<RouteView> {
    let today = clock.today();
    let Some(rep) = rep else {
        return Ok(RouteView {
            today,
            rep_name: None,
            rows: vec![],
            outbox: crate::exchange::sync::outbox_count(db, crate::screens::route::OUTBOX_CAP)?,
        });
    };
    let stores = db.stores_of_rep(rep)?;
    let codes: Vec<&str> = stores.iter().map(|s| s.code.as_str()).collect();
    let states = db.visit_states(&codes)?;
    let last: HashMap<String, chrono::NaiveDate> = states
        .iter()
        .filter_map(|(code, (last, _))| last.map(|d| (code.clone(), d)))
        .collect();
    let by_code: HashMap<&str, _> = stores.iter().map(|s| (s.code.as_str(), s)).collect();
    let settings = db.settings()?;
    let within = settings.returns_write_off_days;
    let risks = crate::service::loyalty::risks_of(db, today, Some(&codes))?;
    let rows = todays_route(&stores, &last, today)
        .into_iter()
        .filter_map(|stop| {
            let s = by_code.get(stop.store_code.as_str())?;
            Some(RouteRow {
                code: s.code.clone(),
                name: s.name.clone(),
                city: s.city.clone(),
                last_visit: stop.last_visit,
                overdue_days: stop.overdue_days,
                planned_today: stop.planned_today,
                in_progress: states.get(&s.code).is_some_and(|(_, open)| *open),
                returns_flagged: flagged_returns(db, &s.code, today, within).unwrap_or(0),
                orders_to_chase: orders_to_chase(db, &settings, &s.code, today)
                    .map(|o| o.len())
                    .unwrap_or(0),
                at_risk: risks.get(&s.code).is_some_and(|r| r.at_risk),
            })
        })
        .collect();
    let rep_name = db
        .rep(rep)?
        .map(|r| format!("{} ({})", r.name, r.code))
        .unwrap_or_else(|| rep.to_string());
    Ok(RouteView {
        today,
        rep_name: Some(rep_name),
        rows,
        outbox: crate::exchange::sync::outbox_count(db, crate::screens::route::OUTBOX_CAP)?,
    })
}

pub fn store_rows(db: &Database) -> Result<Vec<StoreRow>> {
    let mut rows: Vec<StoreRow> = db
        .stores()?
        .into_iter()
        .map(|s| StoreRow {
            code: s.code,
            name: s.name,
            city: s.city,
            rep: s.rep,
        })
        .collect();
    rows.sort_by_key(|r| r.name.to_lowercase());
    Ok(rows)
}

pub fn store_card(db: &Database, clock: &Clock, code: &str) -> Result<Option<StoreCardView>> {
    let Some(store) = db.store(code)? else {
        return Ok(None);
    };
    let today = clock.today();
    let visits = db.visits_of_store(code)?;
    // only a submitted visit counts as the last visit (an open one is in progress)
    let last_visit = visits
        .iter()
        .find(|v| v.status == crate::domain::VisitStatus::Submitted)
        .map(|v| v.date);
    let rep_name = db
        .rep(&store.rep)?
        .map(|r| r.name)
        .unwrap_or_else(|| store.rep.clone());
    let must_stock = db.assortment(code)?.len();
    let from = today - Duration::weeks(8);
    let mut sellers: Vec<(String, f64)> = db
        .sales_of_store(code)?
        .into_iter()
        .map(|s| {
            let units = s.units_between(from, today);
            (s.sku, units)
        })
        .filter(|(_, u)| *u > 0.0)
        .collect();
    sellers.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    sellers.truncate(8);
    let top_sellers = sellers
        .into_iter()
        .map(|(sku, units)| {
            let name = db
                .product(&sku)
                .ok()
                .flatten()
                .map(|p| p.name)
                .unwrap_or(sku);
            (name, units)
        })
        .collect();
    let settings = db.settings()?;
    let within = settings.returns_write_off_days;
    let pending_returns = db
        .returns_of_store(code)?
        .into_iter()
        .filter(|r| r.status == crate::domain::visit::ReturnStatus::Logged)
        .map(|r| {
            let name = db
                .product(&r.sku)
                .ok()
                .flatten()
                .map(|p| p.name)
                .unwrap_or_else(|| r.sku.clone());
            crate::screens::store_card::PendingReturn {
                name,
                qty: r.qty,
                value: r.value,
                days: r.days_pending(today).unwrap_or(0),
                flagged: r.is_flagged(today, within),
            }
        })
        .collect();
    let open_problems = db
        .problems_of_store(code)?
        .into_iter()
        .filter(|p| p.is_open())
        .map(|p| (p.text, p.due))
        .collect();
    let orders_to_chase = orders_to_chase(db, &settings, code, today)?
        .into_iter()
        .map(|(number, rate)| (number, rate.delivered_lines, rate.ordered_lines))
        .collect();
    let standing = crate::service::loyalty::store_loyalty(db, code, today)?.map(|l| {
        crate::screens::store_card::Standing {
            index: l.loyalty.index,
            risk: l.risk.risk,
            at_risk: l.risk.at_risk,
            // the most decisive reason: the client file has them all
            reasons: l
                .risk
                .reasons
                .first()
                .map(|r| crate::service::words::risk_reason(*r))
                .unwrap_or_default(),
        }
    });
    Ok(Some(StoreCardView {
        standing,
        orders_to_chase,
        pending_returns,
        open_problems,
        returns_within_days: within,
        conflicts: db.conflicts_of("store", code)?.len(),
        overdue_days: route::overdue_days(last_visit, store.visit_every_days, today),
        next_due: route::next_due(last_visit, store.visit_every_days, today),
        rep_name,
        last_visit,
        must_stock,
        recent_visits: visits
            .iter()
            .take(5)
            .map(|v| (v.date, v.status == crate::domain::VisitStatus::Submitted))
            .collect(),
        top_sellers,
        store,
    }))
}

/// The store's sent orders delivered below the fill-rate setting (or not at
/// all in time), with their fill rate: the rep chases them.
pub fn orders_to_chase(
    db: &Database,
    settings: &crate::domain::Settings,
    code: &str,
    today: chrono::NaiveDate,
) -> Result<Vec<(String, crate::domain::order::FillRate)>> {
    let mut out = Vec::new();
    for order in db.orders_of_store(code)? {
        if order.sent.is_none() {
            continue;
        }
        let deliveries = db.deliveries_of_order(&order.number)?;
        if let Some(rate) = crate::domain::order::to_chase(
            &order,
            &deliveries,
            today,
            settings.fill_rate_alert,
            settings.delivery_lead_days,
        ) {
            out.push((order.number, rate));
        }
    }
    Ok(out)
}

/// Returns of a store still not written off after the settings' days.
fn flagged_returns(
    db: &Database,
    code: &str,
    today: chrono::NaiveDate,
    within: i64,
) -> Result<usize> {
    Ok(db
        .returns_of_store(code)?
        .iter()
        .filter(|r| r.is_flagged(today, within))
        .count())
}
