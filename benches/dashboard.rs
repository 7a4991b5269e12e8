//! The supervisor dashboard over 100,000 visits (DESIGN.md: < 100 ms): the
//! figures come from per-rep day buckets kept on write, so a dashboard reads
//! the buckets of its period, never the visits. The full recount is measured
//! beside it for comparison, and so is the cost the buckets add to a write.

use chrono::{Duration, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::{Terminal, backend::TestBackend};
use rounds::clock::Clock;
use rounds::demo::large::{self, LargeSpec};
use rounds::domain::auth::Viewer;
use rounds::screens::DashboardScreen;
use rounds::service::views_review;
use rounds::storage::Database;
use rounds::ui::Theme;
use std::hint::black_box;
use std::path::PathBuf;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("date")
}

/// 40 reps, 1,000 stores, 100,000 visits over two years (the catalog kept
/// small: the dashboard does not read it).
fn spec() -> LargeSpec {
    LargeSpec {
        products: 50,
        lines_per_store: 5,
        sales_stores: 0,
        weeks: 1,
        ..LargeSpec::default()
    }
}

fn open() -> Database {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/dashboard");
    large::open_or_generate(&dir, &spec(), today()).expect("dataset")
}

fn dashboard(c: &mut Criterion) {
    let db = open();
    let clock = Clock::fixed(today());
    assert!(db.count("visits").expect("count") >= 100_000);
    for days in [28i64, 365] {
        let from = today() - Duration::days(days - 1);
        c.bench_function(
            &format!("dashboard: kpi table, 40 reps, {days} days"),
            |b| {
                b.iter(|| {
                    black_box(
                        db.kpi_table(from, today(), today(), false, None)
                            .expect("kpis"),
                    )
                })
            },
        );
    }
    c.bench_function("dashboard: kpi table by store (1,000 rows), 28 days", |b| {
        let from = today() - Duration::days(27);
        b.iter(|| {
            black_box(
                db.kpi_table(from, today(), today(), true, None)
                    .expect("kpis"),
            )
        })
    });
    c.bench_function("dashboard: open the screen (load + draw 120x40)", |b| {
        let mut t = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        b.iter(|| {
            let view = views_review::dashboard_view(&db, &clock, &Viewer::Local, today(), 28)
                .expect("view");
            let screen = DashboardScreen::new(view, Theme::Standard);
            t.draw(|f| f.render_widget(&screen, f.area()))
                .expect("draw");
        })
    });
    let mut group = c.benchmark_group("for comparison");
    group.sample_size(10);
    group.bench_function(
        "full recount of 100,000 visits (what the buckets avoid)",
        |b| b.iter(|| black_box(db.kpi_recount(false).expect("recount"))),
    );
    group.finish();
}

fn write_cost(c: &mut Criterion) {
    let db = open();
    let mut visit = db
        .all_visits()
        .expect("visits")
        .into_iter()
        .next()
        .expect("a visit");
    c.bench_function("save one visit durably, buckets moved with it", |b| {
        b.iter(|| {
            visit.date = if visit.date == today() {
                today() - Duration::days(1)
            } else {
                today()
            };
            db.save_visit(&visit).expect("save");
        })
    });
}

criterion_group!(benches, dashboard, write_cost);
criterion_main!(benches);
