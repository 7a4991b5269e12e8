//! The deterministic demo dataset: the same `today` always gives the same data.
//! Its source lists (reps, stores, products, markets) live in assets/demo.

mod client_file;
mod generate;
mod history;
pub mod large;
mod lists;
pub mod places;
pub mod users;

pub use generate::{DemoSummary, build, load};
