//! The loyalty index, 0–100: behaviour (the store keeps buying, on time,
//! the same lines, takes the drafts, pays) and attitude (recommends us,
//! complains little). Each component carries its score and why, for the card.

use super::risk::{Risk, RiskReason};
use crate::domain::Settings;
use crate::domain::client::{EntryKind, TimelineEntry};
use crate::domain::commerce::Invoice;
use chrono::{Duration, NaiveDate};
use serde::Serialize;

/// Complaints weigh half after this many days, refusals sooner: a store
/// forgives, slowly.
const COMPLAINT_HALF_LIFE: f64 = 180.0;
const REFUSAL_HALF_LIFE: f64 = 90.0;
/// A visit counts as on time up to this share past the store's frequency, plus a day.
const VISIT_SLACK: f64 = 0.25;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Side {
    Behaviour,
    Attitude,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ComponentKind {
    Purchase,
    Visits,
    Repeat,
    Acceptance,
    Payment,
    Referrals,
    Complaints,
    Refusals,
}

impl ComponentKind {
    pub const ALL: [Self; 8] = [
        Self::Purchase,
        Self::Visits,
        Self::Repeat,
        Self::Acceptance,
        Self::Payment,
        Self::Referrals,
        Self::Complaints,
        Self::Refusals,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Purchase => "purchase",
            Self::Visits => "visits",
            Self::Repeat => "repeat",
            Self::Acceptance => "acceptance",
            Self::Payment => "payment",
            Self::Referrals => "referrals",
            Self::Complaints => "complaints",
            Self::Refusals => "refusals",
        }
    }

    pub fn side(self) -> Side {
        match self {
            Self::Referrals | Self::Complaints | Self::Refusals => Side::Attitude,
            _ => Side::Behaviour,
        }
    }
}

