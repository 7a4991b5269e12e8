//! The office kiosk: a layer over the same screens with its own keymap and
//! the high-contrast theme. It starts locked, logs a user in with a PIN,
//! locks again when idle or on F12, and only a supervisor's PIN ends it.

pub mod inbox;
pub mod layer;
pub mod lock;
pub mod run;

pub use layer::Kiosk;
pub use run::run_kiosk;
