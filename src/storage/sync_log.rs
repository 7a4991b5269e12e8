//! What sync needs from storage: the change log read back, records as raw
//! bytes, writes of received records (logged apart from local changes, so
//! they are not sent back), and the last seq sent per destination.

use super::database::CHANGES_TREE;
use super::tree_view::Batch;
use super::{Database, Result, StorageError};
use std::collections::HashSet;

/// Change log of records received by sync: seq -> `tree\0key`. Kept apart
/// from [`CHANGES_TREE`] so the outbox counts only records made on this
/// device, while exports still relay received records to other destinations.
pub const RELAYED_TREE: &str = "changes_relayed";
const SENT_PREFIX: &str = "sync_sent\0";

/// One record as it travels in a bundle.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RawRecord {
    pub tree: String,
    pub key: Vec<u8>,
    pub value: Vec<u8>,
}

fn split_entry(entry: &[u8]) -> Option<(String, Vec<u8>)> {
    let at = entry.iter().position(|b| *b == 0)?;
    let tree = std::str::from_utf8(&entry[..at]).ok()?.to_string();
    Some((tree, entry[at + 1..].to_vec()))
}

fn seq_of(key: &[u8]) -> u64 {
    key.try_into().map(u64::from_be_bytes).unwrap_or(0)
}

impl Database {
    /// The highest seq in either change log (0 when nothing was written).
    pub fn last_change_seq(&self) -> Result<u64> {
        let mut last = 0;
        for name in [CHANGES_TREE, RELAYED_TREE] {
            if let Some((k, _)) = self.tree(name)?.last()? {
                last = last.max(seq_of(&k));
            }
        }
        Ok(last)
    }

    /// Distinct (tree, key) written after `after`, in the order first seen;
    /// `relayed` adds the records received by sync. At most `limit` records.
    pub fn changed_since(
        &self,
        after: u64,
        relayed: bool,
        limit: usize,
    ) -> Result<Vec<(String, Vec<u8>)>> {
        let start = (after + 1).to_be_bytes();
        let mut seen: HashSet<Vec<u8>> = HashSet::new();
        let mut out = Vec::new();
        let logs: &[&str] = if relayed {
            &[CHANGES_TREE, RELAYED_TREE]
        } else {
            &[CHANGES_TREE]
        };
        for name in logs {
            for item in self.tree(name)?.range_from(start) {
                let (_, entry) = item?;
                if seen.insert(entry.to_vec())
                    && let Some(found) = split_entry(&entry)
                {
                    out.push(found);
                    if out.len() >= limit {
                        return Ok(out);
                    }
                }
            }
        }
        Ok(out)
    }

    /// How many distinct records this device changed after `after`, counted
    /// up to `limit` (cheaper than `changed_since`: nothing is split or copied).
    pub fn count_changed_since(&self, after: u64, limit: usize) -> Result<usize> {
        let mut seen: HashSet<sled::IVec> = HashSet::new();
        for item in self
            .tree(CHANGES_TREE)?
            .range_from((after + 1).to_be_bytes())
        {
            let (_, entry) = item?;
            seen.insert(entry);
            if seen.len() >= limit {
                break;
            }
        }
        Ok(seen.len())
    }

    /// Every record of a tree as raw bytes.
    pub fn raw_records(&self, tree: &str) -> Result<Vec<RawRecord>> {
        self.tree(tree)?
            .iter()
            .map(|item| {
                let (k, v) = item?;
                Ok(RawRecord {
                    tree: tree.to_string(),
                    key: k.to_vec(),
                    value: v.to_vec(),
                })
            })
            .collect()
    }

    pub fn raw_get(&self, tree: &str, key: &[u8]) -> Result<Option<Vec<u8>>> {
        Ok(self.tree(tree)?.get(key)?.map(|v| v.to_vec()))
    }

