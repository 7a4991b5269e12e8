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
    /// Which stores get it (schema 5; earlier promotions are for all).
    pub audience: Audience,
}

/// The stores a promotion is for: loyal stores get the bonuses first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    #[default]
    All,
    /// Stores whose loyalty index reaches `loyal_min_index`.
    Loyal,
    /// Stores whose drafts are trusted.
    Trusted,
    LoyalOrTrusted,
}

impl Audience {
    pub const ALL: [Self; 4] = [Self::All, Self::Loyal, Self::Trusted, Self::LoyalOrTrusted];

    pub fn key(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Loyal => "loyal",
            Self::Trusted => "trusted",
            Self::LoyalOrTrusted => "loyal_or_trusted",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim().to_lowercase().replace(['-', ' '], "_");
        Self::ALL.into_iter().find(|a| a.key() == t)
    }

    pub fn admits(self, loyal: bool, trusted: bool) -> bool {
        match self {
            Self::All => true,
            Self::Loyal => loyal,
            Self::Trusted => trusted,
            Self::LoyalOrTrusted => loyal || trusted,
        }
    }
}

impl Promotion {
    pub fn runs_on(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_audience_admits_its_stores_only() {
        assert!(Audience::All.admits(false, false));
        assert!(!Audience::Loyal.admits(false, true));
        assert!(Audience::Loyal.admits(true, false));
        assert!(!Audience::Trusted.admits(true, false));
        assert!(Audience::LoyalOrTrusted.admits(false, true));
        assert!(!Audience::LoyalOrTrusted.admits(false, false));
        assert_eq!(
            Audience::parse(" Loyal-or-trusted "),
            Some(Audience::LoyalOrTrusted)
        );
        assert_eq!(Audience::parse("vip"), None);
    }
}
