//! Values are bincode (serde) behind the database's schema version.

use super::{Result, StorageError};
use serde::{Serialize, de::DeserializeOwned};

fn config() -> bincode::config::Configuration {
    bincode::config::standard()
}

pub fn encode<T: Serialize>(kind: &'static str, value: &T) -> Result<Vec<u8>> {
    bincode::serde::encode_to_vec(value, config()).map_err(|e| StorageError::Encode {
        kind,
        detail: e.to_string(),
    })
}

pub fn decode<T: DeserializeOwned>(kind: &'static str, bytes: &[u8]) -> Result<T> {
    bincode::serde::decode_from_slice(bytes, config())
        .map(|(v, _)| v)
        .map_err(|e| StorageError::Corrupt {
            kind,
            detail: e.to_string(),
        })
}

/// A value and the bytes after it (a record with a trailing extension).
pub fn decode_prefix<'a, T: DeserializeOwned>(
    kind: &'static str,
    bytes: &'a [u8],
) -> Result<(T, &'a [u8])> {
    bincode::serde::decode_from_slice(bytes, config())
        .map(|(v, used)| (v, &bytes[used..]))
        .map_err(|e| StorageError::Corrupt {
            kind,
            detail: e.to_string(),
        })
}

/// An audit line is the line and then, only when the rep counted, the
/// counted stock: a line without a count keeps the bytes it had before
/// counting existed, and lines written before then read as not counted.
pub fn encode_audit(a: &crate::domain::visit::AuditLine) -> Result<Vec<u8>> {
    let mut out = encode("audit line", a)?;
    if let Some(stock) = a.stock {
        out.extend(encode("audit line", &stock)?);
    }
    Ok(out)
}

pub fn decode_audit(bytes: &[u8]) -> Result<crate::domain::visit::AuditLine> {
    let (mut line, rest): (crate::domain::visit::AuditLine, _) =
        decode_prefix("audit line", bytes)?;
    if !rest.is_empty() {
        line.stock = Some(decode("audit line", rest)?);
    }
    Ok(line)
}

/// A record that merges field by field is stored as its value followed by
/// its clocks. A value alone (written before schema 4) takes the record's
/// clock for every field.
pub fn decode_versioned<T: DeserializeOwned + crate::domain::merge::Fields>(
    kind: &'static str,
    bytes: &[u8],
) -> Result<crate::domain::merge::Versioned<T>> {
    use crate::domain::merge::{FieldClocks, Versioned};
    let corrupt = |e: bincode::error::DecodeError| StorageError::Corrupt {
        kind,
        detail: e.to_string(),
    };
    let (value, used): (T, usize) =
        bincode::serde::decode_from_slice(bytes, config()).map_err(corrupt)?;
    if used == bytes.len() {
        return Ok(Versioned::new(value));
    }
    let (clocks, _): (FieldClocks, usize) =
        bincode::serde::decode_from_slice(&bytes[used..], config()).map_err(corrupt)?;
    Ok(Versioned { value, clocks }.normalized())
}

pub fn encode_versioned<T: Serialize>(
    kind: &'static str,
    v: &crate::domain::merge::Versioned<T>,
) -> Result<Vec<u8>> {
    let mut out = encode(kind, &v.value)?;
    out.extend(encode(kind, &v.clocks)?);
    Ok(out)
}
