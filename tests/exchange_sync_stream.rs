//! Streamed bundles (format 3, issue 10): every record kind round-trips, a
//! truncated or bit-flipped bundle is refused whole with the database
//! unchanged, old blob bundles still import, and the frame size (the chunk
//! boundaries of the merge) never changes the result.

use chrono::{NaiveDate, TimeZone, Utc};
use rounds::clock::Clock;
use rounds::exchange::sync::{
    self, Bundle, BundleError, FrameLimits, Source, SyncError, import_bytes_at,
};
use rounds::storage::{Database, KINDS, RawRecord};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn demo_db(dir: &std::path::Path) -> Database {
    let db = Database::open(dir).unwrap();
    rounds::demo::load(&db, &Clock::fixed(today())).unwrap();
    db
}

/// The demo plus one record of each kind it does not make: an order sent
/// and delivered, an invoice, a promotion, a trusted store, a contact-plan
/// snooze, a company date, a note and a problem on a visit.
fn every_kind_db(dir: &std::path::Path) -> Database {
    use rounds::domain::order::{Order, OrderLine};
    use rounds::domain::visit::problems::{Note, Problem, ProblemStatus};
    use rounds::domain::visit::write::VisitWrite;
    use rounds::domain::{DeliveryLine, Invoice, Money, Promotion, RecordMeta, Stamp};
    let db = demo_db(dir);
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap();
    let meta = || RecordMeta::fresh("R01", "dev", at);
    let line = |sku: &str, qty: u32| OrderLine {
        sku: sku.into(),
        qty,
        bonus_qty: 0,
        unit_price: Money(100),
        reason: None,
        promo: None,
    };
    let mut order = Order::new(
        meta(),
        "S001-20261124-01".into(),
        "S001",
        today(),
        vec![line("P0001", 4), line("P0002", 6)],
    );
    order.mark_reviewed(today()).unwrap();
    order.send(today()).unwrap();
    db.put_order(&order).unwrap();
    db.put_deliveries(&[DeliveryLine {
        meta: meta(),
        order_id: order.number.clone(),
        sku: "P0001".into(),
        qty: 4.0,
        date: today(),
    }])
    .unwrap();
    db.put_invoices(&[Invoice {
        meta: meta(),
        store_code: "S001".into(),
        number: "INV-1".into(),
        date: today(),
        due_date: today(),
        amount: Money(1000),
        paid: Money(0),
    }])
    .unwrap();
    db.put_promotions(&[Promotion {
        meta: meta(),
        code: "PR1".into(),
        name: "Two for one".into(),
        sku: "P0001".into(),
        from: today(),
        to: today(),
        buy_qty: 2,
        bonus_qty: 1,
        audience: rounds::domain::Audience::Loyal,
    }])
    .unwrap();
    db.put_store_trust(&rounds::storage::StoreTrust {
        meta: meta(),
        store_code: "S002".into(),
        trusted: true,
        since: today(),
    })
    .unwrap();
    db.put_snooze(&rounds::domain::client::PlanSnooze {
        meta: meta(),
        store_code: "S001".into(),
        item: "call".into(),
        until: today(),
    })
    .unwrap();
    db.put_company_dates(&[rounds::domain::dates::CompanyDate {
        meta: meta(),
        title: "Company day".into(),
        rule: rounds::domain::dates::DateRule::Fixed { month: 6, day: 1 },
        countries: Vec::new(),
        removed: false,
    }])
    .unwrap();
    let visit = db.all_visits().unwrap().remove(0);
    let stamp = Stamp {
        by: "R01".into(),
        device: "dev".into(),
        at,
    };
    db.apply_visit_writes(
        visit.meta.id,
        &[
            VisitWrite::Note(Note {
                meta: meta(),
                visit_id: visit.meta.id,
                store_code: visit.store_code.clone(),
                text: "note".into(),
            }),
            VisitWrite::Problem(Problem {
                meta: meta(),
                visit_id: visit.meta.id,
                store_code: visit.store_code.clone(),
                text: "problem".into(),
                due: today(),
                status: ProblemStatus::Open,
                resolved: None,
            }),
        ],
        &stamp,
    )
    .unwrap();
    // a phone changed here and, concurrently, on another laptop: a conflict
    let base = db
        .versioned::<rounds::domain::Store>(b"S001")
        .unwrap()
        .unwrap();
    let mut here = base.value.clone();
    here.phone = "111".into();
    here.meta.touch(stamp.clone());
    db.put_stores(&[here]).unwrap();
    let mut there = base.value.clone();
    there.phone = "222".into();
    there.meta.touch(Stamp {
        device: "laptop-b".into(),
        ..stamp.clone()
    });
    let incoming = rounds::storage::encode_versioned("store", &base.edit(there)).unwrap();
    let report = rounds::exchange::sync::apply(
        &db,
        &[RawRecord {
            tree: "stores".into(),
            key: b"S001".to_vec(),
            value: incoming,
        }],
    )
    .unwrap();
    assert_eq!(report.conflicts, 1);
    db
}

