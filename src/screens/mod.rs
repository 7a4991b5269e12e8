//! Screens: each holds its own state, turns actions into effects for the
//! app, and renders itself without changing state.

pub mod conflicts;
pub mod demo_offer;
pub mod help;
pub mod order;
pub mod route;
pub mod route_map;
pub mod store_card;
pub mod store_list;
pub mod visit;

pub use conflicts::ConflictsScreen;
pub use demo_offer::DemoOffer;
pub use help::HelpOverlay;
pub use order::{OrderScreen, OrderView};
pub use route::{RouteRow, RouteScreen, RouteView};
pub use store_card::{StoreCardScreen, StoreCardView};
pub use store_list::{StoreListScreen, StoreRow};
pub use visit::{VisitScreen, VisitView};

/// Moves a selection within `len` rows by `delta`, clamped.
pub fn step(selected: usize, len: usize, delta: isize) -> usize {
    if len == 0 {
        return 0;
    }
    (selected as isize + delta).clamp(0, len as isize - 1) as usize
}

/// The new selection for a movement action in a list of `len` rows, or
/// `None` when the action is not a movement.
pub fn moved(action: crate::tui::Action, selected: usize, len: usize) -> Option<usize> {
    use crate::tui::Action;
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
