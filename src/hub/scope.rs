//! Pure rules of the hub: what identifies a change, and whose a record is
//! (which rep's laptop receives it).

use serde_json::Value;
use sha2::{Digest, Sha256};

/// Trees every device receives: the catalog and the conflict log.
pub const TO_EVERY_DEVICE: &[&str] = &["products", "reps", "promotions", "conflicts"];

/// The id of a change: the same record version sent twice, by one device or
/// relayed by two, is one change.
pub fn change_id(tree: &str, key: &[u8], value: &[u8]) -> Vec<u8> {
    let mut h = Sha256::new();
    for part in [tree.as_bytes(), key, value] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part);
    }
    h.finalize().to_vec()
}

fn text(doc: &Value, field: &str) -> Option<String> {
    doc.get(field).and_then(Value::as_str).map(str::to_string)
}

/// `S001-20261124-01` is store S001's: the order number without its date
/// and sequence.
fn store_of_order(number: &str) -> Option<String> {
    let mut parts = number.rsplitn(3, '-');
    let (_, _, store) = (parts.next()?, parts.next()?, parts.next()?);
    Some(store.to_string())
}

/// The store a record belongs to, when it belongs to one.
pub fn store_code(tree: &str, doc: &Value) -> Option<String> {
    match tree {
        "stores" => text(doc, "code"),
        "deliveries" => text(doc, "order_id").and_then(|n| store_of_order(&n)),
        _ => text(doc, "store_code"),
    }
}

/// The visit a record belongs to (its ULID as text), when it belongs to one.
pub fn visit_id(tree: &str, doc: &Value) -> Option<String> {
    match tree {
        "visits" => doc
            .get("meta")
            .and_then(|m| m.get("id"))
            .and_then(Value::as_str)
            .map(str::to_string),
        "reviews" | "comments" => text(doc, "visit"),
        _ => text(doc, "visit_id"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_change_is_its_tree_key_and_value() {
        let a = change_id("stores", b"S1", b"v");
        assert_eq!(a, change_id("stores", b"S1", b"v"));
        assert_ne!(a, change_id("stores", b"S1", b"w"));
        // the parts are framed: moving a byte from key to value is another change
        assert_ne!(change_id("t", b"ab", b"c"), change_id("t", b"a", b"bc"));
    }

    #[test]
    fn records_say_whose_they_are() {
        let visit = json!({"meta": {"id": "01J"}, "store_code": "S1"});
        assert_eq!(store_code("visits", &visit).as_deref(), Some("S1"));
        assert_eq!(visit_id("visits", &visit).as_deref(), Some("01J"));
        let line = json!({"visit_id": "01J", "sku": "P1"});
        assert_eq!(store_code("visit_audit", &line), None);
        assert_eq!(visit_id("visit_audit", &line).as_deref(), Some("01J"));
        let store = json!({"code": "S9", "rep": "R1"});
        assert_eq!(store_code("stores", &store).as_deref(), Some("S9"));
        let delivery = json!({"order_id": "S-01-20261124-02"});
        assert_eq!(store_code("deliveries", &delivery).as_deref(), Some("S-01"));
        assert_eq!(
            visit_id("reviews", &json!({"visit": "01K"})).as_deref(),
            Some("01K")
        );
    }
}
