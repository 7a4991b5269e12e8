//! Properties of sync merging on random bundles: any order of applying gives
//! the same database, applying twice changes nothing, truncation is refused,
//! and a bundle with random mutations is applied whole or refused whole.

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use rounds::domain::merge::Versioned;
use rounds::domain::{
    Channel, Money, RecordMeta, SalePoint, SalesSeries, Stamp, Store, Visit, VisitStatus,
    WeekdaySet,
};
use rounds::exchange::sync::{Bundle, FrameLimits, Header, SyncError, apply, import_bytes_at};
use rounds::storage::{Database, KINDS, RawRecord, SCHEMA_VERSION, encode_value, encode_versioned};
use ulid::Ulid;

/// One random change a device might send.
#[derive(Debug, Clone)]
enum Change {
    Store {
        code: u8,
        name: u8,
        hlc: u16,
    },
    Visit {
        id: u8,
        store: u8,
        submitted: bool,
        hlc: u16,
    },
    Sales {
        store: u8,
        /// (day, qty, import stamp)
        days: Vec<(u8, u8, u8)>,
    },
}

fn meta(id: u128, hlc: u16) -> RecordMeta {
    let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let mut m = RecordMeta::new(
        Ulid(id),
        Stamp {
            by: "r".into(),
            device: "d".into(),
            at,
        },
    );
    m.hlc = u64::from(hlc);
    m
}

fn record(change: &Change) -> RawRecord {
    match change {
        Change::Store { code, name, hlc } => {
            let s = Store {
                meta: meta(u128::from(*code) + 1, *hlc),
                code: format!("S{code}"),
                name: format!("name {name}"),
                address: String::new(),
                city: String::new(),
                decision_maker: String::new(),
                phone: String::new(),
                email: String::new(),
                preferred_channel: Channel::Visit,
                visit_every_days: 7,
                visit_weekdays: WeekdaySet::default(),
                rep: "R01".into(),
                route_order: 1,
                deferral_days: 0,
                credit_limit: Money(0),
            };
            RawRecord {
                tree: "stores".into(),
                key: s.code.as_bytes().to_vec(),
                value: encode_versioned("store", &Versioned::new(s)).unwrap(),
            }
        }
        Change::Visit {
            id,
            store,
            submitted,
            hlc,
        } => {
            let v = Visit {
                meta: meta(1000 + u128::from(*id), *hlc),
                store_code: format!("S{store}"),
                rep: "R01".into(),
                date: NaiveDate::from_ymd_opt(2026, 1, 1 + u32::from(*id)).unwrap(),
                checked_in: Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap(),
                submitted: None,
                status: if *submitted {
                    VisitStatus::Submitted
                } else {
                    VisitStatus::Open
                },
            };
            RawRecord {
                tree: "visits".into(),
                key: v.meta.id.to_bytes().to_vec(),
                value: encode_value("visit", &v).unwrap(),
            }
        }
        Change::Sales { store, days } => {
            let mut s = SalesSeries {
                store_code: format!("S{store}"),
                sku: "P1".into(),
                points: vec![],
            };
            for (day, qty, imported) in days {
                s.upsert(SalePoint {
                    day: 739_000 + i32::from(*day),
                    qty: f32::from(*qty),
                    imported: u64::from(*imported),
                });
            }
            RawRecord {
                tree: "sales".into(),
                key: format!("S{store}\0P1").into_bytes(),
                value: encode_value("sales series", &s).unwrap(),
            }
        }
    }
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (0u8..3, 0u8..4, 0u16..6).prop_map(|(code, name, hlc)| Change::Store { code, name, hlc }),
        (0u8..3, 0u8..2, any::<bool>(), 0u16..6).prop_map(|(id, store, submitted, hlc)| {
            Change::Visit {
                id,
                store,
                submitted,
                hlc,
            }
        }),
        (
            0u8..2,
            prop::collection::vec((0u8..5, 0u8..4, 0u8..3), 0..4)
        )
            .prop_map(|(store, days)| Change::Sales { store, days }),
    ]
}

fn bundle(changes: &[Change]) -> Vec<RawRecord> {
    changes.iter().map(record).collect()
}

