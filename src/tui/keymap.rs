//! Keys are data: each screen's bindings with the action they trigger. The
//! footer and the `?` help are generated from these tables, so they cannot
//! drift from what the keys do.

use super::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyContext {
    Route,
    StoreList,
    StoreListTyping,
    StoreCard,
    Help,
    DemoOffer,
    VisitAudit,
    VisitExpiry,
    VisitReturns,
    VisitNotes,
    VisitCheckout,
    /// Typing into a visit form, the search or the scan field.
    VisitForm,
    /// Choosing why a line is missing (1-4).
    VisitReason,
    VisitConfirm,
    Order,
    OrderTyping,
    OrderRefusal,
    OrderConfirm,
    /// A reviewed order (send) and a sent one (new order): fewer keys than a draft.
    OrderReviewed,
    OrderSent,
    Dashboard,
    ReviewList,
    ReviewListTyping,
    VisitDetail,
    VisitDetailTyping,
    Confirm,
    Lock,
    Kiosk,
    Conflicts,
    ConflictsTyping,
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// What the footer and help show for the key ("↑/k").
    pub shown: &'static str,
    pub action: Action,
    /// Shown in the footer (the rest only in `?` help).
    pub footer: bool,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

macro_rules! bind {
    ($shown:expr, $action:ident, $footer:expr, [$($code:expr),+ $(,)?]) => {
        Binding { keys: &[$(($code, NONE)),+], shown: $shown, action: Action::$action, footer: $footer }
    };
}

const MOVE: &[Binding] = &[
    bind!("↑↓", Up, true, [KeyCode::Up, KeyCode::Char('k')]),
    bind!("↓/j", Down, false, [KeyCode::Down, KeyCode::Char('j')]),
    bind!("PgUp", PageUp, false, [KeyCode::PageUp]),
    bind!("PgDn", PageDown, false, [KeyCode::PageDown]),
    bind!("Home/g", Top, false, [KeyCode::Home, KeyCode::Char('g')]),
    bind!("End/G", Bottom, false, [KeyCode::End, KeyCode::Char('G')]),
];

const ROUTE: &[Binding] = &[
    bind!("Enter", Open, true, [KeyCode::Enter]),
    bind!("v", StartVisit, true, [KeyCode::Char('v')]),
    bind!("o", Order, true, [KeyCode::Char('o')]),
    bind!("p", Replan, true, [KeyCode::Char('p')]),
    bind!("m", ToggleMap, false, [KeyCode::Char('m')]),
    bind!("x", Skip, false, [KeyCode::Char('x')]),
    bind!("K", MoveUp, false, [KeyCode::Char('K')]),
    bind!("J", MoveDown, false, [KeyCode::Char('J')]),
    bind!("/", Search, true, [KeyCode::Char('/')]),
    bind!("s", StoreList, true, [KeyCode::Char('s')]),
    bind!("r", NextRep, false, [KeyCode::Char('r')]),
    bind!("R", PrevRep, false, [KeyCode::Char('R')]),
    // in `?` help, not the footer: the route's footer is for the day's work
    bind!("d", Dashboard, false, [KeyCode::Char('d')]),
    bind!("w", Review, false, [KeyCode::Char('w')]),
    bind!("?", Help, true, [KeyCode::Char('?'), KeyCode::F(1)]),
    bind!("q", Quit, true, [KeyCode::Char('q')]),
];

const STORE_LIST: &[Binding] = &[
    bind!("Enter", Open, true, [KeyCode::Enter]),
    bind!("/", Search, true, [KeyCode::Char('/')]),
    bind!("?", Help, true, [KeyCode::Char('?'), KeyCode::F(1)]),
    bind!("Esc", Back, true, [KeyCode::Esc]),
    bind!("q", Quit, true, [KeyCode::Char('q')]),
];

const STORE_LIST_TYPING: &[Binding] = &[
    bind!("↑↓", Up, true, [KeyCode::Up]),
    bind!("↓", Down, false, [KeyCode::Down]),
    bind!("Enter", Open, true, [KeyCode::Enter]),
    bind!("Esc", Back, true, [KeyCode::Esc]),
];

const STORE_CARD: &[Binding] = &[
    bind!("v", StartVisit, true, [KeyCode::Char('v')]),
    bind!("o", Order, true, [KeyCode::Char('o')]),
    bind!("?", Help, true, [KeyCode::Char('?'), KeyCode::F(1)]),
    bind!("Esc", Back, true, [KeyCode::Esc, KeyCode::Backspace]),
    bind!("q", Quit, true, [KeyCode::Char('q')]),
];

const HELP: &[Binding] = &[bind!(
    "Esc",
    Back,
    true,
    [KeyCode::Esc, KeyCode::Char('?'), KeyCode::Char('q')]
)];

const DEMO_OFFER: &[Binding] = CONFIRM;

/// Keys every step of a visit shares (after the step's own).
const VISIT_COMMON: &[Binding] = &[
    bind!("Tab", NextStep, true, [KeyCode::Tab, KeyCode::Right]),
    bind!("S-Tab", PrevStep, false, [KeyCode::BackTab, KeyCode::Left]),
    bind!("A", Amend, false, [KeyCode::Char('A')]),
    bind!("?", Help, true, [KeyCode::Char('?'), KeyCode::F(1)]),
    bind!("Esc", Back, true, [KeyCode::Esc]),
];

const VISIT_AUDIT: &[Binding] = &[
    bind!("y", OnShelf, true, [KeyCode::Char('y'), KeyCode::Char(' ')]),
    bind!("n", NotOnShelf, true, [KeyCode::Char('n')]),
    bind!("Enter", Open, true, [KeyCode::Enter]),
    bind!("f", Facings, false, [KeyCode::Char('f')]),
    bind!("p", PriceSeen, false, [KeyCode::Char('p')]),
    bind!("/", Search, true, [KeyCode::Char('/')]),
    bind!("0-9", Scan, false, [KeyCode::Char('0')]),
];

const VISIT_EXPIRY: &[Binding] = &[
    bind!("a", Add, true, [KeyCode::Char('a')]),
    bind!("x", Pulled, true, [KeyCode::Char('x')]),
    bind!("m", MoveFront, false, [KeyCode::Char('m')]),
    bind!("d", Markdown, false, [KeyCode::Char('d')]),
    bind!("r", MakeReturn, true, [KeyCode::Char('r')]),
];

const VISIT_RETURNS: &[Binding] = &[
    bind!("a", Add, true, [KeyCode::Char('a')]),
    bind!("w", WriteOff, true, [KeyCode::Char('w')]),
    bind!("x", CloseReturn, true, [KeyCode::Char('x')]),
];

const VISIT_NOTES: &[Binding] = &[
    bind!("a", Add, true, [KeyCode::Char('a')]),
    bind!("p", AddProblem, true, [KeyCode::Char('p')]),
    bind!("r", Resolve, true, [KeyCode::Char('r')]),
];

const VISIT_CHECKOUT: &[Binding] = &[bind!("Enter", Submit, true, [KeyCode::Enter])];

const VISIT_FORM: &[Binding] = &[
    bind!("Enter", Save, true, [KeyCode::Enter]),
    bind!("Tab", NextField, true, [KeyCode::Tab, KeyCode::Down]),
    bind!("S-Tab", PrevField, false, [KeyCode::BackTab, KeyCode::Up]),
    bind!("Esc", Cancel, true, [KeyCode::Esc]),
];

const VISIT_REASON: &[Binding] = &[bind!("Esc", Cancel, true, [KeyCode::Esc])];

/// Like CONFIRM but without Enter: a scanner's Enter must never submit a visit.
const VISIT_CONFIRM: &[Binding] = &[
    bind!(
        "y",
        Yes,
        true,
        [KeyCode::Char('y'), KeyCode::Char('Y'), KeyCode::Char('н')]
    ),
    bind!(
        "n",
        No,
        true,
        [
            KeyCode::Char('n'),
            KeyCode::Char('N'),
            KeyCode::Char('т'),
            KeyCode::Esc
        ]
    ),
];

/// Moving in an order: after its own keys, so a long status
/// line never pushes `s` or `Esc` out of the footer.
const ORDER_MOVES: [Binding; 6] = [
    bind!("↑↓", Up, true, [KeyCode::Up, KeyCode::Char('k')]),
    bind!("↓/j", Down, false, [KeyCode::Down, KeyCode::Char('j')]),
    bind!("PgUp", PageUp, false, [KeyCode::PageUp]),
    bind!("PgDn", PageDown, false, [KeyCode::PageDown]),
    bind!("Home/g", Top, false, [KeyCode::Home, KeyCode::Char('g')]),
    bind!("End/G", Bottom, false, [KeyCode::End, KeyCode::Char('G')]),
];

/// A draft: every edit; `s` is out of the footer (it only says to review first).
/// `v` and `Esc` come first so a long status line cannot push them off.
const ORDER: &[Binding] = &{
    let m = ORDER_MOVES;
    [
        bind!("v", MarkReviewed, true, [KeyCode::Char('v')]),
        bind!("Esc", Back, true, [KeyCode::Esc]),
        bind!("Enter", EditQty, true, [KeyCode::Enter, KeyCode::Char('e')]),
        m[0],
        m[1],
        m[2],
        m[3],
        m[4],
        m[5],
        bind!(
            "+",
            MoreCase,
            true,
            [KeyCode::Char('+'), KeyCode::Char('=')]
        ),
        bind!("-", LessCase, true, [KeyCode::Char('-')]),
        bind!("x", Strike, true, [KeyCode::Char('x'), KeyCode::Delete]),
        bind!("a", AddLine, true, [KeyCode::Char('a')]),
        bind!("r", Refusal, false, [KeyCode::Char('r')]),
        bind!("s", SendOrder, false, [KeyCode::Char('s')]),
        bind!("t", TrustStore, false, [KeyCode::Char('t')]),
        bind!("?", Help, true, [KeyCode::Char('?'), KeyCode::F(1)]),
        bind!("q", Quit, false, [KeyCode::Char('q')]),
    ]
};

/// Reviewed by the decision maker: the lines are fixed, it can be sent.
const ORDER_REVIEWED: &[Binding] = &{
    let m = ORDER_MOVES;
    [
        bind!("s", SendOrder, true, [KeyCode::Char('s')]),
        bind!("Esc", Back, true, [KeyCode::Esc]),
        m[0],
        m[1],
        m[2],
        m[3],
        m[4],
        m[5],
        bind!("t", TrustStore, false, [KeyCode::Char('t')]),
        bind!("?", Help, true, [KeyCode::Char('?'), KeyCode::F(1)]),
        bind!("q", Quit, false, [KeyCode::Char('q')]),
    ]
};

/// Sent: only a new order for the store, or back.
const ORDER_SENT: &[Binding] = &{
    let m = ORDER_MOVES;
    [
        bind!("n", NewOrder, true, [KeyCode::Char('n')]),
        bind!("Esc", Back, true, [KeyCode::Esc]),
        m[0],
        m[1],
        m[2],
        m[3],
        m[4],
        m[5],
        bind!("t", TrustStore, false, [KeyCode::Char('t')]),
        bind!("?", Help, true, [KeyCode::Char('?'), KeyCode::F(1)]),
        bind!("q", Quit, false, [KeyCode::Char('q')]),
    ]
};

/// Typing a quantity or a product search: the screen takes the keys first.
const ORDER_TYPING: &[Binding] = &[
    bind!("Enter", Open, true, [KeyCode::Enter]),
    bind!("Esc", Back, true, [KeyCode::Esc]),
];

/// Picking a refusal reason: 1–5 are taken by the screen first.
const ORDER_REFUSAL: &[Binding] = &[bind!("Esc", Back, true, [KeyCode::Esc])];

const ORDER_CONFIRM: &[Binding] = CONFIRM;

/// A yes/no question before something final (submit a visit, send an order).
const CONFIRM: &[Binding] = &[
    bind!(
        "y",
        Yes,
        true,
        [
            KeyCode::Char('y'),
            KeyCode::Char('Y'),
            KeyCode::Char('н'),
            KeyCode::Enter
        ]
    ),
    bind!(
        "n",
        No,
        true,
        [
            KeyCode::Char('n'),
            KeyCode::Char('N'),
            KeyCode::Char('т'),
            KeyCode::Esc
        ]
    ),
];

const DASHBOARD: &[Binding] = &[
    bind!("w", Review, true, [KeyCode::Char('w'), KeyCode::Enter]),
    bind!("p", PeriodLonger, true, [KeyCode::Char('p')]),
    bind!("[", PeriodBack, true, [KeyCode::Char('['), KeyCode::Left]),
    bind!("c", Conflicts, false, [KeyCode::Char('c')]),
    bind!(
        "]",
        PeriodForward,
        false,
        [KeyCode::Char(']'), KeyCode::Right]
    ),
    bind!("?", Help, true, [KeyCode::Char('?'), KeyCode::F(1)]),
    bind!("Esc", Back, true, [KeyCode::Esc]),
    bind!("q", Quit, true, [KeyCode::Char('q')]),
];

const REVIEW_LIST: &[Binding] = &[
    bind!("Enter", Open, true, [KeyCode::Enter]),
    bind!("t", FilterStatus, true, [KeyCode::Char('t')]),
    bind!("e", FilterRep, true, [KeyCode::Char('e')]),
    bind!("p", PeriodLonger, true, [KeyCode::Char('p')]),
    bind!("/", Search, true, [KeyCode::Char('/')]),
    bind!("d", Dashboard, false, [KeyCode::Char('d')]),
    bind!("?", Help, true, [KeyCode::Char('?'), KeyCode::F(1)]),
    bind!("Esc", Back, true, [KeyCode::Esc]),
    bind!("q", Quit, false, [KeyCode::Char('q')]),
];

const VISIT_DETAIL: &[Binding] = &[
    bind!("c", Comment, true, [KeyCode::Char('c')]),
    bind!("a", ApproveVisit, true, [KeyCode::Char('a')]),
    bind!("?", Help, true, [KeyCode::Char('?'), KeyCode::F(1)]),
    bind!("Esc", Back, true, [KeyCode::Esc, KeyCode::Backspace]),
    bind!("q", Quit, false, [KeyCode::Char('q')]),
];

const CONFLICTS: &[Binding] = &[
    bind!("a", KeepValue, true, [KeyCode::Char('a')]),
    bind!("l", TakeLost, true, [KeyCode::Char('l')]),
    bind!("e", TypeValue, true, [KeyCode::Char('e')]),
    bind!("?", Help, true, [KeyCode::Char('?'), KeyCode::F(1)]),
    bind!("Esc", Back, true, [KeyCode::Esc, KeyCode::Backspace]),
    bind!("q", Quit, true, [KeyCode::Char('q')]),
];

/// Typing a filter or a comment: letters are text; Enter ends, Esc cancels.
const TYPING: &[Binding] = &[
    bind!("Enter", Open, true, [KeyCode::Enter]),
    bind!("Esc", Back, true, [KeyCode::Esc]),
];

const REVIEW_CONFIRM: &[Binding] = CONFIRM;

/// The kiosk's lock screen: user and PIN are typed; only these keys act.
const LOCK: &[Binding] = &[
    bind!("Enter", Open, true, [KeyCode::Enter]),
    bind!("Tab", NextField, true, [KeyCode::Tab, KeyCode::BackTab]),
    bind!("Esc", Back, true, [KeyCode::Esc]),
    bind!("F10", EndKiosk, true, [KeyCode::F(10)]),
];

/// The kiosk layer's own keys, looked up before the screen's.
const KIOSK: &[Binding] = &[Binding {
    keys: &[(KeyCode::F(12), NONE), (KeyCode::Char('l'), CTRL)],
    shown: "F12",
    action: Action::Logout,
    footer: true,
}];

/// Ctrl-C quits everywhere outside the kiosk.
const GLOBAL: &[Binding] = &[Binding {
    keys: &[(KeyCode::Char('c'), CTRL)],
    shown: "Ctrl-C",
    action: Action::Quit,
    footer: false,
}];

/// The screen's own bindings (for footer and help).
pub fn bindings(ctx: KeyContext) -> Vec<&'static Binding> {
    let own: &[Binding] = match ctx {
        KeyContext::Route => ROUTE,
        KeyContext::StoreList => STORE_LIST,
        KeyContext::StoreListTyping => STORE_LIST_TYPING,
        KeyContext::StoreCard => STORE_CARD,
        KeyContext::Help => HELP,
        KeyContext::DemoOffer => DEMO_OFFER,
        KeyContext::VisitAudit => VISIT_AUDIT,
        KeyContext::VisitExpiry => VISIT_EXPIRY,
        KeyContext::VisitReturns => VISIT_RETURNS,
        KeyContext::VisitNotes => VISIT_NOTES,
        KeyContext::VisitCheckout => VISIT_CHECKOUT,
        KeyContext::VisitForm => VISIT_FORM,
        KeyContext::VisitReason => VISIT_REASON,
        KeyContext::VisitConfirm => VISIT_CONFIRM,
        KeyContext::Order => ORDER,
        KeyContext::OrderTyping => ORDER_TYPING,
        KeyContext::OrderRefusal => ORDER_REFUSAL,
        KeyContext::OrderConfirm => ORDER_CONFIRM,
        KeyContext::OrderReviewed => ORDER_REVIEWED,
        KeyContext::OrderSent => ORDER_SENT,
        KeyContext::Dashboard => DASHBOARD,
        KeyContext::ReviewList => REVIEW_LIST,
        KeyContext::ReviewListTyping | KeyContext::VisitDetailTyping => TYPING,
        KeyContext::VisitDetail => VISIT_DETAIL,
        KeyContext::Confirm => REVIEW_CONFIRM,
        KeyContext::Lock => LOCK,
        KeyContext::Conflicts => CONFLICTS,
        KeyContext::ConflictsTyping => TYPING,
        // the kiosk layer's keys stand alone: no Ctrl-C quit there
        KeyContext::Kiosk => return KIOSK.iter().collect(),
    };
    let moves = matches!(
        ctx,
        KeyContext::Route
            | KeyContext::StoreList
            | KeyContext::Help
            | KeyContext::VisitAudit
            | KeyContext::VisitExpiry
            | KeyContext::VisitReturns
            | KeyContext::VisitNotes
            | KeyContext::Dashboard
            | KeyContext::ReviewList
            | KeyContext::VisitDetail
            | KeyContext::Conflicts
    );
    let moves: &[Binding] = if moves { MOVE } else { &[] };
    let common = matches!(
        ctx,
        KeyContext::VisitAudit
            | KeyContext::VisitExpiry
            | KeyContext::VisitReturns
            | KeyContext::VisitNotes
            | KeyContext::VisitCheckout
    );
    let common: &[Binding] = if common { VISIT_COMMON } else { &[] };
    // the kiosk's lock screen has no Ctrl-C quit
    let global: &[Binding] = if ctx == KeyContext::Lock { &[] } else { GLOBAL };
    moves
        .iter()
        .chain(own)
        .chain(common)
        .chain(global)
        .collect()
}

