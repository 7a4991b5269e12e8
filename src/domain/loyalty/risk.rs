//! Stores at risk: how likely a store is to have stopped buying, judged
//! against its own rhythm, with the reasons in words. See docs/loyalty.md.

use super::gaps::gaps;
use super::purchases::Purchase;
use super::rhythm::{Rhythm, RhythmPrior, rhythm, survival};
use crate::domain::Settings;
use chrono::NaiveDate;
use serde::Serialize;

/// The lapse horizon is at least this many of the store's usual gaps: a
/// store that buys every two months has not lapsed after one quiet month.
const HORIZON_GAPS: f64 = 2.0;
/// A fall in spending smaller than this is noise (one purchase more or less
/// in the window).
const TREND_NOISE: f64 = 0.2;
/// A fall this big adds the most risk a fall can add; a store buying half
/// as much as before is flagged on that alone.
const TREND_FULL: f64 = 0.6;
const TREND_MAX: f64 = 0.8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum RiskStatus {
    /// Never bought: nothing to lose yet.
    NoPurchases,
    Steady,
    AtRisk,
    /// Gone far past its rhythm (see `lost_after_gaps`): counted as lost.
    Lost,
}

impl RiskStatus {
    pub fn key(self) -> &'static str {
        match self {
            Self::NoPurchases => "no_purchases",
            Self::Steady => "steady",
            Self::AtRisk => "at_risk",
            Self::Lost => "lost",
        }
    }
}

/// Why, most decisive first; the UI words each by its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum RiskReason {
    NoPurchaseYet,
    /// One purchase so far, `days_since` ago.
    SinglePurchase {
        days_since: i64,
    },
    /// "no order for 41 days; usually every 9".
    Overdue {
        days_since: i64,
        usual_gap: i64,
    },
    /// "last order 3 days ago; usually every 9".
    OnRhythm {
        days_since: i64,
        usual_gap: i64,
    },
    /// "buying 45 % less over the last 6 weeks than before".
    VolumeDown {
        percent: i64,
        weeks: i64,
    },
}

