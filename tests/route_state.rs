//! Only a submitted visit takes a store off the overdue list; an open visit
//! shows as in progress and keeps the store on the route.

use chrono::{NaiveDate, TimeZone, Utc};
use rounds::clock::Clock;
use rounds::domain::Stamp;
use rounds::domain::visit::VisitWrite;
use rounds::storage::Database;
use rounds::tui::views;

#[test]
fn checking_in_does_not_count_as_a_visit_until_submitted() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(dir.path()).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let clock = Clock::fixed(today);
    rounds::demo::load(&db, &clock).unwrap();
    let route = views::route_view(&db, &clock, Some("R01")).unwrap();
    let overdue = route
        .rows
        .iter()
        .find(|r| r.overdue_days.is_some())
        .expect("an overdue store")
        .clone();
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap();
    let (visit, _) = db
        .start_or_resume_visit(&overdue.code, "R01", today, now)
        .unwrap();

    let route = views::route_view(&db, &clock, Some("R01")).unwrap();
    let row = route
        .rows
        .iter()
        .find(|r| r.code == overdue.code)
        .expect("still on the route");
    assert!(row.in_progress);
    assert_eq!(
        row.overdue_days, overdue.overdue_days,
        "still overdue until submitted"
    );
    assert_eq!(row.last_visit, overdue.last_visit);
    let card = views::store_card(&db, &clock, &overdue.code)
        .unwrap()
        .unwrap();
    assert_eq!(card.last_visit, overdue.last_visit);

    let stamp = Stamp {
        by: "R01".into(),
        device: db.device().into(),
        at: now,
    };
    db.apply_visit_writes(visit.meta.id, &[VisitWrite::Submit { at: now }], &stamp)
        .unwrap();
    let route = views::route_view(&db, &clock, Some("R01")).unwrap();
    if let Some(row) = route.rows.iter().find(|r| r.code == overdue.code) {
        assert!(!row.in_progress);
        assert_eq!(row.overdue_days, None);
        assert_eq!(row.last_visit, Some(today));
    }
}
