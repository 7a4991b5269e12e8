//! The audit key and the witness, kept outside the database.
//!
//! - The key (`audit.key`, 32 random bytes as hex) lives in the platform's
//!   config directory (e.g. ~/.config/rounds), never in the data directory,
//!   so a copy of the database (a backup, a stick, a bundle) does not carry
//!   it. One key per OS user; it is created on first use, owner-only (0600).
//! - The witness (`audit-witness/<tag>.witness`, one per data directory) is
//!   the newest chain head this machine wrote for that database: if the
//!   entries are cut back or the log wiped, the database no longer reaches it.
//!
//! Where: `--config-dir` / `ROUNDS_CONFIG_DIR`, else the platform directory.
//! See docs/security.md for what this does and does not protect against.

use super::{Result, StorageError};
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

const KEY_FILE: &str = "audit.key";
const WITNESS_DIR: &str = "audit-witness";
const WITNESS_MAGIC: &str = "rounds audit witness v1";
pub const CONFIG_ENV: &str = "ROUNDS_CONFIG_DIR";

static OVERRIDE: OnceLock<PathBuf> = OnceLock::new();
/// The key read in this process, by the path it was read from.
static KEY_CACHE: Mutex<Option<(PathBuf, Vec<u8>)>> = Mutex::new(None);

/// Uses `dir` for the audit key and witnesses in this process (`--config-dir`;
/// tests). The first call wins.
pub fn set_config_dir(dir: PathBuf) {
    let _ = OVERRIDE.set(dir);
}

/// Where the audit key and witnesses live: the override, `ROUNDS_CONFIG_DIR`,
/// then the platform's config directory.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(d) = OVERRIDE.get() {
        return Some(d.clone());
    }
    if let Some(d) = std::env::var_os(CONFIG_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    if cfg!(test) {
        // unit tests never touch the real home directory
        return Some(std::env::temp_dir().join("rounds-test-config"));
    }
    directories::ProjectDirs::from("", "", "rounds").map(|d| d.config_dir().to_path_buf())
}

fn need_config_dir() -> Result<PathBuf> {
    config_dir().ok_or_else(|| {
        StorageError::Invalid(format!(
            "no config directory for the audit key: set {CONFIG_ENV} or --config-dir"
        ))
    })
}

pub fn key_path() -> Option<PathBuf> {
    config_dir().map(|d| d.join(KEY_FILE))
}

fn io_err(path: &Path, e: std::io::Error) -> StorageError {
    StorageError::Invalid(format!("audit key file {}: {e}", path.display()))
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

fn parse_key(text: &str) -> Option<Vec<u8>> {
    let t = text.trim();
    if t.len() != 64 {
        return None;
    }
    (0..32)
        .map(|i| u8::from_str_radix(t.get(2 * i..2 * i + 2)?, 16).ok())
        .collect()
}

/// Tightens a key file others may read (a copy made with a loose umask).
fn keep_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(m) = std::fs::metadata(path)
            && m.permissions().mode() & 0o077 != 0
        {
            tracing::warn!(path = %path.display(), "audit key readable by others: made owner-only");
            let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// The key if its file exists (None: never created here, or deleted).
pub fn load_key() -> Result<Option<Vec<u8>>> {
    let Some(path) = key_path() else {
        return Ok(None);
    };
    if let Ok(cache) = KEY_CACHE.lock()
        && let Some((p, k)) = cache.as_ref()
        && *p == path
        && path.exists()
    {
        return Ok(Some(k.clone()));
    }
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let key = parse_key(&text).ok_or_else(|| {
                StorageError::Invalid(format!(
                    "audit key file {} is damaged (64 hex digits expected)",
                    path.display()
                ))
            })?;
            keep_private(&path);
            if let Ok(mut cache) = KEY_CACHE.lock() {
                *cache = Some((path, key.clone()));
            }
            Ok(Some(key))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_err(&path, e)),
    }
}

/// The key, created (owner-only) when there is none yet.
pub fn load_or_create_key() -> Result<Vec<u8>> {
    if let Some(k) = load_key()? {
        return Ok(k);
    }
    let dir = need_config_dir()?;
    let path = dir.join(KEY_FILE);
    create_private_dir(&dir).map_err(|e| io_err(&dir, e))?;
    let mut key = vec![0u8; 32];
    rand::rng().fill_bytes(&mut key);
    let text: String = key.iter().map(|b| format!("{b:02x}")).collect();
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    match opts.open(&path) {
        Ok(mut f) => {
            use std::io::Write;
            f.write_all(format!("{text}\n").as_bytes())
                .and_then(|()| f.sync_all())
                .map_err(|e| io_err(&path, e))?;
            tracing::info!(path = %path.display(), "audit key created");
        }
        // another process created it first: use theirs
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(io_err(&path, e)),
    }
    load_key()?.ok_or_else(|| StorageError::Invalid("the audit key could not be read back".into()))
}

