//! Crash test of a visit in progress: a child process checks in and records
//! audit lines, batches and returns through the same path as the visit
//! screen, printing each once the write returned; it is killed with SIGKILL
//! at random moments. Every acknowledged line must be there afterwards, and
//! the visit must resume (same open visit, cursor on a line it reached).

mod common;

use chrono::{NaiveDate, TimeZone, Utc};
use rand::SeedableRng;
use rounds::domain::visit::{
    AuditLine, Batch, ReturnLine, ReturnReason, ReturnStatus, VisitCursor, VisitWrite,
};
use rounds::domain::{Money, RecordMeta, Stamp, VisitStep};
use rounds::storage::Database;
use std::collections::HashMap;
use std::io::Write;
use std::time::Duration;

const CHILD_ENV: &str = "ROUNDS_CRASH_VISIT_DIR";
const STORE: &str = "S001";

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("date")
}

/// The child: resumes (or starts) the store's visit and records lines forever.
#[test]
#[ignore = "run by crash_test_visit_in_progress as a child process"]
fn crash_visit_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let db = Database::open(std::path::Path::new(&dir)).expect("child opens db");
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let (visit, _) = db
        .start_or_resume_visit(STORE, "R01", day(), now)
        .expect("check in");
    let id = visit.meta.id;
    let out = std::io::stdout();
    let start = db.audit_lines(id).expect("lines").len() as u64;
    println!("visit {id}");
    for i in start.. {
        let at = now + chrono::Duration::milliseconds(i as i64);
        let stamp = Stamp {
            by: "R01".into(),
            device: db.device().into(),
            at,
        };
        let sku = format!("P{i:05}");
        let mut writes = vec![
            VisitWrite::Audit(AuditLine {
                meta: RecordMeta::fresh("R01", db.device(), at),
                visit_id: id,
                sku: sku.clone(),
                on_shelf: i % 3 != 0,
                facings: Some((i % 7) as u16),
                price_seen: Some(Money(1000 + i as i64)),
                missing: None,
                stock: (i as u32).is_multiple_of(2).then_some(i as u32),
            }),
            VisitWrite::Cursor(VisitCursor {
                step: VisitStep::Audit,
                audit_sku: Some(sku.clone()),
                ..Default::default()
            }),
        ];
        if i % 5 == 0 {
            writes.push(VisitWrite::Batch(Batch {
                meta: RecordMeta::fresh("R01", db.device(), at),
                visit_id: id,
                store_code: STORE.into(),
                sku: sku.clone(),
                expiry: day(),
                qty: 2,
                action: None,
            }));
            writes.push(VisitWrite::Return(ReturnLine {
                meta: RecordMeta::fresh("R01", db.device(), at),
                visit_id: id,
                store_code: STORE.into(),
                sku: sku.clone(),
                qty: 2,
                value: Money(2000),
                reason: ReturnReason::Expired,
                status: ReturnStatus::Logged,
                logged: day(),
                written_off: None,
                closed: None,
                from_batch: None,
            }));
        }
        db.apply_visit_writes(id, &writes, &stamp)
            .expect("durable write");
        let mut lock = out.lock();
        writeln!(lock, "ack {sku}").expect("stdout");
        lock.flush().expect("flush");
    }
}

#[test]
fn crash_test_visit_in_progress() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seed: u64 = rand::random();
    eprintln!("crash visit seed {seed}");
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut acknowledged: Vec<String> = Vec::new();
    let mut visit_id: Option<String> = None;
    for round in 0..20 {
        let mut handle = |line: String, acked: &mut Vec<String>| {
            if let Some(sku) = line.strip_prefix("ack ") {
                acked.push(sku.to_string());
            } else if let Some(id) = line.split("visit ").nth(1) {
                // libtest may print "test crash_visit_child ... " on the same line
                match &visit_id {
                    None => visit_id = Some(id.to_string()),
                    Some(first) => assert_eq!(first, id, "round {round}: the visit did not resume"),
                }
            }
        };
        let acked = common::kill::run_and_kill(
            "crash_visit_child",
            (CHILD_ENV, dir.path()),
            Duration::from_millis(100),
            &mut rng,
            |line| handle(line, &mut acknowledged),
        );
        assert!(acked, "round {round}: the child never wrote");

        let db = Database::open(dir.path())
            .unwrap_or_else(|e| panic!("round {round}: database does not open: {e}"));
        let open = db
            .open_visit_of_store(STORE)
            .expect("read")
            .expect("the visit is still open");
        assert_eq!(Some(open.meta.id.to_string()), visit_id);
        let saved: HashMap<String, Option<u32>> = db
            .audit_lines(open.meta.id)
            .expect("lines")
            .into_iter()
            .map(|a| (a.sku, a.stock))
            .collect();
        for sku in &acknowledged {
            let i: u32 = sku[1..].parse().expect("sku number");
            assert_eq!(
                saved.get(sku),
                Some(&i.is_multiple_of(2).then_some(i)),
                "round {round}: acknowledged line {sku} lost or its count changed"
            );
        }
        let batches = db.batches(open.meta.id).expect("batches").len();
        let returns = db.returns_of_store(STORE).expect("returns").len();
        let acked_with_batch = acknowledged
            .iter()
            .filter(|s| s[1..].parse::<u64>().map(|i| i % 5 == 0).unwrap_or(false))
            .count();
        assert!(batches >= acked_with_batch, "round {round}: batches lost");
        assert!(returns >= acked_with_batch, "round {round}: returns lost");
        // the cursor is on a line that was reached (it may lag the last ack
        // by the one line whose cursor was not flushed yet, never lead it)
        let cursor = db.visit_cursor(open.meta.id).expect("cursor");
        if let Some(sku) = cursor.audit_sku {
            assert!(
                saved.contains_key(&sku),
                "round {round}: cursor on a line never saved"
            );
        }
        drop(db);
    }
    assert!(
        acknowledged.len() >= 20,
        "only {} writes",
        acknowledged.len()
    );
}
