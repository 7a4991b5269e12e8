//! `rounds route plan` and `rounds route week`: the day's drive and the week's weekday plan.

use super::args::{PlanFormat, RouteCommand};
use super::{CliResult, Context, Failure};
use crate::domain::auth::Viewer;
use crate::domain::route_plan::{
    DayPlan, Effort, LatLon, Params, clock_text, plan_day, propose_week, week::WORKDAYS,
};
use crate::domain::{Stamp, WeekdaySet};
use crate::storage::Database;
use chrono::{Datelike, NaiveDate};
use serde_json::{Value, json};

pub fn run(ctx: &Context, command: RouteCommand, rep: Option<&str>) -> CliResult {
    let db = ctx.open()?;
    let rep = match super::identity::viewer(ctx, &db)? {
        // a rep plans their own route
        Viewer::Rep { rep_code, .. } => Some(rep_code),
        _ => crate::planning::pick_rep(&db, rep)?,
    };
    let Some(rep) = rep else {
        return Err(fail(
            "no reps yet: import stores first (rounds import stores FILE)",
        ));
    };
    if db.rep(&rep)?.is_none() {
        return Err(fail(&format!("no rep {rep:?}")));
    }
    match command {
        RouteCommand::Plan { date, from, format } => plan(
            ctx,
            &db,
            &rep,
            date.unwrap_or_else(|| ctx.clock.today()),
            from,
            format,
        ),
        RouteCommand::Week {
            from,
            accept,
            format,
        } => week(
            ctx,
            &db,
            &rep,
            from.unwrap_or_else(|| ctx.clock.today()),
            &accept,
            format,
        ),
    }
}

