//! Reusable widgets and the theme.

pub mod footer;
pub mod popup;
pub mod theme;

pub use theme::{Role, Theme};
