//! Users (login name → record) and each user's run of wrong PINs. The
//! attempts live in their own tree: they are this device's state, written
//! at once and never synced, so a restart or an import cannot reset them.
//!
//! The lockout runs on the real clock ([`crate::clock::security_now`]), never
//! on a pinned `--today`; within a process each wait is also held on the
//! monotonic clock, so moving the system clock does not shorten it there.
//! A name that looks like a PIN (4–8 digits) and is no user is never stored:
//! its wrong PINs count in one shared bucket and are audited without it.

use super::{Database, Result, StorageError, codec};
use crate::domain::auth::{Attempts, LockState, User, looks_like_pin, verify_pin};
use crate::domain::auth::{lockout, pin};
use crate::domain::journal::{JournalEvent, PIN_LIKE_NAME};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

const USERS: &str = "users";
const ATTEMPTS: &str = "pin_attempts";
/// The attempts key shared by every unknown name that looks like a PIN.
const PIN_LIKE_BUCKET: &str = "\u{0}pin-like-names";

/// A wait held on the monotonic clock, for the stored attempts it was made
/// after (a supervisor's unlock or a login elsewhere changes those: the hold
/// then lapses).
#[derive(Debug, Clone, Copy)]
struct Hold {
    attempts: Attempts,
    until: Instant,
}

static HOLDS: Mutex<Option<HashMap<(PathBuf, String), Hold>>> = Mutex::new(None);

fn with_holds<T>(f: impl FnOnce(&mut HashMap<(PathBuf, String), Hold>) -> T) -> T {
    let mut guard = HOLDS.lock().unwrap_or_else(|e| e.into_inner());
    f(guard.get_or_insert_with(HashMap::new))
}

/// The answer to a login.
#[derive(Debug, Clone, PartialEq)]
pub enum Login {
    Ok(Box<User>),
    /// Unknown user or wrong PIN (the two are not told apart).
    Refused {
        failures: u32,
    },
    /// Too soon after the last wrong PIN: try again then.
    Wait(DateTime<Utc>),
    /// Locked after ten wrong PINs, until then or a supervisor unlocks.
    Locked(DateTime<Utc>),
}

impl Database {
    pub fn user(&self, name: &str) -> Result<Option<User>> {
        self.get(USERS, "user", User::key_of(name).as_bytes())
    }

    /// Every user, by name.
    pub fn users(&self) -> Result<Vec<User>> {
        self.scan(USERS, "user", b"")
    }

    /// Saves a user (new or changed) durably.
    pub fn put_user(&self, user: &User) -> Result<()> {
        self.put_all(
            USERS,
            "user",
            [(User::key_of(&user.name).into_bytes(), user)],
        )
    }

    /// Removes a user and their attempts; false when there was none.
    pub fn remove_user(&self, name: &str) -> Result<bool> {
        self.atomically(|| {
            let key = User::key_of(name);
            let found = self.tree(USERS)?.remove(key.as_bytes())?.is_some();
            self.tree(ATTEMPTS)?.remove(key.as_bytes())?;
            self.flush()?;
            Ok(found)
        })
    }

    pub fn attempts(&self, name: &str) -> Result<Attempts> {
        self.attempts_of(&User::key_of(name))
    }

    fn attempts_of(&self, key: &str) -> Result<Attempts> {
        Ok(self
            .tree(ATTEMPTS)?
            .get(key.as_bytes())?
            .map(|v| codec::decode("pin attempts", &v))
            .transpose()?
            .unwrap_or_default())
    }

    fn put_attempts(&self, name: &str, attempts: &Attempts) -> Result<()> {
        self.put_attempts_of(&User::key_of(name), attempts)
    }

    fn put_attempts_of(&self, key: &str, attempts: &Attempts) -> Result<()> {
        let tree = self.tree(ATTEMPTS)?;
        if *attempts == Attempts::default() {
            tree.remove(key.as_bytes())?;
        } else {
            tree.insert(key.as_bytes(), codec::encode("pin attempts", attempts)?)?;
        }
        self.flush()
    }

