//! Rotating backups and `rounds recover`.
//!
//! A backup is a full sync bundle (every record, checksummed) in
//! `<data dir>/backups`, made before every import and migration and once a
//! day at the end of work, kept `backups_keep` deep. It does not depend on
//! sled's file format, so it survives whatever damaged the database.
//! Recovery moves the damaged database aside, restores the newest backup
//! that reads back whole, and adds the unsent changes (the outbox) that can
//! still be read from the damaged copy.

use super::sync::{self, Source, SyncError};
use crate::storage::{Database, RawRecord};
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};

const DIR: &str = "backups";
const EXT: &str = "bundle";

pub fn backup_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(DIR)
}

/// Backups, newest first (by the time in their name).
pub fn list(data_dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(backup_dir(data_dir)) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == EXT))
        .collect();
    found.sort();
    found.reverse();
    found
}

/// Bytes the database takes on disk (a backup needs about as much).
fn db_size(data_dir: &Path) -> u64 {
    fn walk(p: &Path) -> u64 {
        let Ok(entries) = std::fs::read_dir(p) else {
            return 0;
        };
        entries
            .flatten()
            .map(|e| match e.metadata() {
                Ok(m) if m.is_dir() => walk(&e.path()),
                Ok(m) => m.len(),
                Err(_) => 0,
            })
            .sum()
    }
    walk(&data_dir.join("db"))
}

/// Writes a backup now and drops the oldest beyond the setting. `why` goes
/// into the name (`import`, `migration`, `daily`, `manual`).
pub fn make(db: &Database, why: &str, now: DateTime<Utc>) -> Result<PathBuf, SyncError> {
    let dir = backup_dir(db.dir());
    std::fs::create_dir_all(&dir)
        .map_err(|e| SyncError::Read(format!("{}: {e}", dir.display())))?;
    db.ensure_space(db_size(db.dir()))?;
    let name = format!("rounds-{}-{why}.{EXT}", now.format("%Y%m%d-%H%M%S%3f"));
    let path = dir.join(name);
    // streamed: records are written as they are read, to a temp file that
    // is synced and renamed
    sync::write_bundle_file(db, "backup", true, &path, now, None)?;
    let keep = db.settings()?.backups_keep.max(1) as usize;
    for old in list(db.dir()).into_iter().skip(keep) {
        if let Err(e) = std::fs::remove_file(&old) {
            tracing::warn!("could not remove the old backup {}: {e}", old.display());
        }
    }
    tracing::info!("backup written: {}", path.display());
    Ok(path)
}

/// The end-of-day backup: made when none was made today.
pub fn daily(db: &Database, now: DateTime<Utc>) -> Result<Option<PathBuf>, SyncError> {
    let today = format!("rounds-{}", now.format("%Y%m%d"));
    let done = list(db.dir()).iter().any(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(&today))
    });
    if done || db.is_empty()? {
        return Ok(None);
    }
    make(db, "daily", now).map(Some)
}

/// What `rounds recover` did.
#[derive(Debug)]
pub struct Recovered {
    pub backup: Option<PathBuf>,
    pub backup_created: Option<DateTime<Utc>>,
    pub restored: usize,
    /// Unsent changes read back from the damaged copy.
    pub salvaged: usize,
    /// Why the damaged copy could not be read, if it could not.
    pub salvage_failed: Option<String>,
    pub damaged_copy: PathBuf,
}

/// Unsent changes that can still be read from a damaged database, each
/// checked as a bundle record would be.
fn salvage(damaged_dir: &Path) -> Result<Vec<RawRecord>, String> {
    let db = Database::open(damaged_dir).map_err(|e| e.to_string())?;
    let mark = db.latest_sent_mark().map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for (tree, key) in db
        .changed_since(mark, false, usize::MAX)
        .map_err(|e| e.to_string())?
    {
        if !crate::storage::KINDS.iter().any(|(_, t)| *t == tree) {
            continue;
        }
        if let Ok(Some(value)) = db.raw_get(&tree, &key) {
            let record = RawRecord { tree, key, value };
            // a damaged record is left behind rather than restored
            if sync::check_records(std::slice::from_ref(&record), Utc::now()).is_ok() {
                out.push(record);
            }
        }
    }
    Ok(out)
}

/// Rebuilds the database of `data_dir` from the newest good backup plus the
/// outbox of the damaged copy. The damaged database is kept, renamed.
pub fn recover(data_dir: &Path, now: DateTime<Utc>) -> Result<Recovered, SyncError> {
    let db_dir = data_dir.join("db");
    let damaged_copy = data_dir.join(format!("damaged-{}", now.format("%Y%m%d-%H%M%S")));
    // the newest backup that reads back whole and whose records all check
    let newest_good = list(data_dir).into_iter().find_map(|p| {
        sync::verify(Source::File(&p), now, None)
            .ok()
            .map(|v| (p, v))
    });
    // hold the lock while the damaged copy moves aside
    let lock = crate::storage::lock_data_dir(data_dir)?;
    let mut salvage_failed = None;
    let mut salvaged_records = Vec::new();
    if db_dir.exists() {
        std::fs::create_dir_all(&damaged_copy)
            .and_then(|()| std::fs::rename(&db_dir, damaged_copy.join("db")))
            .map_err(|e| SyncError::Read(format!("{}: {e}", db_dir.display())))?;
        drop(lock);
        match salvage(&damaged_copy) {
            Ok(found) => salvaged_records = found,
            Err(e) => salvage_failed = Some(e),
        }
    } else {
        drop(lock);
        salvage_failed = Some("there was no database to read".into());
    }
    let db = Database::open(data_dir)?;
    let mut report = Recovered {
        backup: None,
        backup_created: None,
        restored: 0,
        salvaged: 0,
        salvage_failed,
        damaged_copy,
    };
    db.atomically_with(|| {
        if let Some((path, verified)) = &newest_good {
            db.adopt_device(&verified.header.device)?;
            sync::apply_verified(&db, Source::File(path), verified, None)?;
            report.backup = Some(path.clone());
            report.backup_created = Some(verified.header.created);
            report.restored = verified.records;
        }
        if !salvaged_records.is_empty() {
            let schema = crate::storage::SCHEMA_VERSION;
            report.salvaged = sync::apply_records(&db, &salvaged_records, schema, now)?.applied;
        }
        // everything restored goes out again with the next export: the
        // office merges it idempotently, and nothing unsent is left behind
        db.log_all_as_local()?;
        Ok::<_, SyncError>(())
    })?;
    Ok(report)
}
