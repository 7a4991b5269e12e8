//! `rounds hub ingest`: a bundle into the hub in one transaction, read frame
//! by frame (twice: checked whole first, as a laptop's import checks it).

use super::apply::{Applying, apply_chunk, log_conflicts, refresh_kpis};
use super::{Hub, HubError};
use crate::exchange::sync::{self, Source, SyncError};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::Path;

/// One ingest at a time: record seqs then commit in the order they were
/// taken, so a device's high-water mark never skips a record.
const INGEST_LOCK: i64 = 0x726f_756e_6473;

/// What an ingest did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestReport {
    pub device: String,
    /// The ledger id; the earlier one when the bundle was in already.
    pub bundle: i64,
    pub sha256: String,
    pub records: u64,
    /// Changes the hub did not have before.
    pub new_changes: u64,
    /// Records whose current value changed.
    pub applied: u64,
    /// The same file was ingested before: nothing changed.
    pub already: bool,
}

fn sha256_of(path: &Path) -> Result<String, HubError> {
    let io = |e: std::io::Error| HubError::Io(format!("{}: {e}", path.display()));
    let mut file = std::fs::File::open(path).map_err(io)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

fn refused(path: &Path, e: SyncError) -> HubError {
    HubError::Refused {
        file: path.display().to_string(),
        reason: e.to_string(),
    }
}

/// Checks the bundle at `path` by the laptops' rules, then merges it into
/// the hub as one transaction; `by` is who ingests (for the ledger).
pub fn ingest_file(
    hub: &mut Hub,
    path: &Path,
    by: &str,
    now: DateTime<Utc>,
) -> Result<IngestReport, HubError> {
    let sha256 = sha256_of(path)?;
    let verified = sync::verify(Source::File(path), now, None).map_err(|e| refused(path, e))?;
    let header = &verified.header;
    let mut tx = hub.client().transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&INGEST_LOCK])?;
    if let Some(row) = tx.query_opt(
        "SELECT id FROM rounds_hub.bundles WHERE sha256 = $1",
        &[&sha256],
    )? {
        tx.commit()?;
        return Ok(IngestReport {
            device: header.device.clone(),
            bundle: row.get(0),
            sha256,
            records: verified.records as u64,
            new_changes: 0,
            applied: 0,
            already: true,
        });
    }
    let row = tx.query_one(
        "INSERT INTO rounds_hub.bundles (sha256, device, dest, from_seq, to_seq, created, received_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7 || ' as ' || current_user) RETURNING id",
        &[
            &sha256,
            &header.device,
            &header.dest,
            &seq(header.from_seq),
            &seq(header.to_seq),
            &header.created,
            &by,
        ],
    )?;
    let bundle: i64 = row.get(0);
    let mut state = Applying::default();
    sync::for_each_verified_chunk(Source::File(path), &verified, |chunk, _| {
        apply_chunk(&mut tx, &mut state, chunk, &header.device, bundle)
    })
    .map_err(|e| match e {
        HubError::Sync(e) => refused(path, e),
        other => other,
    })?;
    log_conflicts(&mut tx, &mut state)?;
    refresh_kpis(&mut tx, &state)?;
    tx.execute(
        "UPDATE rounds_hub.bundles SET records = $2, new_changes = $3, first_change = $4,
           last_change = $5 WHERE id = $1",
        &[
            &bundle,
            &(state.records as i64),
            &(state.new_changes as i64),
            &state.first_change,
            &state.last_change,
        ],
    )?;
    tx.execute(
        "UPDATE rounds_hub.devices SET last_push = now() WHERE device = $1",
        &[&header.device],
    )?;
    tx.commit()?;
    Ok(IngestReport {
        device: header.device.clone(),
        bundle,
        sha256,
        records: state.records,
        new_changes: state.new_changes,
        applied: state.applied,
        already: false,
    })
}

/// A change-log seq as PostgreSQL's bigint.
fn seq(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
