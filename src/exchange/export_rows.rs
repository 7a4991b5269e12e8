//! Rows for `rounds export` of the ERP-side records (the same columns the
//! importers read, so a file exported here imports back), with a date range.

use crate::domain::Money;
use crate::storage::{Database, Result};
use chrono::NaiveDate;
use serde::Serialize;

/// `--from` / `--to`, both days included; either may be open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DateRange {
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| day >= f) && self.to.is_none_or(|t| day <= t)
    }

    /// Does `[start, end]` share a day with the range?
    pub fn overlaps(&self, start: NaiveDate, end: NaiveDate) -> bool {
        self.from.is_none_or(|f| end >= f) && self.to.is_none_or(|t| start <= t)
    }
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn amount(m: Money) -> String {
    m.to_string()
}

#[derive(Serialize)]
pub struct SaleRow {
    store_code: String,
    sku: String,
    date: String,
    qty: f32,
}

pub fn sales(db: &Database, range: DateRange) -> Result<Vec<SaleRow>> {
    let mut out = Vec::new();
    for s in db.all_sales()? {
        for p in &s.points {
            let d = p.date();
            if range.contains(d) {
                out.push(SaleRow {
                    store_code: s.store_code.clone(),
                    sku: s.sku.clone(),
                    date: day(d),
                    qty: p.qty,
                });
            }
        }
    }
    Ok(out)
}

#[derive(Serialize)]
pub struct DeliveryRow {
    order_id: String,
    sku: String,
    qty: f64,
    date: String,
}

pub fn deliveries(db: &Database, range: DateRange) -> Result<Vec<DeliveryRow>> {
    Ok(db
        .all_deliveries()?
        .into_iter()
        .filter(|d| range.contains(d.date))
        .map(|d| DeliveryRow {
            order_id: d.order_id,
            sku: d.sku,
            qty: d.qty,
            date: day(d.date),
        })
        .collect())
}

#[derive(Serialize)]
pub struct InvoiceRow {
    store_code: String,
    number: String,
    date: String,
    due_date: String,
    amount: String,
    paid: String,
}

pub fn invoices(db: &Database, range: DateRange) -> Result<Vec<InvoiceRow>> {
    Ok(db
        .all_invoices()?
        .into_iter()
        .filter(|i| range.contains(i.date))
        .map(|i| InvoiceRow {
            store_code: i.store_code,
            number: i.number,
            date: day(i.date),
            due_date: day(i.due_date),
            amount: amount(i.amount),
            paid: amount(i.paid),
        })
        .collect())
}

#[derive(Serialize)]
pub struct PromotionRow {
    code: String,
    name: String,
    sku: String,
    from: String,
    to: String,
    buy_qty: u32,
    bonus_qty: u32,
    audience: &'static str,
}

pub fn promotions(db: &Database, range: DateRange) -> Result<Vec<PromotionRow>> {
    Ok(db
        .promotions()?
        .into_iter()
        .filter(|p| range.overlaps(p.from, p.to))
        .map(|p| PromotionRow {
            code: p.code,
            name: p.name,
            sku: p.sku,
            from: day(p.from),
            to: day(p.to),
            buy_qty: p.buy_qty,
            bonus_qty: p.bonus_qty,
            audience: p.audience.key(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn ranges_include_both_ends() {
        let r = DateRange {
            from: Some(d(1, 10)),
            to: Some(d(1, 20)),
        };
        let cases = [
            (d(1, 9), false),
            (d(1, 10), true),
            (d(1, 20), true),
            (d(1, 21), false),
        ];
        for (day, inside) in cases {
            assert_eq!(r.contains(day), inside, "{day}");
        }
        assert!(DateRange::default().contains(d(5, 5)));
        assert!(r.overlaps(d(1, 1), d(1, 10)));
        assert!(!r.overlaps(d(1, 21), d(2, 1)));
    }
}
