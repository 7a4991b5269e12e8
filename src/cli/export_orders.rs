//! `rounds export orders`: the orders for the ERP or a spreadsheet. CSV has one
//! row per order line (with the proposed quantity, so edits show); JSON nests
//! each order with its lines, refusals and review.

use super::args::ExportFormat;
use super::export::write_records;
use crate::domain::Money;
use crate::domain::order::{Order, OrderLine};
use crate::exchange::export_rows::DateRange;
use crate::storage::Database;
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;

#[derive(Debug, Serialize)]
pub struct OrderLineRow {
    pub order_number: String,
    pub store_code: String,
    pub date: String,
    pub state: &'static str,
    pub sent_date: String,
    pub sku: String,
    pub ean: String,
    pub qty: u32,
    pub bonus_qty: u32,
    pub unit_price: String,
    pub line_value: String,
    pub proposed_qty: u32,
    pub refusal_reason: String,
}

#[derive(Serialize)]
pub struct LineJson {
    sku: String,
    ean: String,
    qty: u32,
    proposed_qty: u32,
    bonus_qty: u32,
    unit_price: String,
    line_value: String,
    promo: Option<String>,
}

#[derive(Serialize)]
pub struct RefusalJson {
    sku: String,
    suggested: u32,
    accepted: u32,
    reason: &'static str,
}

#[derive(Serialize)]
pub struct ReviewJson {
    date: String,
    accepted_as_is: bool,
    unchanged_share: f64,
}

#[derive(Serialize)]
pub struct OrderJson {
    number: String,
    store_code: String,
    date: String,
    state: &'static str,
    sent_date: Option<String>,
    lines: usize,
    units: u64,
    value: String,
    order_lines: Vec<LineJson>,
    refusals: Vec<RefusalJson>,
    review: Option<ReviewJson>,
}

fn day(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn line_value(l: &OrderLine) -> Money {
    Money(l.unit_price.0 * i64::from(l.qty))
}

/// Orders dated within the range, by number.
fn orders(db: &Database, range: DateRange) -> crate::storage::Result<Vec<Order>> {
    Ok(db
        .all_orders()?
        .into_iter()
        .filter(|o| range.contains(o.date))
        .collect())
}

/// One row per line of every order in the range (struck lines too, with qty 0).
pub fn line_rows(db: &Database, range: DateRange) -> anyhow::Result<Vec<OrderLineRow>> {
    let eans = eans(db)?;
    let mut out = Vec::new();
    for o in orders(db, range)? {
        for l in &o.lines {
            out.push(OrderLineRow {
                order_number: o.number.clone(),
                store_code: o.store_code.clone(),
                date: day(o.date),
                state: o.state.key(),
                sent_date: o.sent.map(day).unwrap_or_default(),
                sku: l.sku.clone(),
                ean: eans.get(&l.sku).cloned().unwrap_or_default(),
                qty: l.qty,
                bonus_qty: l.bonus_qty,
                unit_price: l.unit_price.to_string(),
                line_value: line_value(l).to_string(),
                proposed_qty: o.proposed_qty(&l.sku),
                refusal_reason: o
                    .refusals
                    .iter()
                    .find(|r| r.sku == l.sku)
                    .map(|r| r.reason.key().to_string())
                    .unwrap_or_default(),
            });
        }
    }
    Ok(out)
}

fn eans(db: &Database) -> anyhow::Result<HashMap<String, String>> {
    Ok(db
        .products()?
        .into_iter()
        .map(|p| (p.sku, p.ean.to_string()))
        .collect())
}

fn order_json(o: &Order, eans: &HashMap<String, String>) -> OrderJson {
    OrderJson {
        number: o.number.clone(),
        store_code: o.store_code.clone(),
        date: day(o.date),
        state: o.state.key(),
        sent_date: o.sent.map(day),
        lines: o.line_count(),
        units: o.units(),
        value: o.value().to_string(),
        order_lines: o
            .lines
            .iter()
            .map(|l| LineJson {
                sku: l.sku.clone(),
                ean: eans.get(&l.sku).cloned().unwrap_or_default(),
                qty: l.qty,
                proposed_qty: o.proposed_qty(&l.sku),
                bonus_qty: l.bonus_qty,
                unit_price: l.unit_price.to_string(),
                line_value: line_value(l).to_string(),
                promo: l.promo.as_ref().map(|p| p.code.clone()),
            })
            .collect(),
        refusals: o
            .refusals
            .iter()
            .map(|r| RefusalJson {
                sku: r.sku.clone(),
                suggested: r.suggested,
                accepted: r.accepted,
                reason: r.reason.key(),
            })
            .collect(),
        review: o.review.as_ref().map(|r| ReviewJson {
            date: day(r.date),
            accepted_as_is: r.accepted_as_is,
            unchanged_share: r.unchanged_share,
        }),
    }
}

/// Reads everything first, so the file is written from memory in one go.
pub enum Prepared {
    Lines(Vec<OrderLineRow>),
    Nested(Vec<OrderJson>),
}

pub fn prepare(db: &Database, range: DateRange, format: ExportFormat) -> anyhow::Result<Prepared> {
    Ok(match format {
        ExportFormat::Csv => Prepared::Lines(line_rows(db, range)?),
        ExportFormat::Json => {
            let eans = eans(db)?;
            Prepared::Nested(
                orders(db, range)?
                    .iter()
                    .map(|o| order_json(o, &eans))
                    .collect(),
            )
        }
    })
}

pub fn write(prepared: &Prepared, format: ExportFormat, out: &mut dyn Write) -> anyhow::Result<()> {
    match prepared {
        Prepared::Lines(rows) => write_records(rows, format, out),
        Prepared::Nested(orders) => write_records(orders, format, out),
    }
}
