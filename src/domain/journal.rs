//! The journal (tamper trail; the shelf audit is `visit::audit`): logins, wrong PINs, user changes, reviews and changes to
//! submitted visits, each entry carrying the hash of the one before, so a
//! changed or removed entry breaks the chain where it happened.
//!
//! Entries from `keyed_from` on carry an HMAC-SHA256 made with a key kept
//! outside the database (see `storage::audit_key` and docs/security.md), so
//! the chain cannot be recomputed by someone who only has the database.
//! Earlier entries (written before the key existed) keep their plain SHA-256.

use super::RecordMeta;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ulid::Ulid;

/// The `prev` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum JournalEvent {
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
    /// A wrong PIN for a user name that looked like a PIN (4–8 digits): the
    /// name itself is never stored, it may be the PIN typed in the wrong field.
    LoginFailedPinLikeName {
        failures: u32,
    },
}

/// What the audit trail says instead of a user name that looked like a PIN.
pub const PIN_LIKE_NAME: &str = "unknown user (looks like a PIN)";

impl JournalEvent {
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
            Self::LoginFailedPinLikeName { failures } => {
                format!("wrong PIN for {PIN_LIKE_NAME} ({failures})")
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    pub meta: RecordMeta,
    /// 1, 2, 3... without gaps.
    pub seq: u64,
    pub at: DateTime<Utc>,
    /// Who did it: a user name, "local" (no login) or "system".
    pub actor: String,
    pub event: JournalEvent,
    /// Hash of the entry before (hex), [`GENESIS`] for the first.
    pub prev: String,
    /// Hash of this entry's content and `prev`: hex HMAC-SHA256 with the
    /// audit key for keyed entries, plain SHA-256 for older ones.
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
    event: &JournalEvent,
) -> String {
    let content = serde_json::to_vec(&(id, seq, at, actor, event)).unwrap_or_default();
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(b"\n");
    h.update(&content);
    hex(&h.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

type HmacSha256 = Hmac<Sha256>;

/// The keyed hash of an entry: HMAC-SHA256 with the audit key over a
/// version tag, the previous hash and the same content as [`entry_hash`].
pub fn entry_mac(
    key: &[u8],
    prev: &str,
    id: Ulid,
    seq: u64,
    at: DateTime<Utc>,
    actor: &str,
    event: &JournalEvent,
) -> String {
    let content = serde_json::to_vec(&(id, seq, at, actor, event)).unwrap_or_default();
    // HMAC takes a key of any length
    let Ok(mut m) = HmacSha256::new_from_slice(key) else {
        return String::new();
    };
    m.update(b"rounds-audit-hmac-v1\n");
    m.update(prev.as_bytes());
    m.update(b"\n");
    m.update(&content);
    hex(&m.finalize().into_bytes())
}

/// Compares two hex MACs in constant time (no early exit on the first
/// differing byte).
pub fn same_mac(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl JournalEntry {
    /// The entry that follows `prev` (None: the first).
    pub fn next(
        prev: Option<&JournalEntry>,
        meta: RecordMeta,
        actor: &str,
        event: JournalEvent,
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

    /// The entry that follows `prev`, keyed with the audit key.
    pub fn next_keyed(
        prev: Option<&JournalEntry>,
        meta: RecordMeta,
        actor: &str,
        event: JournalEvent,
        key: &[u8],
    ) -> Self {
        let mut e = Self::next(prev, meta, actor, event);
        e.hash = e.computed_mac(key);
        e
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

    pub fn computed_mac(&self, key: &[u8]) -> String {
        entry_mac(
            key,
            &self.prev,
            self.meta.id,
            self.seq,
            self.at,
            &self.actor,
            &self.event,
        )
    }
}

/// How the entries of a chain are hashed: plain SHA-256 before `keyed_from`,
/// HMAC-SHA256 with `key` from it on (`key` None: the key file is missing).
#[derive(Debug, Clone, Copy)]
pub struct Keying<'a> {
    pub keyed_from: u64,
    pub key: Option<&'a [u8]>,
}

impl Keying<'_> {
    /// A chain written before keys existed: every entry plain SHA-256.
    pub const UNKEYED: Keying<'static> = Keying {
        keyed_from: u64::MAX,
        key: None,
    };
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
    entries: impl IntoIterator<Item = &'a JournalEntry>,
    head: Option<(u64, &str)>,
) -> Result<u64, ChainBreak> {
    verify_keyed_chain(entries, head, Keying::UNKEYED)
}

/// [`verify_chain`] for a chain whose entries from `keying.keyed_from` on
/// are keyed.
pub fn verify_keyed_chain<'a>(
    entries: impl IntoIterator<Item = &'a JournalEntry>,
    head: Option<(u64, &str)>,
    keying: Keying<'_>,
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
        if e.seq >= keying.keyed_from {
            let Some(key) = keying.key else {
                return Err(ChainBreak {
                    seq: e.seq,
                    reason: "the audit key file is missing, so the entry cannot be verified".into(),
                });
            };
            if !same_mac(&e.computed_mac(key), &e.hash) {
                return Err(ChainBreak {
                    seq: e.seq,
                    reason: "its content was changed after it was written, or it was not \
                             written with this machine's audit key"
                        .into(),
                });
            }
        } else if e.computed_hash() != e.hash {
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

    fn chain(n: usize) -> Vec<JournalEntry> {
        let mut out: Vec<JournalEntry> = Vec::new();
        for i in 0..n {
            let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, i as u32, 0).unwrap();
            let meta = RecordMeta::fresh("olga", "dev", at);
            let e = JournalEntry::next(
                out.last(),
                meta,
                "olga",
                JournalEvent::Login {
                    user: format!("u{i}"),
                },
            );
            out.push(e);
        }
        out
    }

    fn head(c: &[JournalEntry]) -> Option<(u64, &str)> {
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
        c[1].event = JournalEvent::KioskStarted;
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

    fn keyed_chain(n: usize, keyed_from: u64, key: &[u8]) -> Vec<JournalEntry> {
        let mut out: Vec<JournalEntry> = Vec::new();
        for i in 0..n {
            let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, i as u32, 0).unwrap();
            let meta = RecordMeta::fresh("olga", "dev", at);
            let event = JournalEvent::Login {
                user: format!("u{i}"),
            };
            let e = if (i as u64 + 1) >= keyed_from {
                JournalEntry::next_keyed(out.last(), meta, "olga", event, key)
            } else {
                JournalEntry::next(out.last(), meta, "olga", event)
            };
            out.push(e);
        }
        out
    }

    #[test]
    fn keyed_chain_verifies_only_with_its_key() {
        let key = b"k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1";
        let c = keyed_chain(5, 3, key);
        let keying = Keying {
            keyed_from: 3,
            key: Some(key),
        };
        assert_eq!(verify_keyed_chain(&c, head(&c), keying), Ok(5));
        let other = Keying {
            keyed_from: 3,
            key: Some(b"another key"),
        };
        assert_eq!(verify_keyed_chain(&c, head(&c), other).unwrap_err().seq, 3);
        let missing = Keying {
            keyed_from: 3,
            key: None,
        };
        let err = verify_keyed_chain(&c, head(&c), missing).unwrap_err();
        assert!(err.seq == 3 && err.reason.contains("missing"), "{err:?}");
        // read as unkeyed (a downgraded marker), the keyed entries do not fit
        assert_eq!(verify_chain(&c, head(&c)).unwrap_err().seq, 3);
    }

    #[test]
    fn a_rewrite_without_the_key_is_found() {
        let key = b"secret";
        let mut c = keyed_chain(5, 1, key);
        // change entry 2 and recompute every hash after it, without the key
        c[1].actor = "mallory".into();
        for i in 1..c.len() {
            c[i].prev = c[i - 1].hash.clone();
            c[i].hash = c[i].computed_hash();
        }
        let keying = Keying {
            keyed_from: 1,
            key: Some(key),
        };
        assert_eq!(verify_keyed_chain(&c, head(&c), keying).unwrap_err().seq, 2);
    }

    #[test]
    fn a_changed_legacy_entry_breaks_the_first_keyed_one() {
        let key = b"secret";
        let mut c = keyed_chain(5, 4, key);
        c[1].actor = "mallory".into();
        for i in 1..3 {
            if i > 1 {
                c[i].prev = c[i - 1].hash.clone();
            }
            c[i].hash = c[i].computed_hash();
        }
        c[3].prev = c[2].hash.clone();
        let keying = Keying {
            keyed_from: 4,
            key: Some(key),
        };
        assert_eq!(verify_keyed_chain(&c, head(&c), keying).unwrap_err().seq, 4);
    }

    #[test]
    fn macs_compare_whole() {
        assert!(same_mac("abcd", "abcd"));
        assert!(!same_mac("abcd", "abce"));
        assert!(!same_mac("abcd", "abc"));
    }

    #[test]
    fn removed_last_entry_is_found_by_the_head() {
        let c = chain(5);
        let h = (c[4].seq, c[4].hash.clone());
        let err = verify_chain(&c[..4], Some((h.0, &h.1))).unwrap_err();
        assert_eq!(err.seq, 5);
    }
}
