//! Merging received records: idempotent and order-independent, because the
//! kept version is always the maximum of a total order (or, for sales
//! history, a union). Nothing is ever deleted.
//!
//! - stores, products and reps: field by field, by each field's clock, with
//!   the values that lost to a concurrent edit kept in the conflict log
//!   (`domain::merge`, the one merge function laptops and the hub share);
//! - other records with a `RecordMeta`: higher (HLC, bytes) wins;
//! - visits: a submitted visit outranks any open one, so it is never replaced
//!   by an edit made before submission (amendments are new records);
//! - sales series: union of days; a day in both keeps the point of the newest
//!   ERP import (by the import's own timestamp), then the larger quantity;
//! - anything else: the larger bytes win (deterministic on every device).

use crate::domain::merge::{self, FieldConflict};
use crate::domain::{Product, RecordMeta, Rep, SalesSeries, Store, Visit, VisitStatus};
use crate::storage::{
    Database, RawRecord, ReceivedTouched, Result, Stored, decode_value, decode_versioned,
    encode_value, encode_versioned,
};
use std::cmp::Ordering;

/// The rank of a version; the larger one is kept.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Rank<'a> {
    sealed: bool,
    hlc: u64,
    bytes: &'a [u8],
}

fn meta_of(bytes: &[u8]) -> Option<RecordMeta> {
    // every record struct starts with its meta: decode just that prefix
    bincode::serde::decode_from_slice::<RecordMeta, _>(bytes, bincode::config::standard())
        .ok()
        .map(|(m, _)| m)
}

/// Records that are final once made (never replaced by a non-final version).
fn sealed(tree: &str, bytes: &[u8]) -> bool {
    match tree {
        "visits" => decode_value::<Visit>("visit", bytes)
            .map(|v| v.status == VisitStatus::Submitted)
            .unwrap_or(false),
        _ => false,
    }
}

fn rank<'a>(tree: &str, bytes: &'a [u8]) -> Rank<'a> {
    Rank {
        sealed: sealed(tree, bytes),
        hlc: meta_of(bytes).map(|m| m.hlc).unwrap_or(0),
        bytes,
    }
}

/// Union of two sales histories; a day in both keeps the newest import's point
/// (an ERP correction downwards is not undone by an older, larger quantity).
fn merge_sales(a: &SalesSeries, b: &SalesSeries) -> SalesSeries {
    let mut out = a.clone();
    for p in &b.points {
        match out.points.binary_search_by_key(&p.day, |q| q.day) {
            Ok(i) => {
                if p.merge_cmp(&out.points[i]) == Ordering::Greater {
                    out.points[i] = *p;
                }
            }
            Err(i) => out.points.insert(i, *p),
        }
    }
    out
}

/// What to store for a received record.
#[derive(Debug, Default)]
pub struct Resolved {
    /// The value to store, or None to keep what is there.
    pub value: Option<Vec<u8>>,
    /// Values that lost to a concurrent edit (for the conflict log).
    pub conflicts: Vec<FieldConflict>,
}

fn canonical<T: Stored>(bytes: &[u8]) -> Result<Vec<u8>> {
    encode_versioned(T::KIND, &decode_versioned::<T>(T::KIND, bytes)?)
}

fn field_merge<T: Stored>(existing: &[u8], incoming: &[u8]) -> Result<Resolved> {
    let local = decode_versioned::<T>(T::KIND, existing)?;
    let theirs = decode_versioned::<T>(T::KIND, incoming)?;
    let m = merge::merge(&local, &theirs);
    // compared as bytes: a value stored before schema 4 is rewritten with its clocks
    let value = Some(encode_versioned(T::KIND, &m.state)?).filter(|v| v != existing);
    Ok(Resolved {
        value,
        conflicts: m.conflicts,
    })
}

/// What to store for a received record, with the conflicts a
/// field-by-field merge found (the one entry point: laptops and the hub).
pub fn resolve_fields(tree: &str, existing: Option<&[u8]>, incoming: &[u8]) -> Result<Resolved> {
    let Some(existing) = existing else {
        // stored as this build writes it, whatever layout it came in
        let value = match tree {
            "stores" => canonical::<Store>(incoming)?,
            "products" => canonical::<Product>(incoming)?,
            "reps" => canonical::<Rep>(incoming)?,
            _ => incoming.to_vec(),
        };
        return Ok(Resolved {
            value: Some(value),
            conflicts: Vec::new(),
        });
    };
    if existing == incoming {
        return Ok(Resolved::default());
    }
    match tree {
        "stores" => return field_merge::<Store>(existing, incoming),
        "products" => return field_merge::<Product>(existing, incoming),
        "reps" => return field_merge::<Rep>(existing, incoming),
        _ => {}
    }
    let value = resolve_whole(tree, existing, incoming)?;
    Ok(Resolved {
        value,
        conflicts: Vec::new(),
    })
}

fn resolve_whole(tree: &str, existing: &[u8], incoming: &[u8]) -> Result<Option<Vec<u8>>> {
    if tree == "sales" {
        let a: SalesSeries = decode_value("sales series", existing)?;
        let b: SalesSeries = decode_value("sales series", incoming)?;
        let merged = merge_sales(&a, &b);
        return (merged != a)
            .then(|| encode_value("sales series", &merged))
            .transpose();
    }
    Ok((rank(tree, incoming) > rank(tree, existing)).then(|| incoming.to_vec()))
}

