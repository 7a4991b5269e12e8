//! The terminal front end: actions, keymaps, the app that routes them, and
//! the event loop that owns the terminal.

pub mod app;
pub mod run;
pub mod views_visit;

pub use crate::keymap;
pub use crate::keymap::Action;
pub use crate::screens::Effect;
pub use app::App;
pub use keymap::KeyContext;
