//! Crash test: a child process writes visits through the durable path and is
//! killed with SIGKILL at random points; every write it acknowledged must be
//! there afterwards, and the database must open.

mod common;

use chrono::{NaiveDate, TimeZone, Utc};
use rand::SeedableRng;
use rounds::domain::{RecordMeta, Visit, VisitStatus};
use rounds::storage::Database;
use std::io::Write;
use std::time::Duration;
use ulid::Ulid;

const CHILD_ENV: &str = "ROUNDS_CRASH_CHILD_DIR";

/// The child: writes visits forever, printing each id once its write returned.
#[test]
#[ignore = "run by crash_test_sigkill as a child process"]
fn crash_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let db = Database::open(std::path::Path::new(&dir)).expect("child opens db");
    let out = std::io::stdout();
    let day = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
    for i in 0u64.. {
        let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap()
            + chrono::Duration::milliseconds(i as i64);
        let visit = Visit {
            meta: RecordMeta::fresh("R01", db.device(), at),
            store_code: format!("S{:03}", i % 7),
            rep: "R01".into(),
            date: day,
            checked_in: at,
            submitted: None,
            status: VisitStatus::Open,
        };
        db.save_visit(&visit).expect("durable write");
        let mut lock = out.lock();
        writeln!(lock, "ack {} {}", visit.meta.id, visit.store_code).expect("stdout");
        lock.flush().expect("flush");
    }
}

#[test]
fn crash_test_sigkill() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seed: u64 = rand::random();
    eprintln!("crash test seed {seed}");
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut acknowledged: Vec<(Ulid, String)> = Vec::new();
    for round in 0..50 {
        let acked = common::kill::run_and_kill(
            "crash_child",
            (CHILD_ENV, dir.path()),
            Duration::from_millis(150),
            &mut rng,
            |line| record(&line, &mut acknowledged),
        );
        assert!(acked, "round {round}: the child never wrote");
        let db = Database::open(dir.path())
            .unwrap_or_else(|e| panic!("round {round}: database does not open: {e}"));
        for (id, store) in &acknowledged {
            let v = db
                .visit(*id)
                .unwrap_or_else(|e| panic!("round {round}: read failed: {e}"))
                .unwrap_or_else(|| panic!("round {round}: acknowledged visit {id} lost"));
            assert_eq!(&v.store_code, store);
        }
        drop(db);
    }
    assert!(
        acknowledged.len() >= 50,
        "only {} writes",
        acknowledged.len()
    );
}

fn record(line: &str, acknowledged: &mut Vec<(Ulid, String)>) {
    let mut parts = line.split_whitespace();
    if parts.next() == Some("ack")
        && let (Some(id), Some(store)) = (parts.next(), parts.next())
        && let Ok(id) = Ulid::from_string(id)
    {
        acknowledged.push((id, store.to_string()));
    }
}
