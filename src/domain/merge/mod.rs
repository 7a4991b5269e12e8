//! One merge for records edited on many devices: field by field, each field
//! kept by its own clock, the same on every laptop and on the office hub.
//!
//! A record's state is its value plus [`FieldClocks`]: for every field the
//! stamp of its last edit, the record's removal register, and `seen`, the
//! newest edit of each device this state includes (a version vector). The
//! merge takes, field by field, the value with the larger stamp, and the
//! pointwise maximum of `seen`: a join, so delivery order and duplicates do
//! not matter. A value that loses to an edit whose state had not seen it was
//! a concurrent edit: it goes to the conflict log instead of vanishing.
//!
//! A removal is a register too. The record counts as removed only while every
//! field's current edit was seen by the removal, so an edit made elsewhere
//! that the remover never saw keeps the record alive (and is logged).

pub mod conflict;
pub mod fields;

pub use conflict::{FieldConflict, Resolution};
pub use fields::{Fields, field_text, set_field_text};

use super::RecordMeta;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Who changed a field, where, and when (by the hybrid logical clock).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FieldStamp {
    pub hlc: u64,
    pub device: String,
    pub by: String,
}

impl FieldStamp {
    /// The stamp of a record's last change (what old records carry for every field).
    pub fn of(meta: &RecordMeta) -> Self {
        Self {
            hlc: meta.hlc,
            device: meta.changed.device.clone(),
            by: meta.changed.by.clone(),
        }
    }

    /// Wall time of the stamp, ms since 1970.
    pub fn ms(&self) -> u64 {
        self.hlc >> 16
    }
}

/// The removal register: the last remove or restore, and what the remover had seen.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Removal {
    /// None: never removed nor restored.
    pub stamp: Option<FieldStamp>,
    pub removed: bool,
    pub seen: BTreeMap<String, u64>,
}

/// The clocks a record carries beside its value.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FieldClocks {
    /// One stamp per field of `Fields::FIELDS`, in order.
    pub fields: Vec<FieldStamp>,
    pub removal: Removal,
    /// For each device, the newest of its edits this state includes.
    pub seen: BTreeMap<String, u64>,
}

impl FieldClocks {
    /// Clocks for a record that never had them (made before per-field
    /// merging, or by an old bundle): every field takes the record's clock.
    pub fn legacy<T: Fields>(value: &T) -> Self {
        let stamp = FieldStamp::of(value.meta());
        let mut seen = BTreeMap::new();
        seen.insert(stamp.device.clone(), stamp.hlc);
        Self {
            fields: vec![stamp; T::FIELDS.len()],
            removal: Removal::default(),
            seen,
        }
    }

    fn has_seen(&self, stamp: &FieldStamp) -> bool {
        self.seen
            .get(&stamp.device)
            .is_some_and(|h| *h >= stamp.hlc)
    }
}

/// A record with its clocks: what is stored and what travels in bundles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Versioned<T> {
    pub value: T,
    pub clocks: FieldClocks,
}

impl<T: Fields> Versioned<T> {
    /// A record as first made, every field stamped by its meta.
    pub fn new(value: T) -> Self {
        let clocks = FieldClocks::legacy(&value);
        Self { value, clocks }
    }

    /// Clocks that fit `T` (a short or missing list takes the record's clock).
    pub fn normalized(mut self) -> Self {
        let stamp = FieldStamp::of(self.value.meta());
        self.clocks.fields.resize(T::FIELDS.len(), stamp);
        self
    }

    /// True while the last removal covers every field's current edit.
    pub fn is_removed(&self) -> bool {
        let r = &self.clocks.removal;
        r.removed
            && self
                .clocks
                .fields
                .iter()
                .all(|f| r.seen.get(&f.device).is_some_and(|h| *h >= f.hlc))
    }

    /// A local edit: `edited` (its meta already touched) replaces the value;
    /// the fields that changed take the edit's stamp. A removed record that
    /// is written again is restored.
    pub fn edit(&self, edited: T) -> Self {
        let stamp = FieldStamp::of(edited.meta());
        let mut clocks = self.clocks.clone();
        // writing a removed record makes it anew: every field is this edit's,
        // so a removal elsewhere that never saw it cannot take it away
        let restore = self.is_removed();
        for (i, clock) in clocks.fields.iter_mut().enumerate() {
            if restore || !self.value.field_eq(&edited, i) {
                *clock = stamp.clone();
            }
        }
        if restore {
            clocks.removal = Removal {
                stamp: Some(stamp.clone()),
                removed: false,
                seen: clocks.seen.clone(),
            };
        }
        see(&mut clocks.seen, &stamp);
        Self {
            value: edited,
            clocks,
        }
    }

