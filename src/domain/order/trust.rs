//! Draft acceptance per store: the share of lines accepted unchanged, and
//! whether the store has accepted enough drafts in a row to be trusted.

use super::{Order, OrderState};
use crate::domain::Settings;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Acceptance {
    /// Reviewed orders counted.
    pub reviewed: usize,
    /// Lines unchanged / proposed lines, over all reviewed orders (None if none).
    pub share: Option<f64>,
    /// Latest reviewed orders in a row with at least the setting's share unchanged.
    pub run: u32,
    /// The run is long enough to mark the store trusted.
    pub can_trust: bool,
}

/// `orders`: the store's orders, any order; drafts are skipped.
pub fn acceptance(orders: &[Order], settings: &Settings) -> Acceptance {
    let mut reviewed: Vec<&Order> = orders
        .iter()
        .filter(|o| o.state != OrderState::Draft && o.review.is_some())
        .collect();
    reviewed.sort_by(|a, b| (b.date, &b.number).cmp(&(a.date, &a.number)));
    let (mut same, mut total) = (0.0, 0usize);
    for o in &reviewed {
        let n = o.proposed.iter().filter(|l| l.qty > 0).count();
        same += o.review.as_ref().map(|r| r.unchanged_share).unwrap_or(0.0) * n as f64;
        total += n;
    }
    let run = reviewed
        .iter()
        .take_while(|o| {
            o.review
                .as_ref()
                .is_some_and(|r| r.unchanged_share >= settings.trusted_min_unchanged - 1e-9)
        })
        .count() as u32;
    Acceptance {
        reviewed: reviewed.len(),
        share: (total > 0).then(|| same / total as f64),
        run,
        can_trust: settings.trusted_after_drafts > 0 && run >= settings.trusted_after_drafts,
    }
}
