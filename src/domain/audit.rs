//! The audit trail: logins, wrong PINs, user changes, reviews and changes to
//! submitted visits, each entry carrying the hash of the one before, so a
//! changed or removed entry breaks the chain where it happened.

use super::RecordMeta;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ulid::Ulid;

/// The `prev` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditEvent {
    Login {
        user: String,
    },
    /// A wrong PIN (never the PIN itself), with the count so far.
    LoginFailed {
        user: String,
        failures: u32,
    },
    Logout {
        user: String,
    },
    /// Ten wrong PINs locked the user.
    UserLocked {
        user: String,
    },
    UserUnlocked {
        user: String,
    },
    UserAdded {
        user: String,
        role: String,
    },
    UserRemoved {
        user: String,
    },
    PinChanged {
        user: String,
    },
    VisitReviewed {
        visit: Ulid,
    },
    VisitCommented {
        visit: Ulid,
        comment: Ulid,
    },
    /// A change to a submitted visit (an amendment), with what changed.
    VisitChanged {
        visit: Ulid,
        what: String,
    },
    KioskStarted,
    KioskEnded {
        user: String,
    },
}

impl AuditEvent {
    /// A one-line English description for `rounds check` and exports.
    pub fn describe(&self) -> String {
        match self {
            Self::Login { user } => format!("login {user}"),
            Self::LoginFailed { user, failures } => format!("wrong PIN for {user} ({failures})"),
            Self::Logout { user } => format!("logout {user}"),
            Self::UserLocked { user } => format!("{user} locked"),
            Self::UserUnlocked { user } => format!("{user} unlocked"),
            Self::UserAdded { user, role } => format!("user {user} added ({role})"),
            Self::UserRemoved { user } => format!("user {user} removed"),
            Self::PinChanged { user } => format!("PIN of {user} changed"),
            Self::VisitReviewed { visit } => format!("visit {visit} reviewed"),
            Self::VisitCommented { visit, .. } => format!("comment on visit {visit}"),
            Self::VisitChanged { visit, what } => format!("visit {visit} changed: {what}"),
            Self::KioskStarted => "kiosk started".into(),
            Self::KioskEnded { user } => format!("kiosk ended by {user}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub meta: RecordMeta,
    /// 1, 2, 3... without gaps.
    pub seq: u64,
    pub at: DateTime<Utc>,
    /// Who did it: a user name, "local" (no login) or "system".
    pub actor: String,
    pub event: AuditEvent,
    /// Hash of the entry before (hex SHA-256), [`GENESIS`] for the first.
    pub prev: String,
    /// Hash of this entry's content and `prev`.
    pub hash: String,
}

/// The hash of an entry: SHA-256 over the previous hash and the entry's
/// content in a fixed encoding (JSON of the fields in declaration order).
pub fn entry_hash(
    prev: &str,
    id: Ulid,
    seq: u64,
    at: DateTime<Utc>,
    actor: &str,
    event: &AuditEvent,
) -> String {
    let content = serde_json::to_vec(&(id, seq, at, actor, event)).unwrap_or_default();
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(b"\n");
    h.update(&content);
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

impl AuditEntry {
    /// The entry that follows `prev` (None: the first).
    pub fn next(
        prev: Option<&AuditEntry>,
        meta: RecordMeta,
        actor: &str,
        event: AuditEvent,
    ) -> Self {
        let (seq, prev_hash) = match prev {
            Some(p) => (p.seq + 1, p.hash.clone()),
            None => (1, GENESIS.to_string()),
        };
        let at = meta.created.at;
        let hash = entry_hash(&prev_hash, meta.id, seq, at, actor, &event);
        Self {
            meta,
            seq,
            at,
            actor: actor.to_string(),
            event,
            prev: prev_hash,
            hash,
        }
    }

    pub fn computed_hash(&self) -> String {
        entry_hash(
            &self.prev,
            self.meta.id,
            self.seq,
            self.at,
            &self.actor,
            &self.event,
        )
    }
}

/// Where and why a chain is broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainBreak {
    /// The sequence number of the first entry that does not fit.
    pub seq: u64,
    pub reason: String,
}

/// Checks entries in stored order. `head` is the last (seq, hash) recorded
/// beside the chain, so that removing the newest entries is caught too.
pub fn verify_chain<'a>(
    entries: impl IntoIterator<Item = &'a AuditEntry>,
    head: Option<(u64, &str)>,
) -> Result<u64, ChainBreak> {
    let mut expected_seq = 1;
    let mut prev_hash = GENESIS.to_string();
    for e in entries {
        if e.seq != expected_seq {
            return Err(ChainBreak {
                seq: expected_seq,
                reason: format!("entry {expected_seq} is missing (found {} next)", e.seq),
            });
        }
        if e.prev != prev_hash {
            return Err(ChainBreak {
                seq: e.seq,
                reason: "does not follow the entry before it".into(),
            });
        }
        if e.computed_hash() != e.hash {
            return Err(ChainBreak {
                seq: e.seq,
                reason: "its content was changed after it was written".into(),
            });
        }
        prev_hash = e.hash.clone();
        expected_seq += 1;
    }
    let count = expected_seq - 1;
    if let Some((seq, hash)) = head
        && (seq != count || hash != prev_hash)
    {
        return Err(ChainBreak {
            seq: count + 1,
            reason: format!("the log ends at entry {count} but {seq} were written"),
        });
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn chain(n: usize) -> Vec<AuditEntry> {
        let mut out: Vec<AuditEntry> = Vec::new();
        for i in 0..n {
            let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, i as u32, 0).unwrap();
            let meta = RecordMeta::fresh("olga", "dev", at);
            let e = AuditEntry::next(
                out.last(),
                meta,
                "olga",
                AuditEvent::Login {
                    user: format!("u{i}"),
                },
            );
            out.push(e);
        }
        out
    }

    fn head(c: &[AuditEntry]) -> Option<(u64, &str)> {
        c.last().map(|e| (e.seq, e.hash.as_str()))
    }

    #[test]
    fn intact_chain_verifies() {
        let c = chain(5);
        assert_eq!(verify_chain(&c, head(&c)), Ok(5));
        assert_eq!(verify_chain(&[], None), Ok(0));
    }

    #[test]
    fn changed_entry_is_found() {
        let mut c = chain(5);
        let h = head(&c).map(|(s, h)| (s, h.to_string()));
        c[2].actor = "mallory".into();
        let err = verify_chain(&c, h.as_ref().map(|(s, h)| (*s, h.as_str()))).unwrap_err();
        assert_eq!(err.seq, 3);
        assert!(err.reason.contains("changed"));
    }

    #[test]
    fn changed_entry_with_recomputed_hash_breaks_the_next_link() {
        let mut c = chain(5);
        c[1].event = AuditEvent::KioskStarted;
        c[1].hash = c[1].computed_hash();
        assert_eq!(verify_chain(&c, None).unwrap_err().seq, 3);
    }

    #[test]
    fn removed_entry_is_found() {
        let mut c = chain(5);
        c.remove(3);
        let err = verify_chain(&c, None).unwrap_err();
        assert_eq!(err.seq, 4);
        assert!(err.reason.contains("missing"));
    }

    #[test]
    fn removed_last_entry_is_found_by_the_head() {
        let c = chain(5);
        let h = (c[4].seq, c[4].hash.clone());
        let err = verify_chain(&c[..4], Some((h.0, &h.1))).unwrap_err();
        assert_eq!(err.seq, 5);
    }
}
