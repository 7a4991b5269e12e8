//! Snapshot tests of each step of the visit screen (TestBackend), the forms
//! refusing bad input, the popups, a submitted visit with its amendments,
//! and a sweep of small sizes. Times of day are masked (they follow the
//! machine's time zone).

use chrono::{NaiveDate, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::{Terminal, backend::TestBackend};
use rounds::clock::Clock;
use rounds::domain::visit::{
    Amendment, AuditLine, Batch, BatchAction, MissingReason, Note, Problem, ProblemStatus,
    ReturnLine, ReturnReason, ReturnStatus, VisitCursor, VisitWrite,
};
use rounds::domain::{Money, RecordMeta, Settings, Visit, VisitStatus, VisitStep};
use rounds::screens::EventState;
use rounds::screens::visit::{AuditRow, Mode, VisitScreen, VisitView};
use rounds::tui::{Action, Effect};
use rounds::ui::Theme;
use ulid::Ulid;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn meta(minute: u32) -> RecordMeta {
    RecordMeta::fresh(
        "R01",
        "dev",
        Utc.with_ymd_and_hms(2026, 11, 24, 9, minute, 0).unwrap(),
    )
}

fn row(sku: &str, ean: &str, name: &str, price: i64, life: u32, fast: bool) -> AuditRow {
    AuditRow {
        sku: sku.into(),
        ean: ean.into(),
        name: name.into(),
        list_price: Money(price),
        shelf_life_days: life,
        fast,
        audit: None,
    }
}

fn view() -> VisitView {
    let visit = Visit {
        meta: meta(0),
        store_code: "S002".into(),
        rep: "R01".into(),
        date: d(11, 24),
        checked_in: Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(),
        submitted: None,
        status: VisitStatus::Open,
    };
    let id = visit.meta.id;
    let mut rows = vec![
        row("P01", "4601000100002", "Молоко 3,2% 1 л", 8990, 10, true),
        row(
            "P02",
            "4601140107404",
            "Батон нарезной 400 г",
            4990,
            5,
            true,
        ),
        row("P03", "4601014100746", "Кефир 2,5% 1 л", 8500, 14, false),
        row("P04", "4601021101118", "Творог 9% 200 г", 11900, 20, false),
        row(
            "P05",
            "4601035101852",
            "Сыр Российский 200 г",
            22900,
            90,
            false,
        ),
        row(
            "P06",
            "4601280114805",
            "Шоколад молочный 90 г",
            8900,
            300,
            false,
        ),
    ];
    let audit =
        |sku: &str, on: bool, f: Option<u16>, p: Option<i64>, m: Option<MissingReason>| AuditLine {
            meta: meta(1),
            visit_id: id,
            sku: sku.into(),
            on_shelf: on,
            facings: f,
            price_seen: p.map(Money),
            missing: m,
            stock: None,
        };
    rows[0].audit = Some(audit("P01", true, Some(4), Some(8990), None));
    rows[1].audit = Some(audit(
        "P02",
        false,
        None,
        None,
        Some(MissingReason::NotDelivered),
    ));
    rows[2].audit = Some(audit("P03", true, Some(2), Some(9500), None));
    let batch = |sku: &str, expiry: NaiveDate, qty: u32, action: Option<BatchAction>| Batch {
        meta: meta(2),
        visit_id: id,
        store_code: "S002".into(),
        sku: sku.into(),
        expiry,
        qty,
        action,
    };
    let older = Ulid::from_parts(1, 1);
    VisitView {
        store_name: "Продукты у дома".into(),
        today: d(11, 24),
        settings: Settings::default(),
        rows,
        batches: vec![
            batch("P01", d(11, 23), 3, Some(BatchAction::Pulled)),
            batch("P02", d(11, 25), 2, None),
            batch("P04", d(11, 28), 5, Some(BatchAction::MovedToFront)),
            batch("P06", d(12, 31), 12, None),
        ],
        returns: vec![
            ReturnLine {
                meta: meta(3),
                visit_id: older,
                store_code: "S002".into(),
                sku: "P05".into(),
                qty: 1,
                value: Money(22900),
                reason: ReturnReason::Damaged,
                status: ReturnStatus::Logged,
                logged: d(11, 10),
                written_off: None,
                closed: None,
                from_batch: None,
            },
            ReturnLine {
                meta: meta(4),
                visit_id: id,
                store_code: "S002".into(),
                sku: "P01".into(),
                qty: 3,
                value: Money(26970),
                reason: ReturnReason::Expired,
                status: ReturnStatus::Logged,
                logged: d(11, 24),
                written_off: None,
                closed: None,
                from_batch: None,
            },
        ],
        problems: vec![Problem {
            meta: meta(5),
            visit_id: older,
            store_code: "S002".into(),
            text: "Холодильник не работает".into(),
            due: d(11, 20),
            status: ProblemStatus::Open,
            resolved: None,
        }],
        notes: vec![Note {
            meta: meta(6),
            visit_id: id,
            store_code: "S002".into(),
            text: "Конкурент поставил стойку у кассы".into(),
        }],
        amendments: vec![],
        cursor: VisitCursor::default(),
        resumed: false,
        visit,
    }
}

fn screen() -> VisitScreen {
    VisitScreen::new(
        view(),
        Theme::Standard,
        Clock::fixed(d(11, 24)),
        "R01",
        "dev",
    )
}

/// The rendered buffer with times of day (hh:mm) masked.
fn draw(w: u16, h: u16, s: &VisitScreen) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(s, f.area())).unwrap();
    mask_times(&format!("{}", terminal.backend()))
}

