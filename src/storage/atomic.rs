//! All-or-nothing writes across trees: a redo journal.
//!
//! Every write happens inside [`Database::atomically`]. Until the closure
//! returns, writes go to a pending set that this thread's reads see
//! (read-your-writes) and other threads do not. Commit stages the set in the
//! `journal` tree, writes a commit marker, flushes, and only then applies the
//! set to the real trees. On open, a committed journal is applied again (the
//! set holds final values, so applying twice changes nothing) and an
//! uncommitted one is dropped. A kill at any moment leaves the state before
//! or the state after, never between.
//!
//! A small set stays in memory and is staged in one batch with its marker. A
//! large one (an import, a bundle) spills to the journal tree as it grows, so
//! memory stays bounded whatever the size of the write.

use super::{Database, Result, StorageError};
use sled::IVec;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;
use std::thread::ThreadId;

pub(super) const JOURNAL_TREE: &str = "journal";
/// Past this many pending entries (or bytes) the set spills to the journal.
const SPILL_ENTRIES: usize = 50_000;
const SPILL_BYTES: usize = 8 * 1024 * 1024;
/// Writes applied per sled batch when a journal is applied (sled keeps the
/// garbage of a whole batch until it ends: small batches bound memory).
const APPLY_CHUNK: usize = 2_000;

const TAG_WRITE: u8 = b'w';
const TAG_CLEAR: u8 = b'c';
const TAG_MARK: u8 = b'm';

/// A pending value: `Some` puts it, `None` removes the key.
pub(super) type Op = Option<IVec>;

/// A unit's writes in a key range, in scan order.
pub(super) type PendingIter = Box<dyn Iterator<Item = Result<(Vec<u8>, Op)>>>;

/// A unit's writes in a key range, and whether the tree was cleared.
pub(super) type PendingScan = (PendingIter, bool);

/// The writes of one atomic unit that are not applied yet.
pub(super) struct Pending {
    owner: ThreadId,
    id: u64,
    /// A nested unit failed: the whole unit is dropped.
    failed: bool,
    after: Vec<AfterCommit>,
    /// Trees cleared before the writes (the demo's reset); applied first.
    cleared: BTreeSet<String>,
    mem: BTreeMap<String, BTreeMap<Vec<u8>, Op>>,
    mem_entries: usize,
    mem_bytes: usize,
    /// Once spilled, every write of this unit lives in the journal tree.
    spilled: bool,
}

/// Work that must wait until a unit is durable (files outside the database).
pub(super) type AfterCommit = Box<dyn FnOnce(&Database) -> Result<()> + Send>;

#[derive(Default)]
pub(super) struct AtomicState {
    pending: Mutex<Option<Pending>>,
    /// Set when a committed unit could not be applied in this process: no
    /// further unit runs until the database is opened again (which finishes it).
    poisoned: Mutex<Option<String>>,
    /// The last small unit applied: its journal goes once the next unit's
    /// flush has made the applied writes durable.
    retired: Mutex<Option<u64>>,
    /// Serialises atomic units across threads.
    writer: Mutex<()>,
}

/// A lock that a panic elsewhere did not poison for good: the state it
/// guards is only ever replaced whole.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The journal key of a write: `id | 'w' | tree \0 key`.
fn write_key(id: u64, tree: &str, key: &[u8]) -> Vec<u8> {
    let mut k = unit_prefix(id, TAG_WRITE);
    k.extend_from_slice(tree.as_bytes());
    k.push(0);
    k.extend_from_slice(key);
    k
}

/// A large unit stages its writes in a tree of its own, dropped whole once
/// applied: removing a million journal entries one by one cost a third of
/// an import's time.
const STAGE_PREFIX: &str = "journal.";

fn stage_name(id: u64) -> String {
    format!("{STAGE_PREFIX}{id:016x}")
}

fn stage(db: &sled::Db, id: u64) -> Result<sled::Tree> {
    Ok(db.open_tree(stage_name(id))?)
}

/// Drops a unit's staging tree, if it has one.
fn drop_stage(db: &sled::Db, id: u64) -> Result<()> {
    let name = stage_name(id);
    if db
        .tree_names()
        .iter()
        .any(|n| n.as_ref() == name.as_bytes())
    {
        db.drop_tree(name)?;
    }
    Ok(())
}

fn unit_prefix(id: u64, tag: u8) -> Vec<u8> {
    let mut k = id.to_be_bytes().to_vec();
    k.push(tag);
    k
}

fn encode_op(op: &Op) -> Vec<u8> {
    match op {
        Some(v) => {
            let mut out = Vec::with_capacity(v.len() + 1);
            out.push(1);
            out.extend_from_slice(v);
            out
        }
        None => vec![0],
    }
}

