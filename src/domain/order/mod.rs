//! The order a rep drafts for a store: the suggestion from sales history and
//! the shelf, the decision maker's review, refusals, trust and fill rate.

mod draft;
mod fill_rate;
mod history;
mod qty;
mod reason;
mod suggest;
mod terms;
mod trust;

pub use draft::{
    Order, OrderError, OrderLine, OrderState, PromoStep, Refusal, RefusalReason, Review,
    order_number,
};
pub use fill_rate::{FillRate, fill_rate, to_chase};
pub use history::{POOL_BELOW_DAYS, Window};
pub use qty::{MAX_CASES, QtyError, QtyOk, check_qty, max_qty};
pub use reason::Reason;
pub use suggest::{
    LineInput, Seen, SuggestParams, SuggestedLine, cover_days, suggest, suggest_line,
};
pub use terms::{PaymentTerms, payment_terms};
pub use trust::{Acceptance, acceptance};