fn mask_times(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let is_time = i + 5 <= chars.len()
            && chars[i].is_ascii_digit()
            && chars[i + 1].is_ascii_digit()
            && chars[i + 2] == ':'
            && chars[i + 3].is_ascii_digit()
            && chars[i + 4].is_ascii_digit();
        if is_time {
            out.push_str("hh:mm");
            i += 5;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// A key offered before the keymap: `None` when not taken, else what it asked.
fn key(s: &mut VisitScreen, code: KeyCode) -> Option<Effect> {
    match s.on_key(KeyEvent::from(code)) {
        EventState::NotConsumed => None,
        EventState::Consumed => Some(Effect::None),
        EventState::Asked(effect) => Some(effect),
    }
}

/// An action as the app's pump gives it; the app's own keys come back as `None`.
fn act(s: &mut VisitScreen, action: Action) -> Effect {
    s.handle(action).unwrap_or(Effect::None)
}

fn type_text(s: &mut VisitScreen, text: &str) {
    for c in text.chars() {
        key(s, KeyCode::Char(c));
    }
}

#[test]
fn audit_step() {
    let mut s = screen();
    act(&mut s, Action::Down);
    act(&mut s, Action::Down);
    act(&mut s, Action::Down);
    insta::assert_snapshot!("visit_audit", draw(100, 16, &s));
    // 80 columns: the EAN column gives way to the product names
    insta::assert_snapshot!("visit_audit_80", draw(80, 16, &s));
}

#[test]
fn audit_live_figures() {
    let s = screen();
    let f = s.figures();
    // fast movers weigh 2: (2 + 0 + 1) / (2 + 2 + 1)
    assert_eq!(f.osa, Some(0.6));
    // 89.90 seen for 89.90; 95.00 for 85.00 is out of ±3 %
    assert_eq!(f.price_compliance, Some(0.5));
    assert_eq!(f.lines_left, 3);
}

#[test]
fn audit_y_saves_and_moves_on_n_asks_why() {
    let mut s = screen();
    act(&mut s, Action::Bottom);
    act(&mut s, Action::Up);
    let effect = act(&mut s, Action::OnShelf);
    let Effect::VisitWrites(writes) = effect else {
        panic!("expected a write, got {effect:?}")
    };
    assert!(matches!(&writes[0], VisitWrite::Audit(a) if a.sku == "P05" && a.on_shelf));
    assert_eq!(s.audit_sel, 5);
    act(&mut s, Action::NotOnShelf);
    assert_eq!(s.mode, Mode::Reason);
    insta::assert_snapshot!("visit_audit_reason", draw(100, 16, &s));
    let effect = key(&mut s, KeyCode::Char('3'));
    assert!(matches!(
        effect,
        Some(Effect::VisitWrites(w)) if matches!(&w[0], VisitWrite::Audit(a) if a.missing == Some(MissingReason::InBackroom))
    ));
}

#[test]
fn audit_scan_and_search() {
    let mut s = screen();
    type_text(&mut s, "4601280114805");
    assert!(matches!(s.mode, Mode::Scan(_)));
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.audit_sel, 5, "the scan jumps to Шоколад");
    // unknown but valid EAN: refused with the reason
    type_text(&mut s, "4006381333931");
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.audit_sel, 5);
    assert!(s.message.as_ref().unwrap().0.contains("not on this store"));
    // fuzzy search in Latin letters finds Cyrillic names
    act(&mut s, Action::Search);
    type_text(&mut s, "tvorog");
    assert_eq!(s.audit_sel, 3);
    insta::assert_snapshot!("visit_audit_search", draw(100, 16, &s));
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.audit_sel, 5, "Esc goes back to where the search started");
}

