//! A change to a submitted visit is an amendment: it lands in the audit
//! trail, moves the team figures, and puts the visit back to "amended" for
//! the supervisor even after a review.

use chrono::{NaiveDate, TimeZone, Utc};
use rounds::clock::Clock;
use rounds::domain::Stamp;
use rounds::domain::auth::Viewer;
use rounds::domain::journal::JournalEvent;
use rounds::domain::review::{ReviewFilter, ReviewStatus};
use rounds::domain::visit::VisitWrite;
use rounds::storage::Database;

#[test]
fn an_amendment_is_audited_recounted_and_needs_a_new_review() {
    let dir = tempfile::tempdir().unwrap();
    // the audit key and witness go to a test directory, never the real home
    rounds::storage::set_config_dir(std::env::temp_dir().join("rounds-test-config"));
    let db = Database::open(dir.path()).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    rounds::demo::load(&db, &Clock::fixed(today)).unwrap();
    let olga = Viewer::Supervisor {
        user: "olga".into(),
    };
    // a submitted visit with a shelf audit
    let visit = db
        .review_list(&olga, &ReviewFilter::default())
        .unwrap()
        .into_iter()
        .map(|i| i.visit)
        .find(|v| {
            db.audit_lines(v.meta.id)
                .unwrap()
                .iter()
                .any(|a| a.on_shelf)
        })
        .expect("a visit with audit lines");
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
    db.mark_reviewed(&olga, visit.meta.id, at).unwrap();
    let before = db.visit_figures(&visit).unwrap();

    let mut line = db
        .audit_lines(visit.meta.id)
        .unwrap()
        .into_iter()
        .find(|a| a.on_shelf)
        .unwrap();
    line.on_shelf = false;
    line.facings = None;
    let stamp = Stamp {
        by: visit.rep.clone(),
        device: "dev".into(),
        at: at + chrono::Duration::hours(1),
    };
    db.apply_visit_writes(visit.meta.id, &[VisitWrite::Audit(line.clone())], &stamp)
        .unwrap();

    assert_eq!(db.amendments(visit.meta.id).unwrap().len(), 1);
    let after = db.visit_figures(&visit).unwrap();
    assert_eq!(after.osa_on_shelf + 1, before.osa_on_shelf);
    assert_eq!(
        db.kpi_buckets(false).unwrap(),
        db.kpi_recount(false).unwrap()
    );
    let audited = db.journal_entries().unwrap();
    assert!(
        audited.iter().any(|e| matches!(
            &e.event,
            JournalEvent::VisitChanged { visit: v, what } if *v == visit.meta.id && what.contains(&line.sku)
        )),
        "{audited:?}"
    );
    assert_eq!(db.verify_journal().unwrap(), Ok(audited.len() as u64));
    let status = db
        .review_list(&olga, &ReviewFilter::default())
        .unwrap()
        .into_iter()
        .find(|i| i.visit.meta.id == visit.meta.id)
        .unwrap()
        .status;
    assert_eq!(status, ReviewStatus::Amended);

    // the same value again (`y` on a line already on shelf in amend mode)
    // records nothing: no "on shelf → on shelf"
    let entries = db.journal_entries().unwrap().len();
    let later = Stamp {
        at: stamp.at + chrono::Duration::minutes(5),
        ..stamp.clone()
    };
    let mut same = line.clone();
    same.meta.touch(later.clone());
    db.apply_visit_writes(visit.meta.id, &[VisitWrite::Audit(same)], &later)
        .unwrap();
    assert_eq!(db.amendments(visit.meta.id).unwrap().len(), 1);
    assert_eq!(db.journal_entries().unwrap().len(), entries);
}
