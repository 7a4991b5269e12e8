//! Streamed imports (issue 10): chunk boundaries never change the result, a
//! bad row after the first chunk refuses the whole file and leaves the
//! database as it was, a dry run writes nothing, and every sample file gives
//! the same report whatever the chunk size.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use rounds::domain::Ean;
use rounds::exchange::{
    ImportKind, ImportOptions, ImportReport, import_bytes, import_bytes_chunked,
};
use rounds::storage::Database;
use std::fmt::Write;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0)
        .single()
        .unwrap_or_default()
}

fn catalog(stores: usize, skus: usize) -> (String, String) {
    let mut s = String::from("code,name,rep\n");
    for i in 0..stores {
        let _ = writeln!(s, "B{i:04},Store {i},R01");
    }
    let mut p = String::from("sku,ean,name,case_pack,shelf_life_days,list_price\n");
    for i in 0..skus {
        let ean = Ean::from_body(&format!("460200{i:06}")).expect("12-digit body");
        let _ = writeln!(p, "Q{i:05},{ean},Product {i},6,30,1.00");
    }
    (s, p)
}

fn fresh(stores: usize, skus: usize) -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = Database::open(dir.path()).expect("open");
    let (s, p) = catalog(stores, skus);
    let o = ImportOptions::default();
    import_bytes(&db, ImportKind::Stores, s.as_bytes(), &o, now()).expect("stores");
    import_bytes(&db, ImportKind::Products, p.as_bytes(), &o, now()).expect("products");
    (dir, db)
}

/// (store, sku, day, qty) rows as a sales file.
fn sales_file(rows: &[(usize, usize, u32, u32)]) -> String {
    let mut out = String::from("store_code;sku;date;qty\n");
    for (s, p, d, q) in rows {
        let _ = writeln!(out, "B{s:04};Q{p:05};{:02}.01.2026;{q}", d + 1);
    }
    out
}

fn sales_tree(db: &Database) -> Vec<(Vec<u8>, Vec<u8>)> {
    db.raw_records("sales")
        .expect("sales")
        .into_iter()
        .map(|r| (r.key, r.value))
        .collect()
}

fn import_chunked(
    db: &Database,
    text: &str,
    chunk: usize,
    dry_run: bool,
) -> Result<ImportReport, String> {
    let o = ImportOptions {
        dry_run,
        ..Default::default()
    };
    import_bytes_chunked(db, ImportKind::Sales, text.as_bytes(), &o, now(), chunk)
        .map_err(|e| e.to_string())
}

fn row() -> impl Strategy<Value = (usize, usize, u32, u32)> {
    (0..3usize, 0..4usize, 0..12u32, 0..4u32)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Over a database that already has sales (some days the file repeats,
    /// some it changes), any chunk size gives the same series and report as
    /// one chunk for the whole file.
    #[test]
    fn chunk_boundaries_never_change_the_result(
        before in prop::collection::vec(row(), 0..30),
        rows in prop::collection::vec(row(), 1..60),
        chunks in prop::collection::vec(1..70usize, 1..4),
    ) {
        let earlier = sales_file(&before);
        let file = sales_file(&rows);
        let run = |chunk: usize| {
            let (_dir, db) = fresh(3, 4);
            // an earlier day's import, stamped earlier
            let o = ImportOptions::default();
            let then = now() - chrono::Duration::days(3);
            import_bytes(&db, ImportKind::Sales, earlier.as_bytes(), &o, then).expect("earlier");
            let dry = import_chunked(&db, &file, chunk, true).expect("dry run");
            let untouched = sales_tree(&db);
            let report = import_chunked(&db, &file, chunk, false).expect("import");
            (dry, untouched, report, sales_tree(&db))
        };
        let (dry_whole, before_whole, whole, tree_whole) = run(usize::MAX);
        for chunk in chunks {
            let (dry, untouched, report, tree) = run(chunk);
            prop_assert_eq!(&untouched, &before_whole, "a dry run writes nothing");
            prop_assert_eq!(dry.rows, dry_whole.rows);
            prop_assert_eq!(&report, &whole, "chunk {}", chunk);
            prop_assert_eq!(&tree, &tree_whole, "chunk {}", chunk);
        }
    }
}

/// A bad row far after the first chunk: the whole file is refused, every bad
/// row named by line, and the database is as it was, though earlier chunks
/// had been written into the unit (and spilled to the journal).
#[test]
fn a_bad_row_after_the_first_chunk_refuses_the_whole_file() {
    let (stores, skus) = (200, 150);
    let (_dir, db) = fresh(stores, skus);
    let mut rows = Vec::new();
    for s in 0..stores {
        for p in 0..skus {
            rows.push((s, p, (s + p) as u32 % 20, 1));
        }
    }
    let mut file = sales_file(&rows);
    // lines 30,002 and 30,003: a day that is not one and an unknown product
    file.push_str("B0001;Q00001;31.02.2026;1\nB0001;NOPE;01.01.2026;1\n");
    let before = sales_tree(&db);
    let changes = db.last_change_seq().expect("seq");
    let err = import_chunked(&db, &file, 5_000, false).expect_err("refused");
    assert!(err.contains("30002"), "{err}");
    assert!(err.contains("30003"), "{err}");
    assert_eq!(sales_tree(&db), before, "nothing written");
    assert_eq!(
        db.last_change_seq().expect("seq"),
        changes,
        "nothing logged"
    );
    // the same file without its bad rows goes in whole
    let good = sales_file(&rows);
    let report = import_chunked(&db, &good, 5_000, false).expect("import");
    assert_eq!(report.rows, rows.len());
    assert_eq!(report.tally.created, stores * skus);
    assert_eq!(sales_tree(&db).len(), stores * skus);
}

/// Every sample file goes through the streamed reader with the same report
/// whatever the chunk size.
#[test]
fn every_sample_kind_streams_with_the_same_report() {
    let samples = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let kinds = [
        (ImportKind::Stores, "stores"),
        (ImportKind::Products, "products"),
        (ImportKind::Assortment, "assortment"),
        (ImportKind::Sales, "sales"),
        (ImportKind::Invoices, "invoices"),
        (ImportKind::Promotions, "promotions"),
    ];
    let run = |chunk: usize| {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Database::open(dir.path()).expect("open");
        let o = ImportOptions::default();
        let mut reports = Vec::new();
        for (kind, name) in kinds {
            let bytes = std::fs::read(samples.join(format!("{name}.csv"))).expect("sample");
            let r = import_bytes_chunked(&db, kind, &bytes, &o, now(), chunk)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            reports.push(r);
        }
        (reports, sales_tree(&db))
    };
    let whole = run(usize::MAX);
    for chunk in [1, 2, 7] {
        assert_eq!(run(chunk), whole, "chunk {chunk}");
    }
}
