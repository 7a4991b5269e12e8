//! The conflict log: values that lost to a concurrent edit elsewhere, until
//! a supervisor settles them. Entries are records like any other (they sync);
//! the same conflict found on two devices is one entry.

use super::{Database, Result, StorageError, Stored, codec};
use crate::domain::merge::{FieldConflict, Resolution};
use crate::domain::{Product, Rep, Stamp, Store};

const TREE: &str = "conflicts";
const KIND: &str = "conflict";

/// What a supervisor keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// The value that stayed.
    Kept,
    /// The value that lost.
    Lost,
    /// A value typed by the supervisor (JSON of the field, or plain text).
    Typed(String),
}

fn rank(c: &FieldConflict, bytes: &[u8]) -> (u64, Vec<u8>) {
    (c.meta.hlc, bytes.to_vec())
}

impl Database {
    /// Adds entries the merge found; an entry already logged stays unless the
    /// new one ranks higher. Returns how many were new.
    pub(crate) fn log_conflicts(&self, found: &[FieldConflict]) -> Result<usize> {
        if found.is_empty() {
            return Ok(0);
        }
        self.atomically(|| {
            let tree = self.tree(TREE)?;
            let mut write: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
            let mut new = 0;
            for c in found {
                let key = c.meta.id.to_bytes().to_vec();
                let bytes = codec::encode(KIND, c)?;
                let pending = write.iter().position(|(k, _)| *k == key);
                let current = match pending {
                    Some(i) => Some(write[i].1.clone()),
                    None => tree.get(&key)?.map(|v| v.to_vec()),
                };
                let better = match &current {
                    None => {
                        new += 1;
                        true
                    }
                    Some(old) => {
                        let old_c: FieldConflict = codec::decode(KIND, old)?;
                        rank(c, &bytes) > rank(&old_c, old)
                    }
                };
                if better {
                    match pending {
                        Some(i) => write[i].1 = bytes,
                        None => write.push((key, bytes)),
                    }
                }
            }
            self.put_all_encoded(TREE, write)?;
            Ok(new)
        })
    }

    /// Every entry, newest first; only the open ones unless `all`.
    pub fn conflicts(&self, all: bool) -> Result<Vec<FieldConflict>> {
        let mut out: Vec<FieldConflict> = self.scan(TREE, KIND, b"")?;
        out.retain(|c| all || c.is_open());
        out.reverse();
        Ok(out)
    }

    /// Open conflicts on one record.
    pub fn conflicts_of(&self, kind: &str, code: &str) -> Result<Vec<FieldConflict>> {
        Ok(self
            .conflicts(false)?
            .into_iter()
            .filter(|c| c.kind == kind && c.code == code)
            .collect())
    }

    /// The entry whose id starts with `id` (ids are long: a prefix will do
    /// when it names one entry).
    pub fn conflict(&self, id: &str) -> Result<FieldConflict> {
        let id = id.trim().to_uppercase();
        let mut found: Vec<FieldConflict> = self
            .conflicts(true)?
            .into_iter()
            .filter(|c| c.id().starts_with(&id))
            .collect();
        match found.len() {
            1 => Ok(found.remove(0)),
            0 => Err(StorageError::Invalid(format!("no conflict {id}"))),
            n => Err(StorageError::Invalid(format!(
                "{n} conflicts start with {id}: give more of the id"
            ))),
        }
    }

    /// Settles a conflict: the chosen value becomes an edit made here (it
    /// syncs like any edit) and the entry is marked settled.
    pub fn settle_conflict(&self, id: &str, choice: &Choice, stamp: &Stamp) -> Result<()> {
        let mut c = self.conflict(id)?;
        if !c.is_open() {
            return Err(StorageError::Invalid(format!(
                "conflict {} is settled already",
                c.id()
            )));
        }
        self.atomically(|| {
            let value = match choice {
                Choice::Kept => c.kept.clone(),
                Choice::Lost => c.lost.clone(),
                Choice::Typed(text) => typed_json(&c, text)?,
            };
            if value != current_json(self, &c)? {
                self.apply_choice(&c, &value, stamp)?;
            }
            c.meta.touch(stamp.clone());
            c.resolution = Some(Resolution {
                by: stamp.by.clone(),
                at: stamp.at,
                value,
            });
            self.put_all(TREE, KIND, [(c.meta.id.to_bytes().to_vec(), &c)])
        })
    }

    fn apply_choice(&self, c: &FieldConflict, json: &str, stamp: &Stamp) -> Result<()> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| StorageError::Invalid(e.to_string()))?;
        let key = c.code.as_bytes();
        if c.field == crate::domain::merge::conflict::REMOVED {
            return match (c.kind.as_str(), value.as_bool()) {
                ("store", Some(true)) => self
                    .remove_records::<Store>(&[key.to_vec()], stamp)
                    .map(drop),
                ("product", Some(true)) => self
                    .remove_records::<Product>(&[key.to_vec()], stamp)
                    .map(drop),
                ("rep", Some(true)) => self.remove_records::<Rep>(&[key.to_vec()], stamp).map(drop),
                _ => Ok(()), // keeping the record: it is there
            };
        }
        match c.kind.as_str() {
            "store" => set::<Store>(self, c, key, value, stamp),
            "product" => set::<Product>(self, c, key, value, stamp),
            "rep" => set::<Rep>(self, c, key, value, stamp),
            other => Err(StorageError::Invalid(format!("no records of kind {other}"))),
        }
    }
}

fn set<T: Stored>(
    db: &Database,
    c: &FieldConflict,
    key: &[u8],
    value: serde_json::Value,
    stamp: &Stamp,
) -> Result<()> {
    let field = T::field_index(&c.field)
        .ok_or_else(|| StorageError::Invalid(format!("no field {} on a {}", c.field, c.kind)))?;
    db.set_field::<T>(key, field, value, stamp)
}

/// The field's value now (JSON text), to skip an edit that changes nothing.
fn current_json(db: &Database, c: &FieldConflict) -> Result<String> {
    fn of<T: Stored>(db: &Database, c: &FieldConflict) -> Result<String> {
        let Some(v) = db.versioned::<T>(c.code.as_bytes())? else {
            return Ok(String::new());
        };
        if c.field == crate::domain::merge::conflict::REMOVED {
            return Ok(v.is_removed().to_string());
        }
        Ok(T::field_index(&c.field)
            .map(|i| v.value.field_json(i).to_string())
            .unwrap_or_default())
    }
    match c.kind.as_str() {
        "store" => of::<Store>(db, c),
        "product" => of::<Product>(db, c),
        _ => of::<Rep>(db, c),
    }
}

/// What the supervisor typed, as JSON of the field's type: a number or
/// `true` as such when the field holds one, anything else as text. Whether
/// it fits the field is checked when it is set.
fn typed_json(c: &FieldConflict, text: &str) -> Result<String> {
    if c.field == crate::domain::merge::conflict::REMOVED {
        return Err(StorageError::Invalid(
            "a removal can only be kept or undone".into(),
        ));
    }
    let parsed = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .filter(|v| same_type(v, &c.kept))
        .unwrap_or_else(|| serde_json::Value::String(text.to_string()));
    Ok(parsed.to_string())
}

/// True when `v` is the same JSON type as the JSON text `like`.
fn same_type(v: &serde_json::Value, like: &str) -> bool {
    let Ok(like) = serde_json::from_str::<serde_json::Value>(like) else {
        return false;
    };
    std::mem::discriminant(v) == std::mem::discriminant(&like)
}