    /// A supervisor lifts a lock (or the count of wrong PINs) early.
    pub fn unlock_user(&self, name: &str, by: &str, now: DateTime<Utc>) -> Result<()> {
        self.put_attempts(name, &Attempts::default())?;
        self.append_journal(
            by,
            JournalEvent::UserUnlocked {
                user: name.to_string(),
            },
            now,
        )?;
        Ok(())
    }

    /// The key `name`'s wrong PINs are counted under: its own, or for an
    /// unknown name that looks like a PIN the shared bucket (never the digits).
    fn attempts_key(name: &str, user: Option<&User>) -> String {
        if user.is_none() && looks_like_pin(name) {
            PIN_LIKE_BUCKET.to_string()
        } else {
            User::key_of(name)
        }
    }

    /// Checks a PIN under the lockout rule on the real clock (whatever
    /// `--today` says), holding each wait on the monotonic clock within this
    /// process as well. See [`Database::login_at`].
    pub fn login(&self, name: &str, pin: &str) -> Result<Login> {
        let now = crate::clock::security_now();
        let user = self.user(name)?;
        let key = Self::attempts_key(name, user.as_ref());
        let hold_key = (self.dir().to_path_buf(), key.clone());
        let stored = self.attempts_of(&key)?;
        let held = with_holds(|h| h.get(&hold_key).copied());
        if let Some(hold) = held
            && hold.attempts == stored
        {
            let left = hold.until.saturating_duration_since(Instant::now());
            if !left.is_zero() {
                let until = now + chrono::Duration::from_std(left).unwrap_or_default();
                return Ok(if stored.failures >= lockout::LOCK_AFTER {
                    Login::Locked(until)
                } else {
                    Login::Wait(until)
                });
            }
        }
        let login = self.login_at(name, pin, now)?;
        let after = self.attempts_of(&key)?;
        // how long from now this login has to wait before the next try
        let wait = match &login {
            Login::Ok(_) => None,
            Login::Wait(until) | Login::Locked(until) => Some(*until - now),
            Login::Refused { .. } => Some(lockout::delay_after(after.failures)),
        };
        with_holds(|h| match wait {
            Some(wait) if after.failures > 0 && wait > chrono::Duration::zero() => {
                let until = Instant::now() + wait.to_std().unwrap_or_default();
                h.insert(
                    hold_key,
                    Hold {
                        attempts: after,
                        until,
                    },
                );
            }
            _ if after.failures == 0 => {
                h.remove(&hold_key);
            }
            _ => {}
        });
        Ok(login)
    }

    /// Checks a PIN under the lockout rule at `now`, which must come from the
    /// real clock ([`crate::clock::security_now`]; tests step it); counts and
    /// audits wrong ones, audits the login. The PIN is never stored or logged,
    /// nor a user name that looks like one.
    pub fn login_at(&self, name: &str, pin: &str, now: DateTime<Utc>) -> Result<Login> {
        let user = self.user(name)?;
        let key = Self::attempts_key(name, user.as_ref());
        let attempts = self.attempts_of(&key)?;
        match attempts.state(now) {
            LockState::Open => {}
            LockState::Wait(until) => return Ok(Login::Wait(until)),
            LockState::Locked(until) => return Ok(Login::Locked(until)),
        }
        let ok = match &user {
            Some(u) => verify_pin(pin, &u.pin),
            None => {
                // spend the same time as a real check so names cannot be probed
                let _ = pin::hash_pin("0000");
                false
            }
        };
        match (ok, user) {
            (true, Some(user)) => {
                self.put_attempts_of(&key, &Attempts::default())?;
                self.append_journal(
                    &user.name,
                    JournalEvent::Login {
                        user: user.name.clone(),
                    },
                    now,
                )?;
                Ok(Login::Ok(Box::new(user)))
            }
            _ => {
                let next = attempts.failed(now);
                self.put_attempts_of(&key, &next)?;
                let (user, event) = if key == PIN_LIKE_BUCKET {
                    let event = JournalEvent::LoginFailedPinLikeName {
                        failures: next.failures,
                    };
                    (PIN_LIKE_NAME.to_string(), event)
                } else {
                    let user = name.trim().to_string();
                    let event = JournalEvent::LoginFailed {
                        user: user.clone(),
                        failures: next.failures,
                    };
                    (user, event)
                };
                self.append_journal("system", event, now)?;
                if next.failures >= lockout::LOCK_AFTER {
                    self.append_journal("system", JournalEvent::UserLocked { user }, now)?;
                    if let LockState::Locked(until) = next.state(now) {
                        return Ok(Login::Locked(until));
                    }
                }
                Ok(Login::Refused {
                    failures: next.failures,
                })
            }
        }
    }

