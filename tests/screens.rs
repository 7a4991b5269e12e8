//! Snapshot tests of the screens on ratatui's TestBackend, and a sweep of
//! every terminal size from 1x1 to 80x24 (nothing may panic).

use chrono::NaiveDate;
use ratatui::{Terminal, backend::TestBackend};
use rounds::clock::Clock;
use rounds::screens::{
    RouteRow, RouteScreen, RouteView, StoreCardScreen, StoreListScreen, StoreRow,
};
use rounds::storage::Database;
use rounds::tui::{Action, App};
use rounds::ui::Theme;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn draw(w: u16, h: u16, widget: impl ratatui::widgets::Widget) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| f.render_widget(widget, f.area()))
        .unwrap();
    terminal
}

fn route_view() -> RouteView {
    let row = |code: &str,
               name: &str,
               city: &str,
               last: Option<NaiveDate>,
               overdue: Option<i64>,
               planned: bool| RouteRow {
        code: code.into(),
        name: name.into(),
        city: city.into(),
        last_visit: last,
        overdue_days: overdue,
        planned_today: planned,
        ..Default::default()
    };
    RouteView {
        today: d(11, 24),
        rep_name: Some("Иван Петров (R01)".into()),
        outbox: 0,
        rows: vec![
            row(
                "S002",
                "Продукты у дома",
                "Москва",
                Some(d(11, 21)),
                None,
                true,
            ),
            row(
                "S007",
                "Магазин «Солнышко»",
                "Люберцы",
                Some(d(11, 23)),
                None,
                true,
            ),
            row(
                "S009",
                "Кулинария «Пышка»",
                "Королёв",
                Some(d(11, 13)),
                Some(4),
                false,
            ),
            row("S004", "Гастроном №5", "Москва", None, Some(7), false),
        ],
    }
}

#[test]
fn route_screen() {
    let mut screen = RouteScreen::new(route_view(), Theme::Standard);
    screen.handle(Action::Down);
    insta::assert_snapshot!("route_80x24", draw(80, 24, &screen).backend());
}

#[test]
fn route_screen_tiny() {
    let screen = RouteScreen::new(route_view(), Theme::Standard);
    insta::assert_snapshot!("route_20x5", draw(20, 5, &screen).backend());
}

fn store_rows() -> Vec<StoreRow> {
    [
        ("S001", "Магазин «Ромашка»", "Москва", "R01"),
        ("S003", "Минимаркет «Берёзка»", "Химки", "R01"),
        ("S011", "Магазин „Слънце“", "София", "R02"),
        ("S019", "Magazin Mixt „La Bunica“", "București", "R03"),
    ]
    .into_iter()
    .map(|(code, name, city, rep)| StoreRow {
        code: code.into(),
        name: name.into(),
        city: city.into(),
        rep: rep.into(),
    })
    .collect()
}

#[test]
fn store_list_searching() {
    let mut screen = StoreListScreen::new(store_rows(), true, Theme::Standard);
    for c in "МАГ".chars() {
        screen.type_key(crossterm::event::KeyEvent::from(
            crossterm::event::KeyCode::Char(c),
        ));
    }
    let names: Vec<_> = screen.visible().map(|r| r.code.as_str()).collect();
    assert_eq!(
        names,
        ["S001", "S011", "S019"],
        "Cyrillic upper case finds «магазин» and the Latin «Magazin»"
    );
    insta::assert_snapshot!("store_list_search", draw(80, 12, &screen).backend());
}

fn demo_db() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(dir.path()).unwrap();
    rounds::demo::load(&db, &Clock::fixed(d(11, 24))).unwrap();
    (dir, db)
}

#[test]
fn store_card() {
    let (_dir, db) = demo_db();
    let view = rounds::service::views::store_card(&db, &Clock::fixed(d(11, 24)), "S003")
        .unwrap()
        .unwrap();
    let screen = StoreCardScreen::new(view, Theme::Standard);
    insta::assert_snapshot!("store_card", draw(80, 24, &screen).backend());
}

#[test]
fn app_with_help_overlay() {
    let (_dir, db) = demo_db();
    let mut app = App::new(db, Clock::fixed(d(11, 24)), Some("R03")).unwrap();
    app.on_action(Action::Help);
    insta::assert_snapshot!("app_route_help", draw(80, 24, &app).backend());
}

#[test]
fn every_size_from_1x1_to_80x24_renders() {
    let (_dir, db) = demo_db();
    let mut app = App::new(db, Clock::fixed(d(11, 24)), None).unwrap();
    let screens: [&[Action]; 4] = [
        &[],
        &[Action::Help],
        &[Action::Back, Action::StoreList, Action::Search],
        &[Action::Open],
    ];
    for actions in screens {
        for a in actions {
            app.on_action(*a);
        }
        for w in 1..=80 {
            for h in 1..=24 {
                draw(w, h, &app);
            }
        }
    }
    assert!(!app.quit);
}

#[test]
fn long_lists_scroll_to_the_selection() {
    let rows: Vec<StoreRow> = (0..500)
        .map(|i| StoreRow {
            code: format!("S{i:04}"),
            name: format!("Store {i:04}"),
            city: "Sofia".into(),
            rep: "R01".into(),
        })
        .collect();
    let mut screen = StoreListScreen::new(rows, false, Theme::Standard);
    screen.handle(Action::Bottom);
    let text = format!("{}", draw(80, 12, &screen).backend());
    assert!(text.contains("Store 0499"), "{text}");
    assert!(!text.contains("Store 0000"));
    screen.handle(Action::Top);
    screen.handle(Action::PageDown);
    let text = format!("{}", draw(80, 12, &screen).backend());
    assert!(text.contains("Store 0010"), "{text}");
}

#[test]
fn help_flows_into_columns_when_the_keys_do_not_fit() {
    use rounds::screens::HelpOverlay;
    use rounds::tui::KeyContext;
    let help = HelpOverlay {
        for_ctx: KeyContext::VisitAudit,
        theme: Theme::Standard,
        hide: vec![],
    };
    let text = format!("{}", draw(100, 12, &help).backend());
    // the last binding (Ctrl-C) is still shown on a short terminal
    assert!(text.contains("Ctrl-C"), "{text}");
    assert!(text.contains("help"), "{text}");
}
