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
