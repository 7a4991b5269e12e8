//! The loyalty index and stores at risk, from a store's purchases (rounds
//! orders and ERP invoices), visits, drafts, payments and client file.
//! The method and its reasons are in docs/loyalty.md.

mod book;
mod calibrated;
mod evaluate;
mod gaps;
mod index;
mod purchases;
mod rhythm;
mod risk;

#[cfg(test)]
mod tests;

pub use book::book;
pub use calibrated::{Calibration, calibrate, expected_f1_threshold};
pub use evaluate::{FlagScore, MethodScore, Scored, auc, backtest, best_f1, f1, table};
pub use gaps::{Bar, Bucket, GapStats, bars, gap_stats, gaps};
pub use index::{Component, ComponentKind, Loyalty, LoyaltyInput, Side, Why, loyalty};
pub use purchases::{Purchase, Source, by_day, purchases};
pub use rhythm::{Rhythm, RhythmPrior, book_prior, rhythm, survival};
pub use risk::{BookModel, Retention, Risk, RiskReason, RiskStatus, book_risks, retention, risk};
