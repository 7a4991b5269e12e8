//! The append-only journal (tamper trail; on disk its trees keep their "audit" names): entries by sequence number, and beside them
//! the head (last seq and hash), written in one atomic unit so that a
//! removed newest entry is caught as surely as a changed old one. (The head
//! has its own tree so that the demo's `--reset` clears both together.)
//!
//! Entries are chained with HMAC-SHA256 under a key kept outside the
//! database (`audit_key`), and the head is also written to a witness file
//! beside the key, so that a rewrite needs the key and a cut or a wiped log
//! no longer reaches the witness. Bundles carry the head; the heads seen of
//! other devices are kept here, so that a peer's rewrite after an exchange is
//! caught too.
//!
//! Migration: a chain written before keys existed has no `keyed_from`
//! marker. Its first keyed append records `keyed_from` = the next seq (in the
//! database and in the witness); older entries keep their SHA-256 and are
//! still verified that way, and the first keyed entry's MAC covers the hash of
//! the last old one, so the old part cannot be recomputed either.

use super::audit_key::{self, Witness};
use super::{Database, Result, codec};
use crate::domain::RecordMeta;
use crate::domain::journal::{
    ChainBreak, GENESIS, JournalEntry, JournalEvent, Keying, same_mac, verify_keyed_chain,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

const AUDIT: &str = "audit";
const HEAD: &str = "audit_head";
const HEAD_KEY: &[u8] = b"head";
/// The first keyed seq (u64 BE); absent on a chain from before keys.
const KEYED_FROM_KEY: &[u8] = b"keyed_from";
/// Device → the audit heads seen in its bundles.
const PEERS: &str = "audit_peer_heads";
/// Device + seq → what did not fit (kept so that `check` reports it).
const PEER_ALARMS: &str = "audit_peer_alarms";
/// The heads kept per device (the newest ones).
const PEER_HEADS_KEPT: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct SeenHead {
    seq: u64,
    mac: String,
    at: DateTime<Utc>,
}

impl Database {
    fn keyed_from(&self) -> Result<Option<u64>> {
        Ok(self
            .tree(HEAD)?
            .get(KEYED_FROM_KEY)?
            .and_then(|v| Some(u64::from_be_bytes(v.as_ref().try_into().ok()?))))
    }

    fn stored_head(&self) -> Result<Option<(u64, String)>> {
        let head = self.tree(HEAD)?.get(HEAD_KEY)?;
        Ok(head.as_ref().and_then(|h| {
            let seq = u64::from_be_bytes(h.get(..8)?.try_into().ok()?);
            let hash = std::str::from_utf8(h.get(8..)?).ok()?;
            Some((seq, hash.to_string()))
        }))
    }

    fn audit_entry_at(&self, seq: u64) -> Result<Option<JournalEntry>> {
        self.tree(AUDIT)?
            .get(seq.to_be_bytes())?
            .map(|v| codec::decode("audit entry", &v))
            .transpose()
    }

    /// Appends an entry durably. Only this function writes the audit tree.
    pub fn append_journal(
        &self,
        actor: &str,
        event: JournalEvent,
        at: DateTime<Utc>,
    ) -> Result<JournalEntry> {
        let (entry, keyed_from) =
            self.atomically(|| self.append_audit_in_unit(actor, event, at))?;
        // the witness moves only once the entry is durable: inside a larger
        // unit that is when the unit commits
        if self.in_unit() {
            let entry = entry.clone();
            self.after_commit(Box::new(move |db: &Database| {
                db.advance_witness(&entry, keyed_from)
            }));
        } else {
            self.advance_witness(&entry, keyed_from)?;
        }
        Ok(entry)
    }

    fn append_audit_in_unit(
        &self,
        actor: &str,
        event: JournalEvent,
        at: DateTime<Utc>,
    ) -> Result<(JournalEntry, u64)> {
        let key = audit_key::load_or_create_key()?;
        let audit = self.tree(AUDIT)?;
        let meta_tree = self.tree(HEAD)?;
        let last: Option<JournalEntry> = audit
            .last()?
            .map(|(_, v)| codec::decode("audit entry", &v))
            .transpose()?;
        // a chain from before keys is keyed from its next entry on
        let keyed_from = match self.keyed_from()? {
            Some(k) => k,
            None => last.as_ref().map_or(1, |l| l.seq + 1),
        };
        let meta = RecordMeta::fresh(actor, self.device(), at);
        let entry = JournalEntry::next_keyed(last.as_ref(), meta, actor, event, &key);
        let bytes = codec::encode("audit entry", &entry)?;
        let mut head = entry.seq.to_be_bytes().to_vec();
        head.extend_from_slice(entry.hash.as_bytes());
        let marker = keyed_from.to_be_bytes();
        // one unit: a removed newest entry is caught as surely as a changed one
        audit.insert(entry.seq.to_be_bytes(), bytes)?;
        meta_tree.insert(HEAD_KEY, head)?;
        meta_tree.insert(KEYED_FROM_KEY, marker)?;
        Ok((entry, keyed_from))
    }

    /// Moves the witness to the new head, after the database has it (a crash
    /// in between leaves the witness behind the chain, which still reaches
    /// it). A witness the chain no longer reaches is evidence and is left as
    /// it is: `check` keeps reporting it.
    fn advance_witness(&self, entry: &JournalEntry, keyed_from: u64) -> Result<()> {
        if let Some(old) = audit_key::read_witness(self.dir())? {
            let reached = old.device == self.device()
                && old.keyed_from == keyed_from
                && (old.seq == 0
                    || self
                        .audit_entry_at(old.seq)?
                        .is_some_and(|e| same_mac(&e.hash, &old.mac)));
            if !reached {
                tracing::warn!(
                    "the audit chain does not reach this machine's witness; witness kept"
                );
                return Ok(());
            }
        }
        audit_key::write_witness(
            self.dir(),
            &Witness {
                device: self.device().to_string(),
                keyed_from,
                seq: entry.seq,
                mac: entry.hash.clone(),
            },
        )
    }

    /// Forgets this database's witness: before the demo's `--reset` wipes the
    /// log on purpose (first, so that a crash in between leaves no alarm).
    pub fn forget_journal_witness(&self) -> Result<()> {
        audit_key::remove_witness(self.dir())
    }

    /// Every entry in order; a damaged one fails the whole read.
    pub fn journal_entries(&self) -> Result<Vec<JournalEntry>> {
        self.scan(AUDIT, "audit entry", b"")
    }

    /// The head of the chain: the last seq and its hash (0 and [`GENESIS`]
    /// for an empty log). Sync bundles carry it.
    pub fn journal_head(&self) -> Result<(u64, String)> {
        Ok(self
            .stored_head()?
            .unwrap_or_else(|| (0, GENESIS.to_string())))
    }

    /// Verifies the chain: the number of entries, or the first broken one.
    /// Checks the keyed MACs, the head in the database and this machine's
    /// witness (outside the database).
    pub fn verify_journal(&self) -> Result<std::result::Result<u64, ChainBreak>> {
        let mut entries = Vec::new();
        for (i, item) in self.tree(AUDIT)?.iter().enumerate() {
            let (_, v) = item?;
            match codec::decode::<JournalEntry>("audit entry", &v) {
                Ok(e) => entries.push(e),
                Err(_) => {
                    return Ok(Err(ChainBreak {
                        seq: i as u64 + 1,
                        reason: "the entry cannot be read (damaged)".into(),
                    }));
                }
            }
        }
        let head = self.stored_head()?;
        let witness = audit_key::read_witness(self.dir())?;
        let marker = self.keyed_from()?;
        if let Some(w) = &witness {
            if w.device != self.device() {
                return Ok(Err(self.witness_break(
                    1,
                    &format!(
                        "this is not the database this machine's witness saw (device {}, \
                         entry {}): replaced or wiped",
                        w.device, w.seq
                    ),
                )));
            }
            if marker != Some(w.keyed_from) {
                return Ok(Err(self.witness_break(
                    w.keyed_from,
                    "the marker of the first keyed entry was changed",
                )));
            }
        }
        let key = audit_key::load_key()?;
        let keying = Keying {
            keyed_from: marker.unwrap_or(u64::MAX),
            key: key.as_deref(),
        };
        let count = match verify_keyed_chain(
            &entries,
            head.as_ref().map(|(s, h)| (*s, h.as_str())),
            keying,
        ) {
            Ok(n) => n,
            Err(b) => return Ok(Err(b)),
        };
        if let Some(w) = &witness
            && w.seq > 0
        {
            if count < w.seq {
                return Ok(Err(self.witness_break(
                    count + 1,
                    &format!(
                        "the log ends at entry {count} but this machine's witness saw entry {} \
                         (entries removed or the log wiped)",
                        w.seq
                    ),
                )));
            }
            let at = &entries[(w.seq - 1) as usize];
            if !same_mac(&at.hash, &w.mac) {
                return Ok(Err(self.witness_break(
                    w.seq,
                    "it is not the entry this machine's witness saw (the log was rewritten)",
                )));
            }
        }
        Ok(Ok(count))
    }

    fn witness_break(&self, seq: u64, reason: &str) -> ChainBreak {
        let path = audit_key::witness_path(self.dir())
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        ChainBreak {
            seq,
            reason: format!(
                "{reason}; if the database was replaced on purpose, delete the witness {path}"
            ),
        }
    }

    /// Notes the audit head a bundle of `device` carried. A head that goes
    /// back behind one seen before, or that differs from one seen at the same
    /// seq, means that device's log was cut or rewritten after an exchange:
    /// the alarm is kept for `check` and returned. (A head further on cannot
    /// be checked here: the entries stay on their device.)
    pub fn note_peer_journal_head(
        &self,
        device: &str,
        seq: u64,
        mac: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<String>> {
        let peers = self.tree(PEERS)?;
        let mut seen: Vec<SeenHead> = peers
            .get(device.as_bytes())?
            .map(|v| codec::decode("audit peer heads", &v))
            .transpose()?
            .unwrap_or_default();
        let newest = seen.iter().map(|h| h.seq).max().unwrap_or(0);
        let alarm = if let Some(h) = seen.iter().find(|h| h.seq == seq && !same_mac(&h.mac, mac)) {
            Some(format!(
                "the audit log of device {device} was rewritten: its entry {seq} differs from \
                 the one its bundle of {} carried",
                h.at.format("%Y-%m-%d %H:%M")
            ))
        } else if seq < newest {
            Some(format!(
                "the audit log of device {device} went back from entry {newest} to {seq} \
                 (entries removed or the log wiped)"
            ))
        } else {
            None
        };
        if let Some(text) = &alarm {
            let mut k = device.as_bytes().to_vec();
            k.push(0);
            k.extend_from_slice(&seq.to_be_bytes());
            self.tree(PEER_ALARMS)?.insert(k, text.as_bytes())?;
        } else if !seen.iter().any(|h| h.seq == seq) {
            seen.push(SeenHead {
                seq,
                mac: mac.to_string(),
                at: now,
            });
            seen.sort_by_key(|h| h.seq);
            let drop = seen.len().saturating_sub(PEER_HEADS_KEPT);
            seen.drain(..drop);
            peers.insert(device.as_bytes(), codec::encode("audit peer heads", &seen)?)?;
        }
        self.flush()?;
        Ok(alarm)
    }

    /// The alarms raised by heads of other devices (see
    /// [`Database::note_peer_audit_head`]).
    pub fn peer_journal_alarms(&self) -> Result<Vec<String>> {
        self.tree(PEER_ALARMS)?
            .iter()
            .map(|item| Ok(String::from_utf8_lossy(&item?.1).into_owned()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::journal::entry_hash;

    fn t(min: u32) -> DateTime<Utc> {
        use chrono::TimeZone;
        Utc.with_ymd_and_hms(2026, 11, 24, 9, min, 0).unwrap()
    }

    fn login(db: &Database, n: u32) {
        db.append_journal(
            "olga",
            JournalEvent::Login {
                user: format!("u{n}"),
            },
            t(n),
        )
        .unwrap();
    }

    fn with_entries(n: u32) -> (tempfile::TempDir, Database) {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(dir.path()).unwrap();
        for i in 0..n {
            login(&db, i);
        }
        assert_eq!(db.verify_journal().unwrap(), Ok(n as u64));
        (dir, db)
    }

    /// What someone with the database but not the key can do: recompute
    /// every hash (plain SHA-256, the only one they can make) and the head.
    fn rewrite_without_key(db: &Database, entries: &mut [JournalEntry]) {
        let tree = db.tree(AUDIT).unwrap();
        tree.clear().unwrap();
        let mut prev = GENESIS.to_string();
        for e in entries.iter_mut() {
            e.prev = prev.clone();
            e.hash = entry_hash(&e.prev, e.meta.id, e.seq, e.at, &e.actor, &e.event);
            prev = e.hash.clone();
            tree.insert(
                e.seq.to_be_bytes(),
                codec::encode("audit entry", e).unwrap(),
            )
            .unwrap();
        }
        let mut head = (entries.len() as u64).to_be_bytes().to_vec();
        head.extend_from_slice(prev.as_bytes());
        db.tree(HEAD).unwrap().insert(HEAD_KEY, head).unwrap();
    }

    #[test]
    fn changed_entry_with_recomputed_hashes_and_head_is_found() {
        let (_d, db) = with_entries(4);
        let mut entries = db.journal_entries().unwrap();
        entries[1].event = JournalEvent::KioskStarted;
        rewrite_without_key(&db, &mut entries);
        let b = db.verify_journal().unwrap().unwrap_err();
        assert_eq!(b.seq, 1, "{b:?}");
        // a downgrade: drop the keyed marker too, so all reads as SHA-256
        db.tree(HEAD).unwrap().remove(KEYED_FROM_KEY).unwrap();
        let b = db.verify_journal().unwrap().unwrap_err();
        assert!(b.reason.contains("marker"), "{b:?}");
    }

    #[test]
    fn dropped_newest_entry_with_rewritten_head_is_found() {
        let (_d, db) = with_entries(4);
        let entries = db.journal_entries().unwrap();
        db.tree(AUDIT).unwrap().remove(4u64.to_be_bytes()).unwrap();
        let mut head = 3u64.to_be_bytes().to_vec();
        head.extend_from_slice(entries[2].hash.as_bytes());
        db.tree(HEAD).unwrap().insert(HEAD_KEY, head).unwrap();
        let b = db.verify_journal().unwrap().unwrap_err();
        assert_eq!(b.seq, 4, "{b:?}");
        assert!(b.reason.contains("witness saw entry 4"), "{b:?}");
    }

    #[test]
    fn wiped_log_is_found_and_not_hidden_by_new_entries() {
        let (_d, db) = with_entries(3);
        db.tree(AUDIT).unwrap().clear().unwrap();
        db.tree(HEAD).unwrap().clear().unwrap();
        assert_eq!(db.verify_journal().unwrap().unwrap_err().seq, 1);
        // new entries after the wipe do not overwrite the evidence
        for i in 0..5 {
            login(&db, 10 + i);
        }
        assert!(db.verify_journal().unwrap().is_err());
    }

    #[test]
    fn a_demo_reset_forgets_the_witness_first() {
        let (_d, db) = with_entries(3);
        db.forget_journal_witness().unwrap();
        db.clear_all().unwrap();
        assert_eq!(db.verify_journal().unwrap(), Ok(0));
        login(&db, 1);
        assert_eq!(db.verify_journal().unwrap(), Ok(1));
    }

    #[test]
    fn an_unkeyed_chain_is_verified_the_old_way_then_continues_keyed() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(dir.path()).unwrap();
        // a chain as the builds before keys wrote it: SHA-256, no marker
        let mut entries: Vec<JournalEntry> = Vec::new();
        for i in 0..3 {
            let meta = RecordMeta::fresh("olga", db.device(), t(i));
            let e = JournalEntry::next(entries.last(), meta, "olga", JournalEvent::KioskStarted);
            entries.push(e);
        }
        rewrite_without_key(&db, &mut entries);
        assert_eq!(db.verify_journal().unwrap(), Ok(3));
        assert_eq!(db.keyed_from().unwrap(), None);
        login(&db, 5);
        login(&db, 6);
        assert_eq!(db.keyed_from().unwrap(), Some(4));
        assert_eq!(db.verify_journal().unwrap(), Ok(5));
        // the old part cannot be recomputed now: entry 4's MAC covers it
        let mut all = db.journal_entries().unwrap();
        all[0].actor = "mallory".into();
        let mut old = all[..3].to_vec();
        rewrite_without_key(&db, &mut old);
        let tree = db.tree(AUDIT).unwrap();
        for e in &all[3..] {
            tree.insert(
                e.seq.to_be_bytes(),
                codec::encode("audit entry", e).unwrap(),
            )
            .unwrap();
        }
        let mut head = 5u64.to_be_bytes().to_vec();
        head.extend_from_slice(all[4].hash.as_bytes());
        db.tree(HEAD).unwrap().insert(HEAD_KEY, head).unwrap();
        let b = db.verify_journal().unwrap().unwrap_err();
        assert_eq!(b.seq, 4, "{b:?}");
    }

    #[test]
    fn peer_heads_never_go_back_or_change() {
        let (_d, db) = with_entries(0);
        assert_eq!(db.journal_head().unwrap(), (0, GENESIS.to_string()));
        assert_eq!(
            db.note_peer_journal_head("lap1", 5, "aa", t(0)).unwrap(),
            None
        );
        assert_eq!(
            db.note_peer_journal_head("lap1", 5, "aa", t(1)).unwrap(),
            None
        );
        assert_eq!(
            db.note_peer_journal_head("lap1", 9, "bb", t(2)).unwrap(),
            None
        );
        assert_eq!(
            db.note_peer_journal_head("lap2", 1, "cc", t(2)).unwrap(),
            None
        );
        assert!(db.peer_journal_alarms().unwrap().is_empty());
        let back = db.note_peer_journal_head("lap1", 7, "dd", t(3)).unwrap();
        assert!(back.unwrap().contains("went back from entry 9 to 7"));
        let changed = db.note_peer_journal_head("lap1", 5, "ee", t(4)).unwrap();
        assert!(changed.unwrap().contains("rewritten"));
        assert_eq!(db.peer_journal_alarms().unwrap().len(), 2);
    }
}