fn decode_op(bytes: &[u8]) -> Op {
    match bytes.split_first() {
        Some((1, rest)) => Some(IVec::from(rest)),
        _ => None,
    }
}

/// What a pending unit says about one key: unknown to it, or this value.
pub(super) enum Seen {
    Untouched,
    Cleared,
    Op(Op),
}

/// Clears the pending set if the closure panicked, so the database is not
/// left with a unit that nobody commits.
struct Abandon<'a>(&'a Database, bool);

impl Drop for Abandon<'_> {
    fn drop(&mut self) {
        if self.1
            && let Some(p) = lock(&self.0.atomic.pending).take()
        {
            self.0.drop_spilled(p.id);
        }
    }
}

impl Database {
    /// Runs `f` as one all-or-nothing write: when it returns Ok every write
    /// inside is durable; when it fails (or the process dies) none is.
    /// Nested calls join the outermost unit.
    pub fn atomically<R>(&self, f: impl FnOnce() -> Result<R>) -> Result<R> {
        self.atomically_with(f)
    }

    /// [`Database::atomically`] for a closure with an error type of its own.
    pub fn atomically_with<R, E: From<StorageError>>(
        &self,
        f: impl FnOnce() -> std::result::Result<R, E>,
    ) -> std::result::Result<R, E> {
        let me = std::thread::current().id();
        {
            let guard = self.lock_pending();
            if guard.as_ref().is_some_and(|p| p.owner == me) {
                drop(guard);
                let out = f();
                // an inner failure fails the whole unit: there are no savepoints
                if let Err(_) = &out
                    && let Some(p) = self.lock_pending().as_mut()
                {
                    p.failed = true;
                }
                return out;
            }
        }
        let _writer = lock(&self.atomic.writer);
        if let Some(why) = lock(&self.atomic.poisoned).clone() {
            return Err(StorageError::Unfinished(why).into());
        }
        let id = self.sled.generate_id().map_err(StorageError::from)?;
        *self.lock_pending() = Some(Pending {
            owner: me,
            id,
            cleared: BTreeSet::new(),
            mem: BTreeMap::new(),
            mem_entries: 0,
            mem_bytes: 0,
            spilled: false,
            failed: false,
            after: Vec::new(),
        });
        let mut abandon = Abandon(self, true);
        let out = f();
        abandon.1 = false;
        let pending = self.lock_pending().take();
        let Some(mut pending) = pending else {
            return out;
        };
        let after = std::mem::take(&mut pending.after);
        match out {
            Ok(_) if pending.failed => {
                self.drop_spilled(pending.id);
                Err(StorageError::Invalid(
                    "a part of this change failed, so none of it was saved".into(),
                )
                .into())
            }
            Ok(v) => {
                self.commit(pending)?;
                // after the commit: a failure here is logged, never turned into
                // "not saved" (the unit is saved)
                for f in after {
                    if let Err(e) = f(self) {
                        tracing::warn!("after a commit: {e}");
                    }
                }
                Ok(v)
            }
            Err(e) => {
                self.drop_spilled(pending.id);
                Err(e)
            }
        }
    }

    /// Runs `f` once the current unit has committed (dropped if it fails);
    /// at once outside a unit.
    pub(super) fn after_commit(&self, f: AfterCommit) {
        let me = std::thread::current().id();
        let mut guard = self.lock_pending();
        match guard.as_mut().filter(|p| p.owner == me) {
            Some(p) => p.after.push(f),
            None => {
                drop(guard);
                if let Err(e) = f(self) {
                    tracing::warn!("after a write: {e}");
                }
            }
        }
    }

