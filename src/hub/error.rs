//! What can go wrong talking to the hub, each in words an office manager can
//! act on, with the exit code the command ends with.

use crate::exchange::sync::SyncError;
use postgres::error::SqlState;

#[derive(Debug, thiserror::Error)]
pub enum HubError {
    #[error(
        "no hub given: pass --db URL or set ROUNDS_HUB_URL (e.g. postgresql://rounds@office/rounds)"
    )]
    NoUrl,
    #[error("the hub URL is not a PostgreSQL connection string: {0}")]
    BadUrl(String),
    #[error(
        "cannot reach the hub: {0} (is PostgreSQL running there, and the host and port right?)"
    )]
    Unreachable(String),
    #[error("the hub refused the login: {0} (check the user name and password in the URL)")]
    Login(String),
    #[error("the hub has no such database: {0}")]
    NoDatabase(String),
    #[error("the hub has no rounds schema yet: run `rounds hub init` first")]
    NoSchema,
    #[error(
        "the hub's schema is version {found}, older than this rounds' {ours}: run `rounds hub init` to migrate it"
    )]
    OlderSchema { found: i64, ours: i64 },
    #[error(
        "the hub's schema is version {found}, newer than this rounds knows ({ours}): upgrade rounds on this computer"
    )]
    NewerSchema { found: i64, ours: i64 },
    #[error(
        "the connection to the hub was lost: {0}; nothing half-done was kept, run the command again"
    )]
    Lost(String),
    #[error("the hub failed: {0}")]
    Database(String),
    #[error("the migration failed: {0}")]
    Migration(String),
    #[error(
        "the hub does not know device {0}: register it with `rounds hub device {0} --rep CODE` (or --everything)"
    )]
    UnknownDevice(String),
    #[error("{file}: refused: {reason}")]
    Refused { file: String, reason: String },
    #[error("{0}")]
    Io(String),
    #[error(transparent)]
    Sync(#[from] SyncError),
}

impl HubError {
    /// 3: the hub cannot be reached or logged into; 4: its schema does not
    /// fit; 1: anything else (a refused bundle, a database error).
    pub fn exit_code(&self) -> i32 {
        match self {
            Self::NoUrl | Self::BadUrl(_) => 2,
            Self::Unreachable(_) | Self::Login(_) | Self::NoDatabase(_) | Self::Lost(_) => 3,
            Self::NoSchema | Self::OlderSchema { .. } | Self::NewerSchema { .. } => 4,
            _ => 1,
        }
    }

    /// An error met while connecting.
    pub(crate) fn from_connect(e: postgres::Error) -> Self {
        match e.code() {
            Some(c) if *c == SqlState::INVALID_PASSWORD => Self::Login(db_text(&e)),
            Some(c) if *c == SqlState::INVALID_AUTHORIZATION_SPECIFICATION => {
                Self::Login(db_text(&e))
            }
            Some(c) if *c == SqlState::INVALID_CATALOG_NAME => Self::NoDatabase(db_text(&e)),
            Some(_) => Self::Database(db_text(&e)),
            None => Self::Unreachable(db_text(&e)),
        }
    }
}

fn db_text(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => {
            let mut text = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                text = format!("{text}: {s}");
                source = s.source();
            }
            text
        }
    }
}

impl From<postgres::Error> for HubError {
    fn from(e: postgres::Error) -> Self {
        if e.is_closed() || (e.as_db_error().is_none() && e.code().is_none()) {
            return Self::Lost(db_text(&e));
        }
        match e.code() {
            Some(c) if *c == SqlState::ADMIN_SHUTDOWN || *c == SqlState::CRASH_SHUTDOWN => {
                Self::Lost(db_text(&e))
            }
            _ => Self::Database(db_text(&e)),
        }
    }
}

impl From<crate::storage::StorageError> for HubError {
    fn from(e: crate::storage::StorageError) -> Self {
        Self::Sync(SyncError::Storage(e))
    }
}
