//! The conflict screen as a supervisor uses it: two edits of one store's
//! phone made on two devices, the lost one listed beside the one that
//! stayed; `l` takes the lost value back, which is an edit like any other.
//! The store card marks a store with open conflicts.

use chrono::{NaiveDate, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::{Terminal, backend::TestBackend};
use rounds::clock::Clock;
use rounds::domain::auth::Viewer;
use rounds::domain::{Stamp, Store};
use rounds::storage::{Database, RawRecord, encode_versioned};
use rounds::tui::App;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn stamp(device: &str, by: &str, minute: u32) -> Stamp {
    Stamp {
        by: by.into(),
        device: device.into(),
        at: Utc.with_ymd_and_hms(2026, 11, 25, 10, minute, 0).unwrap(),
    }
}

/// The demo, then the same store's phone changed here and on laptop-b.
fn db_with_conflict(dir: &std::path::Path) -> (Database, String) {
    rounds::storage::set_config_dir(std::env::temp_dir().join("rounds-test-config"));
    let db = Database::open(dir).unwrap();
    rounds::demo::load(&db, &Clock::fixed(today())).unwrap();
    let code = db.stores().unwrap()[0].code.clone();
    let base = db.versioned::<Store>(code.as_bytes()).unwrap().unwrap();

    let mut here = base.value.clone();
    here.phone = "+7 900 111-11-11".into();
    here.meta.touch(stamp("office-pc", "olga", 1));
    db.put_stores(&[here]).unwrap();

    let mut there = base.value.clone();
    there.phone = "+7 900 222-22-22".into();
    there.meta.touch(stamp("laptop-b", "ivan", 5));
    let incoming = base.edit(there);
    let record = RawRecord {
        tree: "stores".into(),
        key: code.as_bytes().to_vec(),
        value: encode_versioned("store", &incoming).unwrap(),
    };
    let report = rounds::exchange::sync::apply(&db, &[record]).unwrap();
    assert_eq!(report.conflicts, 1);
    (db, code)
}

fn press(app: &mut App, keys: &[KeyCode]) {
    for k in keys {
        app.on_key(KeyEvent::new(*k, KeyModifiers::NONE));
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

#[test]
fn the_supervisor_sees_the_conflict_and_takes_the_lost_value() {
    let dir = tempfile::tempdir().unwrap();
    let (db, code) = db_with_conflict(dir.path());
    assert_eq!(db.store(&code).unwrap().unwrap().phone, "+7 900 222-22-22");
    let mut app = App::new(db, Clock::fixed(today()), None).unwrap();
    app.set_viewer(Viewer::Supervisor {
        user: "olga".into(),
    });
    app.start_at_dashboard().unwrap();
    press(&mut app, &[KeyCode::Char('c')]);
    let shown = screen(&app, 80, 24);
    insta::assert_snapshot!("conflicts_80x24", shown);
    assert!(shown.contains("phone"), "{shown}");

    press(&mut app, &[KeyCode::Char('l')]);
    let after = screen(&app, 80, 24);
    assert!(after.contains("No open conflicts"), "{after}");
    assert!(
        after.contains("111-11-11"),
        "the footer says what was kept: {after}"
    );
    let db = app.into_db();
    assert_eq!(db.store(&code).unwrap().unwrap().phone, "+7 900 111-11-11");
    assert!(db.conflicts(false).unwrap().is_empty());
    assert_eq!(
        db.conflicts(true).unwrap().len(),
        1,
        "settled entries stay in the log"
    );
}

#[test]
fn a_typed_value_settles_it_and_the_store_card_shows_open_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let (db, code) = db_with_conflict(dir.path());
    let card = rounds::service::views::store_card(&db, &Clock::fixed(today()), &code)
        .unwrap()
        .unwrap();
    assert_eq!(card.conflicts, 1);
    let mut app = App::new(db, Clock::fixed(today()), None).unwrap();
    app.start_at_dashboard().unwrap();
    press(&mut app, &[KeyCode::Char('c'), KeyCode::Char('e')]);
    // Ctrl-U clears the pre-filled value, then a third number is typed
    app.on_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    let keys: Vec<KeyCode> = "+7 900 333".chars().map(KeyCode::Char).collect();
    press(&mut app, &keys);
    assert!(screen(&app, 80, 24).contains("+7 900 333▏"));
    press(&mut app, &[KeyCode::Enter]);
    let db = app.into_db();
    assert_eq!(db.store(&code).unwrap().unwrap().phone, "+7 900 333");
    let card = rounds::service::views::store_card(&db, &Clock::fixed(today()), &code)
        .unwrap()
        .unwrap();
    assert_eq!(card.conflicts, 0);
}

#[test]
fn a_rep_cannot_settle() {
    let dir = tempfile::tempdir().unwrap();
    let (db, code) = db_with_conflict(dir.path());
    let rep = db.store(&code).unwrap().unwrap().rep;
    let mut app = App::new(db, Clock::fixed(today()), None).unwrap();
    app.set_viewer(Viewer::Rep {
        user: "ivan".into(),
        rep_code: rep,
    });
    app.start_at_dashboard().unwrap();
    press(&mut app, &[KeyCode::Char('c'), KeyCode::Char('l')]);
    assert!(screen(&app, 100, 24).contains("Only a supervisor"));
    let db = app.into_db();
    assert_eq!(db.conflicts(false).unwrap().len(), 1);
}
