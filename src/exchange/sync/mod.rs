//! Sync bundles: every record changed since the last exchange, in one file
//! that a USB stick or a shared folder carries between laptops and the office.

pub mod bundle;
pub mod inbox;
pub mod merge;
mod validate;

pub use bundle::{AuditHead, Bundle, BundleError, Header};
pub use inbox::{InboxOutcome, process_inbox, process_next};
pub use merge::{ApplyReport, apply};

use crate::storage::{Database, KINDS, RawRecord, Result, StorageError};
use chrono::{DateTime, Utc};
use std::path::Path;

/// How many records of this device are not exported yet (counted up to
/// `limit`: the route screen only needs "a lot").
pub fn outbox_count(db: &Database, limit: usize) -> Result<usize> {
    let mark = db.latest_sent_mark()?;
    db.count_changed_since(mark, limit)
}

/// The bundle for `dest`: records created or changed on this device since the
/// last export there (received records are not echoed back), or every record
/// this database holds with `all` (e.g. to seed a new laptop from the office).
pub fn build_export(db: &Database, dest: &str, all: bool, now: DateTime<Utc>) -> Result<Bundle> {
    let to_seq = db.last_change_seq()?;
    let (audit_seq, audit_mac) = db.audit_head()?;
    let from_seq = if all { 0 } else { db.sent_mark(dest)? };
    let mut records = Vec::new();
    if all {
        for (_, tree) in KINDS {
            records.extend(db.raw_records(tree)?);
        }
    } else {
        for (tree, key) in db.changed_since(from_seq, false, usize::MAX)? {
            // only record trees travel (a tree missing from KINDS would be refused)
            if !KINDS.iter().any(|(_, t)| *t == tree) {
                continue;
            }
            // a change logged after to_seq is picked up now and sent again next time: harmless
            if let Some(value) = db.raw_get(&tree, &key)? {
                records.push(RawRecord { tree, key, value });
            }
        }
    }
    Ok(Bundle {
        header: Header {
            device: db.device().to_string(),
            dest: dest.to_string(),
            from_seq,
            to_seq,
            all,
            created: now,
            schema_version: crate::storage::SCHEMA_VERSION,
            audit_head: Some(AuditHead {
                seq: audit_seq,
                mac: audit_mac,
            }),
        },
        records,
    })
}

/// Writes the bundle whole (temp file, fsync, rename), then remembers what
/// `dest` has been sent. Returns the bundle written.
pub fn export_to_file(
    db: &Database,
    dest: &str,
    all: bool,
    path: &Path,
    now: DateTime<Utc>,
) -> anyhow::Result<Bundle> {
    let bundle = build_export(db, dest, all, now)?;
    write_whole(path, &bundle.to_bytes())?;
    db.set_sent_mark(dest, bundle.header.to_seq.max(db.sent_mark(dest)?))?;
    Ok(bundle)
}

pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".part");
    let tmp = path.with_file_name(name);
    let mut file = std::fs::File::create(&tmp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    std::fs::rename(&tmp, path)
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("{0}")]
    Read(String),
    #[error(transparent)]
    Bundle(#[from] BundleError),
    /// Records are stored as the schema of the rounds that wrote them: a
    /// bundle from another schema would write records this build misreads.
    #[error("{}", crate::t!("sync-schema-mismatch", found = *.0, ours = *.1))]
    SchemaMismatch(u32, u32),
    #[error("{}", crate::t!("sync-forbidden-tree", tree = .0.as_str()))]
    ForbiddenTree(String),
    /// One record of the bundle is not valid: the whole bundle is refused.
    #[error("{}", crate::t!("sync-bad-record", number = *.number, tree = .tree.as_str(), key = .key.as_str(), reason = .reason.as_str()))]
    BadRecord {
        /// 1-based position in the bundle.
        number: usize,
        tree: String,
        /// The record's key, readable.
        key: String,
        reason: String,
    },
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Reads, checks and merges a bundle file: all of it, or nothing when damaged.
pub fn import_file(
    db: &Database,
    path: &Path,
) -> std::result::Result<(Header, ApplyReport), SyncError> {
    let bytes =
        std::fs::read(path).map_err(|e| SyncError::Read(format!("{}: {e}", path.display())))?;
    import_bytes(db, &bytes)
}

/// Checks and merges a bundle; record clocks are checked against this
/// computer's real clock (never a pinned `--today`).
pub fn import_bytes(
    db: &Database,
    bytes: &[u8],
) -> std::result::Result<(Header, ApplyReport), SyncError> {
    import_bytes_at(db, bytes, Utc::now())
}

/// [`import_bytes`] with the receiver's clock given.
pub fn import_bytes_at(
    db: &Database,
    bytes: &[u8],
    now: DateTime<Utc>,
) -> std::result::Result<(Header, ApplyReport), SyncError> {
    let mut bundle = Bundle::from_bytes(bytes)?;
    let schema = bundle.header.schema_version;
    if !(validate::OLDEST_SCHEMA..=crate::storage::SCHEMA_VERSION).contains(&schema) {
        return Err(SyncError::SchemaMismatch(
            schema,
            crate::storage::SCHEMA_VERSION,
        ));
    }
    // only record trees travel: change logs, metadata and indexes are this device's own
    if let Some(r) = bundle
        .records
        .iter()
        .find(|r| !KINDS.iter().any(|(_, t)| *t == r.tree))
    {
        return Err(SyncError::ForbiddenTree(r.tree.clone()));
    }
    // every record is checked before anything is written: one bad record
    // refuses the bundle whole
    validate::upgrade(&mut bundle.records, schema)?;
    check_records(&bundle.records, now)?;
    // one atomic unit: records, change log, indexes and KPI buckets together,
    // and the writer's audit head (a log cut or rewritten since its last
    // bundle is kept as an alarm for `rounds check`; the records still merge)
    let report = db.atomically_with(|| {
        let report = apply(db, &bundle.records)?;
        if let Some(head) = &bundle.header.audit_head
            && bundle.header.device != db.device()
            && let Some(alarm) =
                db.note_peer_audit_head(&bundle.header.device, head.seq, &head.mac, Utc::now())?
        {
            tracing::warn!(%alarm, "audit head of a peer does not fit");
        }
        Ok::<_, SyncError>(report)
    })?;
    Ok((bundle.header, report))
}

/// Checks records as a bundle's are checked (decode, key, clock).
pub fn check_records(
    records: &[RawRecord],
    now: DateTime<Utc>,
) -> std::result::Result<(), SyncError> {
    validate::check_all(records, now)
}

/// Upgrades, checks and merges records of schema `schema` (backups and
/// recovery), in the caller's atomic unit.
pub fn apply_records(
    db: &Database,
    records: &[RawRecord],
    schema: u32,
    now: DateTime<Utc>,
) -> std::result::Result<ApplyReport, SyncError> {
    let mut records = records.to_vec();
    validate::upgrade(&mut records, schema)?;
    check_records(&records, now)?;
    db.atomically_with(|| Ok::<_, SyncError>(apply(db, &records)?))
}
