//! Visit benches on the large-team dataset (store S0001: 1,000 must-stock
//! lines with two years of weekly sales): opening a visit, drawing the
//! audit, and recording one audit line durably.

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::{Terminal, backend::TestBackend};
use rounds::clock::Clock;
use rounds::demo::large::{self, LargeSpec};
use rounds::domain::visit::{AuditLine, VisitCursor, VisitWrite};
use rounds::domain::{Money, RecordMeta, Stamp, VisitStep};
use rounds::screens::visit::VisitScreen;
use rounds::storage::Database;
use rounds::tui::Action;
use rounds::tui::views_visit::visit_view;
use rounds::ui::Theme;
use std::hint::black_box;
use std::path::PathBuf;

const STORE: &str = "S0001";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("date")
}

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/large")
}

fn open_db() -> Database {
    let dir = data_dir();
    drop(large::open_or_generate(&dir, &LargeSpec::default(), today()).expect("large dataset"));
    Database::open(&dir).expect("open")
}

fn visit_benches(c: &mut Criterion) {
    let db = open_db();
    let clock = Clock::fixed(today());
    let (visit, _) = db
        .start_or_resume_visit(STORE, "R001", today(), clock.now())
        .expect("check in");
    let id = visit.meta.id;

    c.bench_function(
        "open a visit: 1,000 must-stock lines (load + screen)",
        |b| {
            b.iter(|| {
                let view = visit_view(&db, &clock, id, true)
                    .expect("load")
                    .expect("visit");
                assert_eq!(view.rows.len(), 1_000);
                black_box(VisitScreen::new(
                    view,
                    Theme::Standard,
                    clock,
                    "R001",
                    db.device(),
                ))
            })
        },
    );

    let view = visit_view(&db, &clock, id, true)
        .expect("load")
        .expect("visit");
    let mut screen = VisitScreen::new(view, Theme::Standard, clock, "R001", db.device());
    screen.handle(Action::PageDown);
    for (w, h) in [(80u16, 24u16), (160, 50)] {
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        c.bench_function(&format!("frame: audit of 1,000 lines, {w}x{h}"), |b| {
            b.iter(|| {
                t.draw(|f| f.render_widget(&screen, f.area()))
                    .expect("draw");
            })
        });
    }

    let skus: Vec<String> = screen.view.rows.iter().map(|r| r.sku.clone()).collect();
    let mut i = 0usize;
    c.bench_function(
        "record one audit line durably (line + cursor, flushed)",
        |b| {
            b.iter(|| {
                i += 1;
                let sku = &skus[i % skus.len()];
                let now = clock.now();
                let line = AuditLine {
                    meta: RecordMeta::fresh("R001", db.device(), now),
                    visit_id: id,
                    sku: sku.clone(),
                    on_shelf: !i.is_multiple_of(4),
                    facings: Some((i % 5) as u16),
                    price_seen: Some(Money(1000 + (i % 100) as i64)),
                    missing: None,
                    stock: Some((i % 30) as u32),
                };
                let writes = [
                    VisitWrite::Audit(line),
                    VisitWrite::Cursor(VisitCursor {
                        step: VisitStep::Audit,
                        audit_sku: Some(sku.clone()),
                        ..Default::default()
                    }),
                ];
                let stamp = Stamp {
                    by: "R001".into(),
                    device: db.device().into(),
                    at: now,
                };
                db.apply_visit_writes(id, &writes, &stamp).expect("write");
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = visit_benches
}
criterion_main!(benches);
