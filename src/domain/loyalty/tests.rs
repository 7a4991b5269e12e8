//! Risk and index on the shapes of history that matter: steady, slowing,
//! lapsed, new, a single purchase, no purchase, a long gap.

use super::*;
use crate::domain::client::{EntryKind, TimelineEntry, WhyLost};
use crate::domain::commerce::Invoice;
use crate::domain::{Money, RecordMeta, Settings};
use chrono::{Duration, NaiveDate, TimeZone, Utc};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
}

fn ago(days: i64) -> NaiveDate {
    today() - Duration::days(days)
}

/// Purchases `days_ago` with amounts.
fn history(points: &[(i64, i64)]) -> Vec<Purchase> {
    by_day(
        points
            .iter()
            .map(|&(d, amount)| Purchase {
                date: ago(d),
                amount,
                source: Source::Erp,
            })
            .collect(),
    )
}

/// Every `every` days from `first` days ago to `last` days ago, each `amount`.
fn regular(first: i64, last: i64, every: i64, amount: i64) -> Vec<(i64, i64)> {
    (0..)
        .map(|i| first - i * every)
        .take_while(|d| *d >= last)
        .map(|d| (d, amount))
        .collect()
}

fn risk_of(points: &[(i64, i64)]) -> Risk {
    risk(
        &history(points),
        today(),
        RhythmPrior::default(),
        &Settings::default(),
    )
}

