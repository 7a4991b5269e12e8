//! What the demo's recent visits recorded: shelf audits, expiry batches,
//! returns, and a few amendments made after submit, so that the review
//! screen and the team dashboard have real material on first start.

use super::generate::DemoRecords;
use crate::domain::visit::write::describe_audit;
use crate::domain::visit::{
    Amendment, AuditLine, Batch, BatchAction, MissingReason, ReturnLine, ReturnReason,
    ReturnStatus, returns::return_value,
};
use crate::domain::{Money, RecordMeta, Stamp};
use chrono::{Duration, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::HashMap;
use ulid::Ulid;

/// Visits this recent get their lines (older ones keep only the visit).
const DAYS_WITH_LINES: i64 = 35;

#[derive(Default)]
pub struct VisitHistory {
    pub audit: Vec<AuditLine>,
    pub batches: Vec<Batch>,
    pub returns: Vec<ReturnLine>,
    pub amendments: Vec<Amendment>,
}

pub fn build(data: &DemoRecords, today: NaiveDate, device: &str) -> VisitHistory {
    let mut rng = ChaCha8Rng::seed_from_u64(0x4849_5354); // "HIST"
    let mut skus: HashMap<&str, Vec<&str>> = HashMap::new();
    for line in &data.assortment {
        skus.entry(&line.store_code).or_default().push(&line.sku);
    }
    let products: HashMap<&str, _> = data.products.iter().map(|p| (p.sku.as_str(), p)).collect();
    let mut h = VisitHistory::default();
    let mut n = 0u64;
    for (i, v) in data.visits.iter().enumerate() {
        if v.date < today - Duration::days(DAYS_WITH_LINES) {
            continue;
        }
        let stamp = |at| Stamp {
            by: v.rep.clone(),
            device: device.to_string(),
            at,
        };
        let mut meta = |at, rng: &mut ChaCha8Rng| {
            n += 1;
            let id = Ulid::from_parts(
                at_ms(at),
                u128::from(n) << 32 | u128::from(rng.random::<u32>()),
            );
            RecordMeta::new(id, stamp(at))
        };
        // reps differ: R01 keeps shelves fuller than R04
        let rep_skill = match v.rep.as_str() {
            "R01" => 0.95,
            "R02" => 0.9,
            "R03" => 0.86,
            _ => 0.8,
        };
        let at = v.checked_in + Duration::minutes(3);
        let mut first_line: Option<AuditLine> = None;
        for sku in skus.get(v.store_code.as_str()).into_iter().flatten() {
            let Some(p) = products.get(sku) else { continue };
            let on_shelf = rng.random_bool(rep_skill);
            let price_seen = on_shelf.then(|| {
                // most prices at list, some off by more than the tolerance
                let off: f64 = if rng.random_bool(0.88) {
                    0.0
                } else {
                    rng.random_range(0.04..0.15)
                };
                Money((p.list_price.minor() as f64 * (1.0 + off)).round() as i64)
            });
            let line = AuditLine {
                meta: meta(at, &mut rng),
                visit_id: v.meta.id,
                sku: (*sku).to_string(),
                on_shelf,
                facings: on_shelf.then(|| rng.random_range(1..=4)),
                price_seen,
                missing: (!on_shelf).then(|| {
                    [
                        MissingReason::NotOrdered,
                        MissingReason::NotDelivered,
                        MissingReason::InBackroom,
                    ][rng.random_range(0..3)]
                }),
                stock: None,
            };
            if first_line.is_none() && !line.on_shelf {
                first_line = Some(line.clone());
            }
            h.audit.push(line);
        }
        // a batch or two checked; some found past their date
        for _ in 0..rng.random_range(0..=2) {
            let Some(sku) = skus
                .get(v.store_code.as_str())
                .and_then(|s| s.get(rng.random_range(0..s.len().max(1))))
            else {
                continue;
            };
            let expired = rng.random_bool(0.25);
            let expiry = if expired {
                v.date - Duration::days(rng.random_range(1..=4))
            } else {
                v.date + Duration::days(rng.random_range(0..=20))
            };
            h.batches.push(Batch {
                meta: meta(at + Duration::minutes(10), &mut rng),
                visit_id: v.meta.id,
                store_code: v.store_code.clone(),
                sku: (*sku).to_string(),
                expiry,
                qty: rng.random_range(1..=6),
                action: Some(if expired {
                    BatchAction::Pulled
                } else {
                    BatchAction::MovedToFront
                }),
            });
            if expired {
                let list = products.get(sku).map(|p| p.list_price).unwrap_or_default();
                let qty = rng.random_range(1..=6);
                // returns older than a week were mostly written off; some were not
                let written = (today - v.date).num_days() > 7 && rng.random_bool(0.8);
                h.returns.push(ReturnLine {
                    meta: meta(at + Duration::minutes(12), &mut rng),
                    visit_id: v.meta.id,
                    store_code: v.store_code.clone(),
                    sku: (*sku).to_string(),
                    qty,
                    value: return_value(qty, list),
                    reason: ReturnReason::Expired,
                    status: if written {
                        ReturnStatus::WrittenOff
                    } else {
                        ReturnStatus::Logged
                    },
                    logged: v.date,
                    written_off: written.then(|| v.date + Duration::days(3)),
                    closed: None,
                    from_batch: None,
                });
            }
        }
        // every ninth visit was corrected after submit: a line found in the backroom
        if i % 9 == 4
            && let Some(before) = first_line
        {
            let mut after = before.clone();
            after.on_shelf = true;
            after.facings = Some(1);
            after.missing = None;
            let when = v.submitted.unwrap_or(v.checked_in) + Duration::hours(2);
            after.meta.touch(stamp(when));
            h.amendments.push(Amendment {
                meta: meta(when, &mut rng),
                visit_id: v.meta.id,
                target: format!("audit {}", before.sku),
                before: describe_audit(&before),
                after: describe_audit(&after),
            });
            if let Some(slot) = h.audit.iter_mut().find(|a| a.meta.id == before.meta.id) {
                *slot = after;
            }
        }
    }
    h
}

fn at_ms(at: chrono::DateTime<chrono::Utc>) -> u64 {
    at.timestamp_millis().max(0) as u64
}