#[test]
fn line_form_refuses_bad_price_in_place_and_takes_a_scan() {
    let mut s = screen();
    act(&mut s, Action::Bottom);
    act(&mut s, Action::Open);
    type_text(&mut s, "3");
    key(&mut s, KeyCode::Enter);
    // the stock count is optional: Enter on it goes on to the price
    key(&mut s, KeyCode::Enter);
    type_text(&mut s, "12,5x");
    key(&mut s, KeyCode::Enter);
    assert!(
        matches!(s.mode, Mode::Form(_)),
        "refused: the form stays open"
    );
    insta::assert_snapshot!("visit_line_form_refused", draw(100, 16, &s));
    // a scan into the price field jumps to that product instead
    for _ in 0..5 {
        key(&mut s, KeyCode::Backspace);
    }
    type_text(&mut s, "4601000100002");
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.mode, Mode::Browse);
    assert_eq!(s.audit_sel, 0);
}

/// Facings, then the units counted, then the price: the count is saved on
/// the line, a bad count is refused in place, and the audit shows it.
#[test]
fn line_form_takes_a_stock_count() {
    let mut s = screen();
    s.handle(Action::Bottom);
    s.handle(Action::Open);
    type_text(&mut s, "2");
    key(&mut s, KeyCode::Enter);
    type_text(&mut s, "-4");
    key(&mut s, KeyCode::Enter);
    let Mode::Form(form) = &s.mode else {
        panic!("refused: the form stays open")
    };
    assert_eq!(form.focus, 1, "the focus stays on the count");
    assert!(form.fields[1].error.is_some(), "a negative count says why");
    key(&mut s, KeyCode::Backspace);
    key(&mut s, KeyCode::Backspace);
    type_text(&mut s, "0");
    key(&mut s, KeyCode::Enter);
    let effect = key(&mut s, KeyCode::Enter);
    let Some(Effect::VisitWrites(writes)) = effect else {
        panic!("saved: {effect:?}")
    };
    let VisitWrite::Audit(line) = &writes[0] else {
        panic!("an audit line first: {writes:?}")
    };
    assert_eq!((line.facings, line.stock), (Some(2), Some(0)));
    assert_eq!(s.mode, Mode::Browse);
    insta::assert_snapshot!("visit_audit_counted", draw(120, 14, &s));
}

#[test]
fn expiry_step_with_pull_list() {
    let mut s = screen();
    s.step = VisitStep::Expiry;
    insta::assert_snapshot!("visit_expiry", draw(100, 18, &s));
    // one key makes the expired batch a return of the whole batch
    let effect = act(&mut s, Action::MakeReturn);
    assert!(matches!(
        effect,
        Effect::VisitWrites(w) if matches!(&w[0], VisitWrite::Return(r)
            if r.reason == ReturnReason::Expired && r.qty == 3 && r.value == Money(26970))
    ));
    assert_eq!(
        act(&mut s, Action::MakeReturn),
        Effect::None,
        "once per batch"
    );
    act(&mut s, Action::Add);
    key(&mut s, KeyCode::Char('3'));
    key(&mut s, KeyCode::Char('1'));
    key(&mut s, KeyCode::Char('.'));
    key(&mut s, KeyCode::Char('0'));
    key(&mut s, KeyCode::Char('2'));
    key(&mut s, KeyCode::Enter);
    insta::assert_snapshot!("visit_expiry_form_refused", draw(100, 18, &s));
}

#[test]
fn returns_step_flags_old_returns() {
    let mut s = screen();
    s.step = VisitStep::Returns;
    insta::assert_snapshot!("visit_returns", draw(100, 12, &s));
    // write off the flagged one
    let effect = act(&mut s, Action::WriteOff);
    assert!(matches!(
        effect,
        Effect::VisitWrites(w) if matches!(&w[0], VisitWrite::Return(r) if r.status == ReturnStatus::WrittenOff)
    ));
}

