//! The suggestion rules, each on a line with a known answer.

use super::*;
use crate::domain::{Promotion, RecordMeta};
use chrono::{NaiveDate, TimeZone, Utc};

fn params(cover: f64) -> SuggestParams {
    SuggestParams {
        cover_days: cover,
        service_level: 0.95,
        trusted: false,
        zero_when_stock_covers: true,
    }
}

fn line<'a>(weekly: &'a [f64], pack: u32) -> LineInput<'a> {
    LineInput {
        sku: "P1",
        case_pack: pack,
        history: crate::domain::forecast::Series::weekly(weekly),
        prior: None,
        seen: None,
        last_refusal: None,
        promotion: None,
    }
}

fn promo(buy: u32, bonus: u32) -> Promotion {
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    Promotion {
        meta: RecordMeta::fresh("t", "t", Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()),
        code: "AUT10".into(),
        name: "Autumn".into(),
        sku: "P1".into(),
        from: d(11, 1),
        to: d(11, 30),
        buy_qty: buy,
        bonus_qty: bonus,
        audience: Default::default(),
    }
}

#[test]
fn cover_period_is_days_to_next_visit_plus_lead_time() {
    assert_eq!(cover_days(7, 1), 8);
    assert_eq!(cover_days(0, 0), 1, "at least a day");
    assert_eq!(cover_days(-3, 1), 1, "an overdue visit counts as today");
}

#[test]
fn constant_demand_over_two_weeks_rounded_up_to_case_packs() {
    // 7 a week, no error: 14 days → 14 units; case 6 → 18; case 1 → 14; case 7 → 14
    let weeks = [7.0; 20];
    for (pack, want) in [(1, 14), (6, 18), (7, 14), (20, 20)] {
        let s = suggest_line(&line(&weeks, pack), &params(14.0));
        assert!((s.expected_demand - 14.0).abs() < 1e-9);
        assert_eq!(s.suggested_qty, want, "case {pack}");
        assert_eq!(s.suggested_qty % pack, 0);
    }
}

#[test]
fn stock_seen_is_subtracted() {
    let weeks = [7.0; 20];
    let mut l = line(&weeks, 1);
    l.seen = Some(Seen::Stock(10.0));
    let s = suggest_line(&l, &params(14.0));
    assert_eq!(s.suggested_qty, 4);
    assert_eq!(s.stock_seen, Some(10.0));
    // more on the shelf than will sell: nothing
    l.seen = Some(Seen::Stock(30.0));
    assert_eq!(suggest_line(&l, &params(14.0)).suggested_qty, 0);
}

#[test]
fn safety_stock_grows_with_noise_and_service_level() {
    let weeks: Vec<f64> = (0..30)
        .map(|w| if w % 2 == 0 { 4.0 } else { 10.0 })
        .collect();
    let s95 = suggest_line(&line(&weeks, 1), &params(7.0));
    let mut p = params(7.0);
    p.service_level = 0.5;
    let s50 = suggest_line(&line(&weeks, 1), &p);
    assert!(s95.safety_stock > 3.0, "{}", s95.safety_stock);
    assert_eq!(s50.safety_stock, 0.0);
    assert!(s95.suggested_qty > s50.suggested_qty);
}

#[test]
fn out_of_stock_line_is_never_suggested_at_zero() {
    let zeros = [0.0; 20];
    let mut l = line(&zeros, 12);
    assert_eq!(suggest_line(&l, &params(8.0)).suggested_qty, 0);
    l.seen = Some(Seen::OutOfStock);
    let s = suggest_line(&l, &params(8.0));
    assert_eq!(s.suggested_qty, 12, "one case");
    assert!(s.reason.raised_out_of_stock);
    // a zero count is out of stock too
    l.seen = Some(Seen::Stock(0.0));
    assert_eq!(suggest_line(&l, &params(8.0)).suggested_qty, 12);
    // a selling line out of stock keeps its own, larger quantity
    let weeks = [30.0; 20];
    let mut l = line(&weeks, 6);
    l.seen = Some(Seen::OutOfStock);
    let s = suggest_line(&l, &params(14.0));
    assert_eq!(s.suggested_qty, 60);
    assert!(!s.reason.raised_out_of_stock);
}

#[test]
fn promotion_adds_its_bonus_and_trusted_stores_come_first() {
    let weeks = [7.0; 20];
    let pr = promo(10, 1);
    let mut l = line(&weeks, 1);
    l.promotion = Some(&pr);
    // 28 units → 2 bonus
    let s = suggest_line(&l, &params(28.0));
    assert_eq!((s.suggested_qty, s.bonus_qty), (28, 2));
    assert_eq!(s.reason.promotion.as_deref(), Some("AUT10"));
    // 7 units: short of the step; a trusted store is topped up to it
    let s = suggest_line(&l, &params(7.0));
    assert_eq!((s.suggested_qty, s.bonus_qty), (7, 0));
    let mut p = params(7.0);
    p.trusted = true;
    let s = suggest_line(&l, &p);
    assert_eq!((s.suggested_qty, s.bonus_qty), (10, 1));
    assert!(s.reason.topped_up);
    // but not when the need is under half the step
    let s = suggest_line(
        &l,
        &SuggestParams {
            cover_days: 3.0,
            ..p
        },
    );
    assert_eq!(s.bonus_qty, 0);
}

#[test]
fn last_refusal_for_stock_reasons_caps_the_line() {
    let weeks = [7.0; 20];
    let refusal = Refusal {
        sku: "P1".into(),
        suggested: 14,
        accepted: 5,
        reason: RefusalReason::Overstock,
    };
    let mut l = line(&weeks, 6);
    l.last_refusal = Some(&refusal);
    let s = suggest_line(&l, &params(14.0));
    assert_eq!(s.suggested_qty, 6, "capped at 5, rounded up to the case");
    assert_eq!(s.reason.capped_by, Some(RefusalReason::Overstock));
    // a refusal for price is noted but does not change the quantity
    let price = Refusal {
        reason: RefusalReason::Price,
        ..refusal.clone()
    };
    l.last_refusal = Some(&price);
    let s = suggest_line(&l, &params(14.0));
    assert_eq!(s.suggested_qty, 18);
    assert_eq!(s.reason.noted_refusal, Some(RefusalReason::Price));
}

#[test]
fn reason_reads_as_a_sentence() {
    crate::i18n::init("en");
    let weeks = [7.0; 20];
    let mut l = line(&weeks, 6);
    l.seen = Some(Seen::Stock(3.0));
    let s = suggest_line(&l, &params(8.0));
    let text = crate::service::words::reason_text(&s.reason);
    assert!(text.contains("7.0 a week"), "{text}");
    assert!(text.contains("8 days"), "{text}");
    assert!(text.contains("3 on the shelf"), "{text}");
    assert!(text.contains("case of 6"), "{text}");
}
