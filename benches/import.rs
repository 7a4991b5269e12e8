//! Import benches: sales rows from CSV into a fresh database (the path that
//! must beat sqlite3's `.import`), a re-import that changes nothing, and a
//! sync bundle round trip. scripts/bench_import.sh runs the 1,000,000-row
//! side-by-side with sqlite3.

use chrono::{TimeZone, Utc};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use rounds::domain::Ean;
use rounds::exchange::{ImportKind, ImportOptions, import_bytes, sync};
use rounds::storage::Database;
use std::fmt::Write;
use std::hint::black_box;

const STORES: usize = 50;
const SKUS: usize = 100;
const WEEKS: usize = 40; // 200,000 rows

fn catalog() -> (String, String) {
    let mut stores = String::from("code,name,rep\n");
    for s in 0..STORES {
        let _ = writeln!(stores, "B{s:04},Bench store {s},R01");
    }
    let mut products = String::from("sku,ean,name,case_pack,shelf_life_days,list_price\n");
    for p in 0..SKUS {
        let ean = Ean::from_body(&format!("460200{p:06}")).expect("12-digit body");
        let _ = writeln!(products, "Q{p:05},{ean},Bench product {p},6,30,1.00");
    }
    (stores, products)
}

fn sales_csv() -> String {
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("date");
    let mut out = String::from("store_code;sku;date;qty\n");
    for s in 0..STORES {
        for p in 0..SKUS {
            for w in 0..WEEKS {
                let day = start + chrono::Duration::weeks(w as i64);
                let _ = writeln!(
                    out,
                    "B{s:04};Q{p:05};{};{},{}",
                    day.format("%d.%m.%Y"),
                    (s * p + w) % 17,
                    w % 10
                );
            }
        }
    }
    out
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0)
        .single()
        .unwrap_or_default()
}

/// A fresh database with the bench catalog.
fn fresh() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = Database::open(dir.path()).expect("open");
    let (stores, products) = catalog();
    let o = ImportOptions::default();
    import_bytes(&db, ImportKind::Stores, stores.as_bytes(), &o, now()).expect("stores");
    import_bytes(&db, ImportKind::Products, products.as_bytes(), &o, now()).expect("products");
    (dir, db)
}

fn sales_import(c: &mut Criterion) {
    let csv = sales_csv();
    let rows = (STORES * SKUS * WEEKS) as u64;
    let mut group = c.benchmark_group("import");
    group.throughput(Throughput::Elements(rows));
    group.sample_size(10);
    group.bench_function("sales 200k rows into a fresh db", |b| {
        b.iter_batched(
            fresh,
            |(dir, db)| {
                let r = import_bytes(
                    &db,
                    ImportKind::Sales,
                    csv.as_bytes(),
                    &ImportOptions::default(),
                    now(),
                )
                .expect("import");
                black_box((r, dir));
            },
            BatchSize::PerIteration,
        )
    });
    let (_dir, db) = fresh();
    import_bytes(
        &db,
        ImportKind::Sales,
        csv.as_bytes(),
        &ImportOptions::default(),
        now(),
    )
    .expect("first import");
    group.bench_function("sales 200k rows re-imported (nothing changes)", |b| {
        b.iter(|| {
            let r = import_bytes(
                &db,
                ImportKind::Sales,
                csv.as_bytes(),
                &ImportOptions::default(),
                now(),
            )
            .expect("import");
            assert_eq!(r.tally.changed + r.tally.created, 0);
            black_box(r)
        })
    });
    group.finish();

    let bytes = sync::build_export(&db, "bench", true, now())
        .expect("export")
        .to_bytes();
    let mut group = c.benchmark_group("sync");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("bundle of every record into a fresh db", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temp dir");
                let db = Database::open(dir.path()).expect("open");
                (dir, db)
            },
            |(dir, db)| {
                black_box(sync::import_bytes(&db, &bytes).expect("import"));
                drop(db);
                drop(dir);
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// The route screen counts the outbox on every load: capped at 1,000 so a
/// long change log cannot slow the first frame.
fn outbox(c: &mut Criterion) {
    let (_dir, db) = fresh();
    let mut stores = String::from("code,name,rep\n");
    for s in 0..30_000 {
        let _ = writeln!(stores, "O{s:05},Outbox store {s},R02");
    }
    import_bytes(
        &db,
        ImportKind::Stores,
        stores.as_bytes(),
        &ImportOptions::default(),
        now(),
    )
    .expect("stores");
    c.bench_function(
        "outbox count on the route screen (30,000 changes, cap 1,000)",
        |b| {
            b.iter(|| {
                black_box(
                    sync::outbox_count(&db, rounds::screens::route::OUTBOX_CAP).expect("count"),
                )
            })
        },
    );
}

criterion_group!(benches, sales_import, outbox);
criterion_main!(benches);
