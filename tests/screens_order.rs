//! The order screen on ratatui's TestBackend: a snapshot of a demo store's
//! draft, the refusal popup, key handling, and every size from 1x1 to 100x30.

use chrono::NaiveDate;
use ratatui::{Terminal, backend::TestBackend};
use rounds::clock::Clock;
use rounds::screens::EventState;
use rounds::screens::order::{Mode, OrderScreen};
use rounds::service::views_order;
use rounds::storage::Database;
use rounds::tui::{Action, Effect};
use rounds::ui::Theme;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn draw(w: u16, h: u16, screen: &OrderScreen) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| f.render_widget(screen, f.area()))
        .unwrap();
    terminal
}

fn screen() -> (tempfile::TempDir, OrderScreen) {
    let dir = tempfile::tempdir().unwrap();
    // the audit key and witness go to a test directory, never the real home
    rounds::storage::set_config_dir(std::env::temp_dir().join("rounds-test-config"));
    let db = Database::open(dir.path()).unwrap();
    let clock = Clock::fixed(today());
    rounds::demo::load(&db, &clock).unwrap();
    let view = views_order::order_view(&db, &clock, "S002")
        .unwrap()
        .unwrap();
    let catalog = views_order::catalog(&db).unwrap();
    (dir, OrderScreen::new(view, catalog, Theme::Standard))
}

#[test]
fn order_draft_80x24() {
    let (_dir, screen) = screen();
    assert_eq!(screen.view.order.number, "S002-20261124-01");
    insta::assert_snapshot!("order_draft_80x24", draw(80, 24, &screen).backend());
}

#[test]
fn lowering_a_line_asks_why_and_keeps_the_proposal() {
    let (_dir, mut screen) = screen();
    screen.handle(Action::Down);
    let before = screen.view.order.lines[1].qty;
    assert_eq!(screen.handle(Action::LessCase), Some(Effect::SaveOrder));
    assert!(matches!(screen.mode, Mode::Refusal(_)));
    insta::assert_snapshot!("order_refusal_popup", draw(80, 24, &screen).backend());
    let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('1'));
    assert_eq!(screen.type_key(key), EventState::Asked(Effect::SaveOrder));
    let o = &screen.view.order;
    assert!(o.lines[1].qty < before);
    assert_eq!(o.proposed[1].qty, before);
    assert_eq!(o.refusals.len(), 1);
    // sending before review is refused with a reason
    assert_eq!(screen.handle(Action::SendOrder), Some(Effect::None));
    assert!(screen.notice.as_deref().unwrap_or("").contains("reviewed"));
}

#[test]
fn every_size_renders() {
    let (_dir, mut screen) = screen();
    for step in [None, Some(Action::AddLine), Some(Action::Back)] {
        if let Some(a) = step {
            screen.handle(a);
        }
        for w in 1..=100 {
            for h in 1..=30 {
                draw(w, h, &screen);
            }
        }
    }
}

fn type_in(screen: &mut OrderScreen, text: &str) -> Option<Effect> {
    use crossterm::event::{KeyCode, KeyEvent};
    let mut last = None;
    for c in text.chars() {
        last = taken(screen.type_key(KeyEvent::from(KeyCode::Char(c))));
    }
    last
}

/// A key offered before the keymap: `None` when not taken, else what it asked.
fn taken(state: EventState) -> Option<Effect> {
    match state {
        EventState::NotConsumed => None,
        EventState::Consumed => Some(Effect::None),
        EventState::Asked(effect) => Some(effect),
    }
}

fn enter(screen: &mut OrderScreen) -> Option<Effect> {
    use crossterm::event::{KeyCode, KeyEvent};
    taken(screen.type_key(KeyEvent::from(KeyCode::Enter)))
}

fn clear(screen: &mut OrderScreen) {
    use crossterm::event::{KeyCode, KeyEvent};
    for _ in 0..30 {
        screen.type_key(KeyEvent::from(KeyCode::Backspace));
    }
}