    /// Every record of a tree, raw, handed to `f` one at a time as they are
    /// read (nothing is collected: bundle exports and backups stream).
    pub fn for_each_raw<E: From<StorageError>>(
        &self,
        tree: &str,
        mut f: impl FnMut(&[u8], &[u8]) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        for item in self.tree(tree)?.iter() {
            let (k, v) = item?;
            f(&k, &v)?;
        }
        Ok(())
    }

    /// Each distinct (tree, key) this device changed after `after`, handed to
    /// `f` in the order first logged, as the change log is read. Distinct
    /// entries are remembered by a 64-bit hash and the seq that logged them
    /// (16 bytes each, not the entry): a hash seen before is checked against
    /// that seq's entry, so a collision never drops a record.
    pub fn for_each_changed_since<E: From<StorageError>>(
        &self,
        after: u64,
        mut f: impl FnMut(&str, &[u8]) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        use std::hash::{BuildHasher, Hasher};
        let log = self.tree(CHANGES_TREE)?;
        let hasher = std::collections::hash_map::RandomState::new();
        let mut seen: std::collections::HashMap<u64, u64> = Default::default();
        for item in log.range_from((after + 1).to_be_bytes()) {
            let (k, entry) = item?;
            let mut h = hasher.build_hasher();
            h.write(&entry);
            let hash = h.finish();
            let seq = seq_of(&k);
            match seen.get(&hash) {
                Some(first) => {
                    let same = log
                        .get(first.to_be_bytes())?
                        .is_some_and(|e| e.as_ref() == entry.as_ref());
                    if same {
                        continue;
                    }
                }
                None => {
                    seen.insert(hash, seq);
                }
            }
            let Some(at) = entry.iter().position(|b| *b == 0) else {
                continue;
            };
            let Ok(tree) = std::str::from_utf8(&entry[..at]) else {
                continue;
            };
            f(tree, &entry[at + 1..])?;
        }
        Ok(())
    }

    /// Writes received records (one batch per tree), logs them as relayed and
    /// flushes. Index upkeep is the caller's (see `index_received`).
    pub fn put_received(&self, records: &[RawRecord]) -> Result<()> {
        self.atomically(|| {
            self.put_received_in_unit(records)?;
            self.kpis_after_receive(records)?;
            self.flush()
        })
    }

    /// [`Database::put_received`] for one chunk of a large merge, inside the
    /// caller's unit: the records and the relayed log are written, the
    /// visits and orders they touch noted in `touched` for
    /// [`Database::kpis_after_received`] once every chunk is in. Not flushed.
    pub fn put_received_chunk(
        &self,
        records: &[RawRecord],
        touched: &mut ReceivedTouched,
    ) -> Result<()> {
        self.atomically(|| self.put_received_in_unit(records))?;
        touched.note(records);
        Ok(())
    }

    fn put_received_in_unit(&self, records: &[RawRecord]) -> Result<()> {
        let log = self.tree(RELAYED_TREE)?;
        let mut log_batch = Batch::default();
        let mut trees: Vec<(&str, Batch)> = Vec::new();
        for r in records {
            if r.tree == CHANGES_TREE
                || r.tree == RELAYED_TREE
                || r.tree == "meta"
                || super::kpis::LOCAL_TREES.contains(&r.tree.as_str())
            {
                return Err(StorageError::Invalid(format!(
                    "a bundle may not write the {} tree",
                    r.tree
                )));
            }
            // from 1: a sent mark of 0 means "nothing sent yet"
            let seq = self.sled.generate_id()? + 1;
            log_batch.insert(
                seq.to_be_bytes(),
                super::keys::join(&[r.tree.as_bytes(), &r.key]),
            );
            let slot = match trees.iter().position(|(t, _)| *t == r.tree) {
                Some(i) => i,
                None => {
                    trees.push((&r.tree, Batch::default()));
                    trees.len() - 1
                }
            };
            trees[slot].1.insert(r.key.as_slice(), r.value.as_slice());
        }
        for (name, batch) in trees {
            self.tree(name)?.apply_batch(batch)?;
        }
        log.apply_batch(log_batch)?;
        Ok(())
    }