/// What applying a bundle did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ApplyReport {
    pub records: usize,
    pub applied: usize,
    pub kept: usize,
    /// New entries in the conflict log.
    pub conflicts: usize,
}

/// Records merged per chunk by [`apply`] (a bundle's frames are chunks of
/// their own).
const CHUNK: usize = 4096;

/// Merges records into the database as one atomic unit.
pub fn apply(db: &Database, records: &[RawRecord]) -> Result<ApplyReport> {
    db.atomically(|| {
        let mut merger = Merger::new(db);
        for chunk in records.chunks(CHUNK) {
            merger.chunk(chunk)?;
        }
        merger.finish()
    })
}

/// Merges a bundle chunk by chunk inside the caller's atomic unit, so memory
/// is bounded by a chunk (the unit's journal spills to disk). A key seen in
/// an earlier chunk is resolved against the value that chunk chose: reads
/// inside the unit see its pending writes. KPI buckets are moved once, at
/// [`Merger::finish`], for every visit and order the bundle touched.
pub struct Merger<'a> {
    db: &'a Database,
    report: ApplyReport,
    touched: ReceivedTouched,
    /// Found while merging; logged (as this device's own records) at the end.
    conflicts: Vec<FieldConflict>,
}

impl<'a> Merger<'a> {
    pub fn new(db: &'a Database) -> Self {
        Self {
            db,
            report: ApplyReport::default(),
            touched: ReceivedTouched::default(),
            conflicts: Vec::new(),
        }
    }

    /// Merges one chunk of records (checked already).
    pub fn chunk(&mut self, records: &[RawRecord]) -> Result<()> {
        let db = self.db;
        self.report.records += records.len();
        // the same key twice in one chunk: resolve against what this chunk already chose
        let mut chosen: std::collections::HashMap<(&str, &[u8]), usize> = Default::default();
        let mut write: Vec<RawRecord> = Vec::new();
        let mut replaced: Vec<Option<Vec<u8>>> = Vec::new();
        for r in records {
            let slot = chosen.get(&(r.tree.as_str(), r.key.as_slice())).copied();
            let (current, stored) = match slot {
                Some(i) => (Some(write[i].value.clone()), None),
                None => {
                    let stored = db.raw_get(&r.tree, &r.key)?;
                    (stored.clone(), stored)
                }
            };
            let resolved = resolve_fields(&r.tree, current.as_deref(), &r.value)?;
            self.conflicts.extend(resolved.conflicts);
            match resolved.value {
                None => self.report.kept += 1,
                Some(value) => {
                    self.report.applied += 1;
                    let record = RawRecord {
                        tree: r.tree.clone(),
                        key: r.key.clone(),
                        value,
                    };
                    match slot {
                        Some(i) => write[i] = record,
                        None => {
                            chosen.insert((r.tree.as_str(), r.key.as_slice()), write.len());
                            write.push(record);
                            replaced.push(stored);
                        }
                    }
                }
            }
        }
        if !write.is_empty() {
            index_received(db, &write, &replaced)?;
            db.put_received_chunk(&write, &mut self.touched)?;
        }
        Ok(())
    }

    /// Moves the KPI buckets of everything received and flushes; returns
    /// what the merge did.
    pub fn finish(mut self) -> Result<ApplyReport> {
        self.report.conflicts = self.db.log_conflicts(&self.conflicts)?;
        self.db.kpis_after_received(self.touched)?;
        self.db.flush()?;
        Ok(self.report)
    }
}

/// Keeps the index trees in step with received records (the same entries
/// the storage layer's own writes make).
fn index_received(db: &Database, write: &[RawRecord], replaced: &[Option<Vec<u8>>]) -> Result<()> {
    let mut visit_keys = Vec::new();
    let mut visit_old = Vec::new();
    for (r, old) in write.iter().zip(replaced) {
        match r.tree.as_str() {
            "products" => {
                let new: Product = decode_value("product", &r.value)?;
                if let Some(old) = old
                    && let Ok(old) = decode_value::<Product>("product", old)
                    && old.ean != new.ean
                {
                    db.set_index_entry("products_by_ean", old.ean.as_str().as_bytes(), None)?;
                }
                db.set_index_entry(
                    "products_by_ean",
                    new.ean.as_str().as_bytes(),
                    Some(new.sku.as_bytes()),
                )?;
            }
            "visits" => {
                let new: Visit = decode_value("visit", &r.value)?;
                if let Some(old) = old
                    && let Ok(old) = decode_value::<Visit>("visit", old)
                    && visit_key(&old) != visit_key(&new)
                {
                    visit_old.push(visit_key(&old));
                }
                visit_keys.push(visit_key(&new));
            }
            _ => {}
        }
    }
    if !visit_keys.is_empty() {
        db.update_index("visits_by_store", &visit_keys, &visit_old)?;
    }
    Ok(())
}

/// The key of a visit in `visits_by_store` (store, date, id), as storage::visits makes it.
fn visit_key(v: &Visit) -> Vec<u8> {
    let date = v.date.format("%Y%m%d").to_string();
    let mut key = Vec::with_capacity(v.store_code.len() + 26);
    key.extend_from_slice(v.store_code.as_bytes());
    key.push(0);
    key.extend_from_slice(date.as_bytes());
    key.push(0);
    key.extend_from_slice(&v.meta.id.to_bytes());
    key
}
