//! Records that come from the ERP besides the catalog: deliveries against
//! orders, invoices (payment terms), promotions.

use super::{Money, RecordMeta};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One delivered line of an order (imported from the ERP).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeliveryLine {
    pub meta: RecordMeta,
    pub order_id: String,
    pub sku: String,
    pub qty: f64,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invoice {
    pub meta: RecordMeta,
    pub store_code: String,
    pub number: String,
    pub date: NaiveDate,
    pub due_date: NaiveDate,
    pub amount: Money,
    /// Amount paid so far.
    pub paid: Money,
}

impl Invoice {
    pub fn open_amount(&self) -> Money {
        Money(self.amount.0 - self.paid.0)
    }

    pub fn is_open(&self) -> bool {
        self.open_amount().0 > 0
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && today > self.due_date
    }
}

/// A promotion line: buy `buy_qty` of a product, get `bonus_qty` free.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Promotion {
    pub meta: RecordMeta,
    pub code: String,
    pub name: String,
    pub sku: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub buy_qty: u32,
    pub bonus_qty: u32,
}

impl Promotion {
    pub fn runs_on(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }
}