/// Every record, index and KPI bucket tree, as bytes.
fn dump(db: &Database) -> Vec<RawRecord> {
    let mut out = Vec::new();
    for (_, tree) in KINDS {
        out.extend(db.raw_records(tree).unwrap());
    }
    for tree in [
        "visits_by_store",
        "products_by_ean",
        "kpi_visit",
        "kpi_rep_day",
        "kpi_store_day",
    ] {
        out.extend(db.raw_records(tree).unwrap());
    }
    out
}

fn records_only(db: &Database) -> Vec<RawRecord> {
    let mut out = Vec::new();
    for (_, tree) in KINDS {
        out.extend(db.raw_records(tree).unwrap());
    }
    out
}

fn export_bytes(db: &Database, limits: FrameLimits) -> Vec<u8> {
    let (exported, bytes) =
        sync::write_export(db, "test", true, Utc::now(), Vec::new(), limits, None).unwrap();
    assert!(exported.records > 0);
    bytes
}

#[test]
fn every_record_kind_round_trips_through_a_streamed_bundle() {
    let tmp = tempfile::tempdir().unwrap();
    let laptop = every_kind_db(&tmp.path().join("laptop"));
    for (_, tree) in KINDS {
        assert!(
            !laptop.raw_records(tree).unwrap().is_empty(),
            "no {tree} record to send"
        );
    }
    for limits in [
        FrameLimits::default(),
        FrameLimits {
            records: 7,
            bytes: 1 << 20,
        },
        FrameLimits {
            records: 4096,
            bytes: 300,
        },
    ] {
        let bytes = export_bytes(&laptop, limits);
        let office = Database::open(
            &tmp.path()
                .join(format!("office-{}", limits.records + limits.bytes)),
        )
        .unwrap();
        let (header, report) = import_bytes_at(&office, &bytes, Utc::now()).unwrap();
        assert!(header.all);
        assert_eq!(report.records, records_only(&laptop).len());
        assert_eq!(records_only(&office), records_only(&laptop));
        assert_eq!(
            dump(&office),
            dump(&laptop),
            "indexes and KPI buckets follow"
        );
        // a second import changes nothing
        let (_, again) = import_bytes_at(&office, &bytes, Utc::now()).unwrap();
        assert_eq!(again.applied, 0);
    }
}

/// A few records of several kinds, in frames of two records.
fn small_bundle(laptop: &Database) -> Vec<u8> {
    let mut b = sync::build_export(laptop, "test", true, Utc::now()).unwrap();
    let mut picked = Vec::new();
    for (_, tree) in KINDS {
        picked.extend(
            b.records
                .iter()
                .filter(|r| r.tree == *tree)
                .take(2)
                .cloned(),
        );
    }
    picked.truncate(9);
    b.records = picked;
    b.to_bytes_with(FrameLimits {
        records: 2,
        bytes: 1 << 20,
    })
}

