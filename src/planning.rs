//! Gathers what the route planner needs from the storage layer: the rep's
//! due stores with their places, and the plan's parameters from the settings.
//! Shared by `rounds route` and the route screen; the rules are in
//! `domain::route_plan`.

use crate::domain::route_plan::{Candidate, Params, StorePlace, WeekStore};
use crate::domain::{RouteStop, Settings, Store, todays_route};
use crate::storage::{Database, Result};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// The rep's due stores on `date` (planned, then overdue) as the planner sees them.
pub struct DueStores {
    pub stops: Vec<RouteStop>,
    pub stores: HashMap<String, Store>,
    pub places: HashMap<String, StorePlace>,
    /// Stores visited on `date` already.
    pub visited_on_day: Vec<String>,
}

impl DueStores {
    pub fn candidate(&self, code: &str) -> Candidate {
        let place = self.places.get(code);
        Candidate {
            code: code.to_string(),
            at: place.and_then(|p| p.at),
            hours: place.and_then(|p| p.hours.clone()),
        }
    }

    pub fn candidates(&self) -> Vec<Candidate> {
        self.stops
            .iter()
            .map(|s| self.candidate(&s.store_code))
            .collect()
    }

    pub fn name(&self, code: &str) -> &str {
        self.stores.get(code).map(|s| s.name.as_str()).unwrap_or("")
    }
}

pub fn due_stores(db: &Database, rep: &str, date: NaiveDate) -> Result<DueStores> {
    let stores = db.stores_of_rep(rep)?;
    let codes: Vec<&str> = stores.iter().map(|s| s.code.as_str()).collect();
    let states = db.visit_states(&codes)?;
    let last: HashMap<String, NaiveDate> = states
        .iter()
        .filter_map(|(code, (last, _))| last.map(|d| (code.clone(), d)))
        .collect();
    let stops = todays_route(&stores, &last, date);
    let visited_on_day = last
        .iter()
        .filter(|(_, d)| **d == date)
        .map(|(c, _)| c.clone())
        .collect();
    let mut places = db.store_places()?;
    places.retain(|code, _| codes.contains(&code.as_str()));
    Ok(DueStores {
        stops,
        stores: stores.into_iter().map(|s| (s.code.clone(), s)).collect(),
        places,
        visited_on_day,
    })
}

/// The plan's parameters for `rep` on `date`; `from` overrides the start point.
pub fn params(
    settings: &Settings,
    rep: &str,
    date: NaiveDate,
    from: Option<crate::domain::route_plan::LatLon>,
) -> std::result::Result<Params, String> {
    let mut p = Params::from_settings(settings, date.weekday());
    p.start = match from {
        Some(at) => Some(at),
        None => settings.start_of(Some(rep))?,
    };
    Ok(p)
}

/// Every store of the rep, for the week's proposal.
pub fn week_stores(db: &Database, rep: &str) -> Result<(Vec<Store>, Vec<WeekStore>)> {
    let stores = db.stores_of_rep(rep)?;
    let places = db.store_places()?;
    let week = stores
        .iter()
        .map(|s| WeekStore {
            code: s.code.clone(),
            at: places.get(&s.code).and_then(|p| p.at),
            every_days: s.visit_every_days,
            hours: places.get(&s.code).and_then(|p| p.hours.clone()),
            current: s.visit_weekdays,
        })
        .collect();
    Ok((stores, week))
}

/// The rep a command plans for: the one named, else the first by code.
pub fn pick_rep(db: &Database, rep: Option<&str>) -> Result<Option<String>> {
    if let Some(rep) = rep {
        return Ok(Some(rep.to_string()));
    }
    let mut reps: Vec<String> = db.reps()?.into_iter().map(|r| r.code).collect();
    reps.sort();
    Ok(reps.into_iter().next())
}
