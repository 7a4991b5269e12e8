//! Only a submitted visit takes a store off the overdue list; an open visit
//! shows as in progress and keeps the store on the route. The dashboard's
//! overdue count follows the same rule.

use chrono::{NaiveDate, TimeZone, Utc};
use rounds::clock::Clock;
use rounds::domain::Stamp;
use rounds::domain::visit::VisitWrite;
use rounds::service::views;
use rounds::storage::Database;

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
    let overdue_on_dashboard = || {
        db.kpi_table(today, today, today, false, Some("R01"))
            .unwrap()
            .team
            .overdue_stores
    };
    let before = overdue_on_dashboard();
    assert!(before >= 1);
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
    assert_eq!(
        overdue_on_dashboard(),
        before,
        "an open visit: still overdue"
    );

    let stamp = Stamp {
        by: "R01".into(),
        device: db.device().into(),
        at: now,
    };
    db.apply_visit_writes(visit.meta.id, &[VisitWrite::Submit { at: now }], &stamp)
        .unwrap();
    let route = views::route_view(&db, &clock, Some("R01")).unwrap();
    let row = route.rows.iter().find(|r| r.code == overdue.code);
    if overdue.planned_today {
        let row = row.expect("a store planned today stays on the route");
        assert!(!row.in_progress);
        assert_eq!(row.overdue_days, None);
        assert_eq!(row.last_visit, Some(today));
    } else {
        // it was there only for being overdue
        assert!(row.is_none(), "visited: off today's route");
    }
    let card = views::store_card(&db, &clock, &overdue.code)
        .unwrap()
        .unwrap();
    assert_eq!(card.last_visit, Some(today));
    assert_eq!(card.overdue_days, None);
    assert_eq!(overdue_on_dashboard(), before - 1, "submitted: not overdue");
}
