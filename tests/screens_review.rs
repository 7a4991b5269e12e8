//! The review list, a visit's page and the team dashboard on the demo data,
//! driven by keys through the app as a supervisor would; snapshots of the
//! dashboard and the list, and no panic at any size from 1x1 to 100x30.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::{Terminal, backend::TestBackend};
use rounds::clock::Clock;
use rounds::domain::auth::Viewer;
use rounds::storage::Database;
use rounds::tui::App;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn app(dir: &std::path::Path, viewer: Viewer) -> App {
    // the audit key and witness go to a test directory, never the real home
    rounds::storage::set_config_dir(std::env::temp_dir().join("rounds-test-config"));
    let db = Database::open(dir).unwrap();
    let clock = Clock::fixed(today());
    if db.is_empty().unwrap() {
        rounds::demo::load(&db, &clock).unwrap();
    }
    let mut app = App::new(db, clock, None).unwrap();
    app.set_viewer(viewer);
    app
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\r' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn olga() -> Viewer {
    Viewer::Supervisor {
        user: "olga".into(),
    }
}

#[test]
fn supervisor_dashboard_and_review_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), olga());
    press(&mut app, "d");
    insta::assert_snapshot!("dashboard_100x12", screen(&app, 100, 12));
    // with the room, the book's retention per rep under the figures
    insta::assert_snapshot!("dashboard_retention_100x24", screen(&app, 100, 24));
    // the selected rep's visits, only reviewed ones
    press(&mut app, "jw");
    let list = screen(&app, 100, 14);
    assert!(list.contains("Rep R02"), "{list}");
    press(&mut app, "t");
    let list = screen(&app, 100, 14);
    assert!(list.contains("Status open"), "{list}");
    press(&mut app, "ttt");
    insta::assert_snapshot!("review_list_reviewed_100x14", screen(&app, 100, 14));
}

#[test]
fn the_dashboards_period_carries_over_to_the_review_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), olga());
    press(&mut app, "d");
    // 28 days, then the longer period: 91 days
    press(&mut app, "p");
    assert!(screen(&app, 100, 12).contains("(91 days)"));
    press(&mut app, "w");
    let list = screen(&app, 100, 14);
    assert!(list.contains("Period last 91 days"), "{list}");
}

#[test]
fn a_visit_opens_read_only_with_its_parts_and_amendments_then_is_reviewed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), olga());
    // amended visits: status filter open → submitted → amended
    press(&mut app, "wttt");
    let list = screen(&app, 100, 20);
    assert!(
        list.contains("Status amended") && list.contains("amended"),
        "{list}"
    );
    press(&mut app, "\r");
    let page = screen(&app, 100, 60);
    for part in [
        "Shelf audit",
        "OSA",
        "Expiry check",
        "Returns",
        "Amendments",
        "missing",
    ] {
        assert!(page.contains(part), "{part}: {page}");
    }
    assert!(page.contains(" → on shelf, 1 facings"), "{page}");
    // the amendment log names the product, not its internal code
    assert!(!page.contains(": audit P"), "{page}");
    assert!(page.contains("Not reviewed yet."));
    // comment, then mark reviewed (confirmed)
    press(&mut app, "c");
    press(&mut app, "Хорошо, спасибо\r");
    press(&mut app, "ay");
    let page = screen(&app, 100, 60);
    assert!(page.contains("Хорошо, спасибо"), "{page}");
    assert!(page.contains("reviewed by olga"), "{page}");
    press(&mut app, "\x1b");
    let list = screen(&app, 100, 20);
    assert!(list.contains("Review · "), "{list}");
}

#[test]
fn a_rep_sees_only_their_own_visits_and_cannot_review() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(
        dir.path(),
        Viewer::Rep {
            user: "ivan".into(),
            rep_code: "R01".into(),
        },
    );
    press(&mut app, "w");
    let list = screen(&app, 100, 40);
    assert!(list.contains(" R01 "), "{list}");
    assert!(!list.contains(" R02 ") && !list.contains(" R03 "), "{list}");
    // the rep filter does not reach other reps
    press(&mut app, "e");
    assert!(!screen(&app, 100, 40).contains(" R02 "));
    press(&mut app, "\r");
    press(&mut app, "a");
    let page = screen(&app, 100, 40);
    assert!(page.contains("Only a supervisor"), "{page}");
    // the route is the rep's own, and r does not switch to another rep
    press(&mut app, "\x1b\x1br");
    let route = screen(&app, 100, 10);
    assert!(route.contains("(R01)"), "{route}");
}

#[test]
fn review_screens_survive_every_size() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), olga());
    for keys in ["d", "w", "\r"] {
        press(&mut app, keys);
        for w in (1..=100).step_by(7) {
            for h in (1..=30).step_by(3) {
                screen(&app, w, h);
            }
        }
    }
}

#[test]
fn a_logged_in_rep_cannot_start_a_visit_at_another_reps_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(
        dir.path(),
        Viewer::Rep {
            user: "ivan".into(),
            rep_code: "R01".into(),
        },
    );
    // the store list holds every store; S015 is on R02's route
    press(&mut app, "/");
    press(&mut app, "S015");
    press(&mut app, "\r");
    press(&mut app, "v");
    let text = screen(&app, 100, 30);
    assert!(text.contains("A rep sees only their own visits"), "{text}");
}

#[test]
fn an_order_on_its_way_is_awaiting_delivery_not_a_zero_fill_rate() {
    use rounds::domain::order::{Order, OrderLine};
    use rounds::domain::{Money, RecordMeta};
    let dir = tempfile::tempdir().unwrap();
    drop(app(dir.path(), olga()));
    {
        let db = Database::open(dir.path()).unwrap();
        let store = db.stores_of_rep("R04").unwrap().remove(0);
        let at = chrono::Utc::now();
        let line = |sku: &str| OrderLine {
            sku: sku.into(),
            qty: 6,
            bonus_qty: 0,
            unit_price: Money(100),
            reason: None,
            promo: None,
        };
        let mut order = Order::new(
            RecordMeta::fresh("R04", db.device(), at),
            format!("{}-20261124-09", store.code),
            &store.code,
            today(),
            vec![line("P0001"), line("P0002"), line("P0003")],
        );
        order.mark_reviewed(today()).unwrap();
        order.send(today()).unwrap();
        db.put_order(&order).unwrap();
    }
    let mut app = app(dir.path(), olga());
    press(&mut app, "d");
    let shown = screen(&app, 100, 14);
    assert!(
        shown.contains("awaiting delivery: 3 order lines"),
        "{shown}"
    );
    let r04 = shown
        .lines()
        .find(|l| l.contains("R04"))
        .expect("R04's row");
    assert!(r04.contains('⧗'), "{r04}");
}
