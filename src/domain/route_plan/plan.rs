//! The day's tour: the due stores ordered by the vrp-core solver, with
//! opening hours as time windows, a service time per visit and the working
//! day as the vehicle's shift. Times are minutes from midnight.

use super::geo::LatLon;
use super::hours::OpeningHours;
use chrono::{Datelike, Weekday};
use std::sync::Arc;
use vrp_core::models::common::TimeWindow;
use vrp_core::prelude::*;

/// A store due on the day, as the planner sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub code: String,
    pub at: Option<LatLon>,
    /// `None`: no hours known (open all day).
    pub hours: Option<OpeningHours>,
}

/// How hard the solver searches (its budget); the local search that
/// finishes its tour (`polish`) comes on top, a few milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Effort {
    /// Generations of the evolutionary search at most.
    pub generations: usize,
    /// Wall-clock milliseconds of the solver at most.
    pub millis: u64,
    /// Milliseconds of local search on the solver's tour afterwards.
    pub polish_millis: u64,
}

impl Effort {
    /// The day's plan: inside 1 s for 80 stores on two cores (docs/route.md).
    pub const PLAN: Effort = Effort {
        generations: 2000,
        millis: 250,
        polish_millis: 550,
    };
    /// A re-plan on the screen: under 300 ms.
    pub const REPLAN: Effort = Effort {
        generations: 2000,
        millis: 100,
        polish_millis: 150,
    };
}

#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub weekday: Weekday,
    /// Where the tour starts (`None`: the first located store).
    pub start: Option<LatLon>,
    /// Where it ends, when not back at the start (a re-plan from a store on the way).
    pub end: Option<LatLon>,
    /// When the tour starts.
    pub start_minute: f64,
    /// When the working day ends (back at the start by then).
    pub end_minute: f64,
    pub service_minutes: f64,
    pub speed_kmh: f64,
    pub road_factor: f64,
    pub effort: Effort,
}

impl Params {
    /// From the settings: the day starts at `route_start_hour` and lasts `route_day_hours`.
    pub fn from_settings(s: &crate::domain::Settings, weekday: Weekday) -> Self {
        let start = s.route_start_hour * 60.0;
        Self {
            weekday,
            start: None,
            end: None,
            start_minute: start,
            end_minute: start + s.route_day_hours * 60.0,
            service_minutes: s.route_service_minutes,
            speed_kmh: s.route_speed_kmh,
            road_factor: s.route_road_factor,
            effort: Effort::PLAN,
        }
    }

    /// Road km between two points: great circle times the road factor.
    pub fn road_km(&self, a: LatLon, b: LatLon) -> f64 {
        a.km_to(b) * self.road_factor
    }

    pub fn drive_minutes(&self, km: f64) -> f64 {
        km / self.speed_kmh.max(1.0) * 60.0
    }

    /// The windows a visit may start in on the day (the visit ends by closing).
    fn windows(&self, hours: &Option<OpeningHours>) -> Option<Vec<(f64, f64)>> {
        let hours = hours.as_ref()?;
        Some(
            hours
                .on(self.weekday)
                .iter()
                .map(|w| {
                    (
                        f64::from(w.opens),
                        f64::from(w.closes) - self.service_minutes,
                    )
                })
                .filter(|(a, b)| b >= a)
                .collect(),
        )
    }
}

/// Why a store is left out of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotFitting {
    /// Closed on the weekday (or open too briefly for a visit).
    Closed(Weekday),
    /// Closes before the rep can get there.
    ClosesBeforeReach,
    /// Opens too late to visit and drive back within the day.
    OpensAfterDay,
    /// Too far to drive there, visit and be back within the day.
    TooFar,
    /// The working day is full.
    DayFull,
}

