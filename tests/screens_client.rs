//! Snapshots of the client file (people, dates, timeline, the log steps and
//! a refused form) and of the contact plan, on the demo at 80x24; every
//! size up to 80x24 drawn without a panic.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::{Terminal, backend::TestBackend};
use rounds::clock::Clock;
use rounds::screens::client_file::Mode;
use rounds::screens::{ClientFileScreen, ContactPlanScreen, Effect};
use rounds::service::client_file;
use rounds::storage::Database;
use rounds::tui::Action;
use rounds::ui::Theme;

fn demo() -> (tempfile::TempDir, Database, Clock) {
    rounds::i18n::init("en");
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(dir.path()).unwrap();
    let clock = Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    rounds::demo::load(&db, &clock).unwrap();
    (dir, db, clock)
}

fn draw(w: u16, h: u16, widget: impl ratatui::widgets::Widget) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| f.render_widget(widget, f.area()))
        .unwrap();
    terminal
}

fn typed(s: &mut ClientFileScreen, text: &str) {
    for c in text.chars() {
        assert!(
            s.type_key(KeyEvent::from(KeyCode::Char(c))),
            "{c} not typed"
        );
    }
}

#[test]
fn the_client_file_of_a_london_store() {
    let (_dir, db, clock) = demo();
    // S031 is R04's first store: its owner's birthday is tomorrow
    let store = db.stores_of_rep("R04").unwrap()[0].code.clone();
    let view = client_file::client_file(&db, &clock, &store)
        .unwrap()
        .unwrap();
    assert!(!view.people.is_empty() && !view.timeline.is_empty());
    let mut s = ClientFileScreen::new(view, Theme::Standard);
    insta::assert_snapshot!("client_file_80x24", draw(80, 24, &s).backend());
    for w in 1..=80 {
        for h in 1..=24 {
            draw(w, h, &s);
        }
    }

    // l 1: why was it a complaint?
    s.handle(Action::LogEntry);
    s.handle(Action::Pick1);
    insta::assert_snapshot!("client_file_log_why", draw(80, 24, &s).backend());
    // "other" needs words: refused in the form, nothing written
    assert_eq!(s.handle(Action::Pick7), Some(Effect::None));
    assert_eq!(s.handle(Action::Save), Some(Effect::None));
    assert!(matches!(s.mode, Mode::Form(..)), "the form stays up");
    typed(&mut s, "wants smaller packs");
    let Some(Effect::ClientWrite(w)) = s.handle(Action::Save) else {
        panic!("the complaint is written")
    };
    assert!(format!("{w:?}").contains("wants smaller packs"));
}

#[test]
fn a_person_with_a_bad_e_mail_is_refused_in_the_form() {
    let (_dir, db, clock) = demo();
    let store = db.stores_of_rep("R04").unwrap()[1].code.clone();
    let view = client_file::client_file(&db, &clock, &store)
        .unwrap()
        .unwrap();
    let mut s = ClientFileScreen::new(view, Theme::Standard);
    s.handle(Action::AddPerson);
    typed(&mut s, "Tom Baker");
    for _ in 0..4 {
        s.handle(Action::NextField);
    }
    typed(&mut s, "tom.example.com");
    assert_eq!(s.handle(Action::Save), Some(Effect::None));
    insta::assert_snapshot!("client_file_person_refused", draw(80, 24, &s).backend());
}

#[test]
fn todays_contact_plan_of_a_rep() {
    let (_dir, db, clock) = demo();
    let items = client_file::contact_plan_of(&db, &clock, Some("R04")).unwrap();
    assert!(!items.is_empty());
    let s = ContactPlanScreen::new(items, clock.today(), Theme::Standard);
    insta::assert_snapshot!("contact_plan_80x24", draw(80, 24, &s).backend());
    for w in 1..=80 {
        for h in 1..=24 {
            draw(w, h, &s);
        }
    }
}
