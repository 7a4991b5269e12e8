//! The domain's codes and numbers in the user's language: the domain
//! returns data, the front ends (terminal and command line) call these.

use crate::domain::forecast::Method;
use crate::domain::order::{Reason, RefusalReason, Seen};
use crate::t;

/// The words for why a line was lowered or struck.
pub fn refusal_label(reason: RefusalReason) -> String {
    t!(&format!("refusal-{}", reason.key().replace('_', "-")))
}

/// Why a line has its quantity: one short sentence, most decisive fact first.
pub fn reason_text(reason: &Reason) -> String {
    let mut parts = Vec::new();
    if reason.raised_out_of_stock {
        parts.push(t!(
            "reason-out-of-stock",
            pack = i64::from(reason.case_pack)
        ));
    }
    if let Some(r) = reason.capped_by {
        parts.push(t!("reason-capped", why = refusal_label(r)));
    }
    if let Method::NoSales(days) = reason.method {
        // nothing sold on a must-stock line: most often not on the shelf at all
        let days = i64::from(days);
        parts.push(if days >= 14 {
            t!("reason-no-sales-weeks", weeks = days / 7)
        } else {
            t!("reason-no-sales-days", days = days)
        });
    } else {
        parts.push(t!(
            "reason-sells",
            rate = format!("{:.1}", reason.per_week),
            how = t!(&format!("method-{}", reason.method.key())),
            days = reason.cover_days.round() as i64
        ));
    }
    match reason.seen {
        Some(Seen::Stock(q)) if q > 0.0 => {
            parts.push(t!("reason-seen", units = format!("{q:.0}")));
        }
        Some(_) if !reason.raised_out_of_stock => parts.push(t!("reason-seen-empty")),
        _ => {}
    }
    if let Some(r) = reason.noted_refusal {
        parts.push(t!("reason-noted-refusal", why = refusal_label(r)));
    }
    if let Some(needs) = reason.case_minimum() {
        parts.push(t!(
            "reason-case-minimum",
            needs = needs,
            pack = i64::from(reason.case_pack)
        ));
    } else if reason.case_pack > 1 {
        parts.push(t!("reason-case", pack = i64::from(reason.case_pack)));
    }
    if let Some(code) = &reason.promotion {
        let key = if reason.topped_up {
            "reason-promo-topped"
        } else {
            "reason-promo"
        };
        parts.push(t!(key, code = code.clone()));
    }
    parts.join("; ")
}

/// Why a store is at risk (or not), in the user's words.
pub fn risk_reason(reason: crate::domain::loyalty::RiskReason) -> String {
    use crate::domain::loyalty::RiskReason as R;
    match reason {
        R::NoPurchaseYet => t!("risk-no-purchase-yet"),
        R::SinglePurchase { days_since } => t!("risk-single-purchase", days = days_since),
        R::Overdue {
            days_since,
            usual_gap,
        } => t!("risk-overdue", days = days_since, usual = usual_gap),
        R::OnRhythm {
            days_since,
            usual_gap,
        } => t!("risk-on-rhythm", days = days_since, usual = usual_gap),
        R::VolumeDown { percent, weeks } => {
            t!("risk-volume-down", percent = percent, weeks = weeks)
        }
    }
}

/// Every reason of a risk, most decisive first.
pub fn risk_reasons(risk: &crate::domain::loyalty::Risk) -> String {
    risk.reasons
        .iter()
        .map(|r| risk_reason(*r))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The loyalty index with each part's score and why, in the user's words.
pub fn loyalty_line(
    l: &crate::domain::loyalty::Loyalty,
) -> crate::screens::client_file::LoyaltyLine {
    use crate::domain::loyalty::Why;
    let parts = l
        .components
        .iter()
        .map(|c| {
            let why = match &c.why {
                Why::NoData => t!("loyalty-why-no-data"),
                Why::Purchase(reasons) => reasons
                    .iter()
                    .map(|r| risk_reason(*r))
                    .collect::<Vec<_>>()
                    .join("; "),
                Why::VisitsOnTime { on_time, total } => {
                    t!("loyalty-why-visits", on_time = *on_time, total = *total)
                }
                Why::RepeatBought {
                    repeated,
                    must_stock,
                } => t!(
                    "loyalty-why-repeat",
                    repeated = *repeated,
                    total = *must_stock
                ),
                Why::DraftsAccepted { percent, reviewed } => t!(
                    "loyalty-why-drafts",
                    percent = *percent,
                    reviewed = *reviewed
                ),
                Why::InvoicesOverdue { overdue, invoices } => {
                    t!("loyalty-why-payment", overdue = *overdue, total = *invoices)
                }
                Why::Referrals { count } => t!("loyalty-why-referrals", count = *count),
                Why::Complaints { count } => t!("loyalty-why-complaints", count = *count),
                Why::Refusals { count } => t!("loyalty-why-refusals", count = *count),
            };
            crate::screens::client_file::LoyaltyPart {
                label: t!(&format!("loyalty-part-{}", c.kind.key())),
                score: c.score.map(|s| (s * 100.0).round().clamp(0.0, 100.0) as u8),
                why,
                is_purchase: c.kind == crate::domain::loyalty::ComponentKind::Purchase,
            }
        })
        .collect();
    crate::screens::client_file::LoyaltyLine {
        index: l.index,
        parts,
    }
}
