//! A folder that bundles are dropped into (a shared folder, a USB stick):
//! each new file is imported and moved to `done/`, or to `failed/` with a
//! `.reason.txt` beside it. The kiosk and `rounds sync watch` both use this.

use super::{ApplyReport, Header, import_file};
use crate::storage::Database;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

#[derive(Debug)]
pub enum InboxOutcome {
    Imported {
        file: PathBuf,
        header: Header,
        report: ApplyReport,
    },
    Failed {
        file: PathBuf,
        reason: String,
    },
}

/// Files waiting in `dir`, oldest name first; files still being copied
/// (changed within `settle`) and our own part-files wait for the next round.
fn waiting(dir: &Path, settle: Duration) -> std::io::Result<Vec<PathBuf>> {
    let now = SystemTime::now();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !meta.is_file() || name.starts_with('.') || name.ends_with(".part") {
            continue;
        }
        let fresh = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age < settle);
        if !fresh {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}

fn move_into(file: &Path, sub: &Path) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(sub)?;
    let name = file.file_name().unwrap_or_default();
    let mut target = sub.join(name);
    let mut n = 1;
    while target.exists() {
        let mut alt = name.to_os_string();
        alt.push(format!(".{n}"));
        target = sub.join(alt);
        n += 1;
    }
    std::fs::rename(file, &target)?;
    Ok(target)
}

/// Imports one file and moves it to `done/`, or to `failed/` with the reason.
/// A storage failure leaves the file where it is.
fn process_file(db: &Database, dir: &Path, file: &Path) -> anyhow::Result<InboxOutcome> {
    match import_file(db, file) {
        Ok((header, report)) => {
            let moved = move_into(file, &dir.join("done"))?;
            Ok(InboxOutcome::Imported {
                file: moved,
                header,
                report,
            })
        }
        Err(super::SyncError::Storage(e)) => Err(e.into()),
        Err(e) => {
            let reason = e.to_string();
            let moved = move_into(file, &dir.join("failed"))?;
            let mut note = moved.clone().into_os_string();
            note.push(".reason.txt");
            std::fs::write(&note, format!("{reason}\n"))?;
            Ok(InboxOutcome::Failed {
                file: moved,
                reason,
            })
        }
    }
}

/// Imports every waiting bundle in `dir` once. A storage failure (disk full,
/// database error) stops the round and leaves the file for the next one.
pub fn process_inbox(
    db: &Database,
    dir: &Path,
    settle: Duration,
) -> anyhow::Result<Vec<InboxOutcome>> {
    let mut out = Vec::new();
    for file in waiting(dir, settle)? {
        out.push(process_file(db, dir, &file)?);
    }
    Ok(out)
}

/// Imports the first waiting bundle only (`None` when nothing waits): the
/// kiosk calls it between frames, so a pile of bundles never freezes the screen.
pub fn process_next(
    db: &Database,
    dir: &Path,
    settle: Duration,
) -> anyhow::Result<Option<InboxOutcome>> {
    match waiting(dir, settle)?.first() {
        Some(file) => Ok(Some(process_file(db, dir, file)?)),
        None => Ok(None),
    }
}
