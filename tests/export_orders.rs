//! `rounds export orders`: a sent order reaches a spreadsheet (CSV, one row
//! per line with the proposed quantity) or the ERP (JSON, nested).

mod common;
use chrono::{NaiveDate, TimeZone, Utc};
use common::DataDir;
use rounds::domain::order::{Order, OrderLine, RefusalReason};
use rounds::domain::{Money, RecordMeta};
use rounds::storage::Database;

fn line(sku: &str, qty: u32, bonus: u32) -> OrderLine {
    OrderLine {
        sku: sku.into(),
        qty,
        bonus_qty: bonus,
        unit_price: Money(250),
        reason: None,
        promo: None,
    }
}

/// A sent order with one lowered line (and its refusal), and an older draft.
fn orders(data: &DataDir) {
    // the audit key and witness go to a test directory, never the real home
    rounds::storage::set_config_dir(std::env::temp_dir().join("rounds-test-config"));
    let db = Database::open(data.path()).unwrap();
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap();
    let mut sent = Order::new(
        RecordMeta::fresh("R01", "dev", at),
        "S001-20261124-01".into(),
        "S001",
        day(24),
        vec![line("P0001", 12, 2), line("P0002", 6, 0)],
    );
    sent.set_qty("P0002", 3, Money(250)).unwrap();
    sent.refuse("P0002", RefusalReason::Price);
    sent.mark_reviewed(day(24)).unwrap();
    sent.send(day(24)).unwrap();
    db.put_order(&sent).unwrap();
    let old = Order::new(
        RecordMeta::fresh("R01", "dev", at),
        "S002-20261110-01".into(),
        "S002",
        day(10),
        vec![line("P0003", 4, 0)],
    );
    db.put_order(&old).unwrap();
}

#[test]
fn csv_has_one_row_per_line_with_the_proposed_quantity() {
    let data = DataDir::with_demo();
    orders(&data);
    let out = data.ok(&[
        "export",
        "orders",
        "--from",
        "2026-11-20",
        "--to",
        "2026-11-30",
    ]);
    let mut lines = out.lines();
    assert_eq!(
        lines.next().unwrap(),
        "order_number,store_code,date,state,sent_date,sku,ean,qty,bonus_qty,\
         unit_price,line_value,proposed_qty,refusal_reason"
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 2, "{out}");
    // the EAN comes from the catalog; bonus units are free, so the value is qty × price
    assert!(
        rows[0].starts_with("S001-20261124-01,S001,2026-11-24,sent,2026-11-24,P0001,46")
            && rows[0].ends_with(",12,2,2.50,30.00,12,"),
        "{}",
        rows[0]
    );
    assert!(rows[1].ends_with(",3,0,2.50,7.50,6,price"), "{}", rows[1]);
    // without a range the older draft comes too; --excel adds the byte order mark
    let all = data.ok(&["export", "orders", "--excel"]);
    assert!(all.starts_with('\u{feff}'));
    assert!(all.contains("S002-20261110-01,S002,2026-11-10,draft,,P0003"));
    assert_eq!(all.lines().count(), 4);
}

#[test]
fn json_nests_lines_refusals_and_review() {
    let data = DataDir::with_demo();
    orders(&data);
    let out = data.ok(&[
        "export",
        "orders",
        "--format",
        "json",
        "--from",
        "2026-11-24",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), 1);
    let o = &all[0];
    assert_eq!(o["number"], "S001-20261124-01");
    assert_eq!(o["state"], "sent");
    assert_eq!(o["sent_date"], "2026-11-24");
    assert_eq!(o["units"], 15);
    assert_eq!(o["value"], "37.50");
    assert_eq!(o["order_lines"][1]["qty"], 3);
    assert_eq!(o["order_lines"][1]["proposed_qty"], 6);
    assert_eq!(o["refusals"][0]["reason"], "price");
    assert_eq!(o["refusals"][0]["suggested"], 6);
    assert_eq!(o["review"]["accepted_as_is"], false);
    assert_eq!(o["review"]["unchanged_share"], 0.5);
}
