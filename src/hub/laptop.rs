//! `rounds sync hub`: a laptop on the office network pushes its outbox into
//! the hub, then pulls what it has not received, in one step. Every step is
//! safe to repeat: the outbox is marked sent only after the hub committed
//! it, and the hub's mark moves only after this laptop imported its bundle.

use super::{Hub, HubError, IngestReport, confirm, ingest_file, write_device_bundle};
use crate::exchange::sync::{self, ApplyReport, SyncError};
use crate::storage::Database;
use chrono::{DateTime, Utc};

/// The destination name the laptop keeps its sent mark under.
pub const HUB_DEST: &str = "hub";

/// What one `sync hub` did.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncHubReport {
    /// None when the outbox was empty.
    pub pushed: Option<IngestReport>,
    /// Records the hub sent, and what merging them did.
    pub pulled: u64,
    pub merged: ApplyReport,
}

fn work_dir(db: &Database) -> Result<std::path::PathBuf, HubError> {
    let dir = db.dir().join("hub");
    std::fs::create_dir_all(&dir).map_err(|e| HubError::Io(format!("{}: {e}", dir.display())))?;
    Ok(dir)
}

/// Pushes the outbox; returns the ingest, None when there was nothing to send.
pub fn push(
    db: &Database,
    hub: &mut Hub,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Option<IngestReport>, HubError> {
    let file = work_dir(db)?.join("outbox.bundle");
    let exported = sync::write_bundle_file(db, HUB_DEST, false, &file, now, None)?;
    let report = if exported.records == 0 {
        None
    } else {
        Some(ingest_file(hub, &file, by, now)?)
    };
    // only now that the hub has committed it: a kill before this sends it again
    let mark = exported.header.to_seq.max(db.sent_mark(HUB_DEST)?);
    db.set_sent_mark(HUB_DEST, mark)?;
    db.flush()?;
    let _ = std::fs::remove_file(&file);
    Ok(report)
}

/// Pulls this laptop's bundle from the hub, imports it, then confirms it.
pub fn pull(
    db: &Database,
    hub: &mut Hub,
    now: DateTime<Utc>,
) -> Result<(u64, ApplyReport), HubError> {
    let file = work_dir(db)?.join("inbox.bundle");
    let out = write_device_bundle(hub, db.device(), false, &file, now)?;
    let merged = match sync::import_file(db, &file) {
        Ok((_, report)) => report,
        Err(SyncError::Storage(e)) => return Err(e.into()),
        Err(e) => {
            return Err(HubError::Refused {
                file: file.display().to_string(),
                reason: e.to_string(),
            });
        }
    };
    // only once it is in: a kill before this pulls the same records again
    confirm(hub, db.device(), out.to_seq)?;
    let _ = std::fs::remove_file(&file);
    Ok((out.records, merged))
}

/// Push, then pull.
pub fn sync_with_hub(
    db: &Database,
    hub: &mut Hub,
    by: &str,
    now: DateTime<Utc>,
) -> Result<SyncHubReport, HubError> {
    let pushed = push(db, hub, by, now)?;
    let (pulled, merged) = pull(db, hub, now)?;
    Ok(SyncHubReport {
        pushed,
        pulled,
        merged,
    })
}
