//! Sync bundles: every record changed since the last exchange, in one file
//! that a USB stick or a shared folder carries between laptops and the office.

pub mod bundle;
pub mod frames;
pub mod inbox;
pub mod merge;
mod validate;

pub use bundle::{AuditHead, Bundle, BundleError, BundleStream, FrameLimits, Header, read_header};
pub use inbox::{InboxOutcome, process_inbox, process_next};
pub use merge::{ApplyReport, Merger, apply};

use crate::storage::{Database, KINDS, RawRecord, Result, StorageError};
use chrono::{DateTime, Utc};
use frames::BundleWriter;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// How many records of this device are not exported yet (counted up to
/// `limit`: the route screen only needs "a lot").
pub fn outbox_count(db: &Database, limit: usize) -> Result<usize> {
    let mark = db.latest_sent_mark()?;
    db.count_changed_since(mark, limit)
}

/// Where a long export or import is (for a progress bar).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Records written so far.
    Exporting { records: u64 },
    /// Pass 1: bytes of the file read and checked so far, of `total`.
    Checking { bytes: u64, total: u64 },
    /// Pass 2: records merged so far, of `total`.
    Applying { records: u64, total: u64 },
}

/// Called now and then with where a job is.
pub type Progress<'a> = Option<&'a dyn Fn(Step)>;

/// What an export wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    pub header: Header,
    pub records: usize,
}

fn export_header(db: &Database, dest: &str, all: bool, now: DateTime<Utc>) -> Result<Header> {
    let to_seq = db.last_change_seq()?;
    let (audit_seq, audit_mac) = db.journal_head()?;
    let from_seq = if all { 0 } else { db.sent_mark(dest)? };
    Ok(Header {
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
    })
}

/// Hands each record of the export `header` describes to `f`, as it is read:
/// records created or changed on this device since the last export there
/// (received records are not echoed back), or every record with `all`.
fn for_each_export_record<E: From<StorageError>>(
    db: &Database,
    header: &Header,
    mut f: impl FnMut(&str, &[u8], &[u8]) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    if header.all {
        for (_, tree) in KINDS {
            db.for_each_raw(tree, |k, v| f(tree, k, v))?;
        }
        return Ok(());
    }
    db.for_each_changed_since(header.from_seq, |tree, key| {
        // only record trees travel (a tree missing from KINDS would be refused)
        if !KINDS.iter().any(|(_, t)| *t == tree) {
            return Ok(());
        }
        // a change logged after to_seq is picked up now and sent again next time: harmless
        match db.raw_get(tree, key)? {
            Some(value) => f(tree, key, &value),
            None => Ok(()),
        }
    })
}

/// The bundle for `dest`, whole in memory (tests and benches; exports stream
/// with [`write_export`]).
pub fn build_export(db: &Database, dest: &str, all: bool, now: DateTime<Utc>) -> Result<Bundle> {
    let header = export_header(db, dest, all, now)?;
    let mut records = Vec::new();
    for_each_export_record(db, &header, |tree, key, value| {
        records.push(RawRecord {
            tree: tree.to_string(),
            key: key.to_vec(),
            value: value.to_vec(),
        });
        Ok::<_, StorageError>(())
    })?;
    Ok(Bundle { header, records })
}

/// Writes the bundle for `dest` to `out` as records are read (frames of
/// `limits`); returns what was written and the output.
pub fn write_export<W: Write>(
    db: &Database,
    dest: &str,
    all: bool,
    now: DateTime<Utc>,
    out: W,
    limits: FrameLimits,
    progress: Progress<'_>,
) -> std::result::Result<(Exported, W), SyncError> {
    let header = export_header(db, dest, all, now)?;
    let io = |e: std::io::Error| SyncError::Write(e.to_string());
    let mut w = BundleWriter::with_limits(out, &header, limits).map_err(io)?;
    for_each_export_record(db, &header, |tree, key, value| {
        w.push(tree, key, value).map_err(io)?;
        if let Some(p) = progress
            && w.records() % 4096 == 0
        {
            p(Step::Exporting {
                records: w.records(),
            });
        }
        Ok::<_, SyncError>(())
    })?;
    let records = w.records() as usize;
    let out = w.finish().map_err(io)?;
    if let Some(p) = progress {
        p(Step::Exporting {
            records: records as u64,
        });
    }
    Ok((Exported { header, records }, out))
}

fn part_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".part");
    path.with_file_name(name)
}

