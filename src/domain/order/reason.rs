//! Why a line has its quantity, in words the rep can read to the decision maker.

use super::{RefusalReason, Seen};
use crate::domain::forecast::Method;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    pub method: Method,
    pub per_week: f64,
    pub cover_days: f64,
    pub seen: Option<Seen>,
    pub case_pack: u32,
    pub raised_out_of_stock: bool,
    pub capped_by: Option<RefusalReason>,
    pub noted_refusal: Option<RefusalReason>,
    pub topped_up: bool,
    pub promotion: Option<String>,
}

impl Default for Reason {
    fn default() -> Self {
        Self {
            method: Method::Mean,
            per_week: 0.0,
            cover_days: 0.0,
            seen: None,
            case_pack: 1,
            raised_out_of_stock: false,
            capped_by: None,
            noted_refusal: None,
            topped_up: false,
            promotion: None,
        }
    }
}

impl Reason {
    /// When the case pack, not the demand, decides the quantity: the units
    /// the cover period needs (under half a case), to say "needs 2, case of 20".
    pub fn case_minimum(&self) -> Option<i64> {
        if self.case_pack <= 1 || matches!(self.method, Method::NoSales(_)) {
            return None;
        }
        let demand = self.per_week * self.cover_days / 7.0;
        let needs = demand.ceil().max(1.0) as i64;
        (demand > 0.0 && (needs as f64) * 2.0 <= f64::from(self.case_pack)).then_some(needs)
    }
}