impl RiskReason {
    pub fn key(self) -> &'static str {
        match self {
            Self::NoPurchaseYet => "no_purchase_yet",
            Self::SinglePurchase { .. } => "single_purchase",
            Self::Overdue { .. } => "overdue",
            Self::OnRhythm { .. } => "on_rhythm",
            Self::VolumeDown { .. } => "volume_down",
        }
    }

    /// English wording, for the export and logs (the UI uses `key`).
    pub fn english(self) -> String {
        match self {
            Self::NoPurchaseYet => "no purchase yet".into(),
            Self::SinglePurchase { days_since } => format!("one purchase, {days_since} days ago"),
            Self::Overdue {
                days_since,
                usual_gap,
            } => format!("no order for {days_since} days; usually every {usual_gap} days"),
            Self::OnRhythm {
                days_since,
                usual_gap,
            } => format!("last order {days_since} days ago; usually every {usual_gap} days"),
            Self::VolumeDown { percent, weeks } => {
                format!("buying {percent}% less over the last {weeks} weeks")
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Risk {
    /// 0–1, higher means more likely to stop buying.
    pub risk: f64,
    pub status: RiskStatus,
    pub at_risk: bool,
    pub last_purchase: Option<NaiveDate>,
    pub rhythm: Option<Rhythm>,
    /// Part of the risk from the time since the last purchase...
    pub recency_risk: f64,
    /// ...and from spending falling (0 when it does not).
    pub trend_risk: f64,
    pub reasons: Vec<RiskReason>,
}

impl Risk {
    pub fn usual_gap_days(&self) -> Option<i64> {
        self.rhythm.map(|r| r.usual_gap.round() as i64)
    }

    /// The reasons joined, in English.
    pub fn reason_text(&self) -> String {
        self.reasons
            .iter()
            .map(|r| r.english())
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The risk of `purchases` (by date, one a day; see `purchases::purchases`)
/// as of `today`. Purchases after `today` are ignored, so a backtest can
/// cut a history anywhere.
pub fn risk(
    purchases: &[Purchase],
    today: NaiveDate,
    prior: RhythmPrior,
    settings: &Settings,
) -> Risk {
    let past: Vec<Purchase> = purchases
        .iter()
        .copied()
        .filter(|p| p.date <= today)
        .collect();
    let Some(last) = past.last().map(|p| p.date) else {
        let q = prior.drop_a / (prior.drop_a + prior.drop_b);
        return Risk {
            risk: q,
            status: RiskStatus::NoPurchases,
            at_risk: false,
            last_purchase: None,
            rhythm: None,
            recency_risk: q,
            trend_risk: 0.0,
            reasons: vec![RiskReason::NoPurchaseYet],
        };
    };
    let g = gaps(&past);
    let r = rhythm(&g, prior);
    let since = (today - last).num_days();
    // P(stopped | no purchase for `since` days), by Bayes: a store that
    // stopped shows silence for sure, a live one with P(gap > since). The
    // chance to stop after a purchase is beta-geometric: a / (a + b + n)
    // after n returns.
    let q = prior.drop_a / (prior.drop_a + prior.drop_b + g.len() as f64);
    let s_now = survival(&r, since as f64);
    let alive = (1.0 - q) * s_now;
    let stopped = if q + alive > 0.0 {
        q / (q + alive)
    } else {
        1.0
    };
    // A lapse: no purchase over the horizon ahead. A stopped store lapses;
    // a live one when its current gap runs past the horizon too.
    let horizon = (settings.lapse_horizon_days as f64).max(HORIZON_GAPS * r.usual_gap);
    let silent_on = if s_now > 0.0 {
        (survival(&r, since as f64 + horizon) / s_now).min(1.0)
    } else {
        1.0
    };
    let recency_risk = stopped + (1.0 - stopped) * silent_on;
    let (trend_risk, drop) = trend(&past, today, &r);
    let value = 1.0 - (1.0 - recency_risk) * (1.0 - trend_risk);
    let usual = r.usual_gap.round() as i64;
    let lost_after = (settings.lost_after_gaps * r.usual_gap).max(settings.lost_min_days as f64);
    let at_risk = value >= settings.at_risk_threshold;
    let status = if since as f64 >= lost_after {
        RiskStatus::Lost
    } else if at_risk {
        RiskStatus::AtRisk
    } else {
        RiskStatus::Steady
    };
    let mut reasons = Vec::new();
    if g.is_empty() {
        reasons.push(RiskReason::SinglePurchase { days_since: since });
    } else if recency_risk >= settings.at_risk_threshold || status == RiskStatus::Lost {
        reasons.push(RiskReason::Overdue {
            days_since: since,
            usual_gap: usual,
        });
    }
    if let Some((percent, weeks)) = drop {
        reasons.push(RiskReason::VolumeDown { percent, weeks });
    }
    if !g.is_empty()
        && !reasons
            .iter()
            .any(|x| matches!(x, RiskReason::Overdue { .. }))
    {
        reasons.push(RiskReason::OnRhythm {
            days_since: since,
            usual_gap: usual,
        });
    }
    // The bigger part of the risk speaks first.
    if trend_risk > recency_risk {
        reasons.sort_by_key(|x| !matches!(x, RiskReason::VolumeDown { .. }));
    }
    Risk {
        risk: value.clamp(0.0, 1.0),
        status,
        at_risk: at_risk || status == RiskStatus::Lost,
        last_purchase: Some(last),
        rhythm: Some(r),
        recency_risk,
        trend_risk,
        reasons,
    }
}

/// Risks below this are never flagged, whatever the book's threshold: in a
/// healthy book the expected-F1 rule would otherwise flag its least safe store.
const FLAG_FLOOR: f64 = 0.2;

impl Risk {
    /// Takes the calibrated model's risk and the book's flag threshold; the
    /// status and reasons follow (a lost store stays lost).
    fn calibrated(&mut self, p: f64, threshold: f64) {
        self.risk = p.clamp(0.0, 1.0);
        let flagged = self.risk >= threshold;
        self.at_risk = flagged || self.status == RiskStatus::Lost;
        if self.status != RiskStatus::Lost && self.status != RiskStatus::NoPurchases {
            self.status = if flagged {
                RiskStatus::AtRisk
            } else {
                RiskStatus::Steady
            };
        }
        if flagged {
            // silent longer than usual is the first reason when flagged
            for r in &mut self.reasons {
                if let RiskReason::OnRhythm {
                    days_since,
                    usual_gap,
                } = *r
                    && days_since > usual_gap
                {
                    *r = RiskReason::Overdue {
                        days_since,
                        usual_gap,
                    };
                }
            }
        }
    }
}

/// What a store's risk is judged against, fitted on the whole book as of a
/// day: the rhythm prior, the model calibrated on the book's own past
/// (`calibrated::calibrate`) and its flag threshold. Fitting reads every
/// store; judging one store then reads only that store.
#[derive(Debug, Clone, PartialEq)]
pub struct BookModel {
    pub today: NaiveDate,
    prior: RhythmPrior,
    calibration: Option<super::calibrated::Calibration>,
    /// From the risks the book expects to give the best F1, but never above
    /// `at_risk_threshold` nor below 0.2.
    threshold: Option<f64>,
}

impl BookModel {
    /// Histories are by date, one purchase a day; purchases after `today`
    /// are ignored.
    pub fn fit(histories: &[&[Purchase]], today: NaiveDate, settings: &Settings) -> Self {
        use super::calibrated::{calibrate, expected_f1_threshold};
        let prior = super::book::book(histories, today);
        let past: Vec<&[Purchase]> = histories
            .iter()
            .map(|h| &h[..h.partition_point(|p| p.date <= today)])
            .collect();
        let calibration = calibrate(&past, today, settings.lapse_horizon_days);
        let threshold = calibration.as_ref().and_then(|cal| {
            let known: Vec<f64> = past.iter().filter_map(|h| cal.score(h, today)).collect();
            expected_f1_threshold(&known).map(|t| t.min(settings.at_risk_threshold).max(FLAG_FLOOR))
        });
        Self {
            today,
            prior,
            calibration,
            threshold,
        }
    }

    /// Whether the calibrated model judges (else the rhythm model alone).
    pub fn is_calibrated(&self) -> bool {
        self.calibration.is_some() && self.threshold.is_some()
    }

    /// One store's risk as of the day the model was fitted.
    pub fn risk(&self, purchases: &[Purchase], settings: &Settings) -> Risk {
        let mut r = risk(purchases, self.today, self.prior, settings);
        if let (Some(cal), Some(threshold)) = (&self.calibration, self.threshold) {
            let past = &purchases[..purchases.partition_point(|p| p.date <= self.today)];
            if let Some(p) = cal.score(past, self.today) {
                r.calibrated(p, threshold);
            }
        }
        r
    }
}

/// Every store's risk as of `today`, judged against the whole book (see
/// `BookModel`).
pub fn book_risks(histories: &[&[Purchase]], today: NaiveDate, settings: &Settings) -> Vec<Risk> {
    let model = BookModel::fit(histories, today, settings);
    histories.iter().map(|h| model.risk(h, settings)).collect()
}

/// Purchases compared for the trend: the last few against up to this many before.
const TREND_RECENT: usize = 3;
const TREND_BEFORE: usize = 9;

/// Spending per day over the last three purchases against the (up to) nine
/// before. Each purchase covers the time until the next one; the last one
/// covers at least a usual gap, or the silence since, if longer. Anchoring on
/// purchases, not calendar windows, keeps one purchase more or less in a
/// window from reading as a trend. Returns the added risk and, when a fall
/// counts, its size in percent and the recent span in weeks.
fn trend(past: &[Purchase], today: NaiveDate, r: &Rhythm) -> (f64, Option<(i64, i64)>) {
    let n = past.len();
    if n < TREND_RECENT + 2 {
        return (0.0, None);
    }
    let split = n - TREND_RECENT;
    let first = split.saturating_sub(TREND_BEFORE);
    let days = |a: NaiveDate, b: NaiveDate| (b - a).num_days() as f64;
    let before: i64 = past[first..split].iter().map(|p| p.amount).sum();
    let before_span = days(past[first].date, past[split].date);
    let recent: i64 = past[split..].iter().map(|p| p.amount).sum();
    let last = past[n - 1].date;
    let recent_span = days(past[split].date, last) + days(last, today).max(r.usual_gap);
    if before <= 0 || before_span <= 0.0 || recent_span <= 0.0 {
        return (0.0, None);
    }
    let ratio = (recent as f64 / recent_span) / (before as f64 / before_span);
    let fall = 1.0 - ratio;
    if fall <= TREND_NOISE {
        return (0.0, None);
    }
    let added = ((fall - TREND_NOISE) / (TREND_FULL - TREND_NOISE)).min(1.0) * TREND_MAX;
    let weeks = (recent_span / 7.0).round().max(1.0) as i64;
    (added, Some(((fall * 100.0).round() as i64, weeks)))
}

/// Retention of a book of stores: of those that ever bought, how many are
/// not lost.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Retention {
    pub buying: usize,
    pub at_risk: usize,
    pub lost: usize,
    /// Share not lost (1 with no buying store).
    pub retained: f64,
}

pub fn retention<'a>(risks: impl IntoIterator<Item = &'a Risk>) -> Retention {
    let (mut buying, mut at_risk, mut lost) = (0, 0, 0);
    for r in risks {
        match r.status {
            RiskStatus::NoPurchases => continue,
            RiskStatus::Lost => lost += 1,
            RiskStatus::AtRisk => at_risk += 1,
            RiskStatus::Steady => {}
        }
        buying += 1;
    }
    Retention {
        buying,
        at_risk,
        lost,
        retained: if buying == 0 {
            1.0
        } else {
            1.0 - lost as f64 / buying as f64
        },
    }
}
