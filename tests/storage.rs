//! Storage: records round-trip, a second opener is refused, the demo loads.

use chrono::NaiveDate;
use rounds::clock::Clock;
use rounds::domain::Settings;
use rounds::storage::{Database, StorageError};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

#[test]
fn demo_records_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let data = rounds::demo::build(today(), "dev1");
    {
        let db = Database::open(dir.path()).unwrap();
        assert!(db.is_empty().unwrap());
        let clock = Clock::fixed(today());
        rounds::demo::load(&db, &clock).unwrap();
    }
    // reopen: what was written is read back equal
    let db = Database::open(dir.path()).unwrap();
    assert!(!db.is_empty().unwrap());
    let mut stores = db.stores().unwrap();
    stores.sort_by(|a, b| a.code.cmp(&b.code));
    assert_eq!(stores.len(), data.stores.len());
    // the device id is stored per database, so compare content, not stamps
    let s1 = db.store("S001").unwrap().unwrap();
    assert_eq!(s1.name, data.stores[0].name);
    assert_eq!(s1.visit_weekdays, data.stores[0].visit_weekdays);
    let p = &data.products[3];
    let by_ean = db.product_by_ean(p.ean.as_str()).unwrap().unwrap();
    assert_eq!(by_ean.sku, p.sku);
    assert_eq!(by_ean.list_price, p.list_price);
    let series = db.sales_of_store("S001").unwrap();
    assert_eq!(series.len(), db.assortment("S001").unwrap().len());
    let expected: Vec<_> = data
        .sales
        .iter()
        .filter(|s| s.store_code == "S001")
        .cloned()
        .collect();
    assert_eq!(series, expected);
    let visits = db.visits_of_store("S001").unwrap();
    assert!(!visits.is_empty());
    assert!(
        visits.windows(2).all(|w| w[0].date >= w[1].date),
        "newest first"
    );
    let last = db.last_visit_dates(&["S001", "S999"]).unwrap();
    assert_eq!(last.get("S001"), Some(&visits[0].date));
    assert!(!last.contains_key("S999"));
}

#[test]
fn a_second_open_is_refused_while_the_first_lives() {
    let dir = tempfile::tempdir().unwrap();
    let first = Database::open(dir.path()).unwrap();
    let err = Database::open(dir.path())
        .err()
        .expect("second open must fail");
    assert!(matches!(err, StorageError::Locked(_)));
    assert_eq!(err.exit_code(), 2);
    assert!(
        err.to_string()
            .contains("database is in use by another rounds process")
    );
    drop(first);
    Database::open(dir.path()).expect("free again after the first closes");
}

#[test]
fn settings_default_and_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(dir.path()).unwrap();
    assert_eq!(db.settings().unwrap(), Settings::default());
    let changed = Settings {
        price_tolerance: 0.05,
        ..Settings::default()
    };
    db.put_settings(&changed).unwrap();
    drop(db);
    let db = Database::open(dir.path()).unwrap();
    assert_eq!(db.settings().unwrap().price_tolerance, 0.05);
}

#[test]
fn reset_clears_records_but_keeps_device() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(dir.path()).unwrap();
    let device = db.device().to_string();
    rounds::demo::load(&db, &Clock::fixed(today())).unwrap();
    db.clear_all().unwrap();
    assert!(db.is_empty().unwrap());
    assert_eq!(db.device(), device);
    assert_eq!(
        db.schema_version().unwrap(),
        rounds::storage::SCHEMA_VERSION
    );
}
