//! Importers of deliveries (against orders), invoices and promotions.

use super::cells;
use super::job::{ImportError, ImportReport, Job, known};
use super::table::Spec;
use super::upsert::{Tally, placeholder, settle_all};
use crate::domain::{DeliveryLine, Invoice, Money, Promotion};
use chrono::Duration;
use std::collections::HashMap;

pub const DELIVERIES: Spec = Spec {
    columns: &["order_id", "sku", "qty", "date"],
    required: &["order_id", "sku", "qty", "date"],
};

pub fn deliveries(job: &Job<'_>) -> Result<ImportReport, ImportError> {
    let skus = job.skus()?;
    let mut incoming = Vec::new();
    let meta = placeholder(&job.stamp);
    let (rows, _) = job.rows(&DELIVERIES, |row| {
        let order = row.code("order_id");
        if let Some(order) = order
            && !(job.order_exists)(order)
        {
            row.problem(
                "order_id",
                crate::t!("import-unknown-order", code = cells::shown(order)),
            );
        }
        let sku = known(row, "sku", &skus, "product");
        let qty = row.parse("qty", cells::quantity);
        let date = row.parse("date", cells::date);
        if let (Some(order_id), Some(sku), Some(qty), Some(date)) = (order, sku, qty, date) {
            incoming.push(DeliveryLine {
                meta: meta.clone(),
                order_id: order_id.to_string(),
                sku,
                qty,
                date,
            });
        }
    })?;
    let mut tally = Tally::default();
    let write = settle_all(
        incoming,
        &job.stamp,
        &mut tally,
        |l| job.db.delivery(&l.order_id, &l.sku, l.date),
        |_, _| {},
    )?;
    if !job.dry_run && !write.is_empty() {
        job.db.put_deliveries(&write)?;
    }
    Ok(job.report(rows, tally))
}

pub const INVOICES: Spec = Spec {
    columns: &["store_code", "number", "date", "due_date", "amount", "paid"],
    required: &["store_code", "number", "date", "amount"],
};

pub fn invoices(job: &Job<'_>) -> Result<ImportReport, ImportError> {
    let deferral: HashMap<String, u16> = job
        .db
        .stores()?
        .into_iter()
        .map(|s| (s.code, s.deferral_days))
        .collect();
    let stores = deferral.keys().cloned().collect();
    let mut incoming = Vec::new();
    let meta = placeholder(&job.stamp);
    let (rows, present) = job.rows(&INVOICES, |row| {
        let store = known(row, "store_code", &stores, "store");
        let number = row.code("number");
        let date = row.parse("date", cells::date);
        // without a due date the store's payment terms give it
        let due = match (row.text("due_date"), date, &store) {
            ("", Some(date), Some(store)) => {
                Some(date + Duration::days(i64::from(deferral.get(store).copied().unwrap_or(0))))
            }
            ("", _, _) => None,
            _ => row.parse("due_date", cells::date),
        };
        if let (Some(date), Some(due)) = (date, due)
            && due < date
        {
            row.problem("due_date", crate::t!("import-due-before-date"));
        }
        let amount = row.parse("amount", cells::money);
        let paid = row.parse_or("paid", Money(0), cells::money);
        if let (
            Some(store_code),
            Some(number),
            Some(date),
            Some(due_date),
            Some(amount),
            Some(paid),
        ) = (store, number, date, due, amount, paid)
        {
            incoming.push(Invoice {
                meta: meta.clone(),
                store_code,
                number: number.to_string(),
                date,
                due_date,
                amount,
                paid,
            });
        }
    })?;
    let mut tally = Tally::default();
    let write = settle_all(
        incoming,
        &job.stamp,
        &mut tally,
        |i| job.db.invoice(&i.store_code, &i.number),
        |new, old| crate::keep_absent!(present, new, old, due_date, paid),
    )?;
    if !job.dry_run && !write.is_empty() {
        job.db.put_invoices(&write)?;
    }
    Ok(job.report(rows, tally))
}

pub const PROMOTIONS: Spec = Spec {
    columns: &[
        "code",
        "name",
        "sku",
        "from",
        "to",
        "buy_qty",
        "bonus_qty",
        "audience",
    ],
    required: &["code", "sku", "from", "to"],
};

pub fn promotions(job: &Job<'_>) -> Result<ImportReport, ImportError> {
    let skus = job.skus()?;
    let default_audience = job.db.settings()?.promotion_audience;
    let mut incoming = Vec::new();
    let meta = placeholder(&job.stamp);
    let (rows, present) = job.rows(&PROMOTIONS, |row| {
        let code = row.code("code");
        let sku = known(row, "sku", &skus, "product");
        let from = row.parse("from", cells::date);
        let to = row.parse("to", cells::date);
        if let (Some(from), Some(to)) = (from, to)
            && to < from
        {
            row.problem("to", crate::t!("import-to-before-from"));
        }
        let buy = row.parse_or("buy_qty", 1, cells::count);
        if buy == Some(0) {
            row.problem("buy_qty", crate::t!("import-zero-buy-qty"));
        }
        let bonus = row.parse_or("bonus_qty", 0, cells::count);
        let audience = match row.text("audience").trim() {
            "" => Some(default_audience),
            text => {
                let a = crate::domain::Audience::parse(text);
                if a.is_none() {
                    row.problem(
                        "audience",
                        crate::t!("import-bad-audience", value = text.to_string()),
                    );
                }
                a
            }
        };
        if let (
            Some(code),
            Some(sku),
            Some(from),
            Some(to),
            Some(buy_qty @ 1..),
            Some(bonus_qty),
            Some(audience),
        ) = (code, sku, from, to, buy, bonus, audience)
        {
            incoming.push(Promotion {
                meta: meta.clone(),
                code: code.to_string(),
                name: row.text("name").to_string(),
                sku,
                from,
                to,
                buy_qty,
                bonus_qty,
                audience,
            });
        }
    })?;
    let mut tally = Tally::default();
    let write = settle_all(
        incoming,
        &job.stamp,
        &mut tally,
        |p| job.db.promotion(&p.code, &p.sku),
        |new, old| crate::keep_absent!(present, new, old, name, buy_qty, bonus_qty, audience),
    )?;
    if !job.dry_run && !write.is_empty() {
        job.db.put_promotions(&write)?;
    }
    Ok(job.report(rows, tally))
}