/// Streams the bundle for `dest` into `path` whole: a temp file beside it,
/// fsync, rename. Nothing is marked as sent (see [`export_to_file`]).
pub fn write_bundle_file(
    db: &Database,
    dest: &str,
    all: bool,
    path: &Path,
    now: DateTime<Utc>,
    progress: Progress<'_>,
) -> std::result::Result<Exported, SyncError> {
    let tmp = part_path(path);
    let fail = |e: std::io::Error| SyncError::Write(format!("{}: {e}", path.display()));
    let written = (|| {
        let file = std::fs::File::create(&tmp).map_err(fail)?;
        let out = std::io::BufWriter::with_capacity(1 << 20, file);
        let (exported, out) =
            write_export(db, dest, all, now, out, FrameLimits::default(), progress)?;
        let file = out.into_inner().map_err(|e| fail(e.into_error()))?;
        file.sync_all().map_err(fail)?;
        drop(file);
        std::fs::rename(&tmp, path).map_err(fail)?;
        Ok(exported)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Writes the bundle whole (temp file, fsync, rename), then remembers what
/// `dest` has been sent. Returns what was written.
pub fn export_to_file(
    db: &Database,
    dest: &str,
    all: bool,
    path: &Path,
    now: DateTime<Utc>,
) -> anyhow::Result<Exported> {
    export_to_file_with(db, dest, all, path, now, None)
}

/// [`export_to_file`] with a progress callback.
pub fn export_to_file_with(
    db: &Database,
    dest: &str,
    all: bool,
    path: &Path,
    now: DateTime<Utc>,
    progress: Progress<'_>,
) -> anyhow::Result<Exported> {
    let exported = write_bundle_file(db, dest, all, path, now, progress)?;
    // only once the file is durable: a failed export is sent again next time
    db.set_sent_mark(dest, exported.header.to_seq.max(db.sent_mark(dest)?))?;
    Ok(exported)
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("{0}")]
    Read(String),
    #[error("{0}")]
    Write(String),
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

/// Where a bundle is read from: each pass opens it again.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    File(&'a Path),
    Bytes(&'a [u8]),
}

impl<'a> Source<'a> {
    fn open(&self) -> std::result::Result<BundleStream<Box<dyn Read + 'a>>, SyncError> {
        let input: Box<dyn Read + 'a> = match *self {
            Source::File(path) => Box::new(std::io::BufReader::with_capacity(
                1 << 20,
                std::fs::File::open(path)
                    .map_err(|e| SyncError::Read(format!("{}: {e}", path.display())))?,
            )),
            Source::Bytes(bytes) => Box::new(bytes),
        };
        Ok(BundleStream::open(input)?)
    }

    fn size(&self) -> u64 {
        match *self {
            Source::File(path) => std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
            Source::Bytes(bytes) => bytes.len() as u64,
        }
    }
}

/// What pass 1 found: a bundle that reads whole and whose every record is valid.
#[derive(Debug, Clone, PartialEq)]
pub struct Verified {
    pub header: Header,
    pub records: usize,
    /// The CRC over the frames (framed bundles): pass 2 must read the same.
    pub digest: Option<u32>,
}

fn check_schema(header: &Header) -> std::result::Result<u32, SyncError> {
    let schema = header.schema_version;
    if !(validate::OLDEST_SCHEMA..=crate::storage::SCHEMA_VERSION).contains(&schema) {
        return Err(SyncError::SchemaMismatch(
            schema,
            crate::storage::SCHEMA_VERSION,
        ));
    }
    Ok(schema)
}

fn check_trees(records: &[RawRecord]) -> std::result::Result<(), SyncError> {
    // only record trees travel: change logs, metadata and indexes are this device's own
    match records
        .iter()
        .find(|r| !KINDS.iter().any(|(_, t)| *t == r.tree))
    {
        Some(r) => Err(SyncError::ForbiddenTree(r.tree.clone())),
        None => Ok(()),
    }
}

/// Pass 1: reads the bundle frame by frame, verifying every checksum and the
/// trailer, and checks every record (decode, key, clock against `now`)
/// without writing anything. Any problem refuses the whole bundle.
pub fn verify(
    source: Source<'_>,
    now: DateTime<Utc>,
    progress: Progress<'_>,
) -> std::result::Result<Verified, SyncError> {
    let total = source.size();
    let mut stream = source.open()?;
    let schema = check_schema(stream.header())?;
    let mut n = 0;
    while let Some(mut chunk) = stream.next_chunk()? {
        check_trees(&chunk)?;
        validate::upgrade(&mut chunk, schema, n)?;
        validate::check_from(&chunk, now, n)?;
        n += chunk.len();
        if let Some(p) = progress {
            p(Step::Checking {
                bytes: stream.bytes_read(),
                total,
            });
        }
    }
    Ok(Verified {
        header: stream.header().clone(),
        records: n,
        digest: stream.digest(),
    })
}

/// Pass 2: reads the bundle `verified` describes again and merges it chunk
/// by chunk, in the caller's atomic unit (the journal keeps memory bounded).
/// A file that changed since pass 1 fails here, and the unit with it.
pub fn apply_verified(
    db: &Database,
    source: Source<'_>,
    verified: &Verified,
    progress: Progress<'_>,
) -> std::result::Result<ApplyReport, SyncError> {
    let mut merger = Merger::new(db);
    for_each_verified_chunk(source, verified, |chunk, n| {
        merger.chunk(chunk)?;
        if let Some(p) = progress {
            p(Step::Applying {
                records: n as u64,
                total: verified.records as u64,
            });
        }
        Ok::<_, SyncError>(())
    })?;
    Ok(merger.finish()?)
}

/// Pass 2 for any receiver (this database or the office hub): reads the
/// bundle `verified` describes again, frame by frame, and hands each chunk
/// of records, upgraded to this build's schema, to `f` with the count read
/// so far. A file that changed since pass 1 fails, after the last chunk at
/// the latest: the caller's unit must not commit then.
pub fn for_each_verified_chunk<E: From<SyncError>>(
    source: Source<'_>,
    verified: &Verified,
    mut f: impl FnMut(&[RawRecord], usize) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let mut stream = source.open()?;
    if stream.header() != &verified.header {
        return Err(SyncError::from(BundleError::Damaged).into());
    }
    let schema = verified.header.schema_version;
    let mut n = 0;
    while let Some(mut chunk) = stream.next_chunk().map_err(SyncError::from)? {
        check_trees(&chunk)?;
        validate::upgrade(&mut chunk, schema, n)?;
        n += chunk.len();
        f(&chunk, n)?;
    }
    if n != verified.records || stream.digest() != verified.digest {
        return Err(SyncError::from(BundleError::Damaged).into());
    }
    Ok(())
}

/// Checks a bundle whole (pass 1), then merges it (pass 2) as one atomic
/// unit: all of it, or nothing. Record clocks are checked against `now`.
pub fn import_source(
    db: &Database,
    source: Source<'_>,
    now: DateTime<Utc>,
    progress: Progress<'_>,
) -> std::result::Result<(Header, ApplyReport), SyncError> {
    let verified = verify(source, now, progress)?;
    // one atomic unit: records, change log, indexes and KPI buckets together,
    // and the writer's audit head (a log cut or rewritten since its last
    // bundle is kept as an alarm for `rounds check`; the records still merge)
    let report = db.atomically_with(|| {
        let report = apply_verified(db, source, &verified, progress)?;
        let header = &verified.header;
        if let Some(head) = &header.audit_head
            && header.device != db.device()
            && let Some(alarm) =
                db.note_peer_journal_head(&header.device, head.seq, &head.mac, Utc::now())?
        {
            tracing::warn!(%alarm, "audit head of a peer does not fit");
        }
        Ok::<_, SyncError>(report)
    })?;
    Ok((verified.header, report))
}

/// Reads, checks and merges a bundle file: all of it, or nothing when damaged.
pub fn import_file(
    db: &Database,
    path: &Path,
) -> std::result::Result<(Header, ApplyReport), SyncError> {
    import_source(db, Source::File(path), Utc::now(), None)
}

/// [`import_file`] with a progress callback.
pub fn import_file_with(
    db: &Database,
    path: &Path,
    progress: Progress<'_>,
) -> std::result::Result<(Header, ApplyReport), SyncError> {
    import_source(db, Source::File(path), Utc::now(), progress)
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
    import_source(db, Source::Bytes(bytes), now, None)
}

/// Checks records as a bundle's are checked (decode, key, clock).
pub fn check_records(
    records: &[RawRecord],
    now: DateTime<Utc>,
) -> std::result::Result<(), SyncError> {
    validate::check_all(records, now)
}

/// Upgrades, checks and merges records of schema `schema` (salvaged
/// records), in the caller's atomic unit.
pub fn apply_records(
    db: &Database,
    records: &[RawRecord],
    schema: u32,
    now: DateTime<Utc>,
) -> std::result::Result<ApplyReport, SyncError> {
    let mut records = records.to_vec();
    validate::upgrade(&mut records, schema, 0)?;
    check_records(&records, now)?;
    db.atomically_with(|| Ok::<_, SyncError>(apply(db, &records)?))
}
