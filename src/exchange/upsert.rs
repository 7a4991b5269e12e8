//! Upsert by code without needless change: a re-imported record keeps its id
//! and created stamp, and is only touched (new HLC, change-log entry, sync
//! traffic) when its content really changed.

use crate::domain::{
    AssortmentLine, DeliveryLine, Invoice, Product, Promotion, RecordMeta, Rep, Stamp, Store,
};

pub trait HasMeta {
    fn meta_mut(&mut self) -> &mut RecordMeta;
}

macro_rules! has_meta {
    ($($t:ty),*) => {$(
        impl HasMeta for $t {
            fn meta_mut(&mut self) -> &mut RecordMeta {
                &mut self.meta
            }
        }
    )*};
}

has_meta!(
    Store,
    Product,
    Rep,
    AssortmentLine,
    DeliveryLine,
    Invoice,
    Promotion,
    crate::domain::route_plan::StorePlace,
    crate::domain::client::StoreProfile
);

/// What an import does with one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Changed,
    Unchanged,
}

/// Settles `incoming` (made with a placeholder meta) against the stored record:
/// returns the record to write, or `None` when nothing changed.
pub fn settle<T: HasMeta + PartialEq>(
    mut incoming: T,
    existing: Option<T>,
    stamp: &Stamp,
) -> (Outcome, Option<T>) {
    match existing {
        None => {
            *incoming.meta_mut() = RecordMeta::fresh(&stamp.by, &stamp.device, stamp.at);
            (Outcome::Created, Some(incoming))
        }
        Some(mut old) => {
            *incoming.meta_mut() = old.meta_mut().clone();
            if incoming == old {
                return (Outcome::Unchanged, None);
            }
            incoming.meta_mut().touch(stamp.clone());
            (Outcome::Changed, Some(incoming))
        }
    }
}

/// A meta to build incoming records with; `settle` replaces it.
pub fn placeholder(stamp: &Stamp) -> RecordMeta {
    RecordMeta::new(ulid::Ulid::nil(), stamp.clone())
}

/// Created / changed / unchanged counts of one import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub created: usize,
    pub changed: usize,
    pub unchanged: usize,
}

impl Tally {
    pub fn add(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Created => self.created += 1,
            Outcome::Changed => self.changed += 1,
            Outcome::Unchanged => self.unchanged += 1,
        }
    }
}

/// Settles every incoming record against `lookup`; returns the ones to write.
/// `keep` copies into the incoming record what the file does not carry.
pub fn settle_all<T: HasMeta + PartialEq>(
    incoming: Vec<T>,
    stamp: &Stamp,
    tally: &mut Tally,
    mut lookup: impl FnMut(&T) -> crate::storage::Result<Option<T>>,
    keep: impl Fn(&mut T, &T),
) -> crate::storage::Result<Vec<T>> {
    let mut out = Vec::new();
    for mut item in incoming {
        let existing = lookup(&item)?;
        if let Some(old) = &existing {
            keep(&mut item, old);
        }
        let (outcome, write) = settle(item, existing, stamp);
        tally.add(outcome);
        out.extend(write);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Rep;
    use chrono::{TimeZone, Utc};

    fn stamp(day: u32) -> Stamp {
        Stamp {
            by: "import".into(),
            device: "dev".into(),
            at: Utc.with_ymd_and_hms(2026, 1, day, 9, 0, 0).unwrap(),
        }
    }

    fn rep(name: &str, at: &Stamp) -> Rep {
        Rep {
            meta: placeholder(at),
            code: "R01".into(),
            name: name.into(),
            phone: String::new(),
        }
    }

    #[test]
    fn new_then_same_then_changed() {
        let (s1, s2, s3) = (stamp(1), stamp(2), stamp(3));
        let (outcome, first) = settle(rep("Ivan", &s1), None, &s1);
        assert_eq!(outcome, Outcome::Created);
        let first = first.unwrap();
        assert!(!first.meta.id.is_nil());

        let (outcome, write) = settle(rep("Ivan", &s2), Some(first.clone()), &s2);
        assert_eq!((outcome, write), (Outcome::Unchanged, None));

        let (outcome, changed) = settle(rep("Ivan P.", &s3), Some(first.clone()), &s3);
        assert_eq!(outcome, Outcome::Changed);
        let changed = changed.unwrap();
        assert_eq!(changed.meta.id, first.meta.id);
        assert_eq!(changed.meta.created, first.meta.created);
        assert_eq!(changed.meta.changed, s3);
        assert!(changed.meta.hlc > first.meta.hlc);
    }
}
