//! Storage of a visit: lines keyed by visit, resume of the open visit,
//! submit, and amendments that keep the original.

use chrono::{NaiveDate, TimeZone, Utc};
use rounds::domain::visit::{
    AuditLine, MissingReason, ReturnLine, ReturnReason, ReturnStatus, VisitWrite,
};
use rounds::domain::{Money, RecordMeta, Stamp, VisitStatus};
use rounds::storage::Database;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn stamp(by: &str, minute: u32) -> Stamp {
    Stamp {
        by: by.into(),
        device: "dev".into(),
        at: Utc.with_ymd_and_hms(2026, 11, 24, 10, minute, 0).unwrap(),
    }
}

#[test]
fn resume_submit_and_amend() {
    let dir = tempfile::tempdir().unwrap();
    // the audit key and witness go to a test directory, never the real home
    rounds::storage::set_config_dir(std::env::temp_dir().join("rounds-test-config"));
    let db = Database::open(dir.path()).unwrap();
    let t0 = stamp("R01", 0).at;
    let (visit, resumed) = db.start_or_resume_visit("S001", "R01", day(), t0).unwrap();
    assert!(!resumed);
    let (again, resumed) = db.start_or_resume_visit("S001", "R01", day(), t0).unwrap();
    assert!(resumed);
    assert_eq!(
        again.meta.id, visit.meta.id,
        "the open visit is resumed, not doubled"
    );
    let id = visit.meta.id;

    let mut line = AuditLine {
        meta: RecordMeta::fresh("R01", "dev", t0),
        visit_id: id,
        sku: "P1".into(),
        on_shelf: true,
        facings: Some(2),
        price_seen: Some(Money(1000)),
        missing: None,
        stock: Some(12),
    };
    let ret = ReturnLine {
        meta: RecordMeta::fresh("R01", "dev", t0),
        visit_id: id,
        store_code: "S001".into(),
        sku: "P1".into(),
        qty: 2,
        value: Money(2000),
        reason: ReturnReason::Damaged,
        status: ReturnStatus::Logged,
        logged: day(),
        written_off: None,
        closed: None,
        from_batch: None,
    };
    db.apply_visit_writes(
        id,
        &[
            VisitWrite::Audit(line.clone()),
            VisitWrite::Return(ret.clone()),
        ],
        &stamp("R01", 1),
    )
    .unwrap();
    // open visit: changes are plain saves, no amendments
    line.facings = Some(3);
    db.apply_visit_writes(id, &[VisitWrite::Audit(line.clone())], &stamp("R01", 2))
        .unwrap();
    assert!(db.amendments(id).unwrap().is_empty());

    db.apply_visit_writes(
        id,
        &[VisitWrite::Submit {
            at: stamp("R01", 3).at,
        }],
        &stamp("R01", 3),
    )
    .unwrap();
    let v = db.visit(id).unwrap().unwrap();
    assert_eq!(v.status, VisitStatus::Submitted);
    assert!(db.open_visit_of_store("S001").unwrap().is_none());
    // checking in again the same day opens the submitted visit (to amend)...
    let (same, _) = db.start_or_resume_visit("S001", "R01", day(), t0).unwrap();
    assert_eq!(same.meta.id, id);
    // ...and the next day starts a new one
    let next_day = day().succ_opt().unwrap();
    let (next, resumed) = db
        .start_or_resume_visit("S001", "R01", next_day, t0 + chrono::Duration::days(1))
        .unwrap();
    assert!(!resumed);
    assert_ne!(next.meta.id, id);
    assert_eq!(next.status, VisitStatus::Open);

    // a correction after submit is an amendment keeping the value before
    line.on_shelf = false;
    line.facings = None;
    line.missing = Some(MissingReason::InBackroom);
    db.apply_visit_writes(id, &[VisitWrite::Audit(line.clone())], &stamp("SUP", 4))
        .unwrap();
    // writing off the return is follow-up work, not a correction
    let mut written = ret.clone();
    assert!(written.advance(ReturnStatus::WrittenOff, day()));
    db.apply_visit_writes(id, &[VisitWrite::Return(written)], &stamp("R01", 5))
        .unwrap();

    let history = db.amendments(id).unwrap();
    assert_eq!(history.len(), 1);
    let a = &history[0];
    assert_eq!(a.meta.created.by, "SUP");
    assert_eq!(a.target, "audit P1");
    assert_eq!(a.before, "on shelf, 3 facings, 12 counted, price 10.00");
    assert_eq!(a.after, "missing, 12 counted, price 10.00, in_backroom");
    assert_eq!(
        db.audit_lines(id).unwrap()[0].missing,
        Some(MissingReason::InBackroom)
    );
    // the count is kept with the line
    assert_eq!(db.audit_lines(id).unwrap()[0].stock, Some(12));
    assert_eq!(
        db.returns_of_store("S001").unwrap()[0].status,
        ReturnStatus::WrittenOff
    );
}
