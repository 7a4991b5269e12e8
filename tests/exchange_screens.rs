//! The route screen shows the outbox (records not exported yet) when
//! something waits, and nothing about it when all is sent.

use chrono::NaiveDate;
use ratatui::{Terminal, backend::TestBackend};
use rounds::screens::{RouteRow, RouteScreen, RouteView, route::OUTBOX_CAP};
use rounds::ui::Theme;

fn view(outbox: usize) -> RouteView {
    RouteView {
        today: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        rep_name: Some("Иван Петров (R01)".into()),
        rows: vec![RouteRow {
            code: "S001".into(),
            name: "Магазин «Ромашка»".into(),
            city: "Москва".into(),
            last_visit: None,
            overdue_days: None,
            planned_today: true,
            ..Default::default()
        }],
        outbox,
    }
}

fn screen_text(outbox: usize) -> String {
    let screen = RouteScreen::new(view(outbox), Theme::Standard);
    let mut terminal = Terminal::new(TestBackend::new(80, 10)).unwrap();
    terminal
        .draw(|f| f.render_widget(&screen, f.area()))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    buffer
        .content()
        .chunks(80)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn outbox_on_the_route_screen() {
    rounds::i18n::init("en");
    assert!(screen_text(42).contains("outbox: 42 records not exported"));
    assert!(screen_text(1).contains("outbox: 1 record not exported"));
    assert!(screen_text(OUTBOX_CAP).contains("outbox: 1000+ records not exported"));
    assert!(!screen_text(0).contains("outbox"));
    rounds::i18n::init("ru");
    assert!(screen_text(3).contains("к отправке: 3 записи"));
    rounds::i18n::init("en");
}