/// The facts behind a component's score, for the UI to word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Why {
    /// Nothing to judge yet: the component is left out and the others weigh more.
    NoData,
    Purchase(Vec<RiskReason>),
    VisitsOnTime {
        on_time: usize,
        total: usize,
    },
    RepeatBought {
        repeated: usize,
        must_stock: usize,
    },
    DraftsAccepted {
        percent: i64,
        reviewed: usize,
    },
    InvoicesOverdue {
        overdue: usize,
        invoices: usize,
    },
    Referrals {
        count: usize,
    },
    Complaints {
        count: usize,
    },
    Refusals {
        count: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Component {
    pub kind: ComponentKind,
    pub weight: f64,
    /// 0–1; `None` when there is nothing to judge (`Why::NoData`).
    pub score: Option<f64>,
    pub why: Why,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Loyalty {
    /// 0–100.
    pub index: u8,
    pub components: Vec<Component>,
}

impl Loyalty {
    pub fn is_loyal(&self, settings: &Settings) -> bool {
        f64::from(self.index) >= settings.loyal_min_index
    }
}

/// What the index is computed from, gathered by the caller for one store.
pub struct LoyaltyInput<'a> {
    pub today: NaiveDate,
    /// The store's risk (see `risk::risk`).
    pub risk: &'a Risk,
    /// Dates of the store's visits (submitted), any order.
    pub visits: &'a [NaiveDate],
    pub visit_every_days: u16,
    /// The store's must-stock SKUs.
    pub must_stock: &'a [String],
    /// (day, sku) of every line bought (orders sent, invoice lines).
    pub bought: &'a [(NaiveDate, String)],
    /// Share of draft lines accepted unchanged and drafts reviewed
    /// (`order::acceptance`).
    pub acceptance: Option<(f64, usize)>,
    pub invoices: &'a [Invoice],
    pub timeline: &'a [TimelineEntry],
}

pub fn loyalty(input: &LoyaltyInput<'_>, settings: &Settings) -> Loyalty {
    let since = input.today - Duration::days(settings.loyalty_window_days);
    let weights = settings.loyalty_weights();
    let components: Vec<Component> = ComponentKind::ALL
        .into_iter()
        .zip(weights)
        .map(|(kind, (_, weight))| {
            let (score, why) = match kind {
                ComponentKind::Purchase => purchase(input.risk),
                ComponentKind::Visits => visits(input, since),
                ComponentKind::Repeat => repeat(input, since),
                ComponentKind::Acceptance => match input.acceptance {
                    Some((share, reviewed)) if reviewed > 0 => (
                        Some(share.clamp(0.0, 1.0)),
                        Why::DraftsAccepted {
                            percent: (share * 100.0).round() as i64,
                            reviewed,
                        },
                    ),
                    _ => (None, Why::NoData),
                },
                ComponentKind::Payment => payment(input, since),
                ComponentKind::Referrals => {
                    let count = count(input, since, |k| matches!(k, EntryKind::Referral { .. }));
                    // No referral is neutral, each one lifts: most good stores never refer.
                    (
                        Some((0.5 + 0.25 * count as f64).min(1.0)),
                        Why::Referrals { count },
                    )
                }
                ComponentKind::Complaints => {
                    let (n, weight) = decayed(input, since, COMPLAINT_HALF_LIFE, |k| {
                        matches!(k, EntryKind::Complaint(_))
                    });
                    (Some(1.0 / (1.0 + weight)), Why::Complaints { count: n })
                }
                ComponentKind::Refusals => {
                    let (n, weight) = decayed(input, since, REFUSAL_HALF_LIFE, |k| {
                        matches!(k, EntryKind::Refusal(_))
                    });
                    (Some(1.0 / (1.0 + 0.5 * weight)), Why::Refusals { count: n })
                }
            };
            Component {
                kind,
                weight,
                score,
                why,
            }
        })
        .collect();
    let (sum, weight) = components
        .iter()
        .filter_map(|c| c.score.map(|s| (s * c.weight, c.weight)))
        .fold((0.0, 0.0), |(a, b), (s, w)| (a + s, b + w));
    let index = if weight > 0.0 {
        100.0 * sum / weight
    } else {
        0.0
    };
    Loyalty {
        index: index.round().clamp(0.0, 100.0) as u8,
        components,
    }
}

/// Keeping its rhythm: 1 − risk. A store that never bought scores 0, not
/// "no data": buying is what loyalty is first of all.
fn purchase(risk: &Risk) -> (Option<f64>, Why) {
    let score = if risk.last_purchase.is_none() {
        0.0
    } else {
        1.0 - risk.risk
    };
    (Some(score), Why::Purchase(risk.reasons.clone()))
}

fn visits(input: &LoyaltyInput<'_>, since: NaiveDate) -> (Option<f64>, Why) {
    let mut days: Vec<NaiveDate> = input
        .visits
        .iter()
        .copied()
        .filter(|d| *d >= since && *d <= input.today)
        .collect();
    days.sort();
    days.dedup();
    if days.is_empty() || input.visit_every_days == 0 {
        return (None, Why::NoData);
    }
    let allowed = f64::from(input.visit_every_days) * (1.0 + VISIT_SLACK) + 1.0;
    let mut spans: Vec<i64> = days.windows(2).map(|w| (w[1] - w[0]).num_days()).collect();
    // The wait since the last visit counts once it is already late.
    let waiting = (input.today - days[days.len() - 1]).num_days();
    if waiting as f64 > allowed {
        spans.push(waiting);
    }
    if spans.is_empty() {
        return (None, Why::NoData);
    }
    let on_time = spans.iter().filter(|s| **s as f64 <= allowed).count();
    let total = spans.len();
    (
        Some(on_time as f64 / total as f64),
        Why::VisitsOnTime { on_time, total },
    )
}

fn repeat(input: &LoyaltyInput<'_>, since: NaiveDate) -> (Option<f64>, Why) {
    if input.must_stock.is_empty() {
        return (None, Why::NoData);
    }
    let recent: Vec<&(NaiveDate, String)> = input
        .bought
        .iter()
        .filter(|(d, _)| *d >= since && *d <= input.today)
        .collect();
    if recent.is_empty() {
        return (None, Why::NoData);
    }
    let repeated = input
        .must_stock
        .iter()
        .filter(|sku| {
            let mut days: Vec<NaiveDate> = recent
                .iter()
                .filter(|(_, s)| s == *sku)
                .map(|(d, _)| *d)
                .collect();
            days.sort();
            days.dedup();
            days.len() >= 2
        })
        .count();
    let must_stock = input.must_stock.len();
    (
        Some(repeated as f64 / must_stock as f64),
        Why::RepeatBought {
            repeated,
            must_stock,
        },
    )
}

fn payment(input: &LoyaltyInput<'_>, since: NaiveDate) -> (Option<f64>, Why) {
    let recent: Vec<&Invoice> = input
        .invoices
        .iter()
        .filter(|i| i.date >= since && i.date <= input.today)
        .collect();
    if recent.is_empty() {
        return (None, Why::NoData);
    }
    let overdue = recent.iter().filter(|i| i.is_overdue(input.today)).count();
    let total: i64 = recent.iter().map(|i| i.amount.0.max(0)).sum();
    let late: i64 = recent
        .iter()
        .filter(|i| i.is_overdue(input.today))
        .map(|i| i.open_amount().0.max(0))
        .sum();
    // Both the share of invoices and of money overdue: one big unpaid invoice hurts.
    let by_count = overdue as f64 / recent.len() as f64;
    let by_money = if total > 0 {
        late as f64 / total as f64
    } else {
        0.0
    };
    (
        Some(1.0 - by_count.max(by_money).min(1.0)),
        Why::InvoicesOverdue {
            overdue,
            invoices: recent.len(),
        },
    )
}

fn in_window<'a>(
    input: &'a LoyaltyInput<'_>,
    since: NaiveDate,
) -> impl Iterator<Item = &'a TimelineEntry> {
    let today = input.today;
    input
        .timeline
        .iter()
        .filter(move |e| e.date >= since && e.date <= today)
}

fn count(input: &LoyaltyInput<'_>, since: NaiveDate, kind: impl Fn(&EntryKind) -> bool) -> usize {
    in_window(input, since).filter(|e| kind(&e.kind)).count()
}

/// (count, recency-weighted count) of entries of a kind.
fn decayed(
    input: &LoyaltyInput<'_>,
    since: NaiveDate,
    half_life: f64,
    kind: impl Fn(&EntryKind) -> bool,
) -> (usize, f64) {
    in_window(input, since)
        .filter(|e| kind(&e.kind))
        .map(|e| 0.5f64.powf((input.today - e.date).num_days() as f64 / half_life))
        .fold((0, 0.0), |(n, w), x| (n + 1, w + x))
}
