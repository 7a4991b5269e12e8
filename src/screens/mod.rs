//! Screens: each holds its own state, turns actions into effects for the
//! app, and renders itself without changing state. Every screen implements
//! [`Screen`]; the app's event pump asks the popup, then the screen, then
//! handles the global keys (help, back, quit) itself.

/// The [`Screen`] impl of a screen whose own `context`, `handle` and
/// `Widget` impl do the work; with `typed`, its `type_key` sees keys first.
macro_rules! delegate_screen {
    ($ty:ty) => {
        delegate_screen!(@impl $ty, {});
    };
    ($ty:ty, typed) => {
        delegate_screen!(@impl $ty, {
            fn on_key(&mut self, key: crossterm::event::KeyEvent) -> crate::screens::EventState {
                if self.type_key(key) {
                    crate::screens::EventState::Consumed
                } else {
                    crate::screens::EventState::NotConsumed
                }
            }
        });
    };
    (@impl $ty:ty, { $($extra:tt)* }) => {
        impl crate::screens::Screen for $ty {
            fn context(&self) -> crate::keymap::KeyContext {
                <$ty>::context(self)
            }

            $($extra)*

            fn on_action(
                &mut self,
                action: crate::keymap::Action,
            ) -> Option<crate::screens::Effect> {
                self.handle(action)
            }

            fn render(&self, area: ratatui::prelude::Rect, buf: &mut ratatui::prelude::Buffer) {
                ratatui::prelude::Widget::render(self, area, buf)
            }
        }
    };
}

pub mod client_file;
pub mod conflicts;
pub mod contact_plan;
pub mod demo_offer;
pub mod effect;
pub mod help;
pub mod order;
pub mod route;
pub mod route_map;
pub mod store_card;
pub mod store_list;
pub mod visit;

pub use client_file::{ClientFileScreen, ClientFileView};
pub use conflicts::ConflictsScreen;
pub use contact_plan::ContactPlanScreen;
pub use demo_offer::DemoOffer;
pub use effect::Effect;
pub use help::HelpOverlay;
pub use order::{OrderScreen, OrderView};
pub use route::{RouteRow, RouteScreen, RouteView};
pub use store_card::{StoreCardScreen, StoreCardView};
pub use store_list::{StoreListScreen, StoreRow};
pub use visit::{VisitScreen, VisitView};

use crate::keymap::{Action, KeyContext};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::prelude::{Buffer, Rect};

/// What a screen did with a key it was offered before the keymap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventState {
    /// Not the screen's key: the keymap looks it up.
    NotConsumed,
    /// The screen used the key (typed into a field, moved a cursor).
    Consumed,
    /// The screen used the key and asks the app for this.
    Asked(Effect),
}

/// One screen of the app, as the event pump sees it.
pub trait Screen {
    /// The key context in force now (it picks the bindings, footer and help).
    fn context(&self) -> KeyContext;

    /// A key, before the keymap: text fields and pickers take theirs here.
    fn on_key(&mut self, _key: KeyEvent) -> EventState {
        EventState::NotConsumed
    }

    /// Pasted text, for the field being typed in: each character is
    /// offered as a key; the first one no field takes ends the paste (so
    /// pasted letters never act as commands).
    fn on_paste(&mut self, text: &str) -> EventState {
        let mut state = EventState::NotConsumed;
        for c in text.chars().filter(|c| !c.is_control()) {
            match self.on_key(KeyEvent::from(KeyCode::Char(c))) {
                EventState::NotConsumed => break,
                EventState::Consumed if state == EventState::NotConsumed => {
                    state = EventState::Consumed
                }
                EventState::Consumed => {}
                asked => state = asked,
            }
        }
        state
    }

    /// An action from the keymap. `None`: not the screen's, so the app's
    /// global handling (help, back, quit) gets it.
    fn on_action(&mut self, action: Action) -> Option<Effect>;

    /// Keys left out of the footer and help right now.
    fn hidden_actions(&self) -> Vec<Action> {
        vec![]
    }

    /// Keys that do nothing right now (the pump drops them).
    fn unbound_actions(&self) -> Vec<Action> {
        vec![]
    }

    /// A message the screen has for the footer after a key.
    fn take_notice(&mut self) -> Option<String> {
        None
    }

    fn render(&self, area: Rect, buf: &mut Buffer);
}

/// Moves a selection within `len` rows by `delta`, clamped.
pub fn step(selected: usize, len: usize, delta: isize) -> usize {
    if len == 0 {
        return 0;
    }
    (selected as isize + delta).clamp(0, len as isize - 1) as usize
}

/// The new selection for a movement action in a list of `len` rows, or
/// `None` when the action is not a movement.
pub fn moved(action: Action, selected: usize, len: usize) -> Option<usize> {
    Some(match action {
        Action::Up => step(selected, len, -1),
        Action::Down => step(selected, len, 1),
        Action::PageUp => step(selected, len, -10),
        Action::PageDown => step(selected, len, 10),
        Action::Top => 0,
        Action::Bottom => len.saturating_sub(1),
        _ => return None,
    })
}
pub mod dashboard;
pub mod review_list;
pub mod visit_detail;
pub use dashboard::{DashboardScreen, DashboardView};
pub use review_list::{ReviewListScreen, ReviewRow};
pub use visit_detail::{VisitDetailScreen, VisitDetailView};
