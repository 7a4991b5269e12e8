//! The order suggestion takes the shelf audit of the day into account: a line
//! the audit found missing (not ordered / not delivered) is out of stock and
//! never suggested at zero; the command line gives the same answer.

mod common;
use chrono::{NaiveDate, TimeZone, Utc};
use common::DataDir;
use rounds::domain::order::Seen;
use rounds::domain::visit::{AuditLine, MissingReason, VisitWrite};
use rounds::domain::{RecordMeta, Stamp};
use rounds::service::views_order;
use rounds::storage::Database;

#[test]
fn a_line_missing_in_todays_audit_is_ordered() {
    let data = DataDir::with_demo();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap();
    let (sku, pack) = {
        let db = Database::open(data.path()).unwrap();
        let before = views_order::store_suggestion(&db, "S002", today, None)
            .unwrap()
            .unwrap();
        assert!(
            before.rows.iter().all(|r| r.line.reason.seen.is_none()),
            "no audit yet"
        );
        // the line with the smallest suggestion: the audit should raise it
        let row = before
            .rows
            .iter()
            .min_by_key(|r| r.line.suggested_qty)
            .unwrap();
        let sku = row.product.sku.clone();
        let (visit, _) = db.start_or_resume_visit("S002", "R01", today, now).unwrap();
        let stamp = Stamp {
            by: "R01".into(),
            device: db.device().into(),
            at: now,
        };
        let line = AuditLine {
            meta: RecordMeta::fresh("R01", db.device(), now),
            visit_id: visit.meta.id,
            sku: sku.clone(),
            on_shelf: false,
            facings: None,
            price_seen: None,
            missing: Some(MissingReason::NotDelivered),
            stock: None,
        };
        db.apply_visit_writes(visit.meta.id, &[VisitWrite::Audit(line)], &stamp)
            .unwrap();
        let after = views_order::store_suggestion(&db, "S002", today, None)
            .unwrap()
            .unwrap();
        let row = after.rows.iter().find(|r| r.product.sku == sku).unwrap();
        assert_eq!(row.line.reason.seen, Some(Seen::OutOfStock));
        assert!(
            row.line.suggested_qty >= row.product.case_pack,
            "{}",
            row.line.suggested_qty
        );
        (sku, row.product.case_pack)
    };
    let json: serde_json::Value = serde_json::from_str(&data.ok(&[
        "order", "suggest", "--store", "S002", "--format", "json", "--all",
    ]))
    .unwrap();
    let text = json.to_string();
    assert!(text.contains(&sku), "{text}");
    let line = json["lines"]
        .as_array()
        .or_else(|| json.as_array())
        .unwrap()
        .iter()
        .find(|l| l["sku"] == sku.as_str())
        .unwrap_or_else(|| panic!("{sku} in {text}"));
    assert!(
        line["suggested_qty"].as_u64().unwrap() >= u64::from(pack),
        "{line}"
    );
    // an audit older than three days does not count
    let db = Database::open(data.path()).unwrap();
    let later = views_order::store_suggestion(&db, "S002", today + chrono::Duration::days(4), None)
        .unwrap()
        .unwrap();
    assert!(later.rows.iter().all(|r| r.line.reason.seen.is_none()));
}

/// A count on the audit line is stock on hand: the line is ordered up to its
/// target (target − counted, rounded up to the case, never below zero), and
/// the command line shows the same count.
#[test]
fn a_counted_stock_is_subtracted_order_up_to() {
    let data = DataDir::with_demo();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap();
    let db = Database::open(data.path()).unwrap();
    let before = views_order::store_suggestion(&db, "S002", today, None)
        .unwrap()
        .unwrap();
    // the line with the largest suggestion: a count can only lower it
    let row = before
        .rows
        .iter()
        .max_by_key(|r| r.line.suggested_qty)
        .unwrap();
    let (sku, pack, target) = (
        row.product.sku.clone(),
        row.product.case_pack,
        row.line.target_level,
    );
    assert!(row.line.suggested_qty > 0, "{}", row.line.suggested_qty);
    let counted = (target / 2.0).floor() as u32;
    let (visit, _) = db.start_or_resume_visit("S002", "R01", today, now).unwrap();
    let stamp = Stamp {
        by: "R01".into(),
        device: db.device().into(),
        at: now,
    };
    let line = AuditLine {
        meta: RecordMeta::fresh("R01", db.device(), now),
        visit_id: visit.meta.id,
        sku: sku.clone(),
        on_shelf: true,
        facings: Some(2),
        price_seen: None,
        missing: None,
        stock: Some(counted),
    };
    db.apply_visit_writes(visit.meta.id, &[VisitWrite::Audit(line)], &stamp)
        .unwrap();
    let after = views_order::store_suggestion(&db, "S002", today, None)
        .unwrap()
        .unwrap();
    let row = after.rows.iter().find(|r| r.product.sku == sku).unwrap();
    assert_eq!(row.line.reason.seen, Some(Seen::Stock(f64::from(counted))));
    assert_eq!(row.line.stock_seen, Some(f64::from(counted)));
    let need = (row.line.target_level - f64::from(counted)).max(0.0);
    let cases = (need / f64::from(pack)).ceil() as u32;
    assert_eq!(
        row.line.suggested_qty,
        cases * pack,
        "need {need}, case {pack}"
    );
    assert!(
        row.line.suggested_qty
            <= before
                .rows
                .iter()
                .find(|r| r.product.sku == sku)
                .unwrap()
                .line
                .suggested_qty
    );
    drop(db);
    let json: serde_json::Value = serde_json::from_str(&data.ok(&[
        "order", "suggest", "--store", "S002", "--format", "json", "--all",
    ]))
    .unwrap();
    let text = json.to_string();
    let line = json["lines"]
        .as_array()
        .or_else(|| json.as_array())
        .unwrap()
        .iter()
        .find(|l| l["sku"] == sku.as_str())
        .unwrap_or_else(|| panic!("{sku} in {text}"));
    assert_eq!(
        line["suggested_qty"].as_u64(),
        Some(u64::from(cases * pack)),
        "{line}"
    );
}