    fn lock_pending(&self) -> std::sync::MutexGuard<'_, Option<Pending>> {
        lock(&self.atomic.pending)
    }

    /// True while this thread is inside an atomic unit.
    pub(super) fn in_unit(&self) -> bool {
        let me = std::thread::current().id();
        self.lock_pending().as_ref().is_some_and(|p| p.owner == me)
    }

    /// What this thread's pending unit holds for a key.
    pub(super) fn pending_get(&self, tree: &str, key: &[u8]) -> Result<Seen> {
        let me = std::thread::current().id();
        let guard = self.lock_pending();
        let Some(p) = guard.as_ref().filter(|p| p.owner == me) else {
            return Ok(Seen::Untouched);
        };
        let op = if p.spilled {
            stage(&self.sled, p.id)?
                .get(write_key(p.id, tree, key))?
                .map(|v| decode_op(&v))
        } else {
            p.mem.get(tree).and_then(|m| m.get(key)).cloned()
        };
        Ok(match op {
            Some(op) => Seen::Op(op),
            None if p.cleared.contains(tree) => Seen::Cleared,
            None => Seen::Untouched,
        })
    }

    /// This thread's pending writes to `tree` with keys starting with
    /// `prefix`, from `lo` to `hi` (inclusive), in key order (or reversed);
    /// and whether the tree was cleared in this unit. `None` outside a unit.
    /// A spilled unit is read lazily from the journal, so a scan inside a
    /// large unit stays bounded in memory; an in-memory one is small anyway.
    pub(super) fn pending_scan(
        &self,
        tree: &str,
        prefix: &[u8],
        lo: &[u8],
        hi: Option<&[u8]>,
        rev: bool,
    ) -> Result<Option<PendingScan>> {
        let me = std::thread::current().id();
        let guard = self.lock_pending();
        let Some(p) = guard.as_ref().filter(|p| p.owner == me) else {
            return Ok(None);
        };
        let cleared = p.cleared.contains(tree);
        let start = if lo > prefix {
            lo.to_vec()
        } else {
            prefix.to_vec()
        };
        let scan_head = write_key(p.id, tree, prefix);
        let prefix = prefix.to_vec();
        let hi = hi.map(<[u8]>::to_vec);
        let inside = move |k: &[u8]| k.starts_with(&prefix) && hi.as_deref().is_none_or(|h| k <= h);
        let over: PendingIter = if p.spilled {
            let head = write_key(p.id, tree, b"").len();
            let journal = stage(&self.sled, p.id)?;
            let to_op = move |item: sled::Result<(IVec, IVec)>| {
                item.map(|(k, v)| (k[head..].to_vec(), decode_op(&v)))
                    .map_err(StorageError::from)
            };
            if rev {
                let floor = start.clone();
                Box::new(
                    journal
                        .scan_prefix(scan_head)
                        .rev()
                        .map(to_op)
                        .filter(move |r| r.as_ref().map_or(true, |(k, _)| inside(k)))
                        .take_while(move |r| r.as_ref().map_or(true, |(k, _)| *k >= floor)),
                )
            } else {
                let tree_head = write_key(p.id, tree, b"");
                Box::new(
                    journal
                        .range(write_key(p.id, tree, &start)..)
                        .take_while(move |r| {
                            r.as_ref().map_or(true, |(k, _)| k.starts_with(&tree_head))
                        })
                        .map(to_op)
                        .take_while(move |r| r.as_ref().map_or(true, |(k, _)| inside(k))),
                )
            }
        } else {
            let mut out: Vec<Result<(Vec<u8>, Op)>> = p
                .mem
                .get(tree)
                .map(|m| {
                    m.range(start..)
                        .take_while(|(k, _)| inside(k))
                        .map(|(k, op)| Ok((k.clone(), op.clone())))
                        .collect()
                })
                .unwrap_or_default();
            if rev {
                out.reverse();
            }
            Box::new(out.into_iter())
        };
        Ok(Some((over, cleared)))
    }

    /// Adds writes to this thread's unit (opening a one-write unit if there
    /// is none, so every write is atomic and durable).
    pub(super) fn pending_write(&self, tree: &str, ops: Vec<(Vec<u8>, Op)>) -> Result<()> {
        if !self.in_unit() {
            return self.atomically(|| self.pending_write(tree, ops));
        }
        let mut guard = self.lock_pending();
        let p = guard.as_mut().expect("inside a unit");
        if p.spilled {
            let mut batch = sled::Batch::default();
            for (k, op) in &ops {
                batch.insert(write_key(p.id, tree, k), encode_op(op));
            }
            stage(&self.sled, p.id)?.apply_batch(batch)?;
            return Ok(());
        }
        let m = p.mem.entry(tree.to_string()).or_default();
        for (k, op) in ops {
            p.mem_bytes += k.len() + op.as_ref().map_or(0, |v| v.len()) + 48;
            if m.insert(k, op).is_none() {
                p.mem_entries += 1;
            }
        }
        if p.mem_entries > SPILL_ENTRIES || p.mem_bytes > SPILL_BYTES {
            self.spill(p)?;
        }
        Ok(())
    }

    /// Clears a tree within this thread's unit.
    pub(super) fn pending_clear(&self, tree: &str) -> Result<()> {
        if !self.in_unit() {
            return self.atomically(|| self.pending_clear(tree));
        }
        let mut guard = self.lock_pending();
        let p = guard.as_mut().expect("inside a unit");
        if p.spilled {
            remove_prefix_of(&stage(&self.sled, p.id)?, &write_key(p.id, tree, b""))?;
        } else if let Some(m) = p.mem.remove(tree) {
            p.mem_entries -= m.len();
        }
        p.cleared.insert(tree.to_string());
        Ok(())
    }

    fn journal(&self) -> Result<sled::Tree> {
        Ok(self.sled.open_tree(JOURNAL_TREE)?)
    }

    /// Moves the in-memory set to the journal tree (not flushed: an unmarked
    /// journal is dropped on open anyway).
    fn spill(&self, p: &mut Pending) -> Result<()> {
        let journal = stage(&self.sled, p.id)?;
        let mut batch = sled::Batch::default();
        let mut n = 0;
        for (tree, m) in std::mem::take(&mut p.mem) {
            for (k, op) in m {
                batch.insert(write_key(p.id, &tree, &k), encode_op(&op));
                n += 1;
                if n % APPLY_CHUNK == 0 {
                    journal.apply_batch(std::mem::take(&mut batch))?;
                }
            }
        }
        journal.apply_batch(batch)?;
        p.spilled = true;
        p.mem_entries = 0;
        p.mem_bytes = 0;
        Ok(())
    }

    fn commit(&self, p: Pending) -> Result<()> {
        let journal = self.journal()?;
        let mut batch = sled::Batch::default();
        for tree in &p.cleared {
            let mut k = unit_prefix(p.id, TAG_CLEAR);
            k.extend_from_slice(tree.as_bytes());
            batch.insert(k, &[]);
        }
        if p.spilled {
            // the staged writes must be on disk before the marker is
            journal.apply_batch(batch)?;
            self.sled.flush()?;
            batch = sled::Batch::default();
        } else {
            if p.mem.is_empty() && p.cleared.is_empty() {
                return Ok(());
            }
            for (tree, m) in &p.mem {
                for (k, op) in m {
                    batch.insert(write_key(p.id, tree, k), encode_op(op));
                }
            }
        }
        batch.insert(unit_prefix(p.id, TAG_MARK), IVec::default());
        journal.apply_batch(batch)?;
        // durable from here: a crash now is repaired by `recover_journal`
        self.sled.flush()?;
        // that flush also made the previous unit's applied writes durable
        if let Some(prev) = lock(&self.atomic.retired).take() {
            self.remove_prefix(&prev.to_be_bytes())?;
        }
        let id = p.id;
        if let Err(e) = self.apply_committed(p) {
            // saved, not applied: finish it now if possible, else on reopen
            if self.recover_journal().is_err() {
                let why = e.to_string();
                *lock(&self.atomic.poisoned) = Some(why.clone());
                tracing::error!("committed unit {id} could not be applied: {why}");
                return Err(StorageError::Unfinished(why));
            }
        }
        Ok(())
    }

    fn apply_committed(&self, p: Pending) -> Result<()> {
        let spilled = p.spilled;
        let id_bytes = p.id.to_be_bytes();
        if spilled {
            self.apply_journal(p.id)?;
        } else {
            self.apply_cleared(&p.cleared)?;
            for (tree, m) in p.mem {
                let t = self.sled.open_tree(&tree)?;
                let mut batch = sled::Batch::default();
                for (k, op) in m {
                    match op {
                        Some(v) => batch.insert(k, v),
                        None => batch.remove(k),
                    }
                }
                t.apply_batch(batch)?;
            }
        }
        // A small unit's journal stays until the next unit's flush has made
        // these writes durable (a save costs one fsync, as before the
        // journal); replaying it on open, in order, changes nothing. A large
        // unit is flushed and its journal removed now.
        if spilled {
            self.sled.flush()?;
            let id = u64::from_be_bytes(id_bytes);
            drop_stage(&self.sled, id)?;
            self.remove_prefix(&id_bytes)?;
        } else {
            *lock(&self.atomic.retired) = Some(u64::from_be_bytes(id_bytes));
        }
        Ok(())
    }

    /// Drops the staged writes of a unit that will not commit (best effort:
    /// an unmarked journal is dropped on the next open anyway).
    fn drop_spilled(&self, id: u64) {
        if let Err(e) =
            drop_stage(&self.sled, id).and_then(|()| self.remove_prefix(&id.to_be_bytes()))
        {
            tracing::warn!("could not drop an abandoned journal: {e}");
        }
    }

    fn apply_cleared(&self, cleared: &BTreeSet<String>) -> Result<()> {
        apply_cleared(&self.sled, cleared)
    }

    fn apply_journal(&self, id: u64) -> Result<()> {
        apply_journal(&self.sled, id)
    }

    fn remove_prefix(&self, prefix: &[u8]) -> Result<()> {
        remove_prefix(&self.sled, prefix)
    }

    /// Re-applies committed units and drops uncommitted ones; how many applied.
    pub(super) fn recover_journal(&self) -> Result<usize> {
        recover_journal(&self.sled)
    }
}