/// The newest chain head this machine wrote for one database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Witness {
    pub device: String,
    /// The first keyed entry of that database's chain.
    pub keyed_from: u64,
    pub seq: u64,
    pub mac: String,
}

/// The witness file of the database in `data_dir` (named by a hash of the
/// directory's full path, so each data directory has its own).
pub fn witness_path(data_dir: &Path) -> Option<PathBuf> {
    let full = std::fs::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
    let digest = Sha256::digest(full.to_string_lossy().as_bytes());
    let tag: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    config_dir().map(|d| d.join(WITNESS_DIR).join(format!("{tag}.witness")))
}

pub fn read_witness(data_dir: &Path) -> Result<Option<Witness>> {
    let Some(path) = witness_path(data_dir) else {
        return Ok(None);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_err(&path, e)),
    };
    let damaged = || {
        StorageError::Invalid(format!(
            "the audit witness {} is damaged; if nobody changed it, delete it \
             (a new one is written with the next audit entry)",
            path.display()
        ))
    };
    let mut lines = text.lines();
    if lines.next() != Some(WITNESS_MAGIC) {
        return Err(damaged());
    }
    let mut field = |name: &str| {
        lines
            .next()
            .and_then(|l| l.strip_prefix(name))
            .and_then(|l| l.strip_prefix(' '))
            .map(str::to_string)
    };
    let device = field("device").ok_or_else(damaged)?;
    let keyed_from = field("keyed_from")
        .and_then(|v| v.parse().ok())
        .ok_or_else(damaged)?;
    let seq = field("seq")
        .and_then(|v| v.parse().ok())
        .ok_or_else(damaged)?;
    let mac = field("mac").ok_or_else(damaged)?;
    Ok(Some(Witness {
        device,
        keyed_from,
        seq,
        mac,
    }))
}

/// Replaces the witness whole (temp file, fsync, rename).
pub fn write_witness(data_dir: &Path, w: &Witness) -> Result<()> {
    use std::io::Write;
    let path = witness_path(data_dir).ok_or_else(|| {
        StorageError::Invalid(format!(
            "no config directory for the audit witness: set {CONFIG_ENV} or --config-dir"
        ))
    })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    create_private_dir(dir).map_err(|e| io_err(dir, e))?;
    let text = format!(
        "{WITNESS_MAGIC}\ndevice {}\nkeyed_from {}\nseq {}\nmac {}\ndata_dir {}\n",
        w.device,
        w.keyed_from,
        w.seq,
        w.mac,
        data_dir.display()
    );
    let tmp = path.with_extension("witness.part");
    let mut f = std::fs::File::create(&tmp).map_err(|e| io_err(&tmp, e))?;
    f.write_all(text.as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(|e| io_err(&tmp, e))?;
    std::fs::rename(&tmp, &path).map_err(|e| io_err(&path, e))
}

/// Forgets the witness of `data_dir` (the demo's `--reset` wipes the log on
/// purpose).
pub fn remove_witness(data_dir: &Path) -> Result<()> {
    let Some(path) = witness_path(data_dir) else {
        return Ok(());
    };
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_err(&path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_only_whole() {
        let text = "ab".repeat(32);
        assert_eq!(parse_key(&text), Some(vec![0xab; 32]));
        assert_eq!(parse_key(&text[..62]), None);
        assert_eq!(parse_key(&"zz".repeat(32)), None);
    }

    #[test]
    fn witness_round_trip_and_the_key_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let w = Witness {
            device: "dev".into(),
            keyed_from: 3,
            seq: 9,
            mac: "ab".repeat(32),
        };
        write_witness(dir.path(), &w).unwrap();
        assert_eq!(read_witness(dir.path()).unwrap(), Some(w));
        let path = witness_path(dir.path()).unwrap();
        assert!(!path.starts_with(dir.path()), "never inside the data dir");
        remove_witness(dir.path()).unwrap();
        assert_eq!(read_witness(dir.path()).unwrap(), None);
        let key = load_or_create_key().unwrap();
        assert_eq!(key.len(), 32);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(key_path().unwrap())
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "owner-only: {mode:o}");
        }
    }
}
