//! Orders move draft acceptance and fill rate in the team figures as they
//! are reviewed, sent and delivered; the buckets still equal a recount.

use chrono::{NaiveDate, TimeZone, Utc};
use rounds::clock::Clock;
use rounds::domain::order::{Order, OrderLine};
use rounds::domain::{DeliveryLine, Money, RecordMeta};
use rounds::storage::Database;

fn line(sku: &str, qty: u32) -> OrderLine {
    OrderLine {
        sku: sku.into(),
        qty,
        bonus_qty: 0,
        unit_price: Money(100),
        reason: None,
        promo: None,
    }
}

#[test]
fn orders_reviewed_sent_and_delivered_move_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    // the audit key and witness go to a test directory, never the real home
    rounds::storage::set_config_dir(std::env::temp_dir().join("rounds-test-config"));
    let db = Database::open(dir.path()).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    rounds::demo::load(&db, &Clock::fixed(today)).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap();
    // R01's row over today..=on, as seen on day `on`
    let row_on = |db: &Database, on: NaiveDate| {
        db.kpi_table(today, on, on, false, Some("R01"))
            .unwrap()
            .rows
            .into_iter()
            .find(|r| r.who == "R01")
            .unwrap()
    };
    let figures = |db: &Database| row_on(db, today).counts;
    let due = today + chrono::Duration::days(db.settings().unwrap().delivery_lead_days);
    let awaiting_before = row_on(&db, today).awaiting_lines;
    let before = figures(&db);

    let mut order = Order::new(
        RecordMeta::fresh("R01", "dev", at),
        "S001-20261124-01".into(),
        "S001",
        today,
        vec![
            line("P0001", 4),
            line("P0002", 6),
            line("P0003", 2),
            line("P0004", 1),
        ],
    );
    db.put_order(&order).unwrap();
    assert_eq!(figures(&db), before, "a draft counts for nothing yet");

    // the decision maker lowers one line of four
    order.set_qty("P0002", 3, Money(100)).unwrap();
    order.mark_reviewed(today).unwrap();
    db.put_order(&order).unwrap();
    let c = figures(&db);
    assert_eq!(c.draft_lines - before.draft_lines, 4);
    assert_eq!(c.draft_unchanged - before.draft_unchanged, 3);

    let before = row_on(&db, due).counts;
    let today_before = figures(&db).order_lines;
    order.send(today).unwrap();
    db.put_order(&order).unwrap();
    // on its way: not a 0 % fill rate today, but lines awaiting delivery
    let r = row_on(&db, today);
    assert_eq!(r.counts.order_lines, today_before);
    assert_eq!(r.awaiting_lines - awaiting_before, 4);
    // on the day the delivery is due it counts, delivered or not
    let figures = |db: &Database| row_on(db, due).counts;
    let c = figures(&db);
    assert_eq!(c.order_lines - before.order_lines, 4);
    assert_eq!(c.delivered_lines, before.delivered_lines);

    // three of the four lines delivered in full, one short
    let delivery = |sku: &str, qty: f64| DeliveryLine {
        meta: RecordMeta::fresh("import", "dev", at),
        order_id: order.number.clone(),
        sku: sku.into(),
        qty,
        date: today,
    };
    db.put_deliveries(&[
        delivery("P0001", 4.0),
        delivery("P0002", 3.0),
        delivery("P0003", 1.0),
        delivery("P0004", 1.0),
    ])
    .unwrap();
    let c = figures(&db);
    assert_eq!(c.delivered_lines - before.delivered_lines, 3);
    assert_eq!(
        db.kpi_buckets(false).unwrap(),
        db.kpi_recount(false).unwrap()
    );
    assert_eq!(db.kpi_buckets(true).unwrap(), db.kpi_recount(true).unwrap());
}
