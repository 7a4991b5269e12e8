//! The terminal front end: actions, keymaps, the app that routes them, and
//! the event loop that owns the terminal.

pub mod action;
pub mod app;
pub mod keymap;
pub mod run;
pub mod views;
pub mod views_order;
mod views_order_history;
pub mod views_review;
pub mod views_visit;

pub use action::Action;
pub use app::{App, Effect};
pub use keymap::KeyContext;