/// Every record and index tree, as bytes.
fn dump(db: &Database) -> Vec<RawRecord> {
    let mut out = Vec::new();
    for (_, tree) in KINDS {
        out.extend(db.raw_records(tree).unwrap());
    }
    out.extend(db.raw_records("visits_by_store").unwrap());
    out.extend(db.raw_records("products_by_ean").unwrap());
    out
}

/// One random damage done to a bundle's records before it is sealed with a
/// valid checksum (as a crafted or buggy sender would).
#[derive(Debug, Clone)]
enum Mutation {
    FlipValue { record: usize, at: usize, mask: u8 },
    FlipKey { record: usize, at: usize, mask: u8 },
    SwapKeys { a: usize, b: usize },
    Drop { record: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<usize>(), 1u8..=255)
            .prop_map(|(record, at, mask)| Mutation::FlipValue { record, at, mask }),
        (any::<usize>(), any::<usize>(), 1u8..=255)
            .prop_map(|(record, at, mask)| Mutation::FlipKey { record, at, mask }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapKeys { a, b }),
        any::<usize>().prop_map(|record| Mutation::Drop { record }),
    ]
}

fn mutate(records: &mut Vec<RawRecord>, m: &Mutation) {
    let n = records.len();
    if n == 0 {
        return;
    }
    match *m {
        Mutation::FlipValue { record, at, mask } => {
            let v = &mut records[record % n].value;
            if !v.is_empty() {
                let i = at % v.len();
                v[i] ^= mask;
            }
        }
        Mutation::FlipKey { record, at, mask } => {
            let k = &mut records[record % n].key;
            if k.is_empty() {
                k.push(mask);
            } else {
                let i = at % k.len();
                k[i] ^= mask;
            }
        }
        Mutation::SwapKeys { a, b } => {
            let (a, b) = (a % n, b % n);
            let key = records[a].key.clone();
            records[a].key = std::mem::replace(&mut records[b].key, key);
        }
        Mutation::Drop { record } => {
            records.remove(record % n);
        }
    }
}