#[test]
fn a_truncated_or_flipped_streamed_bundle_is_refused_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let laptop = demo_db(&tmp.path().join("laptop"));
    let bytes = small_bundle(&laptop);
    let office = Database::open(&tmp.path().join("office")).unwrap();
    let now = Utc::now();
    let before = dump(&office);
    for cut in 0..bytes.len() {
        let err = import_bytes_at(&office, &bytes[..cut], now).expect_err("a cut bundle");
        assert!(
            matches!(
                err,
                SyncError::Bundle(BundleError::Truncated | BundleError::NotABundle)
            ),
            "cut at {cut}: {err}"
        );
    }
    assert_eq!(dump(&office), before, "a cut bundle changed the database");
    for i in 0..bytes.len() {
        for mask in [0x01u8, 0x80] {
            let mut damaged = bytes.clone();
            damaged[i] ^= mask;
            assert!(
                import_bytes_at(&office, &damaged, now).is_err(),
                "flip {mask:#x} at {i}"
            );
        }
    }
    assert_eq!(
        dump(&office),
        before,
        "a damaged bundle changed the database"
    );
    // the same file from disk, cut after its last record frame
    let file = tmp.path().join("cut.bundle");
    std::fs::write(&file, &bytes[..bytes.len() - 10]).unwrap();
    assert!(sync::import_file(&office, &file).is_err());
    assert_eq!(dump(&office), before);
    // whole, it goes in
    let (_, report) = import_bytes_at(&office, &bytes, now).unwrap();
    assert_eq!(report.records, 9);
    assert_ne!(dump(&office), before);
}

#[test]
fn an_old_format_bundle_still_imports() {
    let tmp = tempfile::tempdir().unwrap();
    let laptop = demo_db(&tmp.path().join("laptop"));
    let bundle = sync::build_export(&laptop, "test", true, Utc::now()).unwrap();
    let old = bundle.to_legacy_bytes();
    assert_eq!(&old[8..12], &2u32.to_be_bytes(), "a version 2 blob");
    let a = Database::open(&tmp.path().join("a")).unwrap();
    let b = Database::open(&tmp.path().join("b")).unwrap();
    let file = tmp.path().join("old.bundle");
    std::fs::write(&file, &old).unwrap();
    let (header, report) = sync::import_file(&a, &file).unwrap();
    assert_eq!(header, bundle.header);
    assert_eq!(report.records, bundle.records.len());
    import_bytes_at(&b, &bundle.to_bytes(), Utc::now()).unwrap();
    assert_eq!(dump(&a), dump(&b));
    assert_eq!(records_only(&a), records_only(&laptop));
}

#[test]
fn an_export_streams_to_a_file_and_marks_it_sent_only_once_written() {
    let tmp = tempfile::tempdir().unwrap();
    let laptop = demo_db(&tmp.path().join("laptop"));
    let missing = tmp.path().join("no such folder").join("x.bundle");
    assert!(sync::export_to_file(&laptop, "office", false, &missing, Utc::now()).is_err());
    assert_eq!(
        laptop.sent_mark("office").unwrap(),
        0,
        "a failed export is not sent"
    );
    let file = tmp.path().join("out.bundle");
    let exported = sync::export_to_file(&laptop, "office", false, &file, Utc::now()).unwrap();
    assert!(exported.records > 0);
    assert!(!tmp.path().join("out.bundle.part").exists());
    assert_eq!(laptop.sent_mark("office").unwrap(), exported.header.to_seq);
    // the header reads without the rest
    let f = std::fs::File::open(&file).unwrap();
    assert_eq!(sync::read_header(f).unwrap(), exported.header);
    let v = sync::verify(Source::File(&file), Utc::now(), None).unwrap();
    assert_eq!(v.records, exported.records);
    // nothing new: an empty bundle
    let again = sync::export_to_file(&laptop, "office", false, &file, Utc::now()).unwrap();
    assert_eq!(again.records, 0);
    assert_eq!(
        Bundle::from_bytes(&std::fs::read(&file).unwrap())
            .unwrap()
            .records,
        vec![]
    );
}

#[test]
fn a_file_changed_between_the_passes_applies_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let laptop = demo_db(&tmp.path().join("laptop"));
    let office = Database::open(&tmp.path().join("office")).unwrap();
    let file = tmp.path().join("b.bundle");
    std::fs::write(&file, export_bytes(&laptop, FrameLimits::default())).unwrap();
    let verified = sync::verify(Source::File(&file), Utc::now(), None).unwrap();
    // another (valid) bundle replaces the file before pass 2
    let mut other = Bundle::from_bytes(&std::fs::read(&file).unwrap()).unwrap();
    other.records.pop();
    std::fs::write(&file, other.to_bytes()).unwrap();
    let before = dump(&office);
    let result = office
        .atomically_with(|| sync::apply_verified(&office, Source::File(&file), &verified, None));
    assert!(result.is_err());
    assert_eq!(dump(&office), before);
}
