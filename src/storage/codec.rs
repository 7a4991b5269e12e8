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