#[test]
fn a_bad_quantity_is_refused_in_place_with_the_reason() {
    let (_dir, mut screen) = screen();
    let sku = screen.view.order.lines[0].sku.clone();
    let pack = screen.view.products[&sku].case_pack;
    let before = screen.view.order.lines[0].qty;
    screen.handle(Action::EditQty);
    for (typed, why) in [
        ("-5", "-5 is negative"),
        ("99999999999999999999", "Too many: at most"),
        ("2.5", "\"2.5\" is not a whole number"),
        ("", "Type a quantity"),
    ] {
        clear(&mut screen);
        type_in(&mut screen, typed);
        assert_eq!(enter(&mut screen), Some(Effect::None), "{typed}");
        // the typed text stays, the quantity does not change, the reason shows
        assert!(matches!(&screen.mode, Mode::EditQty(t) if t.value() == typed));
        assert_eq!(screen.view.order.lines[0].qty, before);
        let notice = screen.notice.clone().unwrap_or_default();
        assert!(notice.contains(why), "{typed}: {notice}");
    }
    clear(&mut screen);
    type_in(&mut screen, "99999999999999999999");
    enter(&mut screen);
    let max = (100 * pack).to_string();
    assert!(screen.notice.as_deref().unwrap_or("").contains(&max));
    insta::assert_snapshot!("order_qty_refused", draw(80, 24, &screen).backend());

    // a quantity that breaks a case is set, with a hint
    clear(&mut screen);
    let odd = before + 1;
    type_in(&mut screen, &odd.to_string());
    assert_eq!(enter(&mut screen), Some(Effect::SaveOrder));
    assert_eq!(screen.mode, Mode::Browse);
    assert_eq!(screen.view.order.lines[0].qty, odd);
    let hint = screen.notice.clone().unwrap_or_default();
    assert!(
        hint.contains(&format!("is not whole cases of {pack}")),
        "{hint}"
    );
}

fn row_text(terminal: &Terminal<TestBackend>, y: u16) -> String {
    let buf = terminal.backend().buffer();
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

#[test]
fn bonus_column_only_when_a_line_has_a_bonus_and_names_get_the_room() {
    let (_dir, mut screen) = screen();
    // the demo's winter promotion tops up one line: without it, no column
    assert!(screen.view.order.lines.iter().any(|l| l.bonus_qty > 0));
    for l in &mut screen.view.order.lines {
        l.bonus_qty = 0;
    }
    let t = draw(80, 24, &screen);
    let head = row_text(&t, 4);
    assert!(head.contains("Value") && !head.contains("Bonus"), "{head}");
    // every demo name fits whole at 80 columns (none is cut with …)
    for y in 5..20 {
        assert!(!row_text(&t, y).contains('…'), "{}", row_text(&t, y));
    }
    // a promotion line brings the column back, with its bonus under it
    screen.view.order.lines[0].bonus_qty = 3;
    let t = draw(80, 24, &screen);
    let head = row_text(&t, 4);
    assert!(head.contains("Bonus") && head.contains("Value"), "{head}");
    let first = row_text(&t, 5);
    let at = |s: &str, pat: &str| s.find(pat).map(|b| s[..b].chars().count());
    assert_eq!(
        at(&first, "+3").map(|c| c + 2),
        at(&head, "Bonus").map(|c| c + 5),
        "bonus right-aligned under its heading:\n{head}\n{first}"
    );
}

#[test]
fn counted_stock_and_an_explained_case_minimum() {
    use rounds::domain::forecast::{Method, Series};
    use rounds::domain::order::{LineInput, Seen, SuggestParams, suggest_line};
    let (_dir, mut screen) = screen();
    // a slow seller (3 a week) on a 3-day cover, case of 20, 1 counted on the shelf
    let weeks = [3.0; 20];
    let sku = screen.view.order.lines[0].sku.clone();
    if let Some(p) = screen.view.products.get_mut(&sku) {
        p.case_pack = 20;
    }
    let line = &mut screen.view.order.lines[0];
    let s = suggest_line(
        &LineInput {
            sku: &line.sku,
            case_pack: 20,
            history: Series::weekly(&weeks),
            prior: None,
            seen: Some(Seen::Stock(1.0)),
            last_refusal: None,
            promotion: None,
        },
        &SuggestParams {
            cover_days: 3.0,
            service_level: 0.95,
            trusted: false,
            zero_when_stock_covers: true,
        },
    );
    assert_ne!(s.forecast.method, Method::NoSales(0));
    let text = rounds::service::words::reason_text(&s.reason);
    assert!(
        text.contains("1 on the shelf") && text.contains("needs 2, case of 20"),
        "{text}"
    );
    assert_eq!(s.suggested_qty, 20);
    line.qty = s.suggested_qty;
    line.reason = Some(s.reason);
    insta::assert_snapshot!(
        "order_counted_stock_case_minimum",
        draw(100, 30, &screen).backend()
    );
}
