//! Bundles are validated like imports, before anything is written: every
//! record must decode as its kind under the bundle's schema, its key must be
//! the one its content gives it (a store sent under another store's key
//! would replace that store), and no clock it carries may be more than a day
//! ahead of this computer's clock (a clock at u64::MAX would win every merge
//! forever). One bad record refuses the whole bundle, naming the record.

use super::SyncError;
use crate::storage::RawRecord;
use crate::storage::validate::{Invalid, check_record, upgrade_record};
use chrono::{DateTime, Duration, Utc};

/// The oldest schema whose bundles this build reads (records are upgraded).
pub const OLDEST_SCHEMA: u32 = 2;

/// How far ahead of the receiver's clock a record's clock may be.
fn tolerance() -> Duration {
    Duration::days(1)
}

/// A key as a person can read it: text parts joined by `/`, ids as ULIDs,
/// anything else in hex.
pub fn readable_key(key: &[u8]) -> String {
    let text = |p: &[u8]| {
        std::str::from_utf8(p)
            .ok()
            .filter(|t| !t.chars().any(|c| c.is_control() && c != '\0'))
            .map(|t| t.replace('\0', "/"))
    };
    if key.is_empty() {
        return "\"\"".to_string();
    }
    if let Some(t) = text(key) {
        return t;
    }
    // a store code (or other text) and then an id
    if let Some(at) = key.iter().position(|b| *b == 0)
        && at > 0
        && let Some(t) = text(&key[..at])
    {
        return format!("{t}/{}", readable_key(&key[at + 1..]));
    }
    // an id and then the rest
    if let Some((id, rest)) = key.split_first_chunk::<16>() {
        let id = ulid::Ulid::from_bytes(*id).to_string();
        let rest = rest.strip_prefix(&[0]).unwrap_or(rest);
        return if rest.is_empty() {
            id
        } else {
            format!("{id}/{}", readable_key(rest))
        };
    }
    key.iter().map(|b| format!("{b:02x}")).collect()
}

fn bad(number: usize, r: &RawRecord, reason: String) -> SyncError {
    SyncError::BadRecord {
        number,
        tree: r.tree.clone(),
        key: readable_key(&r.key),
        reason,
    }
}

fn reason_of(r: &RawRecord, schema: u32, invalid: Invalid) -> String {
    match invalid {
        Invalid::UnknownTree => crate::t!("sync-forbidden-tree", tree = r.tree.as_str()),
        Invalid::Undecodable(detail) | Invalid::Inconsistent(detail) => crate::t!(
            "sync-record-undecodable",
            tree = r.tree.as_str(),
            schema = schema,
            detail = detail
        ),
    }
}

/// Re-encodes the records of a bundle from an older schema as this build's;
/// `before` records of the bundle came before these (for the record's number).
pub fn upgrade(records: &mut [RawRecord], schema: u32, before: usize) -> Result<(), SyncError> {
    if schema == crate::storage::SCHEMA_VERSION {
        return Ok(());
    }
    for (i, r) in records.iter_mut().enumerate() {
        match upgrade_record(&r.tree, schema, &r.value) {
            Ok(value) => r.value = value,
            Err(e) => {
                let reason = reason_of(r, schema, e);
                return Err(bad(before + i + 1, r, reason));
            }
        }
    }
    Ok(())
}

/// Checks every record; the first bad one refuses the bundle.
pub fn check_all(records: &[RawRecord], now: DateTime<Utc>) -> Result<(), SyncError> {
    check_from(records, now, 0)
}

/// [`check_all`] for a chunk of a bundle that `before` records came before.
pub fn check_from(
    records: &[RawRecord],
    now: DateTime<Utc>,
    before: usize,
) -> Result<(), SyncError> {
    let limit = now + tolerance();
    let limit_ms = limit.timestamp_millis().max(0) as u64;
    for (i, r) in records.iter().enumerate() {
        let i = before + i;
        if !crate::storage::KINDS.iter().any(|(_, t)| *t == r.tree) {
            return Err(SyncError::ForbiddenTree(r.tree.clone()));
        }
        let checked = check_record(&r.tree, &r.value)
            .map_err(|e| bad(i + 1, r, reason_of(r, crate::storage::SCHEMA_VERSION, e)))?;
        if checked.key != r.key {
            let reason = crate::t!(
                "sync-record-wrong-key",
                expected = readable_key(&checked.key)
            );
            return Err(bad(i + 1, r, reason));
        }
        if checked.clock_ms > limit_ms {
            let at = i64::try_from(checked.clock_ms)
                .ok()
                .and_then(DateTime::<Utc>::from_timestamp_millis)
                .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_else(|| format!("{} ms", checked.clock_ms));
            let reason = crate::t!(
                "sync-record-future",
                at = at,
                now = now.format("%Y-%m-%d %H:%M UTC").to_string()
            );
            return Err(bad(i + 1, r, reason));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_as_text_ids_or_hex() {
        assert_eq!(readable_key(b"S001"), "S001");
        assert_eq!(readable_key(b"S001\0P1"), "S001/P1");
        let id = ulid::Ulid::from_parts(1, 2);
        let mut k = id.to_bytes().to_vec();
        k.extend_from_slice(b"P1");
        assert_eq!(readable_key(&k), format!("{id}/P1"));
        assert_eq!(readable_key(&[1, 2]), "0102");
        let mut k = b"S001\0".to_vec();
        k.extend_from_slice(&id.to_bytes());
        assert_eq!(readable_key(&k), format!("S001/{id}"));
    }
}
