//! The conflict log: a value that lost to a concurrent edit on another
//! device, kept with both sides so a supervisor can choose. Two devices that
//! meet the same conflict make the same entry (same id, same bytes), so the
//! log syncs without duplicates.

use super::{FieldStamp, Fields, Versioned};
use crate::domain::{RecordMeta, Stamp};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The field name a removal conflict carries.
pub const REMOVED: &str = "removed";

/// How a supervisor settled a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    pub by: String,
    pub at: DateTime<Utc>,
    /// The value chosen (JSON text of the field's value).
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldConflict {
    pub meta: RecordMeta,
    /// "store", "product" or "rep".
    pub kind: String,
    /// The record's code.
    pub code: String,
    /// The field's name, or [`REMOVED`].
    pub field: String,
    /// The value that stayed (JSON text).
    pub kept: String,
    pub kept_stamp: FieldStamp,
    /// The value that lost (JSON text).
    pub lost: String,
    pub lost_stamp: FieldStamp,
    pub resolution: Option<Resolution>,
}

fn ms_time(ms: u64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms as i64).unwrap_or_default()
}

impl FieldConflict {
    fn made(
        kind: &str,
        code: &str,
        field: &str,
        kept: (String, FieldStamp),
        lost: (String, FieldStamp),
    ) -> Self {
        // the id and meta come from the conflict itself, never from the
        // device that noticed it
        let mut h = Sha256::new();
        for part in [kind, code, field, &lost.1.device, &lost.1.by] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        h.update(lost.1.hlc.to_be_bytes());
        let digest = h.finalize();
        let random = u128::from_be_bytes(digest[..16].try_into().unwrap_or([0; 16]));
        let hlc = kept.1.hlc.max(lost.1.hlc);
        let id = ulid::Ulid::from_parts(hlc >> 16, random);
        let stamp = Stamp {
            by: lost.1.by.clone(),
            device: lost.1.device.clone(),
            at: ms_time(hlc >> 16),
        };
        let mut meta = RecordMeta::new(id, stamp);
        meta.hlc = hlc;
        Self {
            meta,
            kind: kind.to_string(),
            code: code.to_string(),
            field: field.to_string(),
            kept: kept.0,
            kept_stamp: kept.1,
            lost: lost.0,
            lost_stamp: lost.1,
            resolution: None,
        }
    }

    /// Field `i` of `lose` lost to the concurrent edit in `win`.
    pub fn between<T: Fields>(win: &Versioned<T>, lose: &Versioned<T>, i: usize) -> Self {
        Self::made(
            T::KIND,
            win.value.code(),
            T::FIELDS[i],
            (
                win.value.field_json(i).to_string(),
                win.clocks.fields[i].clone(),
            ),
            (
                lose.value.field_json(i).to_string(),
                lose.clocks.fields[i].clone(),
            ),
        )
    }

    /// The removal in `removed` lost to edits in `edited` its remover never saw.
    pub fn removal<T: Fields>(
        state: &Versioned<T>,
        removed: &Versioned<T>,
        edited: &Versioned<T>,
    ) -> Self {
        let removal = state.clocks.removal.stamp.clone().unwrap_or_else(|| {
            FieldStamp::of(removed.value.meta()) // a removal always has a stamp
        });
        let newest = edited
            .clocks
            .fields
            .iter()
            .filter(|f| {
                state
                    .clocks
                    .removal
                    .seen
                    .get(&f.device)
                    .is_none_or(|h| *h < f.hlc)
            })
            .max()
            .cloned()
            .unwrap_or_else(|| FieldStamp::of(edited.value.meta()));
        Self::removal_lost(state.value.code(), T::KIND, newest, removal)
    }

    /// A removal (`lost`) that gave way to an edit or restore (`kept`) its
    /// remover never saw.
    pub fn removal_lost(code: &str, kind: &str, kept: FieldStamp, lost: FieldStamp) -> Self {
        Self::made(
            kind,
            code,
            REMOVED,
            ("false".into(), kept),
            ("true".into(), lost),
        )
    }

    pub fn is_open(&self) -> bool {
        self.resolution.is_none()
    }

    /// The id as text (what `rounds conflicts resolve` takes).
    pub fn id(&self) -> String {
        self.meta.id.to_string()
    }
}
