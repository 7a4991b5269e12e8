//! The order record: draft → reviewed by the decision maker (accepted as is
//! or edited; the proposed and the final lines are both kept) → sent.
//! Refusals (a line struck or lowered, with why) feed the next suggestion.

use super::Reason;
use crate::domain::{Money, RecordMeta};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderState {
    Draft,
    Reviewed,
    Sent,
}

impl OrderState {
    pub fn key(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Reviewed => "reviewed",
            Self::Sent => "sent",
        }
    }
}

/// Why the decision maker struck or lowered a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefusalReason {
    Overstock,
    NoShelfSpace,
    Price,
    SlowSeller,
    Other,
}

impl RefusalReason {
    pub const ALL: [Self; 5] = [
        Self::Overstock,
        Self::NoShelfSpace,
        Self::Price,
        Self::SlowSeller,
        Self::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Overstock => "overstock",
            Self::NoShelfSpace => "no_shelf_space",
            Self::Price => "price",
            Self::SlowSeller => "slow_seller",
            Self::Other => "other",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Refusal {
    pub sku: String,
    pub suggested: u32,
    pub accepted: u32,
    pub reason: RefusalReason,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderLine {
    pub sku: String,
    pub qty: u32,
    pub bonus_qty: u32,
    pub unit_price: Money,
    /// Why the suggestion had this quantity; `None` for a line the rep added.
    pub reason: Option<Reason>,
    pub promo: Option<PromoStep>,
}

/// A running promotion on a line: every `buy` units bring `bonus` free.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromoStep {
    pub code: String,
    pub buy: u32,
    pub bonus: u32,
}

impl PromoStep {
    pub fn bonus_for(&self, qty: u32) -> u32 {
        qty.checked_div(self.buy).unwrap_or(0) * self.bonus
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub date: NaiveDate,
    pub accepted_as_is: bool,
    /// Share of proposed lines the decision maker left unchanged.
    pub unchanged_share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Order {
    pub meta: RecordMeta,
    /// Short human id, `STORE-YYYYMMDD-NN`: what the ERP's delivery file carries.
    pub number: String,
    pub store_code: String,
    pub date: NaiveDate,
    pub state: OrderState,
    /// The suggestion as drafted and shown to the decision maker.
    pub proposed: Vec<OrderLine>,
    /// The lines as they stand (after the decision maker's edits).
    pub lines: Vec<OrderLine>,
    pub refusals: Vec<Refusal>,
    pub review: Option<Review>,
    pub sent: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderError {
    /// Only a draft can be edited or reviewed.
    NotDraft,
    /// Only a reviewed order can be sent.
    NotReviewed,
    /// An order with no units cannot be sent.
    Empty,
}

/// `S001-20261124-01`: store code, date, the day's sequence for the store.
pub fn order_number(store_code: &str, date: NaiveDate, seq: u32) -> String {
    format!("{store_code}-{}-{seq:02}", date.format("%Y%m%d"))
}

impl Order {
    pub fn new(
        meta: RecordMeta,
        number: String,
        store_code: &str,
        date: NaiveDate,
        lines: Vec<OrderLine>,
    ) -> Self {
        Self {
            meta,
            number,
            store_code: store_code.to_string(),
            date,
            state: OrderState::Draft,
            proposed: lines.clone(),
            lines,
            refusals: vec![],
            review: None,
            sent: None,
        }
    }

    pub fn proposed_qty(&self, sku: &str) -> u32 {
        self.proposed
            .iter()
            .find(|l| l.sku == sku)
            .map(|l| l.qty)
            .unwrap_or(0)
    }

    /// Sets a line's quantity (adds the line if new). Returns true when the line
    /// now stands below what was proposed: the screen then asks why.
    pub fn set_qty(&mut self, sku: &str, qty: u32, price: Money) -> Result<bool, OrderError> {
        if self.state != OrderState::Draft {
            return Err(OrderError::NotDraft);
        }
        match self.lines.iter_mut().find(|l| l.sku == sku) {
            Some(line) => {
                line.qty = qty;
                // the bonus follows the quantity in whole promotion steps
                line.bonus_qty = line.promo.as_ref().map(|p| p.bonus_for(qty)).unwrap_or(0);
            }
            None => self.lines.push(OrderLine {
                sku: sku.to_string(),
                qty,
                bonus_qty: 0,
                unit_price: price,
                reason: None,
                promo: None,
            }),
        }
        let proposed = self.proposed_qty(sku);
        let lowered = qty < proposed;
        if !lowered {
            self.refusals.retain(|r| r.sku != sku);
        }
        Ok(lowered)
    }

    /// Records why a line was struck or lowered (replacing an earlier reason).
    pub fn refuse(&mut self, sku: &str, reason: RefusalReason) {
        let suggested = self.proposed_qty(sku);
        let accepted = self
            .lines
            .iter()
            .find(|l| l.sku == sku)
            .map(|l| l.qty)
            .unwrap_or(0);
        if accepted >= suggested {
            return;
        }
        self.refusals.retain(|r| r.sku != sku);
        self.refusals.push(Refusal {
            sku: sku.to_string(),
            suggested,
            accepted,
            reason,
        });
    }

    /// Share of the proposed lines (with a quantity) left unchanged.
    pub fn unchanged_share(&self) -> f64 {
        let proposed: Vec<&OrderLine> = self.proposed.iter().filter(|l| l.qty > 0).collect();
        if proposed.is_empty() {
            return 1.0;
        }
        let same = proposed
            .iter()
            .filter(|p| self.lines.iter().any(|l| l.sku == p.sku && l.qty == p.qty))
            .count();
        same as f64 / proposed.len() as f64
    }

    fn qty_map(lines: &[OrderLine]) -> Vec<(&str, u32)> {
        let mut v: Vec<(&str, u32)> = lines
            .iter()
            .filter(|l| l.qty > 0)
            .map(|l| (l.sku.as_str(), l.qty))
            .collect();
        v.sort();
        v
    }

    /// The decision maker has seen it: accepted as is when nothing changed.
    pub fn mark_reviewed(&mut self, date: NaiveDate) -> Result<(), OrderError> {
        if self.state != OrderState::Draft {
            return Err(OrderError::NotDraft);
        }
        // a lowered line without a reason still counts as refused
        let lowered: Vec<String> = self
            .proposed
            .iter()
            .filter(|p| {
                self.lines
                    .iter()
                    .find(|l| l.sku == p.sku)
                    .map(|l| l.qty)
                    .unwrap_or(0)
                    < p.qty
            })
            .filter(|p| !self.refusals.iter().any(|r| r.sku == p.sku))
            .map(|p| p.sku.clone())
            .collect();
        for sku in lowered {
            self.refuse(&sku, RefusalReason::Other);
        }
        self.review = Some(Review {
            date,
            accepted_as_is: Self::qty_map(&self.proposed) == Self::qty_map(&self.lines),
            unchanged_share: self.unchanged_share(),
        });
        self.state = OrderState::Reviewed;
        Ok(())
    }

    pub fn send(&mut self, date: NaiveDate) -> Result<(), OrderError> {
        if self.state != OrderState::Reviewed {
            return Err(OrderError::NotReviewed);
        }
        if self.units() == 0 {
            return Err(OrderError::Empty);
        }
        self.state = OrderState::Sent;
        self.sent = Some(date);
        Ok(())
    }

    pub fn line_count(&self) -> usize {
        self.lines.iter().filter(|l| l.qty > 0).count()
    }

    pub fn units(&self) -> u64 {
        self.lines.iter().map(|l| u64::from(l.qty)).sum()
    }

    /// Value at list price (bonus units are free).
    pub fn value(&self) -> Money {
        Money(
            self.lines
                .iter()
                .map(|l| l.unit_price.0 * i64::from(l.qty))
                .sum(),
        )
    }
}

#[cfg(test)]
#[path = "draft_tests.rs"]
mod tests;
