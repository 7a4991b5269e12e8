//! Opening the database: one process at a time, schema version checked and
//! migrated, and a durable write path (flush before the user hears "saved").

use super::atomic::{AtomicState, JOURNAL_TREE};
use super::tree_view::{Batch, TreeView};
use super::{Result, StorageError, codec, keys, migrate};
use serde::{Serialize, de::DeserializeOwned};
use std::fs::{self, File, TryLockError};
use std::path::{Path, PathBuf};

/// The schema this build reads and writes.
pub const SCHEMA_VERSION: u32 = 5;

const SCHEMA_KEY: &[u8] = b"schema_version";
const DEVICE_KEY: &[u8] = b"device_id";
const SETTINGS_KEY: &[u8] = b"settings";
/// Change log: sequence number (u64 BE) -> `tree\0key` of a written record.
pub const CHANGES_TREE: &str = "changes";

/// The platform's data directory for rounds (e.g. ~/.local/share/rounds).
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "rounds").map(|d| d.data_dir().to_path_buf())
}

#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// sled page cache; kept small so a laptop keeps its memory.
    pub cache_bytes: u64,
}

impl Default for OpenOptions {
    fn default() -> Self {
        Self {
            cache_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Opens sled under our lock. Every write path flushes itself, so sled's
/// background flusher is off: its thread kept sled's own file lock for up to
/// half a second after the database was closed, and the next process to open
/// it failed. A lock still held by a closing handle of this process is waited
/// for briefly: holding our lock, nobody else can own the database.
fn open_sled(dir: &Path, options: &OpenOptions) -> Result<sled::Db> {
    let config = sled::Config::new()
        .path(dir.join("db"))
        .cache_capacity(options.cache_bytes)
        .flush_every_ms(None);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(3);
    loop {
        match config.open() {
            Err(sled::Error::Io(e))
                if e.kind() == std::io::ErrorKind::WouldBlock || e.to_string().contains("lock") =>
            {
                if std::time::Instant::now() >= deadline {
                    // our lock file was deleted under a running rounds: sled's
                    // own lock still tells that the database is in use
                    return Err(StorageError::Locked(dir.to_path_buf()));
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            other => return Ok(other?),
        }
    }
}

/// sled leaves a half-written snapshot behind when it dies while writing one
/// (a full disk, a kill); it must go before the next open reads it.
fn remove_leftovers(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir.join("db")) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            match fs::remove_file(entry.path()) {
                Ok(()) => tracing::warn!("removed sled's unfinished snapshot {name}"),
                Err(e) => tracing::warn!("could not remove {name}: {e}"),
            }
        }
    }
}

/// How long a damaged file may keep the open busy before it is called damaged.
fn open_timeout() -> std::time::Duration {
    let secs = std::env::var("ROUNDS_OPEN_TIMEOUT_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    std::time::Duration::from_secs(secs)
}

/// The name of the thread that opens sled; panics on it are the storage
/// engine's and are reported as damage, not printed (see `quiet_panics`).
pub(super) const OPEN_THREAD: &str = "rounds-open";

/// Opens sled on its own thread, so that a panic inside it becomes "damaged"
/// and a damaged file that makes it spin is given up on after a time bound.
/// Every tree is touched at both ends, which finds most damage at once.
fn guarded_open(dir: &Path, options: &OpenOptions) -> Result<sled::Db> {
    remove_leftovers(dir);
    super::damage::quiet_panics();
    let (tx, rx) = std::sync::mpsc::channel();
    let (path, opts) = (dir.to_path_buf(), options.clone());
    std::thread::Builder::new()
        .name(OPEN_THREAD.into())
        .spawn(move || {
            let out = std::panic::catch_unwind(|| -> Result<sled::Db> {
                let db = open_sled(&path, &opts)?;
                for name in db.tree_names() {
                    let tree = db.open_tree(&name)?;
                    tree.first()?;
                    tree.last()?;
                }
                // a unit that committed before a crash is finished before
                // anything (the schema version, the device id) is read
                super::atomic::recover_journal(&db)?;
                Ok(db)
            });
            let _ = tx.send(out);
        })
        .map_err(|source| StorageError::Dir {
            path: dir.to_path_buf(),
            source,
        })?;
    let damaged = |detail: String| StorageError::Damaged {
        path: dir.to_path_buf(),
        detail,
    };
    match rx.recv_timeout(open_timeout()) {
        Ok(Ok(Ok(db))) => Ok(db),
        Ok(Ok(Err(StorageError::Sled(e)))) if super::damage::is_damage(&e) => {
            Err(damaged(e.to_string()))
        }
        Ok(Ok(Err(e))) => Err(e),
        Ok(Err(panic)) => Err(damaged(super::damage::panic_text(&panic))),
        Err(_) => Err(damaged(format!(
            "it did not open within {} s",
            open_timeout().as_secs()
        ))),
    }
}

/// Takes the data directory's lock (`rounds.lock`), which the OS releases
/// even when the process is killed; "in use" when another process has it.
pub fn lock_data_dir(dir: &Path) -> Result<File> {
    let dir_err = |source| StorageError::Dir {
        path: dir.to_path_buf(),
        source,
    };
    fs::create_dir_all(dir).map_err(dir_err)?;
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join("rounds.lock"))
        .map_err(dir_err)?;
    match lock.try_lock() {
        Ok(()) => Ok(lock),
        Err(TryLockError::WouldBlock) => Err(StorageError::Locked(dir.to_path_buf())),
        Err(TryLockError::Error(e)) => Err(dir_err(e)),
    }
}

pub struct Database {
    pub(super) sled: sled::Db,
    // boxed: a Database is moved around by value (the kiosk's lock screen)
    pub(super) atomic: Box<AtomicState>,
    dir: PathBuf,
    device: String,
    // Held for the life of the process: the OS releases it even on SIGKILL.
    _lock: File,
}

impl Database {
    pub fn open(dir: &Path) -> Result<Self> {
        Self::open_with(dir, &OpenOptions::default())
    }

    pub fn open_with(dir: &Path, options: &OpenOptions) -> Result<Self> {
        let lock = lock_data_dir(dir)?;
        let sled = guarded_open(dir, options)?;
        let meta = sled.open_tree("meta")?;
        let found = match meta.get(SCHEMA_KEY)? {
            Some(v) => {
                u32::from_be_bytes(v.as_ref().try_into().map_err(|_| StorageError::Corrupt {
                    kind: "schema version",
                    detail: format!("{} bytes", v.len()),
                })?)
            }
            None => {
                meta.insert(SCHEMA_KEY, &SCHEMA_VERSION.to_be_bytes())?;
                // a new database keeps its KPI buckets by this build's rules
                super::kpis::mark_kpi_rules(&meta)?;
                SCHEMA_VERSION
            }
        };
        if found > SCHEMA_VERSION {
            return Err(StorageError::NewerSchema {
                path: dir.to_path_buf(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        let device = match meta.get(DEVICE_KEY)? {
            Some(v) => String::from_utf8_lossy(&v).into_owned(),
            None => {
                let id = ulid::Ulid::new().to_string()[16..].to_lowercase();
                meta.insert(DEVICE_KEY, id.as_bytes())?;
                id
            }
        };
        let db = Self {
            sled,
            atomic: Box::default(),
            dir: dir.to_path_buf(),
            device,
            _lock: lock,
        };
        if found < SCHEMA_VERSION {
            db.copy_before_migration(found)?;
            db.atomically(|| migrate::run(&db, found))?;
        }
        db.flush()?;
        Ok(db)
    }

    /// Before a migration rewrites records: a copy of the database files as
    /// they are (flushed, and nobody else can write: we hold the lock), in
    /// `backups/db-v{from}-{time}`, to go back to by hand if ever needed.
    fn copy_before_migration(&self, from: u32) -> Result<()> {
        fn copy(from: &Path, to: &Path) -> std::io::Result<()> {
            fs::create_dir_all(to)?;
            for entry in fs::read_dir(from)? {
                let entry = entry?;
                let target = to.join(entry.file_name());
                if entry.file_type()?.is_dir() {
                    copy(&entry.path(), &target)?;
                } else {
                    fs::copy(entry.path(), target)?;
                }
            }
            Ok(())
        }
        self.sled.flush()?;
        let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
        let to = self.dir.join("backups").join(format!("db-v{from}-{stamp}"));
        copy(&self.dir.join("db"), &to).map_err(|source| StorageError::Dir { path: to, source })
    }

    /// Takes the device id of a restored backup, so the records this device
    /// makes from now on carry the id they always had.
    pub fn adopt_device(&self, device: &str) -> Result<()> {
        if !device.is_empty() {
            self.tree("meta")?.insert(DEVICE_KEY, device.as_bytes())?;
        }
        Ok(())
    }

    /// Refuses early, before anything is written, when the disk has less
    /// than `bytes` (plus a margin for sled's own files) free.
    pub fn ensure_space(&self, bytes: u64) -> Result<()> {
        const MARGIN: u64 = 16 * 1024 * 1024;
        // the disk-full test turns this off to reach the engine's own ENOSPC
        if std::env::var_os("ROUNDS_NO_SPACE_CHECK").is_some() {
            return Ok(());
        }
        let Ok(free) = fs4::available_space(&self.dir) else {
            return Ok(()); // unknown: the write itself still reports a full disk
        };
        let needed = bytes.saturating_add(MARGIN);
        if free < needed {
            return Err(StorageError::DiskFull {
                path: self.dir.clone(),
                needed_mib: needed.div_ceil(1024 * 1024),
                free_mib: free / (1024 * 1024),
            });
        }
        Ok(())
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A short id of this device, recorded in every record it makes.
    pub fn device(&self) -> &str {
        &self.device
    }

    pub fn schema_version(&self) -> Result<u32> {
        let meta = self.sled.open_tree("meta")?;
        Ok(meta
            .get(SCHEMA_KEY)?
            .and_then(|v| v.as_ref().try_into().ok().map(u32::from_be_bytes))
            .unwrap_or(0))
    }

    pub(super) fn set_schema_version(&self, version: u32) -> Result<()> {
        self.tree("meta")?.insert(SCHEMA_KEY, version.to_be_bytes())
    }

    /// Makes every write so far durable; call before telling the user it is
    /// saved. Inside an atomic unit the commit flushes, so this waits for it.
    pub fn flush(&self) -> Result<()> {
        if !self.in_unit() {
            self.sled.flush()?;
        }
        Ok(())
    }

    pub(super) fn tree(&self, name: &str) -> Result<TreeView<'_>> {
        TreeView::new(self, name)
    }

    /// sled's tree itself, for writes that need not survive a crash (the
    /// visit's resume cursor): no journal, no flush.
    pub(super) fn volatile_tree(&self, name: &str) -> Result<sled::Tree> {
        Ok(self.sled.open_tree(name)?)
    }

    /// The one write path for records: a batch into `tree`, each change noted
    /// in the change log (sync bundles read it), then one flush. When this
    /// returns Ok the records survive a power cut.
    pub(super) fn put_all<'a, T: Serialize + 'a>(
        &self,
        tree: &str,
        kind: &'static str,
        items: impl IntoIterator<Item = (Vec<u8>, &'a T)>,
    ) -> Result<()> {
        let encoded = items
            .into_iter()
            .map(|(key, value)| Ok((key, codec::encode(kind, value)?)))
            .collect::<Result<Vec<_>>>()?;
        self.put_all_encoded(tree, encoded)
    }

    /// [`Self::put_all`] of values already encoded.
    pub(super) fn put_all_encoded(
        &self,
        tree: &str,
        items: impl IntoIterator<Item = (Vec<u8>, Vec<u8>)>,
    ) -> Result<()> {
        self.atomically(|| {
            let target = self.tree(tree)?;
            let log = self.tree(CHANGES_TREE)?;
            let mut batch = Batch::default();
            let mut log_batch = Batch::default();
            for (key, value) in items {
                // from 1: a sent mark of 0 means "nothing sent yet"
                let seq = self.sled.generate_id()? + 1;
                log_batch.insert(seq.to_be_bytes(), keys::join(&[tree.as_bytes(), &key]));
                batch.insert(key, value);
            }
            target.apply_batch(batch)?;
            log.apply_batch(log_batch)
        })
    }

    /// The company's settings (defaults until changed); stored as JSON so
    /// that new settings added later read old databases with their defaults.
    pub fn settings(&self) -> Result<crate::domain::Settings> {
        match self.tree("meta")?.get(SETTINGS_KEY)? {
            Some(bytes) => serde_json::from_slice(&bytes).map_err(|e| StorageError::Corrupt {
                kind: "settings",
                detail: e.to_string(),
            }),
            None => Ok(crate::domain::Settings::default()),
        }
    }

    pub fn put_settings(&self, settings: &crate::domain::Settings) -> Result<()> {
        let bytes = serde_json::to_vec(settings).map_err(|e| StorageError::Encode {
            kind: "settings",
            detail: e.to_string(),
        })?;
        self.tree("meta")?.insert(SETTINGS_KEY, bytes)
    }

    pub(super) fn get<T: DeserializeOwned>(
        &self,
        tree: &str,
        kind: &'static str,
        key: &[u8],
    ) -> Result<Option<T>> {
        self.tree(tree)?
            .get(key)?
            .map(|v| codec::decode(kind, &v))
            .transpose()
    }

    pub(super) fn scan<T: DeserializeOwned>(
        &self,
        tree: &str,
        kind: &'static str,
        prefix: &[u8],
    ) -> Result<Vec<T>> {
        self.tree(tree)?
            .scan_prefix(prefix)
            .map(|item| {
                let (_, v) = item?;
                codec::decode(kind, &v)
            })
            .collect()
    }

    /// Number of records of a kind (by tree name).
    pub fn count(&self, tree: &str) -> Result<usize> {
        self.tree(tree)?.len()
    }

    /// Removes every record (the demo's `--reset`); the schema and device id stay.
    pub fn clear_all(&self) -> Result<()> {
        self.atomically(|| {
            for name in self.sled.tree_names() {
                let name = String::from_utf8_lossy(&name).into_owned();
                // the journal and the staging trees of units are not records
                if ["meta", "__sled__default"].contains(&name.as_str())
                    || name.starts_with(JOURNAL_TREE)
                {
                    continue;
                }
                self.tree(&name)?.clear()?;
            }
            Ok(())
        })
    }

    /// True when nothing but metadata is stored yet (first start).
    pub fn is_empty(&self) -> Result<bool> {
        for (_, tree) in super::KINDS {
            if !self.tree(tree)?.is_empty()? {
                return Ok(false);
            }
        }
        Ok(true)
    }
}