fn header() -> Header {
    Header {
        device: "d".into(),
        dest: "office".into(),
        from_seq: 0,
        to_seq: 1,
        all: false,
        created: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        schema_version: SCHEMA_VERSION,
        audit_head: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn a_mutated_bundle_is_applied_whole_or_refused_whole(
        base in prop::collection::vec(change(), 0..5),
        changes in prop::collection::vec(change(), 1..6),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let now = Utc.with_ymd_and_hms(2026, 1, 2, 0, 0, 0).unwrap();
        let mut records = bundle(&changes);
        for m in &mutations {
            mutate(&mut records, m);
        }
        let bytes = Bundle { header: header(), records: records.clone() }.to_bytes();

        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(dir.path()).unwrap();
        apply(&db, &bundle(&base)).unwrap();
        let before = dump(&db);
        let result = import_bytes_at(&db, &bytes, now);
        let after = dump(&db);
        match result {
            Ok(_) => {
                // applied whole: the same as merging every record of it
                let dir = tempfile::tempdir().unwrap();
                let full = Database::open(dir.path()).unwrap();
                apply(&full, &bundle(&base)).unwrap();
                apply(&full, &records).unwrap();
                prop_assert_eq!(after, dump(&full));
            }
            Err(SyncError::BadRecord { number, .. }) => {
                prop_assert!(number >= 1 && number <= records.len());
                prop_assert_eq!(after, before, "a refused bundle changed the database");
            }
            Err(other) => prop_assert!(false, "unexpected refusal: {}", other),
        }
    }

    #[test]
    fn any_order_gives_the_same_database_and_twice_changes_nothing(
        bundles in prop::collection::vec(prop::collection::vec(change(), 0..6), 1..4),
        order in Just(()).prop_perturb(|_, mut rng| rng.random::<u64>()),
    ) {
        let bundles: Vec<Vec<RawRecord>> = bundles.iter().map(|b| bundle(b)).collect();
        let dir_a = tempfile::tempdir().unwrap();
        let dir_b = tempfile::tempdir().unwrap();
        let a = Database::open(dir_a.path()).unwrap();
        let b = Database::open(dir_b.path()).unwrap();
        for records in &bundles {
            apply(&a, records).unwrap();
        }
        // b: the bundles in another order, each record order reversed too
        let mut perm: Vec<usize> = (0..bundles.len()).collect();
        perm.rotate_left((order as usize) % bundles.len());
        if order % 2 == 1 {
            perm.reverse();
        }
        for &i in &perm {
            let mut records = bundles[i].clone();
            records.reverse();
            apply(&b, &records).unwrap();
        }
        let dump_a = dump(&a);
        prop_assert_eq!(&dump_a, &dump(&b));

        // applying everything again changes nothing
        for records in &bundles {
            let report = apply(&a, records).unwrap();
            prop_assert_eq!(report.applied, 0);
        }
        prop_assert_eq!(dump_a, dump(&a));
    }

    /// The frame size sets the chunk boundaries of the merge (a key sent
    /// twice may land in two chunks): it never changes the result.
    #[test]
    fn the_frame_size_never_changes_the_result(
        base in prop::collection::vec(change(), 0..5),
        changes in prop::collection::vec(change(), 1..14),
        per_frame in 1usize..6,
        frame_bytes in 1usize..400,
    ) {
        let now = Utc.with_ymd_and_hms(2026, 1, 2, 0, 0, 0).unwrap();
        let records = bundle(&changes);
        let b = Bundle { header: header(), records: records.clone() };
        let limits = FrameLimits { records: per_frame, bytes: frame_bytes };
        let mut dumps = Vec::new();
        let mut reports = Vec::new();
        for bytes in [b.to_bytes(), b.to_bytes_with(limits)] {
            let dir = tempfile::tempdir().unwrap();
            let db = Database::open(dir.path()).unwrap();
            apply(&db, &bundle(&base)).unwrap();
            reports.push(import_bytes_at(&db, &bytes, now).unwrap().1);
            dumps.push(dump(&db));
        }
        // and the same as merging the records in one chunk
        let dir = tempfile::tempdir().unwrap();
        let full = Database::open(dir.path()).unwrap();
        apply(&full, &bundle(&base)).unwrap();
        let whole = apply(&full, &records).unwrap();
        prop_assert_eq!(&reports[0], &reports[1]);
        prop_assert_eq!(&reports[0], &whole);
        prop_assert_eq!(&dumps[0], &dumps[1]);
        prop_assert_eq!(&dumps[0], &dump(&full));
    }

    #[test]
    fn a_truncated_bundle_is_refused(changes in prop::collection::vec(change(), 1..6), cut in 0.0f64..1.0) {
        let b = Bundle {
            header: header(),
            records: bundle(&changes),
        };
        let bytes = b.to_bytes();
        let at = ((bytes.len() as f64) * cut) as usize;
        prop_assert!(Bundle::from_bytes(&bytes[..at.min(bytes.len() - 1)]).is_err());
        prop_assert_eq!(Bundle::from_bytes(&bytes).unwrap(), b);
    }
}

/// Crafted bundles, each with a valid checksum, through the library: the
/// first bad record refuses the bundle and nothing of it is written, not
/// even the good records before it.
#[test]
fn crafted_records_refuse_the_whole_bundle() {
    let now = Utc.with_ymd_and_hms(2026, 1, 2, 0, 0, 0).unwrap();
    let good = bundle(&[
        Change::Store {
            code: 1,
            name: 1,
            hlc: 1,
        },
        Change::Sales {
            store: 0,
            days: vec![(1, 2, 0)],
        },
    ]);
    let store = |code: u8, hlc: u64| {
        let mut r = record(&Change::Store {
            code,
            name: 2,
            hlc: 0,
        });
        let mut s: Store = rounds::storage::decode_value("store", &r.value).unwrap();
        s.meta.hlc = hlc;
        r.value = encode_versioned("store", &Versioned::new(s)).unwrap();
        r
    };
    let day_ahead = (now + chrono::Duration::days(1)).timestamp_millis() as u64;
    let mut cases: Vec<(&str, RawRecord, &str)> = Vec::new();
    let mut junk = store(0, 1);
    junk.value.truncate(junk.value.len() / 2);
    cases.push(("undecodable", junk, "does not read as a stores record"));
    let mut longer = store(0, 1);
    longer.value.push(7);
    cases.push(("trailing bytes", longer, "left over"));
    let mut elsewhere = store(2, 1);
    elsewhere.key = b"S1".to_vec();
    cases.push(("wrong key", elsewhere, "content gives the key S2"));
    cases.push((
        "clock at u64::MAX",
        store(0, u64::MAX),
        "more than a day ahead",
    ));
    cases.push((
        "clock two days ahead",
        store(0, (day_ahead + 86_400_000) << 16),
        "more than a day ahead",
    ));
    let mut sales = record(&Change::Sales {
        store: 1,
        days: vec![],
    });
    let series = SalesSeries {
        store_code: "S1".into(),
        sku: "P1".into(),
        points: vec![SalePoint {
            day: 739_000,
            qty: 1.0,
            imported: day_ahead + 60_000,
        }],
    };
    sales.value = encode_value("sales series", &series).unwrap();
    cases.push(("sales import stamp ahead", sales, "more than a day ahead"));

    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(dir.path()).unwrap();
    apply(
        &db,
        &bundle(&[Change::Store {
            code: 1,
            name: 0,
            hlc: 0,
        }]),
    )
    .unwrap();
    let before = dump(&db);
    for (name, bad, says) in cases {
        let key = String::from_utf8_lossy(&bad.key).replace('\0', "/");
        let mut records = good.clone();
        records.push(bad);
        let bytes = Bundle {
            header: header(),
            records,
        }
        .to_bytes();
        let err = import_bytes_at(&db, &bytes, now).expect_err(name);
        let text = err.to_string();
        assert!(
            matches!(err, SyncError::BadRecord { number: 3, .. }),
            "{name}: {text}"
        );
        assert!(text.contains("record 3 of the bundle ("), "{name}: {text}");
        assert!(text.contains(&key), "{name}: {text}");
        assert!(text.contains(says), "{name}: {text}");
        assert_eq!(dump(&db), before, "{name}: the database changed");
    }
    // a clock just inside the day ahead, and the good records, go in
    let mut records = good.clone();
    records.push(store(0, (day_ahead - 1000) << 16));
    let bytes = Bundle {
        header: header(),
        records,
    }
    .to_bytes();
    assert_eq!(import_bytes_at(&db, &bytes, now).unwrap().1.applied, 3);
}

/// A bundle written by schema 2 (sales days without import stamps) is read:
/// its sales are upgraded, everything else is stored as sent.
#[test]
fn a_schema_2_bundle_is_upgraded() {
    let now = Utc.with_ymd_and_hms(2026, 1, 2, 0, 0, 0).unwrap();
    let old_sales = RawRecord {
        tree: "sales".into(),
        key: b"S0\0P1".to_vec(),
        value: encode_value(
            "sales",
            &(
                "S0".to_string(),
                "P1".to_string(),
                vec![(739_001i32, 4.0f32)],
            ),
        )
        .unwrap(),
    };
    // before schema 4 a store was its value alone, without field clocks
    let mut old_store = record(&Change::Store {
        code: 0,
        name: 0,
        hlc: 1,
    });
    let store: Store = rounds::storage::decode_value("store", &old_store.value).unwrap();
    old_store.value = encode_value("store", &store).unwrap();
    let records = vec![old_store, old_sales];
    let mut h = header();
    h.schema_version = 2;
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(dir.path()).unwrap();
    let bytes = Bundle { header: h, records }.to_bytes();
    import_bytes_at(&db, &bytes, now).unwrap();
    let s = db.sales_series("S0", "P1").unwrap().unwrap();
    assert_eq!(
        s.points,
        vec![SalePoint {
            day: 739_001,
            qty: 4.0,
            imported: 0
        }]
    );
    assert_eq!(db.store("S0").unwrap(), Some(store));
    // stored with its clocks: every field takes the record's
    let v = db.versioned::<Store>(b"S0").unwrap().unwrap();
    assert!(v.clocks.fields.iter().all(|f| f.hlc == v.value.meta.hlc));
}

/// An ERP correction downwards, imported later, wins over the larger
/// quantity of an earlier import, in either order of arrival.
#[test]
fn the_newest_import_of_a_sales_day_wins() {
    let sales = |qty: u8, imported: u8| {
        record(&Change::Sales {
            store: 0,
            days: vec![(3, qty, imported)],
        })
    };
    let (first, correction) = (sales(3, 1), sales(1, 2));
    for order in [[&first, &correction], [&correction, &first]] {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(dir.path()).unwrap();
        for r in order {
            apply(&db, std::slice::from_ref(r)).unwrap();
        }
        let s = db.sales_series("S0", "P1").unwrap().unwrap();
        assert_eq!((s.points[0].qty, s.points[0].imported), (1.0, 2));
    }
}
