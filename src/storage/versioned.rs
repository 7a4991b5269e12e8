//! Stores, products and reps are kept with their field clocks (see
//! `domain::merge`): every local write stamps the fields it changed, reads
//! leave out removed records, and a removal is a write like any other.

use super::{Database, Result, StorageError, codec};
use crate::domain::merge::{Fields, Versioned};
use crate::domain::{Product, RecordMeta, Rep, Stamp, Store};
use serde::{Serialize, de::DeserializeOwned};

/// A kind of record that merges field by field, and where it lives.
pub trait Stored: Fields + Serialize + DeserializeOwned {
    const TREE: &'static str;
    fn key(&self) -> Vec<u8>;
}

impl Stored for Store {
    const TREE: &'static str = "stores";
    fn key(&self) -> Vec<u8> {
        self.code.as_bytes().to_vec()
    }
}

impl Stored for Product {
    const TREE: &'static str = "products";
    fn key(&self) -> Vec<u8> {
        self.sku.as_bytes().to_vec()
    }
}

impl Stored for Rep {
    const TREE: &'static str = "reps";
    fn key(&self) -> Vec<u8> {
        self.code.as_bytes().to_vec()
    }
}

/// True for the trees whose records merge field by field.
pub fn is_versioned(tree: &str) -> bool {
    [Store::TREE, Product::TREE, Rep::TREE].contains(&tree)
}

impl Database {
    /// The record with its clocks, removed or not.
    pub fn versioned<T: Stored>(&self, key: &[u8]) -> Result<Option<Versioned<T>>> {
        self.tree(T::TREE)?
            .get(key)?
            .map(|v| codec::decode_versioned(T::KIND, &v))
            .transpose()
    }

    /// The record unless it was removed.
    pub(super) fn get_live<T: Stored>(&self, key: &[u8]) -> Result<Option<T>> {
        Ok(self
            .versioned::<T>(key)?
            .filter(|v| !v.is_removed())
            .map(|v| v.value))
    }

    /// Every record of the kind that was not removed, in key order.
    pub(super) fn scan_live<T: Stored>(&self) -> Result<Vec<T>> {
        let mut out = Vec::new();
        for item in self.tree(T::TREE)?.iter() {
            let (_, bytes) = item?;
            let v: Versioned<T> = codec::decode_versioned(T::KIND, &bytes)?;
            if !v.is_removed() {
                out.push(v.value);
            }
        }
        Ok(out)
    }

    /// Writes records made or changed here: each field that differs from
    /// the stored version takes the record's new clock.
    pub(super) fn put_versioned<T: Stored>(&self, items: &[T]) -> Result<()> {
        self.atomically(|| {
            let mut encoded = Vec::with_capacity(items.len());
            for item in items {
                let key = item.key();
                let state = match self.versioned::<T>(&key)? {
                    None => Versioned::new(item.clone()),
                    Some(stored) => stored.edit(continued(item.clone(), stored.value.meta())),
                };
                encoded.push((key, codec::encode_versioned(T::KIND, &state)?));
            }
            self.put_all_encoded(T::TREE, encoded)
        })
    }

    /// Removes records by key; returns how many were there to remove.
    pub fn remove_records<T: Stored>(&self, keys: &[Vec<u8>], stamp: &Stamp) -> Result<usize> {
        self.atomically(|| {
            let mut encoded = Vec::new();
            for key in keys {
                let Some(stored) = self.versioned::<T>(key)? else {
                    continue;
                };
                if stored.is_removed() {
                    continue;
                }
                let mut meta = stored.value.meta().clone();
                meta.touch(stamp.clone());
                encoded.push((
                    key.clone(),
                    codec::encode_versioned(T::KIND, &stored.remove(meta))?,
                ));
            }
            let n = encoded.len();
            self.put_all_encoded(T::TREE, encoded)?;
            Ok(n)
        })
    }

    /// Sets one field of a record to `value` (JSON), as an edit made here.
    pub fn set_field<T: Stored>(
        &self,
        key: &[u8],
        field: usize,
        value: serde_json::Value,
        stamp: &Stamp,
    ) -> Result<()> {
        self.atomically(|| {
            let Some(stored) = self.versioned::<T>(key)? else {
                return Err(StorageError::Invalid(format!(
                    "no {} {}",
                    T::KIND,
                    String::from_utf8_lossy(key)
                )));
            };
            let mut value_now = stored.value.clone();
            value_now
                .set_field_json(field, value)
                .map_err(StorageError::Invalid)?;
            value_now.meta_mut().touch(stamp.clone());
            self.put_versioned(&[value_now])
        })
    }
}

/// An edit of a stored record keeps its identity, and its clock moves past
/// the stored one (a record re-made by an import after a removal has a
/// fresh meta of its own).
fn continued<T: Fields>(mut edited: T, stored: &RecordMeta) -> T {
    let meta = edited.meta_mut();
    meta.id = stored.id;
    meta.created = stored.created.clone();
    if meta.hlc <= stored.hlc {
        meta.hlc = stored.hlc + 1;
    }
    edited
}
