//! The shared vocabulary of keymap, help, footer and tests: what a key means.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Back,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Search,
    Help,
    StoreList,
    NextRep,
    PrevRep,
    Yes,
    No,
    Dashboard,
    Review,
    Comment,
    MarkReviewed,
    PeriodLonger,
    PeriodBack,
    PeriodForward,
    FilterStatus,
    FilterRep,
    NextField,
    Logout,
    EndKiosk,
}

impl Action {
    /// Fluent message id of the short label shown in the footer and help.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Quit => "key-quit",
            Self::Back => "key-back",
            Self::Up => "key-up",
            Self::Down => "key-down",
            Self::PageUp => "key-page-up",
            Self::PageDown => "key-page-down",
            Self::Top => "key-top",
            Self::Bottom => "key-bottom",
            Self::Open => "key-open",
            Self::Search => "key-search",
            Self::Help => "key-help",
            Self::StoreList => "key-store-list",
            Self::NextRep => "key-next-rep",
            Self::PrevRep => "key-prev-rep",
            Self::Yes => "key-yes",
            Self::No => "key-no",
            Self::Dashboard => "key-dashboard",
            Self::Review => "key-review",
            Self::Comment => "key-comment",
            Self::MarkReviewed => "key-mark-reviewed",
            Self::PeriodLonger => "key-period-longer",
            Self::PeriodBack => "key-period-back",
            Self::PeriodForward => "key-period-forward",
            Self::FilterStatus => "key-filter-status",
            Self::FilterRep => "key-filter-rep",
            Self::NextField => "key-next-field",
            Self::Logout => "key-logout",
            Self::EndKiosk => "key-end-kiosk",
        }
    }
}
