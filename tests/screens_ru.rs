//! The route screen in Russian (its own process: the language is global).

use chrono::NaiveDate;
use ratatui::{Terminal, backend::TestBackend};
use rounds::clock::Clock;
use rounds::storage::Database;
use rounds::tui::App;

#[test]
fn route_in_russian() {
    rounds::i18n::init("ru");
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(dir.path()).unwrap();
    let clock = Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    rounds::demo::load(&db, &clock).unwrap();
    let app = App::new(db, clock, Some("R01")).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    insta::assert_snapshot!("route_ru", terminal.backend());
}