fn apply_cleared(db: &sled::Db, cleared: &BTreeSet<String>) -> Result<()> {
    for tree in cleared {
        db.open_tree(tree)?.clear()?;
    }
    Ok(())
}

/// Applies a committed journal unit from the journal tree.
fn apply_journal(db: &sled::Db, id: u64) -> Result<()> {
    let journal = db.open_tree(JOURNAL_TREE)?;
    let clear_head = unit_prefix(id, TAG_CLEAR);
    let mut cleared = BTreeSet::new();
    for item in journal.scan_prefix(&clear_head) {
        let (k, _) = item?;
        cleared.insert(String::from_utf8_lossy(&k[clear_head.len()..]).into_owned());
    }
    apply_cleared(db, &cleared)?;
    let head = unit_prefix(id, TAG_WRITE);
    let mut current: Option<(String, sled::Tree, sled::Batch, usize)> = None;
    let staged = db
        .tree_names()
        .iter()
        .any(|n| n.as_ref() == stage_name(id).as_bytes());
    let from_stage = if staged {
        Some(stage(db, id)?.scan_prefix(&head))
    } else {
        None
    };
    for item in journal
        .scan_prefix(&head)
        .chain(from_stage.into_iter().flatten())
    {
        let (k, v) = item?;
        let rest = &k[head.len()..];
        let Some(at) = rest.iter().position(|b| *b == 0) else {
            continue;
        };
        let tree = String::from_utf8_lossy(&rest[..at]).into_owned();
        let key = &rest[at + 1..];
        if current
            .as_ref()
            .is_none_or(|c| c.0 != tree || c.3 >= APPLY_CHUNK)
        {
            if let Some((_, t, b, _)) = current.take() {
                t.apply_batch(b)?;
            }
            let t = db.open_tree(&tree)?;
            current = Some((tree, t, sled::Batch::default(), 0));
        }
        let c = current.as_mut().expect("set above");
        match decode_op(&v) {
            Some(value) => c.2.insert(key, value),
            None => c.2.remove(key),
        }
        c.3 += 1;
    }
    if let Some((_, t, b, _)) = current {
        t.apply_batch(b)?;
    }
    Ok(())
}