#[test]
fn risk_by_shape_of_history() {
    let slowing: Vec<(i64, i64)> = regular(200, 60, 7, 1000)
        .into_iter()
        .chain(regular(56, 0, 7, 300))
        .collect();
    // (name, history, status, at_risk, risk range)
    type Case = (&'static str, Vec<(i64, i64)>, RiskStatus, bool, (f64, f64));
    let cases: [Case; 8] = [
        (
            "no purchases",
            vec![],
            RiskStatus::NoPurchases,
            false,
            (0.0, 0.3),
        ),
        (
            "single purchase, recent",
            vec![(5, 1000)],
            RiskStatus::Steady,
            false,
            (0.0, 0.4),
        ),
        (
            "single purchase, long ago",
            vec![(50, 1000)],
            RiskStatus::AtRisk,
            true,
            (0.5, 1.0),
        ),
        (
            "steady weekly, on time",
            regular(364, 3, 7, 1000),
            RiskStatus::Steady,
            false,
            (0.0, 0.1),
        ),
        (
            "steady weekly, 3 weeks silent",
            regular(364, 21, 7, 1000),
            RiskStatus::AtRisk,
            true,
            (0.5, 1.0),
        ),
        (
            "slowing in volume",
            slowing,
            RiskStatus::AtRisk,
            true,
            (0.5, 1.0),
        ),
        (
            "lapsed",
            regular(364, 120, 9, 1000),
            RiskStatus::Lost,
            true,
            (0.95, 1.0),
        ),
        (
            "monthly, 20 days in",
            regular(380, 20, 30, 1000),
            RiskStatus::Steady,
            false,
            (0.0, 0.2),
        ),
    ];
    for (name, points, status, flagged, (lo, hi)) in cases {
        let r = risk_of(&points);
        assert_eq!(r.status, status, "{name}: {r:?}");
        assert_eq!(r.at_risk, flagged, "{name}");
        assert!(lo <= r.risk && r.risk <= hi, "{name}: risk {}", r.risk);
    }
}

#[test]
fn reasons_speak_in_the_stores_own_rhythm() {
    // Every 9 days, then silent for 41: "no order for 41 days; usually every 9".
    let r = risk_of(&regular(230, 41, 9, 1000));
    assert_eq!(r.usual_gap_days(), Some(9));
    assert_eq!(
        r.reasons[0],
        RiskReason::Overdue {
            days_since: 41,
            usual_gap: 9
        }
    );
    assert!(
        r.reason_text()
            .starts_with("no order for 41 days; usually every 9"),
        "{}",
        r.reason_text()
    );
    let single = risk_of(&[(12, 500)]);
    assert_eq!(
        single.reasons,
        [RiskReason::SinglePurchase { days_since: 12 }]
    );
    assert_eq!(risk_of(&[]).reasons, [RiskReason::NoPurchaseYet]);
}

#[test]
fn one_long_gap_in_a_steady_history_does_not_move_the_rhythm() {
    // Weekly for a year with one 5-week holiday gap in the middle.
    let points: Vec<(i64, i64)> = regular(364, 200, 7, 1000)
        .into_iter()
        .chain(regular(165, 4, 7, 1000))
        .collect();
    let r = risk_of(&points);
    assert_eq!(r.usual_gap_days(), Some(7));
    assert_eq!(r.status, RiskStatus::Steady);
}

#[test]
fn risk_rises_with_silence_and_ignores_the_future() {
    let points = regular(364, 10, 7, 1000);
    let mut last = 0.0;
    for silent in [10, 14, 21, 35, 70] {
        let h = history(&points);
        let r = risk(
            &h,
            ago(10 - silent),
            RhythmPrior::default(),
            &Settings::default(),
        );
        assert!(r.risk >= last, "{silent}: {} < {last}", r.risk);
        last = r.risk;
    }
    // Cutting the history: purchases after `today` do not count.
    let cut = risk(
        &history(&points),
        ago(300),
        RhythmPrior::default(),
        &Settings::default(),
    );
    assert_eq!(cut.last_purchase, Some(ago(301)));
}

#[test]
fn orders_and_their_invoices_are_one_purchase() {
    use crate::domain::order::{Order, OrderState};
    let meta = RecordMeta::fresh(
        "r1",
        "dev",
        Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap(),
    );
    let order = |d: i64| {
        let mut o = Order::new(meta.clone(), "S1-1".into(), "S1", ago(d), vec![]);
        o.state = OrderState::Sent;
        o.sent = Some(ago(d));
        o
    };
    let invoice = |d: i64| Invoice {
        meta: meta.clone(),
        store_code: "S1".into(),
        number: format!("I{d}"),
        date: ago(d),
        due_date: ago(d - 14),
        amount: Money(5000),
        paid: Money(0),
    };
    // Order 20 days ago invoiced the next day; order 5 days ago not invoiced yet;
    // an ERP-only invoice 40 days ago.
    let got = purchases(&[order(20), order(5)], &[invoice(19), invoice(40)], 3);
    let days: Vec<(NaiveDate, Source)> = got.iter().map(|p| (p.date, p.source)).collect();
    assert_eq!(
        days,
        [
            (ago(40), Source::Erp),
            (ago(19), Source::Erp),
            (ago(5), Source::Rounds)
        ]
    );
}

fn entry(days: i64, kind: EntryKind) -> TimelineEntry {
    TimelineEntry {
        meta: RecordMeta::fresh(
            "r1",
            "dev",
            Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap(),
        ),
        store_code: "S1".into(),
        date: ago(days),
        kind,
        text: String::new(),
        contact: None,
    }
}

fn index_of(risk: &Risk, timeline: &[TimelineEntry], visits: &[NaiveDate]) -> Loyalty {
    let input = LoyaltyInput {
        today: today(),
        risk,
        visits,
        visit_every_days: 7,
        must_stock: &[],
        bought: &[],
        acceptance: None,
        invoices: &[],
        timeline,
    };
    loyalty(&input, &Settings::default())
}

#[test]
fn index_by_case() {
    let steady = risk_of(&regular(364, 3, 7, 1000));
    let lapsed = risk_of(&regular(364, 120, 9, 1000));
    let none = risk_of(&[]);
    let weekly_visits: Vec<NaiveDate> = (0..50).map(|i| ago(2 + 7 * i)).collect();
    let complaints: Vec<TimelineEntry> = (0..3)
        .map(|i| entry(10 + i, EntryKind::Complaint(WhyLost::PushySelling)))
        .collect();
    let referral = [entry(
        30,
        EntryKind::Referral {
            referred: "Shop B".into(),
        },
    )];
    // (name, index, range)
    let cases = [
        (
            "steady, visited, referred",
            index_of(&steady, &referral, &weekly_visits),
            (85, 100),
        ),
        (
            "steady, visited",
            index_of(&steady, &[], &weekly_visits),
            (75, 95),
        ),
        (
            "steady, three fresh complaints",
            index_of(&steady, &complaints, &weekly_visits),
            (55, 80),
        ),
        ("lapsed", index_of(&lapsed, &[], &[]), (0, 45)),
        ("never bought", index_of(&none, &[], &[]), (0, 45)),
    ];
    for (name, l, (lo, hi)) in cases {
        assert!(
            lo <= l.index && l.index <= hi,
            "{name}: {} {:?}",
            l.index,
            l.components
        );
    }
}

#[test]
fn missing_components_drop_out_and_each_says_why() {
    let steady = risk_of(&regular(364, 3, 7, 1000));
    let l = index_of(&steady, &[], &[]);
    let visits = l
        .components
        .iter()
        .find(|c| c.kind == ComponentKind::Visits)
        .unwrap();
    assert_eq!((visits.score, &visits.why), (None, &Why::NoData));
    let purchase = &l.components[0];
    assert!(
        matches!(&purchase.why, Why::Purchase(r) if matches!(r[0], RiskReason::OnRhythm { .. }))
    );
    assert_eq!(l.components.len(), ComponentKind::ALL.len());
}

#[test]
fn late_visits_and_overdue_invoices_lower_their_components() {
    let steady = risk_of(&regular(364, 3, 7, 1000));
    let late_visits = [ago(60), ago(30), ago(2)];
    let meta = RecordMeta::fresh(
        "r1",
        "dev",
        Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap(),
    );
    let invoices: Vec<Invoice> = (0..4)
        .map(|i| Invoice {
            meta: meta.clone(),
            store_code: "S1".into(),
            number: format!("I{i}"),
            date: ago(30 + 7 * i),
            due_date: ago(16 + 7 * i),
            amount: Money(1000),
            paid: Money(if i == 0 { 0 } else { 1000 }),
        })
        .collect();
    let must = ["A".to_string(), "B".to_string()];
    let bought = [
        (ago(3), "A".to_string()),
        (ago(10), "A".to_string()),
        (ago(10), "B".to_string()),
    ];
    let input = LoyaltyInput {
        today: today(),
        risk: &steady,
        visits: &late_visits,
        visit_every_days: 7,
        must_stock: &must,
        bought: &bought,
        acceptance: Some((0.8, 4)),
        invoices: &invoices,
        timeline: &[],
    };
    let l = loyalty(&input, &Settings::default());
    let get = |k: ComponentKind| l.components.iter().find(|c| c.kind == k).unwrap();
    assert_eq!(get(ComponentKind::Visits).score, Some(0.0));
    assert_eq!(
        get(ComponentKind::Visits).why,
        Why::VisitsOnTime {
            on_time: 0,
            total: 2
        }
    );
    assert_eq!(get(ComponentKind::Payment).score, Some(0.75));
    assert_eq!(get(ComponentKind::Repeat).score, Some(0.5));
    assert_eq!(get(ComponentKind::Acceptance).score, Some(0.8));
}

#[test]
fn retention_counts_lost_among_buying_stores() {
    let risks = [
        risk_of(&regular(364, 3, 7, 1000)),
        risk_of(&regular(364, 120, 9, 1000)),
        risk_of(&[]),
        risk_of(&regular(364, 21, 7, 1000)),
    ];
    let r = retention(&risks);
    assert_eq!((r.buying, r.at_risk, r.lost), (3, 1, 1));
    assert!((r.retained - 2.0 / 3.0).abs() < 1e-9);
}

#[test]
fn book_prior_is_the_median_rhythm() {
    let all = vec![
        vec![7, 7, 7, 7],
        vec![14, 14, 14],
        vec![30, 30, 30, 30, 30],
        vec![3],
    ];
    // every store with a gap counts, the one with a single gap too: the
    // median of 3, 7, 14, 30 (in ln days) is √(7·14) ≈ 9.9
    let p = book_prior(&all);
    assert!((p.gap_days - 9.9).abs() < 0.1, "{p:?}");
    // clockwork stores: the pooled spread is the floor
    assert!((p.spread - 0.3).abs() < 1e-9, "{p:?}");
    assert_eq!(book_prior(&[]).gap_days, RhythmPrior::default().gap_days);
}