#[test]
fn notes_step() {
    let mut s = screen();
    s.step = VisitStep::Notes;
    act(&mut s, Action::Down);
    insta::assert_snapshot!("visit_notes", draw(100, 10, &s));
}

#[test]
fn checkout_and_confirm() {
    let mut s = screen();
    s.step = VisitStep::Checkout;
    insta::assert_snapshot!("visit_checkout", draw(100, 16, &s));
    act(&mut s, Action::Submit);
    insta::assert_snapshot!("visit_checkout_confirm", draw(100, 16, &s));
    // a scanner's Enter (or a stray one) never confirms the submit
    assert_eq!(key(&mut s, KeyCode::Enter), Some(Effect::None));
    assert!(matches!(s.mode, Mode::Confirm(_)));
    let effect = key(&mut s, KeyCode::Char('y'));
    assert!(
        matches!(effect, Some(Effect::VisitWrites(w)) if matches!(w[0], VisitWrite::Submit { .. }))
    );
}

#[test]
fn submitted_visit_is_read_only_and_shows_amendments() {
    let mut v = view();
    v.visit.status = VisitStatus::Submitted;
    v.visit.submitted = Some(Utc.with_ymd_and_hms(2026, 11, 24, 9, 30, 0).unwrap());
    v.amendments = vec![Amendment {
        meta: meta(40),
        visit_id: v.visit.meta.id,
        target: "audit P03".into(),
        before: "on shelf, 2 facings, price 95.00".into(),
        after: "on shelf, 2 facings, price 85.00".into(),
    }];
    let mut s = VisitScreen::new(v, Theme::Standard, Clock::fixed(d(11, 24)), "R01", "dev");
    s.step = VisitStep::Checkout;
    assert_eq!(act(&mut s, Action::Submit), Effect::None);
    insta::assert_snapshot!("visit_submitted", draw(100, 20, &s));
    s.step = VisitStep::Audit;
    assert_eq!(act(&mut s, Action::OnShelf), Effect::None, "read-only");
    act(&mut s, Action::Amend);
    key(&mut s, KeyCode::Char('y'));
    assert!(s.amending);
    assert!(matches!(
        act(&mut s, Action::OnShelf),
        Effect::VisitWrites(_)
    ));
}

#[test]
fn every_small_size_renders() {
    let mut s = screen();
    for step in VisitStep::ALL {
        s.step = step;
        for w in 1..=60 {
            for h in 1..=14 {
                draw(w, h, &s);
            }
        }
    }
    s.step = VisitStep::Expiry;
    act(&mut s, Action::Add);
    for w in 1..=60 {
        for h in 1..=14 {
            draw(w, h, &s);
        }
    }
}

#[test]
fn narrow_terminals_keep_the_product_name() {
    let mut s = screen();
    for (step, name) in [
        (VisitStep::Audit, "visit_audit"),
        (VisitStep::Expiry, "visit_expiry"),
        (VisitStep::Returns, "visit_returns"),
    ] {
        s.step = step;
        let small = draw(60, 15, &s);
        assert!(
            small.contains("Молоко 3,2% 1 л"),
            "{name} at 60x15:\n{small}"
        );
        insta::assert_snapshot!(format!("{name}_60x15"), small);
        insta::assert_snapshot!(format!("{name}_80x24"), draw(80, 24, &s));
    }
}

#[test]
fn checkout_lists_what_to_pull_and_a_returned_batch_is_not_on_it() {
    let mut s = screen();
    let before = s.pull_list().len();
    assert!(before > 0);
    s.step = VisitStep::Checkout;
    let shown = draw(100, 24, &s);
    for b in s.pull_list() {
        let name = s.product_name(&b.sku);
        assert!(shown.contains(&name), "{name} on the pull list:\n{shown}");
    }
    // the first batch still to pull becomes a return: it leaves the list
    let first = s.pull_list()[0].meta.id;
    s.step = VisitStep::Expiry;
    s.expiry_sel = s
        .view
        .batches
        .iter()
        .position(|b| b.meta.id == first)
        .unwrap();
    assert!(matches!(
        act(&mut s, Action::MakeReturn),
        Effect::VisitWrites(_)
    ));
    assert_eq!(s.pull_list().len(), before - 1);
}

