//! `rounds export loyalty` over 5,000 stores with 25 invoices each (issue
//! 11: the whole export under 1 s), and the risk-only pass the route, the
//! review list and the dashboard read for their flags and retention.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use rounds::demo::large::{self, LargeSpec};
use rounds::domain::{Invoice, Money, RecordMeta};
use rounds::storage::Database;
use std::hint::black_box;
use std::path::PathBuf;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("date")
}

const STORES: usize = 5_000;
const INVOICES: usize = 25;

/// 5,000 stores, each with 25 invoices on its own rhythm (every 7 to 34
/// days, some of them stopped), a few assortment lines and visits.
fn open() -> Database {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/loyalty");
    let spec = LargeSpec {
        reps: 40,
        stores: STORES,
        products: 50,
        lines_per_store: 5,
        sales_stores: 0,
        weeks: 1,
        visits: 20_000,
    };
    let fresh = !dir.join("complete").exists();
    let db = large::open_or_generate(&dir, &spec, today()).expect("dataset");
    if fresh || db.count("invoices").expect("count") == 0 {
        let at = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
        let stores = db.stores().expect("stores");
        for chunk in stores.chunks(500) {
            let mut batch = Vec::with_capacity(chunk.len() * INVOICES);
            for (n, s) in chunk.iter().enumerate() {
                let h = s
                    .code
                    .bytes()
                    .fold(n as u64, |a, b| a.wrapping_mul(31) + u64::from(b));
                let gap = 7 + (h % 28) as i64;
                // one store in five stopped some gaps ago
                let stopped = if h % 5 == 0 { (h % 6 + 2) as i64 } else { 0 };
                let last = today() - Duration::days(gap * stopped + (h % 7) as i64);
                for i in 0..INVOICES {
                    let date = last - Duration::days(gap * i as i64 + ((h >> i) % 3) as i64);
                    batch.push(Invoice {
                        meta: RecordMeta::fresh("erp", "bench", at),
                        store_code: s.code.clone(),
                        number: format!("{}-{i:02}", s.code),
                        date,
                        due_date: date + Duration::days(14),
                        amount: Money(10_000 + ((h >> (i % 16)) % 5_000) as i64),
                        paid: Money(10_000),
                    });
                }
            }
            db.put_invoices(&batch).expect("invoices");
        }
        db.flush().expect("flush");
    }
    db
}

fn loyalty(c: &mut Criterion) {
    let db = open();
    assert_eq!(db.count("stores").expect("count"), STORES);
    assert_eq!(db.count("invoices").expect("count"), STORES * INVOICES);
    use rounds::service::loyalty;
    let mut group = c.benchmark_group("loyalty");
    group.sample_size(10);
    group.bench_function(
        "export loyalty, 5,000 stores x 25 invoices, cold (fits the book), JSON",
        |b| {
            b.iter(|| {
                loyalty::forget_book_model();
                let all = loyalty::all_store_loyalty(&db, today()).expect("loyalty");
                let json = serde_json::to_vec(
                    &all.iter()
                        .map(|s| (&s.store_code, s.loyalty.index, s.risk.risk, s.risk.at_risk))
                        .collect::<Vec<_>>(),
                )
                .expect("json");
                black_box(json.len())
            })
        },
    );
    let histories: Vec<Vec<rounds::domain::loyalty::Purchase>> = loyalty::purchase_histories(&db)
        .expect("histories")
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    let refs: Vec<&[rounds::domain::loyalty::Purchase]> =
        histories.iter().map(Vec::as_slice).collect();
    let settings = db.settings().expect("settings");
    group.bench_function(
        "fit the book model alone (prior, calibration, threshold)",
        |b| {
            b.iter(|| {
                black_box(rounds::domain::loyalty::BookModel::fit(
                    &refs,
                    today(),
                    &settings,
                ))
            })
        },
    );
    let fitted = rounds::domain::loyalty::BookModel::fit(&refs, today(), &settings);
    assert!(
        fitted.is_calibrated(),
        "the bench book is big enough to calibrate"
    );
    group.finish();

    let rep = db.stores_of_rep("R001").expect("stores");
    let codes: Vec<&str> = rep.iter().map(|s| s.code.as_str()).collect();
    loyalty::risks_of(&db, today(), None).expect("fit once");
    c.bench_function(
        &format!(
            "risks of one rep's {} stores (route, contact plan; model fitted)",
            codes.len()
        ),
        |b| {
            b.iter(|| {
                black_box(
                    loyalty::risks_of(&db, today(), Some(&codes))
                        .expect("risks")
                        .len(),
                )
            })
        },
    );
    c.bench_function(
        "one store's client-file loyalty (card, client file; model fitted)",
        |b| b.iter(|| black_box(loyalty::store_loyalty(&db, "S0042", today()).expect("loyalty"))),
    );
    let mut group = c.benchmark_group("loyalty, whole book");
    group.sample_size(10);
    group.bench_function(
        "risks of all 5,000 stores (dashboard, review list; model fitted)",
        |b| {
            b.iter(|| {
                loyalty::forget_book_risks();
                black_box(loyalty::risks_of(&db, today(), None).expect("risks").len())
            })
        },
    );
    group.bench_function(
        "risks of all 5,000 stores again, nothing written since (cached)",
        |b| b.iter(|| black_box(loyalty::risks_of(&db, today(), None).expect("risks").len())),
    );
    group.finish();
}

criterion_group!(benches, loyalty);
criterion_main!(benches);