    /// A user that must exist (for commands); the error says what to do.
    pub fn existing_user(&self, name: &str) -> Result<User> {
        self.user(name)?.ok_or_else(|| {
            StorageError::Invalid(format!(
                "there is no user {name:?}; `rounds user list` shows the users"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RecordMeta;
    use crate::domain::auth::{Role, hash_pin};

    fn db_with_ivan() -> (tempfile::TempDir, Database) {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(dir.path()).unwrap();
        db.put_user(&User {
            meta: RecordMeta::fresh("test", "dev", Utc::now()),
            name: "ivan".into(),
            role: Role::Rep,
            rep_code: Some("R01".into()),
            pin: hash_pin("1111").unwrap(),
        })
        .unwrap();
        (dir, db)
    }

    #[test]
    fn a_wait_holds_on_the_monotonic_clock_when_the_wall_clock_jumps() {
        let (_d, db) = db_with_ivan();
        for _ in 0..3 {
            assert!(matches!(
                db.login("ivan", "0000").unwrap(),
                Login::Refused { .. }
            ));
        }
        assert!(matches!(db.login("ivan", "1111").unwrap(), Login::Wait(_)));
        // the stored failure looks an hour old, as after the system clock
        // was moved forward: the wall-clock rule alone would let it through
        let mut a = db.attempts("ivan").unwrap();
        a.last_failure = a.last_failure.map(|t| t - chrono::Duration::hours(1));
        db.put_attempts("ivan", &a).unwrap();
        let hold_key = (db.dir().to_path_buf(), "ivan".to_string());
        with_holds(|h| {
            if let Some(hold) = h.get_mut(&hold_key) {
                hold.attempts = a;
            }
        });
        assert!(matches!(db.login("ivan", "1111").unwrap(), Login::Wait(_)));
        // a supervisor's unlock lifts it
        db.unlock_user("ivan", "olga", Utc::now()).unwrap();
        assert!(matches!(db.login("ivan", "1111").unwrap(), Login::Ok(_)));
    }

    #[test]
    fn a_pin_typed_as_the_user_name_is_never_stored() {
        let (_d, db) = db_with_ivan();
        let now = Utc::now();
        for (i, name) in ["48151623", " 1111 ", "9876"].iter().enumerate() {
            assert_eq!(
                db.login_at(name, "1111", now).unwrap(),
                Login::Refused {
                    failures: i as u32 + 1
                },
                "one shared count for PIN-like names"
            );
        }
        // a name that is not PIN-like is counted under itself, as before
        db.login_at("nobody", "1111", now).unwrap();
        let keys: Vec<String> = db
            .tree(ATTEMPTS)
            .unwrap()
            .iter()
            .map(|kv| String::from_utf8_lossy(&kv.unwrap().0).into_owned())
            .collect();
        assert_eq!(keys.len(), 2, "{keys:?}");
        for k in &keys {
            assert!(!k.contains("4815") && !k.contains("1111") && !k.contains("9876"));
        }
        let entries = db.journal_entries().unwrap();
        for e in &entries {
            let text = format!("{} {:?} {}", e.actor, e.event, e.event.describe());
            assert!(!text.contains("4815") && !text.contains("9876"), "{text}");
            assert!(!text.contains("1111"), "{text}");
        }
        assert!(
            entries[0].event.describe().contains("looks like a PIN"),
            "{:?}",
            entries[0].event
        );
    }
}