    /// Writes or removes keys of an index tree (not logged: indexes are rebuilt
    /// from the records they point to, never synced).
    pub fn update_index(&self, tree: &str, insert: &[Vec<u8>], remove: &[Vec<u8>]) -> Result<()> {
        let mut batch = Batch::default();
        for k in remove {
            batch.remove(k.as_slice());
        }
        for k in insert {
            batch.insert(k.as_slice(), []);
        }
        self.tree(tree)?.apply_batch(batch)?;
        Ok(())
    }

    /// Sets an index entry with a value (e.g. EAN -> sku).
    pub fn set_index_entry(&self, tree: &str, key: &[u8], value: Option<&[u8]>) -> Result<()> {
        let t = self.tree(tree)?;
        match value {
            Some(v) => t.insert(key, v),
            None => t.remove(key).map(|_| ()),
        }
    }

    /// The last change-log seq exported to a destination (0: never).
    pub fn sent_mark(&self, dest: &str) -> Result<u64> {
        let key = format!("{SENT_PREFIX}{dest}");
        Ok(self
            .tree("meta")?
            .get(key)?
            .map(|v| seq_of(&v))
            .unwrap_or(0))
    }

    /// The most recent export to any destination (the outbox counts from it).
    pub fn latest_sent_mark(&self) -> Result<u64> {
        let mut last = 0;
        for item in self.tree("meta")?.scan_prefix(SENT_PREFIX) {
            let (_, v) = item?;
            last = last.max(seq_of(&v));
        }
        Ok(last)
    }

    pub fn set_sent_mark(&self, dest: &str, seq: u64) -> Result<()> {
        let key = format!("{SENT_PREFIX}{dest}");
        self.tree("meta")?.insert(key, seq.to_be_bytes())
    }
}

/// The visits and orders whose team KPI buckets received records move
/// (visits, their lines and returns; orders and their deliveries), each
/// once, in the order first seen.
#[derive(Debug, Default)]
pub struct ReceivedTouched {
    pub(super) visits: Vec<ulid::Ulid>,
    pub(super) orders: Vec<String>,
    seen_visits: HashSet<ulid::Ulid>,
    seen_orders: HashSet<String>,
}

impl ReceivedTouched {
    pub fn note(&mut self, records: &[RawRecord]) {
        use super::visit_lines::{AMENDMENTS, AUDIT, BATCHES, RETURNS};
        for r in records {
            let id = match r.tree.as_str() {
                "visits" | AUDIT | BATCHES | AMENDMENTS => r
                    .key
                    .get(..16)
                    .and_then(|b| <[u8; 16]>::try_from(b).ok())
                    .map(ulid::Ulid::from_bytes),
                RETURNS => {
                    super::codec::decode::<crate::domain::visit::ReturnLine>("return", &r.value)
                        .ok()
                        .map(|ret| ret.visit_id)
                }
                _ => None,
            };
            if let Some(id) = id
                && self.seen_visits.insert(id)
            {
                self.visits.push(id);
            }
            let number = match r.tree.as_str() {
                "orders" => Some(String::from_utf8_lossy(&r.key).into_owned()),
                "deliveries" => {
                    super::codec::decode::<crate::domain::DeliveryLine>("delivery", &r.value)
                        .ok()
                        .map(|d| d.order_id)
                }
                _ => None,
            };
            if let Some(n) = number
                && self.seen_orders.insert(n.clone())
            {
                self.orders.push(n);
            }
        }
    }
}

/// Decodes a stored value (sync reads records it did not write itself).
pub fn decode_value<T: serde::de::DeserializeOwned>(kind: &'static str, bytes: &[u8]) -> Result<T> {
    super::codec::decode(kind, bytes)
}

pub fn encode_value<T: serde::Serialize>(kind: &'static str, value: &T) -> Result<Vec<u8>> {
    super::codec::encode(kind, value)
}
