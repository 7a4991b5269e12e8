//! Use cases: the loaders and commands that the terminal front end and the
//! command line both call. Nothing here knows of the terminal or of clap;
//! `tui`, `kiosk` and `cli` call in, and this layer calls `domain` and
//! `storage`. The loaders fill the view structs the screens draw.

pub mod bulletin;
pub mod client_file;
pub mod login;
pub mod loyalty;
pub mod views;
pub mod views_order;
mod views_order_history;
pub mod views_review;
pub mod words;