fn fail(message: &str) -> Failure {
    Failure {
        code: 1,
        message: message.to_string(),
    }
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

fn plan(
    _ctx: &Context,
    db: &Database,
    rep: &str,
    date: NaiveDate,
    from: Option<LatLon>,
    format: PlanFormat,
) -> CliResult {
    let settings = db.settings()?;
    let params = crate::planning::params(&settings, rep, date, from).map_err(|e| fail(&e))?;
    let due = crate::planning::due_stores(db, rep, date)?;
    let plan = plan_day(&due.candidates(), &params);
    match format {
        PlanFormat::Json => {
            let stops: Vec<Value> = plan
                .stops
                .iter()
                .map(|s| {
                    let mut v = json!({
                        "store_code": s.code,
                        "lat": s.at.map(|a| a.lat),
                        "lon": s.at.map(|a| a.lon),
                        "arrive": s.arrive.map(clock_text),
                        "km_from_previous": s.km_from_previous.map(round2),
                    });
                    if s.at.is_none() {
                        v["note"] = json!("no coordinates: visited after the located stores");
                    }
                    v
                })
                .collect();
            let not_fitting: Vec<Value> = plan
                .not_fitting
                .iter()
                .map(|(code, why)| json!({"store_code": code, "reason": why.text()}))
                .collect();
            let mut out = json!({
                "rep": rep,
                "date": date.to_string(),
                "start": plan.start.map(|s| json!({"lat": s.lat, "lon": s.lon})),
                "stops": stops,
                "total_km": round2(plan.total_km),
                "back": plan.back.map(clock_text),
                "not_fitting": not_fitting,
            });
            if due.stops.is_empty() {
                out["note"] = json!("nothing to plan today");
            }
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
        PlanFormat::Text => print!("{}", plan_text(&due, &plan, &params, rep, date)),
    }
    Ok(())
}

fn plan_text(
    due: &crate::planning::DueStores,
    plan: &DayPlan,
    params: &Params,
    rep: &str,
    date: NaiveDate,
) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    if due.stops.is_empty() {
        let _ = writeln!(
            out,
            "{rep}, {} {date}: nothing to plan today",
            date.weekday()
        );
        return out;
    }
    let start = plan
        .start
        .map(|s| s.to_string())
        .unwrap_or_else(|| "-".into());
    let _ = writeln!(
        out,
        "{rep}, {} {date}: {} stops, start {start} at {}",
        date.weekday(),
        plan.stops.len(),
        clock_text(params.start_minute)
    );
    let _ = writeln!(out, "  #  arrive     km  store");
    for (i, s) in plan.stops.iter().enumerate() {
        let arrive = s.arrive.map(clock_text).unwrap_or_else(|| "  -  ".into());
        let km = s
            .km_from_previous
            .map(|k| format!("{k:6.1}"))
            .unwrap_or_else(|| "     -".into());
        let note = if s.at.is_none() {
            "  (no coordinates: after the located stores)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{:>3}  {arrive}  {km}  {} {}{note}",
            i + 1,
            s.code,
            due.name(&s.code)
        );
    }
    if let Some(back) = plan.back {
        let _ = writeln!(
            out,
            "back at {} · {:.1} km in all",
            clock_text(back),
            plan.total_km
        );
    }
    if !plan.not_fitting.is_empty() {
        let _ = writeln!(out, "not fitting:");
        for (code, why) in &plan.not_fitting {
            let _ = writeln!(out, "  {code} {}: {}", due.name(code), why.text());
        }
    }
    out
}

fn week(
    ctx: &Context,
    db: &Database,
    rep: &str,
    day: NaiveDate,
    accept: &[String],
    format: PlanFormat,
) -> CliResult {
    let settings = db.settings()?;
    let monday = day - chrono::Duration::days(i64::from(day.weekday().num_days_from_monday()));
    let start = settings.start_of(Some(rep)).map_err(|e| fail(&e))?;
    let (stores, week_stores) = crate::planning::week_stores(db, rep)?;
    let proposal = propose_week(&week_stores, start);
    // the km of a weekday plan: each workday planned as the day's tour
    let week_km = |sets: &dyn Fn(usize) -> Option<WeekdaySet>| -> Vec<(usize, f64)> {
        WORKDAYS
            .iter()
            .map(|d| {
                let mut params = Params::from_settings(&settings, *d);
                params.start = start;
                params.effort = Effort::REPLAN;
                let cands: Vec<_> = week_stores
                    .iter()
                    .enumerate()
                    .filter(|(i, w)| w.at.is_some() && sets(*i).is_some_and(|s| s.contains(*d)))
                    .map(|(_, w)| crate::domain::route_plan::Candidate {
                        code: w.code.clone(),
                        at: w.at,
                        hours: w.hours.clone(),
                    })
                    .collect();
                let p = plan_day(&cands, &params);
                (cands.len(), p.total_km)
            })
            .collect()
    };
    let current = week_km(&|i| Some(stores[i].visit_weekdays));
    let proposed = week_km(&|i| proposal[i].1);
    let all = accept.iter().any(|a| a.eq_ignore_ascii_case("all"));
    for code in accept.iter().filter(|a| !a.eq_ignore_ascii_case("all")) {
        if !proposal.iter().any(|(c, _)| c == code) {
            return Err(fail(&format!("{code}: not a store of {rep}")));
        }
    }
    let mut changed = Vec::new();
    if !accept.is_empty() {
        let stamp = Stamp {
            by: ctx.user.clone().unwrap_or_else(|| "local".into()),
            device: db.device().to_string(),
            at: ctx.clock.now(),
        };
        for (store, (code, set)) in stores.iter().zip(&proposal) {
            if let Some(set) = set
                && (all || accept.contains(code))
                && store.visit_weekdays != *set
            {
                let mut s = store.clone();
                s.visit_weekdays = *set;
                s.meta.touch(stamp.clone());
                changed.push(s);
            }
        }
        db.put_stores(&changed)?;
    }
    match format {
        PlanFormat::Json => {
            let rows: Vec<Value> = stores
                .iter()
                .zip(&proposal)
                .map(|(s, (_, p))| {
                    json!({
                        "store_code": s.code,
                        "visit_every_days": s.visit_every_days,
                        "current": s.visit_weekdays.to_file_string(),
                        "proposed": p.map(|p| p.to_file_string()),
                    })
                })
                .collect();
            let days = |v: &[(usize, f64)]| -> Vec<Value> {
                WORKDAYS
                    .iter()
                    .zip(v)
                    .map(|(d, (n, km))| json!({"weekday": d.to_string(), "stores": n, "km": round2(*km)}))
                    .collect()
            };
            let out = json!({
                "rep": rep,
                "week_of": monday.to_string(),
                "stores": rows,
                "current_days": days(&current),
                "proposed_days": days(&proposed),
                "current_km": round2(current.iter().map(|d| d.1).sum()),
                "proposed_km": round2(proposed.iter().map(|d| d.1).sum()),
                "accepted": changed.iter().map(|s| s.code.clone()).collect::<Vec<_>>(),
            });
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
        PlanFormat::Text => {
            println!("{rep}, week of {monday}: proposed weekdays");
            println!("  store    every  now            proposed");
            for (s, (_, p)) in stores.iter().zip(&proposal) {
                let p = p
                    .map(|p| p.to_file_string())
                    .unwrap_or_else(|| "- (no coordinates or closed)".into());
                let mark = if Some(s.visit_weekdays.to_file_string()) == Some(p.clone()) {
                    " "
                } else {
                    "*"
                };
                println!(
                    "{mark} {:<8} {:>5}  {:<14} {p}",
                    s.code,
                    s.visit_every_days,
                    s.visit_weekdays.to_file_string()
                );
            }
            println!("  day   now: stores    km   proposed: stores    km");
            for (d, (c, p)) in WORKDAYS.iter().zip(current.iter().zip(&proposed)) {
                println!(
                    "  {d}        {:>6} {:>6.1}             {:>6} {:>6.1}",
                    c.0, c.1, p.0, p.1
                );
            }
            let (c, p): (f64, f64) = (
                current.iter().map(|d| d.1).sum(),
                proposed.iter().map(|d| d.1).sum(),
            );
            println!("week: {p:.1} km proposed, {c:.1} km with the current plan");
            if accept.is_empty() {
                println!(
                    "accept: rounds route week --rep {rep} --accept all (or --accept CODE,CODE)"
                );
            } else {
                println!("accepted: {} stores changed their weekdays", changed.len());
            }
        }
    }
    Ok(())
}