fn remove_prefix(db: &sled::Db, prefix: &[u8]) -> Result<()> {
    remove_prefix_of(&db.open_tree(JOURNAL_TREE)?, prefix)
}

fn remove_prefix_of(journal: &sled::Tree, prefix: &[u8]) -> Result<()> {
    let mut batch = sled::Batch::default();
    let mut n = 0;
    for item in journal.scan_prefix(prefix) {
        let (k, _) = item?;
        batch.remove(k);
        n += 1;
        if n % APPLY_CHUNK == 0 {
            journal.apply_batch(std::mem::take(&mut batch))?;
        }
    }
    journal.apply_batch(batch)?;
    Ok(())
}

/// On open: re-applies committed units and drops uncommitted ones.
/// Returns how many committed units were applied.
pub(super) fn recover_journal(db: &sled::Db) -> Result<usize> {
    let journal = db.open_tree(JOURNAL_TREE)?;
    let mut units: BTreeMap<u64, bool> = BTreeMap::new();
    for item in journal.iter().keys() {
        let k = item?;
        let Some(id) = k
            .get(..8)
            .and_then(|b| b.try_into().ok())
            .map(u64::from_be_bytes)
        else {
            continue;
        };
        let marked = units.entry(id).or_default();
        *marked |= k.get(8) == Some(&TAG_MARK);
    }
    // a staging tree without any journal entry never got its marker
    for name in db.tree_names() {
        if let Some(hex) = name.strip_prefix(STAGE_PREFIX.as_bytes())
            && let Ok(id) = u64::from_str_radix(&String::from_utf8_lossy(hex), 16)
        {
            units.entry(id).or_default();
        }
    }
    let mut applied = 0;
    for (id, marked) in &units {
        if *marked {
            apply_journal(db, *id)?;
            applied += 1;
            tracing::info!("re-applied committed journal unit {id}");
        } else {
            tracing::info!("dropped an uncommitted journal unit {id}");
        }
    }
    if !units.is_empty() {
        db.flush()?;
        for id in units.keys() {
            drop_stage(db, *id)?;
            remove_prefix(db, &id.to_be_bytes())?;
        }
        db.flush()?;
    }
    Ok(applied)
}
