//! Dates to remember: Easter, the country holiday calendars, company dates,
//! and what a store has coming up (birthdays, anniversaries, holidays).

mod calendar;
mod easter;
mod rule;
mod upcoming;

pub use calendar::{Calendar, CompanyDate, Holiday, parse_calendar};
pub use easter::{orthodox_easter, western_easter};
pub use rule::DateRule;
pub use upcoming::{DateToRemember, Occasion, StoreDates, upcoming};