impl NotFitting {
    /// The reason in English (the JSON and the log).
    pub fn text(self) -> String {
        match self {
            Self::Closed(day) => format!("closed on {day}"),
            Self::ClosesBeforeReach => "closes before it can be reached".into(),
            Self::OpensAfterDay => "opens too late for the working day".into(),
            Self::TooFar => "too far to visit and be back within the working day".into(),
            Self::DayFull => "the working day is full".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    pub code: String,
    pub at: Option<LatLon>,
    /// When the visit starts (after waiting for the opening); `None` without coordinates.
    pub arrive: Option<f64>,
    pub km_from_previous: Option<f64>,
    /// A hand-made order reaches the store after its last visit start.
    pub late: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct DayPlan {
    pub start: Option<LatLon>,
    /// Located stores in tour order, then the stores without coordinates.
    pub stops: Vec<Stop>,
    /// Including the drive back to the start.
    pub total_km: f64,
    /// Back at the start.
    pub back: Option<f64>,
    pub not_fitting: Vec<(String, NotFitting)>,
}

impl DayPlan {
    pub fn unlocated(&self) -> impl Iterator<Item = &Stop> {
        self.stops.iter().filter(|s| s.at.is_none())
    }
}

/// A located store and the windows its visit may start in (`None`: any time).
type Located<'a> = (&'a Candidate, Option<Vec<(f64, f64)>>);

/// Orders `candidates` into the day's tour.
pub fn plan_day(candidates: &[Candidate], params: &Params) -> DayPlan {
    let start = params
        .start
        .or_else(|| candidates.iter().find_map(|c| c.at));
    let mut plan = DayPlan {
        start,
        ..DayPlan::default()
    };
    let mut located: Vec<Located> = Vec::new();
    let mut unlocated = Vec::new();
    for c in candidates {
        let windows = params.windows(&c.hours);
        if windows.as_ref().is_some_and(Vec::is_empty) {
            plan.not_fitting
                .push((c.code.clone(), NotFitting::Closed(params.weekday)));
            continue;
        }
        match (c.at, start) {
            (Some(_), Some(_)) => located.push((c, windows)),
            _ => unlocated.push(c),
        }
    }
    if let Some(origin) = start {
        let order = solve(origin, &located, params);
        let visited: std::collections::HashSet<usize> = order.iter().copied().collect();
        let mut chosen: Vec<&Candidate> = order.iter().map(|&i| located[i].0).collect();
        let deadline = std::time::Instant::now()
            + std::time::Duration::from_millis(params.effort.polish_millis);
        if params.effort.polish_millis > 0 {
            super::polish::kick(origin, &mut chosen, params, deadline);
        }
        let mut followed = follow_located(origin, &chosen, params);
        // a tour from the first store visits it first (the same km), if the hours allow
        if let Some(pos) = chosen.iter().position(|c| c.at == Some(origin))
            && pos > 0
        {
            let mut front = chosen.clone();
            let first = front.remove(pos);
            front.insert(0, first);
            let tried = follow_located(origin, &front, params);
            if tried.stops.iter().all(|s| !s.late)
                && tried.back.is_some_and(|b| b <= params.end_minute + 1e-6)
                && tried.total_km <= followed.total_km + 1e-6
                && tried.back <= followed.back.map(|b| b + 1e-6)
            {
                followed = tried;
            }
        }
        plan.total_km = followed.total_km;
        plan.back = followed.back;
        plan.stops = followed.stops;
        for (i, (c, windows)) in located.iter().enumerate() {
            if !visited.contains(&i) {
                let reason = why_not(origin, c, windows.as_deref(), params);
                plan.not_fitting.push((c.code.clone(), reason));
            }
        }
    }
    plan.stops.extend(unlocated.into_iter().map(|c| Stop {
        code: c.code.clone(),
        at: None,
        arrive: None,
        km_from_previous: None,
        late: false,
    }));
    plan
}

/// The plan of a given order (a store moved by hand): the times and km along
/// it, waiting for openings; a store reached too late is marked `late`.
pub fn follow(order: &[Candidate], params: &Params) -> DayPlan {
    let start = params.start.or_else(|| order.iter().find_map(|c| c.at));
    let Some(origin) = start else {
        return DayPlan {
            stops: order.iter().map(unlocated_stop).collect(),
            ..DayPlan::default()
        };
    };
    let located: Vec<&Candidate> = order.iter().filter(|c| c.at.is_some()).collect();
    let mut plan = follow_located(origin, &located, params);
    plan.stops
        .extend(order.iter().filter(|c| c.at.is_none()).map(unlocated_stop));
    plan
}

fn unlocated_stop(c: &Candidate) -> Stop {
    Stop {
        code: c.code.clone(),
        at: None,
        arrive: None,
        km_from_previous: None,
        late: false,
    }
}

pub(super) fn follow_located(origin: LatLon, order: &[&Candidate], params: &Params) -> DayPlan {
    let mut plan = DayPlan {
        start: Some(origin),
        ..DayPlan::default()
    };
    let mut here = origin;
    let mut now = params.start_minute;
    for c in order {
        let at = c.at.expect("located");
        let km = params.road_km(here, at);
        now += params.drive_minutes(km);
        let mut late = false;
        if let Some(windows) = params.windows(&c.hours) {
            match windows.iter().find(|(_, last)| now <= *last + 1e-6) {
                Some((first, _)) => now = now.max(*first),
                None => late = true,
            }
        }
        plan.stops.push(Stop {
            code: c.code.clone(),
            at: Some(at),
            arrive: Some(now),
            km_from_previous: Some(km),
            late,
        });
        plan.total_km += km;
        now += params.service_minutes;
        here = at;
    }
    let back = params.road_km(here, params.end.unwrap_or(origin));
    plan.total_km += back;
    plan.back = Some(now + params.drive_minutes(back));
    plan
}

fn why_not(
    origin: LatLon,
    c: &Candidate,
    windows: Option<&[(f64, f64)]>,
    params: &Params,
) -> NotFitting {
    let at = c.at.expect("located");
    let drive = params.drive_minutes(params.road_km(origin, at));
    let reach = params.start_minute + drive;
    let drive = params.drive_minutes(params.road_km(at, params.end.unwrap_or(origin)));
    if reach + params.service_minutes + drive > params.end_minute {
        return NotFitting::TooFar;
    }
    let Some(windows) = windows else {
        return NotFitting::DayFull;
    };
    if windows.iter().all(|(_, last)| *last < reach) {
        NotFitting::ClosesBeforeReach
    } else if windows
        .iter()
        .all(|(first, _)| first.max(reach) + params.service_minutes + drive > params.end_minute)
    {
        NotFitting::OpensAfterDay
    } else {
        NotFitting::DayFull
    }
}

/// The solver's order of `located` (indices), leaving out what does not fit.
fn solve(origin: LatLon, located: &[Located], params: &Params) -> Vec<usize> {
    if located.is_empty() {
        return vec![];
    }
    match try_solve(origin, located, params) {
        Ok(order) => order,
        Err(e) => {
            // the solver refused the problem: the list order is still a plan
            tracing::warn!(error = %e, "route solver failed; keeping the list order");
            (0..located.len()).collect()
        }
    }
}

fn try_solve(origin: LatLon, located: &[Located], params: &Params) -> GenericResult<Vec<usize>> {
    // location 0 is the start, store i is location i + 1, then the end if elsewhere
    let points: Vec<LatLon> = std::iter::once(origin)
        .chain(located.iter().map(|(c, _)| c.at.expect("located")))
        .chain(params.end)
        .collect();
    let end_location = if params.end.is_some() {
        points.len() - 1
    } else {
        0
    };
    let n = points.len();
    let mut distances = Vec::with_capacity(n * n);
    for a in &points {
        for b in &points {
            distances.push(params.road_km(*a, *b));
        }
    }
    let durations: Vec<Float> = distances
        .iter()
        .map(|km| params.drive_minutes(*km))
        .collect();
    let transport: Arc<dyn TransportCost> =
        Arc::new(SimpleTransportCost::new(durations, distances)?);

    let jobs = located
        .iter()
        .enumerate()
        .map(|(i, (c, windows))| {
            let mut job = SingleBuilder::default()
                .id(&c.code)
                .location(i + 1)?
                .duration(params.service_minutes)?;
            if let Some(windows) = windows {
                job = job.times(
                    windows
                        .iter()
                        .map(|(a, b)| TimeWindow::new(*a, *b))
                        .collect(),
                )?;
            }
            job.build_as_job()
        })
        .collect::<GenericResult<Vec<_>>>()?;
    let vehicle = VehicleBuilder::default()
        .id("rep")
        .add_detail(
            VehicleDetailBuilder::default()
                .set_start_location(0)
                .set_start_time(params.start_minute)
                .set_end_location(end_location)
                .set_end_time(params.end_minute)
                .build()?,
        )
        .build()?;
    let goal = GoalContextBuilder::with_features(&[
        MinimizeUnassignedBuilder::new("min-unassigned").build()?,
        TransportFeatureBuilder::new("min-distance")
            .set_transport_cost(transport.clone())
            .set_time_constrained(true)
            .build_minimize_distance()?,
    ])?
    .build()?;
    let problem = Arc::new(
        ProblemBuilder::default()
            .add_jobs(jobs.into_iter())
            .add_vehicle(vehicle)
            .with_goal(goal)
            .with_transport_cost(transport)
            .with_logger(Arc::new(|_: &str| {}))
            .build()?,
    );
    let environment = Arc::new(Environment::new(
        Arc::new(DefaultRandom::new_repeatable()),
        Some(Arc::new(vrp_core::rosomaxa::utils::TimeQuota::new(
            params.effort.millis as Float / 1000.0,
        ))),
        rosomaxa_parallelism(),
        Arc::new(|_: &str| {}),
        false,
    ));
    let config = VrpConfigBuilder::new(problem.clone())
        .set_environment(environment)
        .set_telemetry_mode(vrp_core::rosomaxa::evolution::TelemetryMode::None)
        .prebuild()?
        .with_max_generations(Some(params.effort.generations))
        .build()?;
    let solution = Solver::new(problem, config).solve()?;
    Ok(solution
        .routes
        .iter()
        .flat_map(|r| r.tour.all_activities())
        .filter(|a| a.job.is_some())
        .map(|a| a.place.location - 1)
        .filter(|i| *i < located.len())
        .collect())
}

fn rosomaxa_parallelism() -> vrp_core::rosomaxa::utils::Parallelism {
    vrp_core::rosomaxa::utils::Parallelism::default()
}

/// The weekday of a date (re-exported for callers building `Params`).
pub fn weekday_of(date: chrono::NaiveDate) -> Weekday {
    date.weekday()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> Params {
        Params {
            weekday: Weekday::Tue,
            start: Some(LatLon {
                lat: 42.0,
                lon: 23.0,
            }),
            end: None,
            start_minute: 8.0 * 60.0,
            end_minute: 17.0 * 60.0,
            service_minutes: 20.0,
            speed_kmh: 40.0,
            road_factor: 1.3,
            effort: Effort::REPLAN,
        }
    }

    fn at(code: &str, dlat: f64, dlon: f64, hours: Option<&str>) -> Candidate {
        Candidate {
            code: code.into(),
            at: Some(LatLon {
                lat: 42.0 + dlat,
                lon: 23.0 + dlon,
            }),
            hours: hours.map(|h| OpeningHours::parse(h).unwrap()),
        }
    }

    #[test]
    fn a_line_of_stores_is_driven_out_and_back_in_order() {
        // five stores east of the start, given shuffled
        let stores = [
            at("C", 0.0, 0.06, None),
            at("A", 0.0, 0.02, None),
            at("E", 0.0, 0.10, None),
            at("B", 0.0, 0.04, None),
            at("D", 0.0, 0.08, None),
        ];
        let plan = plan_day(&stores, &params());
        let order: Vec<&str> = plan.stops.iter().map(|s| s.code.as_str()).collect();
        assert!(
            order == ["A", "B", "C", "D", "E"] || order == ["E", "D", "C", "B", "A"],
            "{order:?}"
        );
        assert!(plan.not_fitting.is_empty());
        // out to E and back: twice the great-circle distance, with the road factor
        let far = LatLon {
            lat: 42.0,
            lon: 23.1,
        }
        .km_to(LatLon {
            lat: 42.0,
            lon: 23.0,
        });
        assert!(
            (plan.total_km - 2.0 * far * 1.3).abs() < 0.01,
            "{}",
            plan.total_km
        );
        let km: f64 = plan.stops.iter().filter_map(|s| s.km_from_previous).sum();
        assert!(km < plan.total_km, "the return is in the total");
        // service time and driving between the arrivals
        let (a, b) = (plan.stops[0].arrive.unwrap(), plan.stops[1].arrive.unwrap());
        let leg = plan.stops[1].km_from_previous.unwrap() / 40.0 * 60.0;
        assert!((b - a - 20.0 - leg).abs() < 1e-6);
    }

    #[test]
    fn opening_hours_are_waited_for_and_closed_stores_left_out() {
        let stores = [
            at("LATE", 0.0, 0.01, Some("14:00-18:00")),
            at("EARLY", 0.0, 0.05, Some("08:00-12:00")),
            at(
                "SHUT",
                0.0,
                0.02,
                Some("Mon 08:00-18:00; Wed-Sun 08:00-18:00"),
            ),
        ];
        let plan = plan_day(&stores, &params());
        let order: Vec<&str> = plan.stops.iter().map(|s| s.code.as_str()).collect();
        assert_eq!(order, ["EARLY", "LATE"]);
        assert_eq!(
            plan.stops[1].arrive,
            Some(14.0 * 60.0),
            "waits for the opening"
        );
        assert_eq!(
            plan.not_fitting,
            vec![("SHUT".to_string(), NotFitting::Closed(Weekday::Tue))]
        );
    }

    #[test]
    fn stores_that_do_not_fit_are_named_with_a_reason() {
        let mut p = params();
        p.end_minute = 11.0 * 60.0; // a three-hour day
        let stores = [
            at("NEAR", 0.0, 0.01, None),
            at("CLOSED_EARLY", 0.3, 0.0, Some("08:00-08:30")),
            at("FAR", 2.0, 0.0, None),
            at("OPENS_LATE", 0.0, 0.02, Some("10:50-18:00")),
        ];
        let plan = plan_day(&stores, &p);
        assert_eq!(plan.stops.len(), 1);
        assert_eq!(plan.stops[0].code, "NEAR");
        let why: std::collections::HashMap<_, _> = plan.not_fitting.iter().cloned().collect();
        assert_eq!(why["CLOSED_EARLY"], NotFitting::ClosesBeforeReach);
        assert_eq!(why["FAR"], NotFitting::TooFar);
        assert_eq!(why["OPENS_LATE"], NotFitting::OpensAfterDay);
        assert!(plan.back.unwrap() <= p.end_minute);
    }

    #[test]
    fn stores_without_coordinates_come_last_and_the_first_store_can_be_the_start() {
        let mut p = params();
        p.start = None;
        let nowhere = Candidate {
            code: "X".into(),
            at: None,
            hours: None,
        };
        let stores = [nowhere, at("A", 0.0, 0.0, None), at("B", 0.0, 0.03, None)];
        let plan = plan_day(&stores, &p);
        assert_eq!(plan.start, stores[1].at);
        let order: Vec<&str> = plan.stops.iter().map(|s| s.code.as_str()).collect();
        assert_eq!(order.last(), Some(&"X"));
        assert_eq!(plan.stops[2].arrive, None);
        assert_eq!(plan.unlocated().count(), 1);
        // nothing due: an empty plan
        assert_eq!(plan_day(&[], &params()).stops.len(), 0);
    }

    #[test]
    fn a_hand_made_order_is_followed_and_lateness_flagged() {
        let stores = [
            at("B", 0.0, 0.3, None),
            at("A", 0.0, 0.01, Some("08:00-08:40")),
        ];
        let plan = follow(&stores, &params());
        let order: Vec<&str> = plan.stops.iter().map(|s| s.code.as_str()).collect();
        assert_eq!(order, ["B", "A"]);
        assert!(plan.stops[1].late, "A closes before the rep is back from B");
        assert!(!plan.stops[0].late);
        // a re-plan from a store on the way ends at the home start
        let mut p = params();
        p.start = stores[0].at;
        p.end = params().start;
        let plan = plan_day(&stores[1..], &p);
        assert_eq!(plan.not_fitting.len(), 1);
    }
}
