//! A tree as the storage code sees it: sled's tree with this thread's
//! pending atomic writes laid over it. Reads see the unit's own writes;
//! writes join the unit (or make a one-write unit of their own).

use super::atomic::{Op, PendingIter, Seen};
use super::{Database, Result};
use sled::IVec;

pub(super) struct TreeView<'a> {
    db: &'a Database,
    name: String,
    tree: sled::Tree,
}

/// Writes to one tree, applied together (sled's `Batch`, but into the unit).
#[derive(Default)]
pub(super) struct Batch(Vec<(Vec<u8>, Op)>);

impl Batch {
    pub fn insert(&mut self, key: impl AsRef<[u8]>, value: impl AsRef<[u8]>) {
        self.0
            .push((key.as_ref().to_vec(), Some(IVec::from(value.as_ref()))));
    }

    pub fn remove(&mut self, key: impl AsRef<[u8]>) {
        self.0.push((key.as_ref().to_vec(), None));
    }
}

type BaseIter = Box<dyn Iterator<Item = sled::Result<(IVec, IVec)>>>;

/// Records of a tree in key order (or reversed), pending writes merged in.
pub(super) struct TreeIter {
    base: Option<BaseIter>,
    over: PendingIter,
    rev: bool,
    base_head: Option<(IVec, IVec)>,
    over_head: Option<(Vec<u8>, Op)>,
    /// Reading the pending writes failed: the first item is this error.
    error: Option<super::StorageError>,
}

impl TreeIter {
    fn failed(e: super::StorageError) -> Self {
        Self {
            base: None,
            over: Box::new(std::iter::empty()),
            rev: false,
            base_head: None,
            over_head: None,
            error: Some(e),
        }
    }
}

impl Iterator for TreeIter {
    type Item = Result<(IVec, IVec)>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.error.take() {
            return Some(Err(e));
        }
        loop {
            if self.base_head.is_none()
                && let Some(base) = self.base.as_mut()
            {
                match base.next() {
                    Some(Ok(kv)) => self.base_head = Some(kv),
                    Some(Err(e)) => return Some(Err(e.into())),
                    None => self.base = None,
                }
            }
            if self.over_head.is_none() {
                match self.over.next() {
                    Some(Ok(kv)) => self.over_head = Some(kv),
                    Some(Err(e)) => return Some(Err(e)),
                    None => {}
                }
            }
            let take_over = match (&self.base_head, &self.over_head) {
                (None, None) => return None,
                (Some(_), None) => false,
                (None, Some(_)) => true,
                (Some((bk, _)), Some((ok, _))) => {
                    let ord = bk.as_ref().cmp(ok.as_slice());
                    if ord == std::cmp::Ordering::Equal {
                        self.base_head = None; // the pending write replaces it
                        true
                    } else {
                        (ord == std::cmp::Ordering::Greater) != self.rev
                    }
                }
            };
            if take_over {
                let (k, op) = self.over_head.take().expect("checked");
                if let Some(v) = op {
                    return Some(Ok((IVec::from(k), v)));
                }
            } else {
                return self.base_head.take().map(Ok);
            }
        }
    }
}

impl<'a> TreeView<'a> {
    pub(super) fn new(db: &'a Database, name: &str) -> Result<Self> {
        Ok(Self {
            db,
            name: name.to_string(),
            tree: db.sled.open_tree(name)?,
        })
    }

    pub fn get(&self, key: impl AsRef<[u8]>) -> Result<Option<IVec>> {
        match self.db.pending_get(&self.name, key.as_ref())? {
            Seen::Op(op) => Ok(op),
            Seen::Cleared => Ok(None),
            Seen::Untouched => Ok(self.tree.get(key)?),
        }
    }

    pub fn contains_key(&self, key: impl AsRef<[u8]>) -> Result<bool> {
        Ok(self.get(key)?.is_some())
    }

    pub fn insert(&self, key: impl AsRef<[u8]>, value: impl AsRef<[u8]>) -> Result<()> {
        let mut batch = Batch::default();
        batch.insert(key, value);
        self.apply_batch(batch)
    }

    /// Removes a key; returns the value it had.
    pub fn remove(&self, key: impl AsRef<[u8]>) -> Result<Option<IVec>> {
        let old = self.get(&key)?;
        let mut batch = Batch::default();
        batch.remove(key);
        self.apply_batch(batch)?;
        Ok(old)
    }

    pub fn apply_batch(&self, batch: Batch) -> Result<()> {
        if batch.0.is_empty() {
            return Ok(());
        }
        self.db.pending_write(&self.name, batch.0)
    }

    pub fn clear(&self) -> Result<()> {
        self.db.pending_clear(&self.name)
    }

    /// Records with keys starting with `prefix`, from `lo` to `hi`
    /// (inclusive), pending writes merged in.
    fn merged(&self, prefix: &[u8], lo: &[u8], hi: Option<&[u8]>, rev: bool) -> TreeIter {
        let (over, cleared) = match self.db.pending_scan(&self.name, prefix, lo, hi, rev) {
            Ok(Some(found)) => found,
            Ok(None) => (Box::new(std::iter::empty()) as PendingIter, false),
            Err(e) => return TreeIter::failed(e),
        };
        let base: Option<BaseIter> = if cleared {
            None
        } else {
            let (lo, hi) = (lo.to_vec(), hi.map(<[u8]>::to_vec));
            let scan: sled::Iter = match (lo.is_empty(), hi) {
                (true, None) => self.tree.scan_prefix(prefix),
                (false, None) => self.tree.range(lo..),
                (_, Some(hi)) => self.tree.range(lo..=hi),
            };
            Some(if rev {
                Box::new(scan.rev())
            } else {
                Box::new(scan)
            })
        };
        TreeIter {
            base,
            over,
            rev,
            base_head: None,
            over_head: None,
            error: None,
        }
    }

    pub fn iter(&self) -> TreeIter {
        self.merged(b"", b"", None, false)
    }

    pub fn scan_prefix(&self, prefix: impl AsRef<[u8]>) -> TreeIter {
        self.merged(prefix.as_ref(), b"", None, false)
    }

    /// `scan_prefix`, highest key first.
    pub fn scan_prefix_rev(&self, prefix: impl AsRef<[u8]>) -> TreeIter {
        self.merged(prefix.as_ref(), b"", None, true)
    }

    /// Every record with a key from `start` on.
    pub fn range_from(&self, start: impl AsRef<[u8]>) -> TreeIter {
        self.merged(b"", start.as_ref(), None, false)
    }

    /// Every record with a key from `lo` to `hi`, both included.
    pub fn range_between(&self, lo: impl AsRef<[u8]>, hi: impl AsRef<[u8]>) -> TreeIter {
        self.merged(b"", lo.as_ref(), Some(hi.as_ref()), false)
    }

    pub fn last(&self) -> Result<Option<(IVec, IVec)>> {
        self.scan_prefix_rev(b"").next().transpose()
    }

    pub fn len(&self) -> Result<usize> {
        if !self.db.in_unit() {
            return Ok(self.tree.len());
        }
        let mut n = 0;
        for item in self.iter() {
            item?;
            n += 1;
        }
        Ok(n)
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.iter().next().transpose()?.is_none())
    }
}
