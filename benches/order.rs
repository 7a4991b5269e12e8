//! Order suggestion for one store with 1,000 must-stock lines (target < 20 ms):
//! the pure suggestion over two years of weekly sales per line, and the whole
//! loader (read store, assortment, products, sales, orders from sled, then suggest)
//! on the large-team dataset.

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rounds::demo::large::{self, LargeSpec};
use rounds::domain::forecast::{Prior, Series};
use rounds::domain::order::{LineInput, SuggestParams, suggest};
use rounds::service::views_order;
use rounds::storage::Database;
use std::hint::black_box;
use std::path::PathBuf;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("date")
}

/// 1,000 series of 104 weeks: a third intermittent, the rest regular, some trending.
fn series() -> Vec<Vec<f64>> {
    let mut rng = ChaCha8Rng::seed_from_u64(4);
    (0..1000)
        .map(|i| {
            let rate = if i % 3 == 0 {
                0.3
            } else {
                rng.random_range(2.0..40.0)
            };
            let trend = if i % 5 == 0 { 0.01 } else { 0.0 };
            (0..104)
                .map(|w| {
                    let r: f64 = rate * (1.0 + trend * w as f64);
                    if r < 1.0 {
                        if rng.random_bool(r) {
                            rng.random_range(1..=3) as f64
                        } else {
                            0.0
                        }
                    } else {
                        (r + rng.random_range(-1.0..1.0) * r.sqrt() * 1.7)
                            .round()
                            .max(0.0)
                    }
                })
                .collect()
        })
        .collect()
}

fn pure_suggestion(c: &mut Criterion) {
    let weeks = series();
    let skus: Vec<String> = (0..weeks.len()).map(|i| format!("P{i:05}")).collect();
    let lines: Vec<LineInput> = weeks
        .iter()
        .zip(&skus)
        .map(|(w, sku)| LineInput {
            sku,
            case_pack: 6,
            history: Series::weekly(w),
            prior: None,
            seen: None,
            last_refusal: None,
            promotion: None,
        })
        .collect();
    let params = SuggestParams {
        cover_days: 8.0,
        service_level: 0.95,
        trusted: false,
        zero_when_stock_covers: true,
    };
    c.bench_function("order suggestion, 1,000 lines x 104 weeks (pure)", |b| {
        b.iter(|| black_box(suggest(black_box(&lines), &params)))
    });
    // daily history: a year of days per line, with a pooled prior and stock-outs
    let days: Vec<Vec<f64>> = weeks
        .iter()
        .map(|w| {
            w.iter()
                .flat_map(|q| (0..7).map(move |d| if d < 3 { (q / 3.0).floor() } else { 0.0 }))
                .take(364)
                .collect()
        })
        .collect();
    let censored: Vec<bool> = (0..364).map(|d| d % 50 == 0).collect();
    let prior = Prior {
        per_day: 0.5,
        strength_days: 30.0,
    };
    let daily: Vec<LineInput> = days
        .iter()
        .zip(&skus)
        .map(|(d, sku)| LineInput {
            sku,
            case_pack: 6,
            history: Series {
                values: d,
                censored: &censored,
                period_days: 1,
            },
            prior: Some(prior),
            seen: None,
            last_refusal: None,
            promotion: None,
        })
        .collect();
    c.bench_function(
        "order suggestion, 1,000 lines x 364 days, pooled (pure)",
        |b| b.iter(|| black_box(suggest(black_box(&daily), &params))),
    );
}

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/large")
}

fn loaded_suggestion(c: &mut Criterion) {
    let dir = data_dir();
    drop(large::open_or_generate(&dir, &LargeSpec::default(), today()).expect("large dataset"));
    let db = Database::open(&dir).expect("open");
    let s = views_order::store_suggestion(&db, "S0001", today(), None)
        .expect("suggest")
        .expect("store");
    assert!(s.rows.len() >= 1000, "{} lines", s.rows.len());
    c.bench_function(
        "order suggestion for store S0001, 1,000 lines (sled + suggest)",
        |b| {
            b.iter(|| {
                black_box(
                    views_order::store_suggestion(&db, "S0001", today(), None).expect("suggest"),
                )
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = pure_suggestion, loaded_suggestion
}
criterion_main!(benches);
