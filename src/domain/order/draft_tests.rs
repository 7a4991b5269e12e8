//! Order states, refusals, acceptance and fill rate.

use super::*;
use crate::domain::order::{acceptance, fill_rate};
use crate::domain::{DeliveryLine, Settings};
use chrono::{TimeZone, Utc};

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

fn meta() -> RecordMeta {
    RecordMeta::fresh(
        "t",
        "t",
        Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap(),
    )
}

fn line(sku: &str, qty: u32) -> OrderLine {
    OrderLine {
        sku: sku.into(),
        qty,
        bonus_qty: 0,
        unit_price: Money(150),
        reason: None,
        promo: None,
    }
}

fn order(day: u32) -> Order {
    Order::new(
        meta(),
        order_number("S001", d(day), 1),
        "S001",
        d(day),
        vec![line("A", 6), line("B", 12), line("C", 4)],
    )
}

#[test]
fn number_is_store_date_sequence() {
    assert_eq!(order_number("S001", d(24), 1), "S001-20261124-01");
    assert_eq!(order_number("S010", d(3), 12), "S010-20261103-12");
}

#[test]
fn accepted_as_is() {
    let mut o = order(24);
    o.mark_reviewed(d(24)).unwrap();
    let r = o.review.clone().unwrap();
    assert!(r.accepted_as_is);
    assert_eq!(r.unchanged_share, 1.0);
    assert!(o.refusals.is_empty());
    assert_eq!(o.set_qty("A", 1, Money(1)), Err(OrderError::NotDraft));
    o.send(d(24)).unwrap();
    assert_eq!(o.state, OrderState::Sent);
    assert_eq!(o.send(d(24)), Err(OrderError::NotReviewed));
}

#[test]
fn edited_keeps_both_versions_and_the_refusals() {
    let mut o = order(24);
    assert_eq!(o.set_qty("B", 6, Money(100)), Ok(true), "lowered: ask why");
    o.refuse("B", RefusalReason::NoShelfSpace);
    assert_eq!(o.set_qty("C", 0, Money(100)), Ok(true), "struck");
    assert_eq!(o.set_qty("D", 3, Money(100)), Ok(false), "added");
    assert_eq!(o.send(d(24)), Err(OrderError::NotReviewed));
    o.mark_reviewed(d(24)).unwrap();
    let r = o.review.clone().unwrap();
    assert!(!r.accepted_as_is);
    assert!((r.unchanged_share - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(o.proposed_qty("B"), 12, "the proposed version is kept");
    assert_eq!(o.refusals.len(), 2);
    let b = o.refusals.iter().find(|r| r.sku == "B").unwrap();
    assert_eq!(
        (b.suggested, b.accepted, b.reason),
        (12, 6, RefusalReason::NoShelfSpace)
    );
    // the struck line got no reason key pressed: recorded as "other"
    let c = o.refusals.iter().find(|r| r.sku == "C").unwrap();
    assert_eq!(c.reason, RefusalReason::Other);
    assert_eq!(
        (o.line_count(), o.units(), o.value()),
        (3, 15, Money(150 * 6 + 150 * 6 + 100 * 3))
    );
}

#[test]
fn raising_a_line_back_drops_its_refusal() {
    let mut o = order(24);
    o.set_qty("A", 0, Money(150)).unwrap();
    o.refuse("A", RefusalReason::Price);
    o.set_qty("A", 6, Money(150)).unwrap();
    assert!(o.refusals.is_empty());
}

#[test]
fn empty_order_cannot_be_sent() {
    let mut o = Order::new(meta(), "S001-20261124-01".into(), "S001", d(24), vec![]);
    o.mark_reviewed(d(24)).unwrap();
    assert_eq!(o.send(d(24)), Err(OrderError::Empty));
}

#[test]
fn promotion_bonus_follows_the_quantity() {
    let mut l = line("A", 20);
    l.promo = Some(PromoStep {
        code: "P".into(),
        buy: 10,
        bonus: 1,
    });
    l.bonus_qty = 2;
    let mut o = Order::new(meta(), "x".into(), "S001", d(24), vec![l]);
    o.set_qty("A", 9, Money(150)).unwrap();
    assert_eq!(o.lines[0].bonus_qty, 0);
    o.set_qty("A", 35, Money(150)).unwrap();
    assert_eq!(o.lines[0].bonus_qty, 3);
}

#[test]
fn trusted_after_a_run_of_accepted_drafts() {
    let s = Settings::default(); // 3 in a row, ≥ 90 % unchanged
    let accepted = |day| {
        let mut o = order(day);
        o.mark_reviewed(d(day)).unwrap();
        o
    };
    let edited = |day| {
        let mut o = order(day);
        o.set_qty("A", 0, Money(1)).unwrap();
        o.mark_reviewed(d(day)).unwrap();
        o
    };
    let a = acceptance(&[accepted(3), accepted(10)], &s);
    assert_eq!((a.reviewed, a.run, a.can_trust), (2, 2, false));
    let a = acceptance(&[accepted(3), accepted(10), accepted(17)], &s);
    assert!(a.can_trust);
    // the latest run counts: an edit breaks it
    let a = acceptance(&[accepted(3), accepted(10), accepted(17), edited(24)], &s);
    assert_eq!((a.run, a.can_trust), (0, false));
    assert!((a.share.unwrap() - 11.0 / 12.0).abs() < 1e-9);
    // drafts are not counted
    let a = acceptance(&[order(24)], &s);
    assert_eq!((a.reviewed, a.share), (0, None));
}

fn delivery(sku: &str, qty: f64) -> DeliveryLine {
    DeliveryLine {
        meta: meta(),
        order_id: "S001-20261124-01".into(),
        sku: sku.into(),
        qty,
        date: d(25),
    }
}

#[test]
fn fill_rate_counts_fully_delivered_lines() {
    let lines = [line("A", 6), line("B", 12), line("C", 4), line("Z", 0)];
    let r = fill_rate(&lines, &[]);
    assert_eq!(
        (r.ordered_lines, r.delivered_lines, r.ratio()),
        (3, 0, Some(0.0))
    );
    // B short, C split over two deliveries
    let got = [
        delivery("A", 6.0),
        delivery("B", 10.0),
        delivery("C", 2.0),
        delivery("C", 2.0),
    ];
    let r = fill_rate(&lines, &got);
    assert_eq!(r.delivered_lines, 2);
    assert!((r.ratio().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    assert!(r.needs_chase(0.8));
    assert_eq!(r.delivered_units, 20.0);
    // boundary: exactly the threshold is not chased
    let four = [
        line("A", 1),
        line("B", 1),
        line("C", 1),
        line("D", 1),
        line("E", 1),
    ];
    let got: Vec<_> = ["A", "B", "C", "D"]
        .iter()
        .map(|s| delivery(s, 1.0))
        .collect();
    let r = fill_rate(&four, &got);
    assert_eq!(r.ratio(), Some(0.8));
    assert!(!r.needs_chase(0.8));
    assert_eq!(fill_rate(&[], &[]).ratio(), None);
}
