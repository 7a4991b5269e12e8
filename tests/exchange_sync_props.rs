//! Properties of sync merging on random bundles: any order of applying gives
//! the same database, applying twice changes nothing, truncation is refused.

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use rounds::domain::{
    Channel, Money, RecordMeta, SalePoint, SalesSeries, Stamp, Store, Visit, VisitStatus,
    WeekdaySet,
};
use rounds::exchange::sync::{Bundle, Header, apply};
use rounds::storage::{Database, KINDS, RawRecord, encode_value};
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
        days: Vec<(u8, u8)>,
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
                value: encode_value("store", &s).unwrap(),
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
            for (day, qty) in days {
                s.upsert(SalePoint {
                    day: 739_000 + i32::from(*day),
                    qty: f32::from(*qty),
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
        (0u8..2, prop::collection::vec((0u8..5, 0u8..4), 0..4))
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

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

    #[test]
    fn a_truncated_bundle_is_refused(changes in prop::collection::vec(change(), 1..6), cut in 0.0f64..1.0) {
        let b = Bundle {
            header: Header {
                device: "d".into(),
                dest: "office".into(),
                from_seq: 0,
                to_seq: 1,
                all: false,
                created: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
                schema_version: 2,
                audit_head: None,
            },
            records: bundle(&changes),
        };
        let bytes = b.to_bytes();
        let at = ((bytes.len() as f64) * cut) as usize;
        prop_assert!(Bundle::from_bytes(&bytes[..at.min(bytes.len() - 1)]).is_err());
        prop_assert_eq!(Bundle::from_bytes(&bytes).unwrap(), b);
    }
}