#[test]
fn submitting_an_unchecked_visit_says_how_many_lines_are_unchecked() {
    let mut v = view();
    for r in &mut v.rows {
        r.audit = None;
    }
    let total = v.rows.len();
    let mut s = VisitScreen::new(v, Theme::Standard, Clock::fixed(d(11, 24)), "R01", "dev");
    s.step = VisitStep::Checkout;
    act(&mut s, Action::Submit);
    let shown = draw(100, 16, &s);
    assert!(
        shown.contains(&format!("{total} of {total} audit lines are unchecked")),
        "{shown}"
    );
    // still allowed
    let effect = key(&mut s, KeyCode::Char('y'));
    assert!(
        matches!(effect, Some(Effect::VisitWrites(w)) if matches!(w[0], VisitWrite::Submit { .. }))
    );
}

#[test]
fn closing_a_logged_return_says_to_write_it_off_first() {
    let mut s = screen();
    s.step = VisitStep::Returns;
    // x is offered only on a written-off return
    assert!(s.hidden_actions().contains(&Action::CloseReturn));
    assert_eq!(act(&mut s, Action::CloseReturn), Effect::None);
    let (text, _) = s.message.clone().unwrap();
    assert!(text.contains("Write it off first with w"), "{text}");
    assert!(matches!(
        act(&mut s, Action::WriteOff),
        Effect::VisitWrites(_)
    ));
    assert!(!s.hidden_actions().contains(&Action::CloseReturn));
    assert!(matches!(
        act(&mut s, Action::CloseReturn),
        Effect::VisitWrites(_)
    ));
}

#[test]
fn a_problem_cannot_be_due_in_the_past() {
    let mut s = screen();
    s.step = VisitStep::Notes;
    act(&mut s, Action::AddProblem);
    type_text(&mut s, "Нет поставки");
    key(&mut s, KeyCode::Tab);
    key(&mut s, KeyCode::Backspace);
    key(&mut s, KeyCode::Backspace);
    type_text(&mut s, "20.11");
    assert_eq!(key(&mut s, KeyCode::Enter), Some(Effect::None));
    let shown = draw(100, 16, &s);
    assert!(shown.contains("cannot be before today"), "{shown}");
    assert!(matches!(s.mode, Mode::Form(_)), "the form stays open");
    for _ in 0..5 {
        key(&mut s, KeyCode::Backspace);
    }
    type_text(&mut s, "+0");
    assert!(matches!(
        key(&mut s, KeyCode::Enter),
        Some(Effect::VisitWrites(w)) if matches!(&w[0], VisitWrite::Problem(_))
    ));
}

#[test]
fn amend_is_offered_only_on_a_submitted_visit() {
    let s = screen();
    assert!(s.hidden_actions().contains(&Action::Amend));
    assert!(s.unbound_actions().contains(&Action::Amend));
    let mut v = view();
    v.visit.status = VisitStatus::Submitted;
    let s = VisitScreen::new(v, Theme::Standard, Clock::fixed(d(11, 24)), "R01", "dev");
    assert!(!s.hidden_actions().contains(&Action::Amend));
    assert!(s.unbound_actions().is_empty());
}

#[test]
fn the_product_preview_follows_the_typing() {
    let mut s = screen();
    s.step = VisitStep::Expiry;
    act(&mut s, Action::Add);
    let product = |s: &VisitScreen| match &s.mode {
        Mode::Form(f) => f.product.map(|r| s.view.rows[r].sku.clone()),
        other => panic!("not a form: {other:?}"),
    };
    let ctrl_u = KeyEvent::new(KeyCode::Char('u'), crossterm::event::KeyModifiers::CONTROL);
    // the form opens on the selected line's barcode; back to the product field
    assert_eq!(product(&s).as_deref(), Some("P01"));
    s.on_key(KeyEvent::from(KeyCode::BackTab));
    assert!(matches!(&s.mode, Mode::Form(f) if f.focus == 0));
    // Ctrl-U clears the field, and the preview with it
    s.on_key(ctrl_u);
    assert_eq!(product(&s), None);
    type_text(&mut s, "Кефир");
    assert_eq!(product(&s).as_deref(), Some("P03"), "shown before Enter");
    s.on_key(ctrl_u);
    type_text(&mut s, "Творог");
    assert_eq!(product(&s).as_deref(), Some("P04"));
}
