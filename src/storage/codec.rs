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
