//! The suggested quantity of each must-stock line, order-up-to: the target
//! level (demand over the cover period plus safety stock) minus the stock
//! counted, rounded up to the case pack; a line with no sales stays in with
//! a reason; out-of-stock lines never at zero; last refusals cap the line;
//! running promotions add their bonus.

use super::{Reason, Refusal, RefusalReason};
use crate::domain::Promotion;
use crate::domain::forecast::{self, Forecast, Method, Prior, Series};
use serde::{Deserialize, Serialize};

/// What the shelf audit saw of a line.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Seen {
    /// Units counted on the shelf and in the backroom.
    Stock(f64),
    OutOfStock,
}

impl Seen {
    pub fn units(self) -> f64 {
        match self {
            Self::Stock(q) => q.max(0.0),
            Self::OutOfStock => 0.0,
        }
    }

    pub fn is_out(self) -> bool {
        match self {
            Self::Stock(q) => q <= 0.0,
            Self::OutOfStock => true,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct LineInput<'a> {
    pub sku: &'a str,
    pub case_pack: u32,
    /// Units per day or week before the order date, oldest first, with the
    /// periods the audit saw out of stock.
    pub history: Series<'a>,
    /// The item across stores, for a thin history (empirical Bayes).
    pub prior: Option<Prior>,
    pub seen: Option<Seen>,
    /// The decision maker's refusal of this line on the store's last order.
    pub last_refusal: Option<&'a Refusal>,
    /// A promotion running on the order date for this product.
    pub promotion: Option<&'a Promotion>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SuggestParams {
    /// Days to the next planned visit plus the delivery lead time.
    pub cover_days: f64,
    pub service_level: f64,
    /// A trusted (loyal) store gets promotion lines topped up to the bonus step.
    pub trusted: bool,
    /// A counted stock that covers the target level gives 0 (else one case).
    pub zero_when_stock_covers: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuggestedLine {
    pub sku: String,
    pub forecast: Forecast,
    pub expected_demand: f64,
    pub safety_stock: f64,
    /// Demand plus safety stock: what the shelf should hold.
    pub target_level: f64,
    /// What is still missing to the target after the stock counted.
    pub need: f64,
    pub stock_seen: Option<f64>,
    pub suggested_qty: u32,
    pub bonus_qty: u32,
    pub reason: Reason,
}

impl SuggestedLine {
    /// A must-stock line that sold nothing in its history: kept in the
    /// order at its quantity (often 0) so the rep checks the shelf.
    pub fn is_no_sales(&self) -> bool {
        matches!(self.forecast.method, Method::NoSales(_))
    }
}

/// Cover period: days until the next planned visit plus the lead time (≥ 1 day).
pub fn cover_days(days_to_next_visit: i64, lead_days: i64) -> i64 {
    (days_to_next_visit.max(0) + lead_days.max(0)).max(1)
}

fn round_up_to_pack(units: f64, pack: u32) -> u32 {
    let pack = pack.max(1);
    if units <= 1e-9 {
        return 0;
    }
    let cases = (units / f64::from(pack) - 1e-9).ceil().max(0.0);
    (cases as u32).saturating_mul(pack)
}

/// One line's suggestion.
pub fn suggest_line(line: &LineInput<'_>, p: &SuggestParams) -> SuggestedLine {
    let forecast = forecast::estimate_series(&line.history, line.prior);
    suggest_from(line, p, forecast)
}

pub(super) fn suggest_from(line: &LineInput<'_>, p: &SuggestParams, f: Forecast) -> SuggestedLine {
    let pack = line.case_pack.max(1);
    let demand = f.demand_over(p.cover_days);
    let safety = f.safety_stock(p.cover_days, p.service_level);
    let target = demand + safety;
    let seen_units = line.seen.map(Seen::units).unwrap_or(0.0);
    let need = (target - seen_units).max(0.0);
    let mut qty = round_up_to_pack(need, pack);
    // a counted stock that covers the target: 0, unless the company keeps a case coming
    let counted = matches!(line.seen, Some(Seen::Stock(q)) if q > 0.0);
    if counted && qty == 0 && !p.zero_when_stock_covers && !matches!(f.method, Method::NoSales(_)) {
        qty = pack;
    }
    let mut reason = Reason {
        method: f.method,
        per_week: f.per_week,
        cover_days: p.cover_days,
        seen: line.seen,
        case_pack: pack,
        ..Reason::default()
    };
    // a refusal for stock or shelf reasons caps the line at what was accepted
    if let Some(r) = line.last_refusal
        && matches!(
            r.reason,
            RefusalReason::Overstock | RefusalReason::NoShelfSpace | RefusalReason::SlowSeller
        )
    {
        let cap = round_up_to_pack(f64::from(r.accepted), pack);
        if qty > cap {
            qty = cap;
            reason.capped_by = Some(r.reason);
        }
    } else if let Some(r) = line.last_refusal {
        reason.noted_refusal = Some(r.reason);
    }
    // an empty shelf sells nothing: never leave it at zero
    if line.seen.is_some_and(Seen::is_out) && qty == 0 {
        qty = pack;
        reason.raised_out_of_stock = true;
    }
    let mut bonus = 0;
    if let Some(promo) = line.promotion.filter(|pr| pr.buy_qty > 0) {
        // loyal stores first: a trusted store is topped up to the promotion's step
        // when its demand covers at least half of it
        if p.trusted && qty < promo.buy_qty && need >= f64::from(promo.buy_qty) / 2.0 {
            qty = round_up_to_pack(f64::from(promo.buy_qty), pack);
            reason.topped_up = true;
        }
        bonus = qty / promo.buy_qty * promo.bonus_qty;
        if bonus > 0 {
            reason.promotion = Some(promo.code.clone());
        }
    }
    SuggestedLine {
        sku: line.sku.to_string(),
        forecast: f,
        expected_demand: demand,
        safety_stock: safety,
        target_level: target,
        need,
        stock_seen: line.seen.map(Seen::units),
        suggested_qty: qty,
        bonus_qty: bonus,
        reason,
    }
}

/// The whole suggestion, in the order of `lines`.
pub fn suggest(lines: &[LineInput<'_>], p: &SuggestParams) -> Vec<SuggestedLine> {
    lines.iter().map(|l| suggest_line(l, p)).collect()
}

#[cfg(test)]
#[path = "suggest_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "fault_tests.rs"]
mod fault_tests;
