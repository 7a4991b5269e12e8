//! Foundation benches on the large-team dataset: start to first frame,
//! route and store list frames, one fuzzy-search keystroke over 5,000 products.

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::{Terminal, backend::TestBackend};
use rounds::clock::Clock;
use rounds::demo::large::{self, LargeSpec};
use rounds::search::SearchIndex;
use rounds::storage::Database;
use rounds::tui::{Action, App};
use std::hint::black_box;
use std::path::PathBuf;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("date")
}

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/large")
}

/// Generates the dataset once (minutes), then closes it so benches can open it.
fn ensure_dataset() -> PathBuf {
    let dir = data_dir();
    drop(large::open_or_generate(&dir, &LargeSpec::default(), today()).expect("large dataset"));
    dir
}

fn start_to_first_frame(c: &mut Criterion) {
    let dir = ensure_dataset();
    c.bench_function("start_to_first_frame (open db + route + draw 80x24)", |b| {
        b.iter(|| {
            let db = Database::open(&dir).expect("open");
            let app = App::new(db, Clock::fixed(today()), Some("R001")).expect("app");
            let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
            t.draw(|f| f.render_widget(&app, f.area())).expect("draw");
            black_box(t);
        })
    });
}

fn frames(c: &mut Criterion) {
    let dir = ensure_dataset();
    let db = Database::open(&dir).expect("open");
    let mut app = App::new(db, Clock::fixed(today()), Some("R001")).expect("app");
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    c.bench_function("frame: route screen 80x24", |b| {
        b.iter(|| {
            t.draw(|f| f.render_widget(&app, f.area())).expect("draw");
        })
    });
    app.on_action(Action::StoreList);
    c.bench_function("frame: store list, 1,000 stores, 80x24", |b| {
        b.iter(|| {
            t.draw(|f| f.render_widget(&app, f.area())).expect("draw");
        })
    });
}

fn search_keystroke(c: &mut Criterion) {
    let names: Vec<String> = (0..5_000).map(large::product_name).collect();
    let index = SearchIndex::new(names.iter().map(String::as_str));
    let mut group = c.benchmark_group("fuzzy search over 5,000 products, one keystroke");
    for q in ["м", "мол", "МОЛОКО 1", "moloko", "vjkjrj", "zzz", "yogurt"] {
        group.bench_function(q, |b| b.iter(|| black_box(index.search(black_box(q)))));
    }
    group.finish();
    // DESIGN's catalog is 5,000 products; a distributor's can be far larger
    let names: Vec<String> = (0..100_000).map(large::product_name).collect();
    let index = SearchIndex::new(names.iter().map(String::as_str));
    let mut group = c.benchmark_group("fuzzy search over 100,000 products, one keystroke");
    group.sample_size(10);
    for q in ["мол", "moloko", "zzz"] {
        group.bench_function(q, |b| b.iter(|| black_box(index.search(black_box(q)))));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = search_keystroke, frames, start_to_first_frame
}
criterion_main!(benches);
