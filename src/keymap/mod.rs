//! Keys are data: each screen's bindings with the action they trigger,
//! read from the embedded `default.toml` and, for the laptop, a user's
//! `keymap.toml` over it. The footer and the `?` help are generated from
//! these tables (the key text from the key codes), so they cannot drift
//! from what the keys do.

pub mod action;
pub mod key;
mod load;

pub use action::Action;
pub use key::Key;
pub use load::KeymapError;

use crossterm::event::{KeyEvent, KeyModifiers};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{LazyLock, OnceLock};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// The client file of a store.
    ClientFile,
    /// Choosing a numbered option while logging (kind, reason, channel...).
    ClientPick,
    /// Typing in a client-file form (a person, an entry's text).
    ClientForm,
    ContactPlan,
}

impl KeyContext {
    pub const ALL: &'static [KeyContext] = &[
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
        KeyContext::Conflicts,
        KeyContext::ConflictsTyping,
        KeyContext::ClientFile,
        KeyContext::ClientPick,
        KeyContext::ClientForm,
        KeyContext::ContactPlan,
    ];
}

/// One binding: the keys, the action, and whether the footer shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<Key>,
    /// What the footer and help show for the keys ("↓/j"), derived from them.
    pub shown: String,
    pub action: Action,
    /// Shown in the footer (the rest only in `?` help).
    pub footer: bool,
}

/// Which layers make up a context, in the order the footer lists them.
struct Layout {
    /// The context's own layer (a table of `default.toml`).
    own: &'static str,
    /// Where the list moves go among the own keys (None: no list).
    moves: Option<usize>,
    /// The keys every visit step shares come after the own keys.
    visit_common: bool,
    /// Ctrl-C quit (not in the kiosk).
    global: bool,
}

fn layout(ctx: KeyContext) -> Layout {
    use KeyContext as C;
    let (own, moves, visit_common) = match ctx {
        C::Route => ("route", Some(0), false),
        C::StoreList => ("store_list", Some(0), false),
        C::StoreListTyping => ("store_list_typing", None, false),
        C::StoreCard => ("store_card", None, false),
        C::Help => ("help", Some(0), false),
        C::DemoOffer | C::OrderConfirm | C::Confirm => ("confirm", None, false),
        C::VisitAudit => ("visit_audit", Some(0), true),
        C::VisitExpiry => ("visit_expiry", Some(0), true),
        C::VisitReturns => ("visit_returns", Some(0), true),
        C::VisitNotes => ("visit_notes", Some(0), true),
        C::VisitCheckout => ("visit_checkout", None, true),
        C::VisitForm => ("visit_form", None, false),
        C::VisitReason => ("visit_reason", None, false),
        C::VisitConfirm => ("visit_confirm", None, false),
        // an order's moves come after its first keys, so a long status line
        // never pushes `v` or `Esc` out of the footer
        C::Order => ("order", Some(3), false),
        C::OrderReviewed => ("order_reviewed", Some(2), false),
        C::OrderSent => ("order_sent", Some(2), false),
        C::OrderTyping => ("order_typing", None, false),
        C::OrderRefusal => ("order_refusal", None, false),
        C::Dashboard => ("dashboard", Some(0), false),
        C::ReviewList => ("review_list", Some(0), false),
        C::ReviewListTyping | C::VisitDetailTyping | C::ConflictsTyping => ("typing", None, false),
        C::VisitDetail => ("visit_detail", Some(0), false),
        C::Conflicts => ("conflicts", Some(0), false),
        C::ClientFile => ("client_file", Some(4), false),
        C::ClientPick => ("client_pick", None, false),
        C::ClientForm => ("client_form", None, false),
        C::ContactPlan => ("contact_plan", Some(3), false),
        C::Lock => ("lock", None, false),
        C::Kiosk => ("kiosk", None, false),
    };
    Layout {
        own,
        moves,
        visit_common,
        // the kiosk's layers have no Ctrl-C quit
        global: !matches!(ctx, C::Lock | C::Kiosk),
    }
}

/// Layers a user file may not change: the kiosk's (a shared device keeps
/// its keys whoever set up the laptop profile).
pub const LOCKED_LAYERS: &[&str] = &["kiosk", "lock"];

/// Every layer's bindings, by layer name.
#[derive(Debug, Clone)]
pub struct Keymap {
    layers: HashMap<String, Vec<Binding>>,
}

const DEFAULTS: &str = include_str!("default.toml");

impl Keymap {
    /// The embedded defaults.
    pub fn defaults() -> Keymap {
        load::parse_defaults(DEFAULTS).expect("the embedded keymap is valid")
    }

    /// The defaults with a user's file over them; on any error the file is
    /// refused whole (the defaults stay) and the error names the line.
    pub fn with_user(text: &str) -> Result<Keymap, KeymapError> {
        let mut map = Keymap::defaults();
        load::apply_user(&mut map, text)?;
        Ok(map)
    }

