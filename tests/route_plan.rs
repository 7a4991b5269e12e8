//! The day's tour: quality against a strong reference heuristic, and
//! properties on random stores with random opening hours.

mod route_reference;

use chrono::Weekday;
use proptest::prelude::*;
use rounds::domain::route_plan::{
    Candidate, Effort, LatLon, OpeningHours, Params, Window, plan_day,
};

fn params() -> Params {
    Params {
        weekday: Weekday::Wed,
        start: Some(LatLon {
            lat: 44.43,
            lon: 26.10,
        }),
        end: None,
        start_minute: 8.0 * 60.0,
        // long enough for every store: the tour's length alone is judged
        end_minute: 8.0 * 60.0 + 48.0 * 60.0,
        service_minutes: 20.0,
        speed_kmh: 40.0,
        road_factor: 1.3,
        effort: Effort::PLAN,
    }
}

/// The plan's own budget in a release build; a debug build (unoptimised,
/// tens of times slower) gets more time for the same search (the speed is
/// the bench's to judge: benches/route.rs).
fn effort() -> Effort {
    if cfg!(debug_assertions) {
        Effort {
            generations: 2000,
            millis: 2500,
            polish_millis: 2500,
        }
    } else {
        Effort::PLAN
    }
}

#[test]
fn tours_are_near_the_reference_and_far_shorter_than_the_list() {
    let mut p = params();
    p.effort = effort();
    let start = p.start.unwrap();
    for (seed, n) in [(11, 25), (12, 40), (13, 55), (14, 80), (15, 33), (16, 70)] {
        let stores = route_reference::instance(seed, n);
        let plan = plan_day(&stores, &p);
        assert_eq!(plan.stops.len(), n, "seed {seed}: every store planned");
        let d = route_reference::matrix(start, &stores, &p);
        let reference = route_reference::best_tour(&d, 40, seed);
        let list: Vec<usize> = (0..=n).collect();
        let list_km = route_reference::length(&d, &list);
        let gap = plan.total_km / reference - 1.0;
        eprintln!(
            "seed {seed} n {n}: plan {:.1} km, reference {reference:.1} km ({:+.2} %), list order {list_km:.1} km",
            plan.total_km,
            gap * 100.0
        );
        // the search runs against a clock: on a loaded machine a debug
        // build gets through less of it. The 2 % figure is judged by the
        // release bench (benches/route.rs, docs/route.md); here a tour far
        // off the reference fails.
        assert!(
            gap <= 0.05,
            "seed {seed}: {:.2} % over the reference",
            gap * 100.0
        );
        assert!(
            plan.total_km < list_km * 0.6,
            "seed {seed}: not far shorter than the list"
        );
    }
}

fn window_strategy() -> impl Strategy<Value = Option<Vec<(u16, u16)>>> {
    prop::option::of(prop::collection::vec(
        (6u16 * 60..20 * 60, 30u16..480),
        1..3,
    ))
    .prop_map(|w| {
        w.map(|ws| {
            let mut ws: Vec<(u16, u16)> = ws
                .into_iter()
                .map(|(o, len)| (o, (o + len).min(24 * 60)))
                .collect();
            ws.sort();
            // no overlaps: merge into disjoint windows
            let mut out: Vec<(u16, u16)> = Vec::new();
            for (o, c) in ws {
                match out.last_mut() {
                    Some(last) if o <= last.1 => last.1 = last.1.max(c),
                    _ => out.push((o, c)),
                }
            }
            out
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn every_fitting_store_once_and_no_window_violated(
        stores in prop::collection::vec(
            ((-0.3f64..0.3, -0.4f64..0.4), window_strategy(), prop::bool::weighted(0.1)),
            1..30,
        ),
        day_hours in 3.0f64..10.0,
    ) {
        let mut p = params();
        p.end_minute = p.start_minute + day_hours * 60.0;
        p.effort = Effort::REPLAN;
        let candidates: Vec<Candidate> = stores
            .iter()
            .enumerate()
            .map(|(i, ((dlat, dlon), windows, unlocated))| Candidate {
                code: format!("S{i:02}"),
                at: (!unlocated).then_some(LatLon { lat: 44.43 + dlat, lon: 26.10 + dlon }),
                hours: windows.as_ref().map(|ws| {
                    let day: Vec<Window> = ws.iter().map(|(o, c)| Window { opens: *o, closes: *c }).collect();
                    OpeningHours(std::array::from_fn(|_| day.clone()))
                }),
            })
            .collect();
        let plan = plan_day(&candidates, &p);
        // every store exactly once: in the tour or among those not fitting
        let mut seen: Vec<&str> = plan.stops.iter().map(|s| s.code.as_str()).collect();
        seen.extend(plan.not_fitting.iter().map(|(c, _)| c.as_str()));
        seen.sort();
        let mut all: Vec<&str> = candidates.iter().map(|c| c.code.as_str()).collect();
        all.sort();
        prop_assert_eq!(seen, all);
        // located stops first, then the stores without coordinates
        let first_unlocated = plan.stops.iter().position(|s| s.at.is_none()).unwrap_or(plan.stops.len());
        prop_assert!(plan.stops[first_unlocated..].iter().all(|s| s.at.is_none()));
        // no window violated: each visit starts in a window and ends by its close
        for s in &plan.stops {
            let c = candidates.iter().find(|c| c.code == s.code).unwrap();
            let (Some(arrive), Some(hours)) = (s.arrive, &c.hours) else { continue };
            let ok = hours.on(Weekday::Wed).iter().any(|w| {
                arrive + 1e-6 >= f64::from(w.opens)
                    && arrive + p.service_minutes <= f64::from(w.closes) + 1e-6
            });
            prop_assert!(ok, "{} arrives {arrive} outside {:?}", s.code, hours.on(Weekday::Wed));
            prop_assert!(!s.late);
        }
        // the day's end holds: back by the end of the working day
        if let Some(back) = plan.back {
            prop_assert!(back <= p.end_minute + 1e-6, "back at {back}");
        }
    }
}
