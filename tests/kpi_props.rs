//! The KPI day buckets kept on write equal a full recount from the visits,
//! after any sequence of new visits, re-saved (moved, reopened, submitted)
//! visits and batches that hold the same visit twice.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use rounds::domain::{RecordMeta, Visit, VisitStatus};
use rounds::storage::Database;

#[derive(Debug, Clone)]
enum Op {
    New {
        rep: u8,
        store: u8,
        day: u8,
        submitted: bool,
    },
    Change {
        pick: usize,
        rep: u8,
        store: u8,
        day: u8,
        submitted: bool,
    },
    Batch {
        pick: usize,
        day: u8,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u8..3, 0u8..5, 0u8..10, any::<bool>()).prop_map(|(rep, store, day, submitted)| Op::New {
            rep,
            store,
            day,
            submitted
        }),
        (any::<usize>(), 0u8..3, 0u8..5, 0u8..10, any::<bool>()).prop_map(
            |(pick, rep, store, day, submitted)| Op::Change {
                pick,
                rep,
                store,
                day,
                submitted
            }
        ),
        (any::<usize>(), 0u8..10).prop_map(|(pick, day)| Op::Batch { pick, day }),
    ]
}

fn set(v: &mut Visit, rep: u8, store: u8, day: u8, submitted: bool) {
    let base = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    v.rep = format!("R0{rep}");
    v.store_code = format!("S00{store}");
    v.date = base + Duration::days(i64::from(day));
    v.status = if submitted {
        VisitStatus::Submitted
    } else {
        VisitStatus::Open
    };
}

fn new_visit(n: usize) -> Visit {
    let at = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap() + Duration::seconds(n as i64);
    Visit {
        meta: RecordMeta::fresh("R00", "dev", at),
        store_code: String::new(),
        rep: String::new(),
        date: at.date_naive(),
        checked_in: at,
        submitted: None,
        status: VisitStatus::Open,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn buckets_equal_a_full_recount(ops in proptest::collection::vec(op(), 1..25)) {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(dir.path()).unwrap();
        let mut visits: Vec<Visit> = Vec::new();
        for (n, op) in ops.into_iter().enumerate() {
            match op {
                Op::New { rep, store, day, submitted } => {
                    let mut v = new_visit(n);
                    set(&mut v, rep, store, day, submitted);
                    db.save_visit(&v).unwrap();
                    visits.push(v);
                }
                Op::Change { pick, rep, store, day, submitted } if !visits.is_empty() => {
                    let i = pick % visits.len();
                    set(&mut visits[i], rep, store, day, submitted);
                    db.save_visit(&visits[i]).unwrap();
                }
                Op::Batch { pick, day } if !visits.is_empty() => {
                    // the same visit twice in one batch, the second moved: the last wins
                    let i = pick % visits.len();
                    let first = visits[i].clone();
                    let mut second = first.clone();
                    let (rep, store) = (second.rep.clone(), second.store_code.clone());
                    second.date = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
                        + Duration::days(i64::from(day));
                    second.rep = rep;
                    second.store_code = store;
                    let mut fresh = new_visit(1000 + n);
                    set(&mut fresh, 1, 1, day, true);
                    db.put_visits(&[first, second.clone(), fresh.clone()]).unwrap();
                    visits[i] = second;
                    visits.push(fresh);
                }
                _ => {}
            }
        }
        prop_assert_eq!(db.kpi_buckets(false).unwrap(), db.kpi_recount(false).unwrap());
        prop_assert_eq!(db.kpi_buckets(true).unwrap(), db.kpi_recount(true).unwrap());
        let submitted = visits.iter().filter(|v| v.status == VisitStatus::Submitted).count();
        let counted: u32 = db.kpi_buckets(false).unwrap().values().map(|c| c.visits).sum();
        prop_assert_eq!(counted as usize, submitted);
    }
}
