//! The append-only audit trail: entries by sequence number, and beside them
//! the head (last seq and hash), written in one transaction so that a
//! removed newest entry is caught as surely as a changed old one. (The head
//! has its own tree so that the demo's `--reset` clears both together.)

use super::{Database, Result, codec};
use crate::domain::RecordMeta;
use crate::domain::audit::{AuditEntry, AuditEvent, ChainBreak, verify_chain};
use chrono::{DateTime, Utc};

const AUDIT: &str = "audit";
const HEAD: &str = "audit_head";
const HEAD_KEY: &[u8] = b"head";

impl Database {
    /// Appends an entry durably. Only this function writes the audit tree.
    pub fn append_audit(
        &self,
        actor: &str,
        event: AuditEvent,
        at: DateTime<Utc>,
    ) -> Result<AuditEntry> {
        self.atomically(|| self.append_audit_in_unit(actor, event, at))
    }

    fn append_audit_in_unit(
        &self,
        actor: &str,
        event: AuditEvent,
        at: DateTime<Utc>,
    ) -> Result<AuditEntry> {
        let audit = self.tree(AUDIT)?;
        let meta_tree = self.tree(HEAD)?;
        let last: Option<AuditEntry> = audit
            .last()?
            .map(|(_, v)| codec::decode("audit entry", &v))
            .transpose()?;
        let meta = RecordMeta::fresh(actor, self.device(), at);
        let entry = AuditEntry::next(last.as_ref(), meta, actor, event);
        let bytes = codec::encode("audit entry", &entry)?;
        let mut head = entry.seq.to_be_bytes().to_vec();
        head.extend_from_slice(entry.hash.as_bytes());
        // one unit: a removed newest entry is caught as surely as a changed one
        audit.insert(entry.seq.to_be_bytes(), bytes)?;
        meta_tree.insert(HEAD_KEY, head)?;
        Ok(entry)
    }

    /// Every entry in order; a damaged one fails the whole read.
    pub fn audit_entries(&self) -> Result<Vec<AuditEntry>> {
        self.scan(AUDIT, "audit entry", b"")
    }

    /// Verifies the chain: the number of entries, or the first broken one.
    pub fn verify_audit(&self) -> Result<std::result::Result<u64, ChainBreak>> {
        let mut entries = Vec::new();
        for (i, item) in self.tree(AUDIT)?.iter().enumerate() {
            let (_, v) = item?;
            match codec::decode::<AuditEntry>("audit entry", &v) {
                Ok(e) => entries.push(e),
                Err(_) => {
                    return Ok(Err(ChainBreak {
                        seq: i as u64 + 1,
                        reason: "the entry cannot be read (damaged)".into(),
                    }));
                }
            }
        }
        let head = self.tree(HEAD)?.get(HEAD_KEY)?;
        let head = head.as_ref().and_then(|h| {
            let seq = u64::from_be_bytes(h.get(..8)?.try_into().ok()?);
            let hash = std::str::from_utf8(h.get(8..)?).ok()?;
            Some((seq, hash.to_string()))
        });
        Ok(verify_chain(
            &entries,
            head.as_ref().map(|(s, h)| (*s, h.as_str())),
        ))
    }
}