    /// A local removal at `meta` (already touched).
    pub fn remove(&self, meta: RecordMeta) -> Self {
        let stamp = FieldStamp::of(&meta);
        let mut out = self.clone();
        *out.value.meta_mut() = meta;
        see(&mut out.clocks.seen, &stamp);
        out.clocks.removal = Removal {
            stamp: Some(stamp),
            removed: true,
            seen: out.clocks.seen.clone(),
        };
        out
    }
}

fn see(seen: &mut BTreeMap<String, u64>, stamp: &FieldStamp) {
    let h = seen.entry(stamp.device.clone()).or_insert(0);
    *h = (*h).max(stamp.hlc);
}

/// What merging two states of one record gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged<T> {
    pub state: Versioned<T>,
    /// Values that lost to a concurrent edit (or a removal that lost to one).
    pub conflicts: Vec<FieldConflict>,
}

/// Orders two field versions: the stamp, then the value's text (two
/// versions never tie, so every device picks the same one).
fn wins<T: Fields>(a: &Versioned<T>, b: &Versioned<T>, i: usize) -> bool {
    let (sa, sb) = (&a.clocks.fields[i], &b.clocks.fields[i]);
    if sa != sb {
        return sa > sb;
    }
    let (va, vb) = (
        a.value.field_json(i).to_string(),
        b.value.field_json(i).to_string(),
    );
    va > vb
}

/// Orders metas by clock, then by everything else, so that a tie is broken
/// the same way on every device.
fn meta_rank(m: &RecordMeta) -> impl Ord + '_ {
    (
        m.hlc,
        (&m.changed.device, &m.changed.by, m.changed.at),
        (&m.created.device, &m.created.by, m.created.at),
        m.id,
    )
}

/// The one merge function: local and incoming states of one record.
pub fn merge<T: Fields>(local: &Versioned<T>, incoming: &Versioned<T>) -> Merged<T> {
    let local = local.clone().normalized();
    let incoming = incoming.clone().normalized();
    // the meta of the newer side; the clock never goes back
    let (newer, older) = if meta_rank(incoming.value.meta()) > meta_rank(local.value.meta()) {
        (&incoming, &local)
    } else {
        (&local, &incoming)
    };
    let mut value = newer.value.clone();
    let mut clocks = newer.clocks.clone();
    let mut conflicts = Vec::new();
    for i in 0..T::FIELDS.len() {
        let (win, lose) = if wins(newer, older, i) {
            (newer, older)
        } else {
            (older, newer)
        };
        if std::ptr::eq(win, older) {
            value.take_field(&older.value, i);
            clocks.fields[i] = older.clocks.fields[i].clone();
        }
        let lost = &lose.clocks.fields[i];
        if !lose.value.field_eq(&win.value, i) && !win.clocks.has_seen(lost) {
            conflicts.push(FieldConflict::between(win, lose, i));
        }
    }
    for (device, h) in &older.clocks.seen {
        see(
            &mut clocks.seen,
            &FieldStamp {
                hlc: *h,
                device: device.clone(),
                by: String::new(),
            },
        );
    }
    let (rl, ri) = (&local.clocks.removal, &incoming.clocks.removal);
    let (rw, rlose, wside) = if ri.stamp > rl.stamp {
        (ri, rl, &incoming)
    } else {
        (rl, ri, &local)
    };
    // a restore that never saw a removal made elsewhere
    if !rw.removed
        && rlose.removed
        && let (Some(kept), Some(lost)) = (&rw.stamp, &rlose.stamp)
        && !wside.clocks.has_seen(lost)
    {
        conflicts.push(FieldConflict::removal_lost(
            wside.value.code(),
            T::KIND,
            kept.clone(),
            lost.clone(),
        ));
    }
    clocks.removal = rw.clone();
    let state = Versioned { value, clocks };
    // a removal the state does not honour lost to an edit its remover never saw
    if state.clocks.removal.removed && !state.is_removed() {
        let from = if local.clocks.removal == state.clocks.removal && local.is_removed() {
            Some((&local, &incoming))
        } else if incoming.clocks.removal == state.clocks.removal && incoming.is_removed() {
            Some((&incoming, &local))
        } else {
            None
        };
        if let Some((removed, edited)) = from {
            conflicts.push(FieldConflict::removal(&state, removed, edited));
        }
    }
    Merged { state, conflicts }
}

#[cfg(test)]
mod tests;
