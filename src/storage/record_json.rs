//! A record as JSON, for readers outside rounds (the office hub's BI views):
//! the value of its kind's type, and for stores, products and reps the
//! value without its clocks plus `"removed": true|false`.

use super::{Result, StorageError, Stored, codec};
use crate::domain::auth::User;
use crate::domain::merge::FieldConflict;
use crate::domain::order::Order;
use crate::domain::review::{VisitComment, VisitReview};
use crate::domain::route_plan::StorePlace;
use crate::domain::visit::{Amendment, Batch, Note, Problem, ReturnLine};
use crate::domain::{
    AssortmentLine, DeliveryLine, Invoice, Product, Promotion, Rep, SalesSeries, Store, Visit,
};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;

type ToJson = fn(&[u8]) -> Result<Value>;

fn json<T: Serialize>(value: &T) -> Result<Value> {
    serde_json::to_value(value).map_err(|e| StorageError::Encode {
        kind: "json",
        detail: e.to_string(),
    })
}

fn plain<T: DeserializeOwned + Serialize>(bytes: &[u8]) -> Result<Value> {
    json(&codec::decode::<T>("record", bytes)?)
}

fn versioned<T: Stored>(bytes: &[u8]) -> Result<Value> {
    let v = codec::decode_versioned::<T>(T::KIND, bytes)?;
    let mut out = json(&v.value)?;
    if let Value::Object(map) = &mut out {
        map.insert("removed".into(), Value::Bool(v.is_removed()));
    }
    Ok(out)
}

/// The line and, when the rep counted, its `stock` (stored after the line).
fn audit_line(bytes: &[u8]) -> Result<Value> {
    let line = codec::decode_audit(bytes)?;
    let mut out = json(&line)?;
    if let Value::Object(map) = &mut out {
        map.insert("stock".into(), line.stock.map_or(Value::Null, Value::from));
    }
    Ok(out)
}

const TABLE: &[(&str, ToJson)] = &[
    ("stores", versioned::<Store>),
    ("products", versioned::<Product>),
    ("reps", versioned::<Rep>),
    ("assortment", plain::<AssortmentLine>),
    ("conflicts", plain::<FieldConflict>),
    ("visits", plain::<Visit>),
    ("sales", plain::<SalesSeries>),
    ("deliveries", plain::<DeliveryLine>),
    ("invoices", plain::<Invoice>),
    ("promotions", plain::<Promotion>),
    ("users", plain::<User>),
    ("reviews", plain::<VisitReview>),
    ("comments", plain::<VisitComment>),
    ("orders", plain::<Order>),
    ("store_trust", plain::<super::StoreTrust>),
    ("visit_audit", audit_line),
    ("visit_batches", plain::<Batch>),
    ("returns", plain::<ReturnLine>),
    ("problems", plain::<Problem>),
    ("visit_notes", plain::<Note>),
    ("amendments", plain::<Amendment>),
    ("store_places", plain::<StorePlace>),
    ("contacts", plain::<crate::domain::client::Contact>),
    ("timeline", plain::<crate::domain::client::TimelineEntry>),
    (
        "store_profiles",
        plain::<crate::domain::client::StoreProfile>,
    ),
    ("plan_snoozes", plain::<crate::domain::client::PlanSnooze>),
    ("company_dates", plain::<crate::domain::dates::CompanyDate>),
];

/// The record of `tree` as JSON (a tree that holds no records is an error).
pub fn record_json(tree: &str, value: &[u8]) -> Result<Value> {
    let (_, to_json) = TABLE
        .iter()
        .find(|(t, _)| *t == tree)
        .ok_or_else(|| StorageError::Invalid(format!("no records live in the {tree} tree")))?;
    to_json(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_record_tree_has_a_json_form() {
        for (_, tree) in super::super::KINDS {
            assert!(TABLE.iter().any(|(t, _)| t == tree), "{tree}");
        }
        assert!(record_json("meta", b"").is_err());
    }

    #[test]
    fn an_audit_line_shows_its_count_when_counted() {
        let at = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let mut line = crate::domain::visit::AuditLine {
            meta: crate::domain::RecordMeta::fresh("R01", "dev", at),
            visit_id: ulid::Ulid::nil(),
            sku: "P1".into(),
            on_shelf: true,
            facings: Some(2),
            price_seen: None,
            missing: None,
            stock: None,
        };
        let uncounted = record_json("visit_audit", &codec::encode_audit(&line).unwrap()).unwrap();
        assert_eq!(uncounted["stock"], Value::Null);
        assert_eq!(uncounted["facings"], 2);
        line.stock = Some(14);
        let counted = record_json("visit_audit", &codec::encode_audit(&line).unwrap()).unwrap();
        assert_eq!(counted["stock"], 14);
    }
}
