//! The day's plan (DESIGN.md: 80 stores < 1 s, within 2 % of a strong
//! heuristic) and the re-plan after a skip (< 300 ms), by vrp-core with the
//! budgets of `Effort`. Before the timings, a table of the solver's budget
//! against tour quality (gap to the 2-opt + or-opt reference) on fresh random
//! instances, so the budget can be tuned on figures (docs/route.md).

#[path = "../tests/route_reference/mod.rs"]
mod route_reference;

use chrono::Weekday;
use criterion::{Criterion, criterion_group, criterion_main};
use rounds::domain::route_plan::{Effort, LatLon, Params, plan_day};
use std::hint::black_box;
use std::time::Instant;

fn params(effort: Effort) -> Params {
    Params {
        weekday: Weekday::Wed,
        start: Some(LatLon {
            lat: 44.43,
            lon: 26.10,
        }),
        end: None,
        start_minute: 8.0 * 60.0,
        end_minute: 8.0 * 60.0 + 48.0 * 60.0,
        service_minutes: 20.0,
        speed_kmh: 40.0,
        road_factor: 1.3,
        effort,
    }
}

fn budget_table() {
    let efforts = [
        ("REPLAN", Effort::REPLAN),
        ("PLAN", Effort::PLAN),
        (
            "vrp 700ms",
            Effort {
                generations: 5000,
                millis: 700,
                polish_millis: 0,
            },
        ),
        (
            "vrp 2s",
            Effort {
                generations: 5000,
                millis: 2000,
                polish_millis: 0,
            },
        ),
    ];
    eprintln!("budget      n  instances  mean gap  worst gap  mean time  worst time");
    for n in [25, 50, 80] {
        let seeds: Vec<u64> = (0..8).map(|i| 1000 + n as u64 * 10 + i).collect();
        let refs: Vec<f64> = seeds
            .iter()
            .map(|s| {
                let stores = route_reference::instance(*s, n);
                let p = params(Effort::PLAN);
                let d = route_reference::matrix(p.start.unwrap(), &stores, &p);
                route_reference::best_tour(&d, 60, *s)
            })
            .collect();
        for (name, effort) in efforts {
            let (mut gaps, mut times) = (Vec::new(), Vec::new());
            for (s, r) in seeds.iter().zip(&refs) {
                let stores = route_reference::instance(*s, n);
                let t = Instant::now();
                let plan = plan_day(&stores, &params(effort));
                times.push(t.elapsed().as_secs_f64() * 1000.0);
                gaps.push((plan.total_km / r - 1.0) * 100.0);
            }
            let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
            let worst = |v: &[f64]| v.iter().cloned().fold(f64::MIN, f64::max);
            eprintln!(
                "{name:<9} {n:>3}  {:>9}  {:>7.2} %  {:>8.2} %  {:>6.0} ms  {:>7.0} ms",
                seeds.len(),
                mean(&gaps),
                worst(&gaps),
                mean(&times),
                worst(&times)
            );
        }
    }
}

fn route(c: &mut Criterion) {
    if std::env::var_os("ROUTE_BUDGET_TABLE").is_some() {
        budget_table();
    }
    let stores = route_reference::instance(4242, 80);
    let mut group = c.benchmark_group("route");
    group.sample_size(10);
    group.bench_function("plan 80 stores", |b| {
        b.iter(|| black_box(plan_day(black_box(&stores), &params(Effort::PLAN))))
    });
    // after a skip: the rep is at the 20th stop, 59 stores left, one skipped
    let plan = plan_day(&stores, &params(Effort::PLAN));
    let here = plan.stops[19].at;
    let left: Vec<_> = plan.stops[21..]
        .iter()
        .map(|s| stores.iter().find(|c| c.code == s.code).unwrap().clone())
        .collect();
    let mut replan = params(Effort::REPLAN);
    replan.end = replan.start;
    replan.start = here;
    replan.start_minute = 13.0 * 60.0;
    group.bench_function("re-plan after a skip (59 stores)", |b| {
        b.iter(|| black_box(plan_day(black_box(&left), &replan)))
    });
    let all: Vec<_> = stores[1..].to_vec();
    group.bench_function("re-plan after a skip (79 stores)", |b| {
        b.iter(|| black_box(plan_day(black_box(&all), &params(Effort::REPLAN))))
    });
    group.finish();
}

criterion_group!(benches, route);
criterion_main!(benches);