    fn layer(&self, name: &str) -> &[Binding] {
        self.layers.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The context's bindings, in footer order.
    pub fn bindings(&self, ctx: KeyContext) -> Vec<&Binding> {
        let l = layout(ctx);
        let own = self.layer(l.own);
        let at = l.moves.unwrap_or(0).min(own.len());
        let moves = if l.moves.is_some() {
            self.layer("moves")
        } else {
            &[]
        };
        let common = if l.visit_common {
            self.layer("visit_common")
        } else {
            &[]
        };
        let global = if l.global { self.layer("global") } else { &[] };
        own[..at]
            .iter()
            .chain(moves)
            .chain(&own[at..])
            .chain(common)
            .chain(global)
            .collect()
    }

    /// The action a key triggers in a context, if any. The context's own
    /// layer is asked first, so a user's binding there wins over a shared one.
    pub fn lookup(&self, ctx: KeyContext, key: KeyEvent) -> Option<Action> {
        // Shift is part of the character for letters ('G', '?'), so compare without it.
        let mods = key.modifiers - KeyModifiers::SHIFT;
        let hit = |b: &Binding| {
            b.keys
                .iter()
                .any(|(code, m)| *code == key.code && *m == mods)
        };
        let l = layout(ctx);
        if let Some(b) = self.layer(l.own).iter().find(|b| hit(b)) {
            return Some(b.action);
        }
        self.bindings(ctx)
            .into_iter()
            .find(|b| hit(b))
            .map(|b| b.action)
    }
}

static DEFAULT: LazyLock<Keymap> = LazyLock::new(Keymap::defaults);
static CURRENT: OnceLock<Keymap> = OnceLock::new();

/// The embedded defaults (the kiosk always uses these).
pub fn defaults() -> &'static Keymap {
    &DEFAULT
}

/// The keymap in force: the user's, once installed, else the defaults.
pub fn current() -> &'static Keymap {
    CURRENT.get().unwrap_or(&DEFAULT)
}

/// Reads `keymap.toml` from the config directory, if there is one, and
/// puts it in force. Returns what was wrong with it (the defaults stay).
pub fn install_user(config_dir: Option<&Path>) -> Option<String> {
    let path = config_dir?.join("keymap.toml");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => return Some(format!("{}: {e}", path.display())),
    };
    match Keymap::with_user(&text) {
        Ok(map) => {
            let _ = CURRENT.set(map);
            None
        }
        Err(e) => {
            tracing::warn!(error = %e, "keymap.toml refused; the default keys stay");
            Some(format!("{}: {e}", path.display()))
        }
    }
}

/// The bindings in force for a context (for footer and help).
pub fn bindings(ctx: KeyContext) -> Vec<&'static Binding> {
    current().bindings(ctx)
}

/// The action a key triggers in a context with the bindings in force.
pub fn lookup(ctx: KeyContext, key: KeyEvent) -> Option<Action> {
    current().lookup(ctx, key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyCode;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn lookups() {
        let m = Keymap::defaults();
        assert_eq!(
            m.lookup(KeyContext::Route, key(KeyCode::Char('j'))),
            Some(Action::Down)
        );
        assert_eq!(
            m.lookup(KeyContext::Route, key(KeyCode::Char('/'))),
            Some(Action::Search)
        );
        assert_eq!(
            m.lookup(
                KeyContext::Route,
                KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)
            ),
            Some(Action::Bottom)
        );
        assert_eq!(
            m.lookup(
                KeyContext::StoreCard,
                KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
        // while typing a search, letters are text, not commands
        assert_eq!(
            m.lookup(KeyContext::StoreListTyping, key(KeyCode::Char('q'))),
            None
        );
        // the pickers' digits are bindings too
        assert_eq!(
            m.lookup(KeyContext::OrderRefusal, key(KeyCode::Char('5'))),
            Some(Action::Pick5)
        );
        assert_eq!(
            m.lookup(KeyContext::VisitAudit, key(KeyCode::Char('7'))),
            Some(Action::Scan)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        let m = Keymap::defaults();
        for ctx in KeyContext::ALL {
            let mut seen = std::collections::HashSet::new();
            for b in m.bindings(*ctx) {
                for k in &b.keys {
                    assert!(seen.insert(*k), "{ctx:?}: {k:?} bound twice");
                }
            }
        }
    }

    #[test]
    fn the_kiosk_has_no_ctrl_c() {
        let m = Keymap::defaults();
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(m.lookup(KeyContext::Lock, ctrl_c), None);
        assert_eq!(m.lookup(KeyContext::Kiosk, ctrl_c), None);
    }

    #[test]
    fn a_user_file_rebinds_by_layer_and_action() {
        let m = Keymap::with_user("[route]\nquit = [\"x\"]\n").unwrap();
        assert_eq!(
            m.lookup(KeyContext::Route, key(KeyCode::Char('x'))),
            Some(Action::Quit)
        );
        assert_eq!(m.lookup(KeyContext::Route, key(KeyCode::Char('q'))), None);
        let quit = m
            .bindings(KeyContext::Route)
            .into_iter()
            .find(|b| b.action == Action::Quit && b.footer)
            .unwrap();
        assert_eq!(quit.shown, "x");
        // other screens keep their keys
        assert_eq!(
            m.lookup(KeyContext::StoreList, key(KeyCode::Char('q'))),
            Some(Action::Quit)
        );
    }

    #[test]
    fn a_bad_user_file_says_which_line_and_changes_nothing() {
        for (text, line, says) in [
            ("[route]\nquit = [\"x\"]\nfly = [\"f\"]\n", 3, "fly"),
            ("[route]\n\nquit = [\"<Nope>\"]\n", 3, "<Nope>"),
            ("[nowhere]\nquit = [\"x\"]\n", 1, "nowhere"),
            ("[kiosk]\nlogout = [\"x\"]\n", 1, "kiosk"),
            ("[route]\nquit = [\"x\"\n", 2, ""),
            ("[route]\ndown = [\"n\"]\n", 2, "moves"),
        ] {
            let e = Keymap::with_user(text).unwrap_err();
            assert_eq!(e.line, Some(line), "{text}: {e}");
            assert!(e.to_string().contains(says), "{text}: {e}");
            assert!(e.to_string().contains(&format!("line {line}")), "{e}");
        }
    }
}
