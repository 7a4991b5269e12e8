//! Fill rate of a sent order: delivered lines / ordered lines. A line counts
//! as delivered when the deliveries against it reach the ordered quantity.

use super::OrderLine;
use crate::domain::DeliveryLine;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FillRate {
    pub ordered_lines: usize,
    pub delivered_lines: usize,
    pub ordered_units: f64,
    pub delivered_units: f64,
}

impl FillRate {
    /// Delivered lines / ordered lines; `None` for an order with no lines.
    pub fn ratio(&self) -> Option<f64> {
        (self.ordered_lines > 0).then(|| self.delivered_lines as f64 / self.ordered_lines as f64)
    }

    /// Below the setting (80 % by default) the rep chases the order.
    pub fn needs_chase(&self, threshold: f64) -> bool {
        self.ratio().is_some_and(|r| r < threshold - 1e-9)
    }
}

pub fn fill_rate(lines: &[OrderLine], deliveries: &[DeliveryLine]) -> FillRate {
    let mut rate = FillRate {
        ordered_lines: 0,
        delivered_lines: 0,
        ordered_units: 0.0,
        delivered_units: 0.0,
    };
    for line in lines.iter().filter(|l| l.qty > 0) {
        let got: f64 = deliveries
            .iter()
            .filter(|d| d.sku == line.sku)
            .map(|d| d.qty.max(0.0))
            .sum();
        let want = f64::from(line.qty);
        rate.ordered_lines += 1;
        rate.ordered_units += want;
        rate.delivered_units += got.min(want);
        if got + 1e-9 >= want {
            rate.delivered_lines += 1;
        }
    }
    rate
}

/// Days after sending (beyond the lead time) that an order with no delivery
/// at all is chased too: a missed delivery is the worst fill rate.
pub const UNDELIVERED_GRACE_DAYS: i64 = 2;

/// The fill rate of a sent order the rep should chase, or `None`: delivered
/// below `threshold`, or nothing delivered by lead time + grace days.
pub fn to_chase(
    order: &super::Order,
    deliveries: &[DeliveryLine],
    today: chrono::NaiveDate,
    threshold: f64,
    lead_days: i64,
) -> Option<FillRate> {
    let sent = order.sent?;
    let rate = fill_rate(&order.lines, deliveries);
    let overdue = (today - sent).num_days() > lead_days + UNDELIVERED_GRACE_DAYS;
    let chase = if deliveries.is_empty() {
        overdue && rate.ordered_lines > 0
    } else {
        rate.needs_chase(threshold)
    };
    chase.then_some(rate)
}

#[cfg(test)]
mod chase_tests {
    use super::*;
    use crate::domain::order::{Order, OrderLine, OrderState};
    use crate::domain::{Money, RecordMeta};
    use chrono::{NaiveDate, TimeZone, Utc};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn order(sent: Option<NaiveDate>) -> Order {
        let at = Utc.with_ymd_and_hms(2026, 11, 10, 9, 0, 0).unwrap();
        let lines = ["A", "B", "C", "D", "E"]
            .iter()
            .map(|sku| OrderLine {
                sku: (*sku).into(),
                qty: 10,
                bonus_qty: 0,
                unit_price: Money(100),
                reason: None,
                promo: None,
            })
            .collect();
        let mut o = Order::new(
            RecordMeta::fresh("r", "d", at),
            "S1-20261110-01".into(),
            "S1",
            day(10),
            lines,
        );
        if sent.is_some() {
            o.state = OrderState::Sent;
            o.sent = sent;
        }
        o
    }

    fn delivered(skus: &[&str]) -> Vec<DeliveryLine> {
        let at = Utc.with_ymd_and_hms(2026, 11, 11, 9, 0, 0).unwrap();
        skus.iter()
            .map(|sku| DeliveryLine {
                meta: RecordMeta::fresh("erp", "d", at),
                order_id: "S1-20261110-01".into(),
                sku: (*sku).into(),
                qty: 10.0,
                date: day(11),
            })
            .collect()
    }

    #[test]
    fn chase_rules() {
        // a draft is never chased
        assert!(to_chase(&order(None), &[], day(20), 0.8, 1).is_none());
        // sent, nothing delivered: waits lead + grace days, then chased
        assert!(to_chase(&order(Some(day(10))), &[], day(13), 0.8, 1).is_none());
        assert!(to_chase(&order(Some(day(10))), &[], day(14), 0.8, 1).is_some());
        // 4 of 5 lines = 80 %: not below the threshold
        let four = delivered(&["A", "B", "C", "D"]);
        assert!(to_chase(&order(Some(day(10))), &four, day(20), 0.8, 1).is_none());
        // 3 of 5 lines = 60 %: chased at once
        let three = delivered(&["A", "B", "C"]);
        let rate = to_chase(&order(Some(day(10))), &three, day(11), 0.8, 1).unwrap();
        assert_eq!((rate.delivered_lines, rate.ordered_lines), (3, 5));
    }
}
