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
    Order,
    EditQty,
    MoreCase,
    LessCase,
    Strike,
    AddLine,
    Refusal,
    MarkReviewed,
    SendOrder,
    TrustStore,
    NewOrder,
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
            Self::Order => "key-order",
            Self::EditQty => "key-edit-qty",
            Self::MoreCase => "key-more",
            Self::LessCase => "key-less",
            Self::Strike => "key-strike",
            Self::AddLine => "key-add-line",
            Self::Refusal => "key-refusal",
            Self::MarkReviewed => "key-reviewed",
            Self::SendOrder => "key-send",
            Self::TrustStore => "key-trust",
            Self::NewOrder => "key-new-order",
        }
    }
}