/// The action a key triggers in a context, if any.
pub fn lookup(ctx: KeyContext, key: KeyEvent) -> Option<Action> {
    // Shift is part of the character for letters ('G', '?'), so compare without it.
    let mods = key.modifiers - KeyModifiers::SHIFT;
    bindings(ctx).into_iter().find_map(|b| {
        b.keys
            .iter()
            .any(|(code, m)| *code == key.code && *m == mods)
            .then_some(b.action)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn lookups() {
        assert_eq!(
            lookup(KeyContext::Route, key(KeyCode::Char('j'))),
            Some(Action::Down)
        );
        assert_eq!(
            lookup(KeyContext::Route, key(KeyCode::Char('/'))),
            Some(Action::Search)
        );
        assert_eq!(
            lookup(
                KeyContext::Route,
                KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)
            ),
            Some(Action::Bottom)
        );
        assert_eq!(
            lookup(
                KeyContext::StoreCard,
                KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
        // while typing a search, letters are text, not commands
        assert_eq!(
            lookup(KeyContext::StoreListTyping, key(KeyCode::Char('q'))),
            None
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        for ctx in [
            KeyContext::Route,
            KeyContext::StoreList,
            KeyContext::StoreListTyping,
            KeyContext::StoreCard,
            KeyContext::Help,
            KeyContext::DemoOffer,
            KeyContext::VisitAudit,
            KeyContext::VisitExpiry,
            KeyContext::VisitReturns,
            KeyContext::VisitNotes,
            KeyContext::VisitCheckout,
            KeyContext::VisitForm,
            KeyContext::VisitReason,
            KeyContext::VisitConfirm,
            KeyContext::Order,
            KeyContext::OrderTyping,
            KeyContext::OrderRefusal,
            KeyContext::OrderConfirm,
            KeyContext::OrderReviewed,
            KeyContext::OrderSent,
            KeyContext::Dashboard,
            KeyContext::ReviewList,
            KeyContext::ReviewListTyping,
            KeyContext::VisitDetail,
            KeyContext::VisitDetailTyping,
            KeyContext::Confirm,
            KeyContext::Lock,
            KeyContext::Kiosk,
        ] {
            let mut seen = std::collections::HashSet::new();
            for b in bindings(ctx) {
                for k in b.keys {
                    assert!(seen.insert(*k), "{ctx:?}: {k:?} bound twice");
                }
            }
        }
    }
}
