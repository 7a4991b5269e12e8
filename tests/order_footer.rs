//! The order screen's footer at 80x24 in English and Russian: only the keys
//! that work in the order's state, and `s`/`Esc` never pushed off by the
//! status line (its own process: the language is global).

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::{Terminal, backend::TestBackend};
use rounds::clock::Clock;
use rounds::storage::Database;
use rounds::tui::App;

fn footer(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buf = terminal.backend().buffer();
    (0..80).map(|x| buf[(x, 23)].symbol().to_string()).collect()
}

fn press(app: &mut App, c: char) {
    app.on_key(KeyEvent::from(KeyCode::Char(c)));
}

#[test]
fn footer_follows_the_order_state_in_english_and_russian() {
    for lang in ["en", "ru"] {
        rounds::i18n::init(lang);
        let t = |key: &str| rounds::i18n::tr(key);
        let dir = tempfile::tempdir().unwrap();
        // the audit key and witness go to a test directory, never the real home
        rounds::storage::set_config_dir(std::env::temp_dir().join("rounds-test-config"));
        let db = Database::open(dir.path()).unwrap();
        let clock = Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        rounds::demo::load(&db, &clock).unwrap();
        let mut app = App::new(db, clock, Some("R01")).unwrap();
        press(&mut app, 'o');

        // a draft: edits and review; no send yet
        let f = footer(&app);
        for key in ["key-edit-qty", "key-reviewed", "key-back", "key-help"] {
            assert!(f.contains(&format!(" {} ", t(key))), "{lang} draft: {f}");
        }
        assert!(!f.contains(&t("key-send")), "{lang} draft: {f}");

        // lowered with a reason: the status is long, Esc and v stay
        press(&mut app, '-');
        press(&mut app, '1');
        let f = footer(&app);
        assert!(f.contains(&t("key-back")), "{lang} refused: {f}");
        assert!(f.contains(&t("key-reviewed")), "{lang} refused: {f}");

        // reviewed (edited, so the status names the unchanged share): send and back
        press(&mut app, 'v');
        let f = footer(&app);
        assert!(
            f.contains(&format!("s {} ", t("key-send"))),
            "{lang} reviewed: {f}"
        );
        assert!(
            f.contains(&format!("Esc {} ", t("key-back"))),
            "{lang} reviewed: {f}"
        );
        for gone in ["key-edit-qty", "key-more", "key-less", "key-reviewed"] {
            assert!(!f.contains(&t(gone)), "{lang} reviewed shows {gone}: {f}");
        }

        // sent: a new order or back, nothing that edits
        press(&mut app, 's');
        press(&mut app, 'y');
        let f = footer(&app);
        assert!(f.contains(&t("key-new-order")), "{lang} sent: {f}");
        assert!(
            f.contains(&format!("Esc {} ", t("key-back"))),
            "{lang} sent: {f}"
        );
        for gone in ["key-edit-qty", "key-more", "key-send", "key-reviewed"] {
            assert!(!f.contains(&t(gone)), "{lang} sent shows {gone}: {f}");
        }
    }
}
