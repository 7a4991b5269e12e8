//! Storage errors, worded for the person at the keyboard.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error(
        "database is in use by another rounds process ({0}); close the other rounds window first"
    )]
    Locked(PathBuf),
    #[error(
        "the database at {path} has schema version {found}, newer than this rounds understands ({supported}); install a newer rounds"
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("cannot use the data directory {path}: {source}")]
    Dir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("database error: {0} (is the disk full or the data directory read-only?)")]
    Sled(sled::Error),
    #[error(
        "the database at {path} is damaged ({detail}). Nothing more is written to it. Run `rounds recover` to rebuild it from the newest backup and the unsent changes; the damaged copy is kept beside it"
    )]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "the disk is full: this was not written, and what was saved before is safe. Free some space and try again"
    )]
    NoSpace,
    #[error(
        "not enough free disk space for this: {needed_mib} MiB needed, {free_mib} MiB free at {path}. Free some space (or move the data directory with --data-dir) and try again; nothing was written"
    )]
    DiskFull {
        path: PathBuf,
        needed_mib: u64,
        free_mib: u64,
    },
    #[error("a stored {kind} record is damaged: {detail}")]
    Corrupt { kind: &'static str, detail: String },
    #[error("cannot encode a {kind} record: {detail}")]
    Encode { kind: &'static str, detail: String },
    #[error("{0}")]
    Invalid(String),
    #[error(
        "a change was saved but could not be finished here ({0}); close rounds and open it again to finish it"
    )]
    Unfinished(String),
}

impl From<sled::Error> for StorageError {
    fn from(e: sled::Error) -> Self {
        if let sled::Error::Io(io) = &e
            && io.kind() == std::io::ErrorKind::StorageFull
        {
            return Self::NoSpace;
        }
        if super::damage::is_damage(&e) {
            Self::Damaged {
                path: PathBuf::from("the data directory"),
                detail: e.to_string(),
            }
        } else {
            Self::Sled(e)
        }
    }
}

impl StorageError {
    /// Exit code for the command line: 2 for a locked database, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            Self::Locked(_) => 2,
            _ => 1,
        }
    }
}
