//! Planning the day's drive: store locations and opening hours, the day's
//! tour (by the vrp-core solver) and the week's weekday plan.

pub mod geo;
pub mod hours;
pub mod place;
pub mod plan;
pub mod polish;
pub mod week;

pub use geo::{LatLon, haversine_km};
pub use hours::{OpeningHours, Window, hhmm, parse_time};
pub use place::StorePlace;
pub use plan::{Candidate, DayPlan, Effort, NotFitting, Params, Stop, follow, plan_day};
pub use week::{WeekStore, propose_week};

/// Minutes from midnight (fractional) as HH:MM, rounded to the minute.
pub fn clock_text(minutes: f64) -> String {
    let m = minutes.round().clamp(0.0, 24.0 * 60.0 * 2.0) as u32;
    format!("{:02}:{:02}", m / 60, m % 60)
}
