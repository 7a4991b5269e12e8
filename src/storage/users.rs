//! Users (login name → record) and each user's run of wrong PINs. The
//! attempts live in their own tree: they are this device's state, written
//! at once and never synced, so a restart or an import cannot reset them.

use super::{Database, Result, StorageError, codec};
use crate::domain::audit::AuditEvent;
use crate::domain::auth::{Attempts, LockState, User, verify_pin};
use crate::domain::auth::{lockout, pin};
use chrono::{DateTime, Utc};

const USERS: &str = "users";
const ATTEMPTS: &str = "pin_attempts";

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
        Ok(self
            .tree(ATTEMPTS)?
            .get(User::key_of(name).as_bytes())?
            .map(|v| codec::decode("pin attempts", &v))
            .transpose()?
            .unwrap_or_default())
    }

    fn put_attempts(&self, name: &str, attempts: &Attempts) -> Result<()> {
        let key = User::key_of(name);
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
        self.append_audit(
            by,
            AuditEvent::UserUnlocked {
                user: name.to_string(),
            },
            now,
        )?;
        Ok(())
    }

    /// Checks a PIN under the lockout rule; counts and audits wrong ones,
    /// audits the login. The PIN is never stored or logged.
    pub fn login(&self, name: &str, pin: &str, now: DateTime<Utc>) -> Result<Login> {
        let attempts = self.attempts(name)?;
        match attempts.state(now) {
            LockState::Open => {}
            LockState::Wait(until) => return Ok(Login::Wait(until)),
            LockState::Locked(until) => return Ok(Login::Locked(until)),
        }
        let user = self.user(name)?;
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
                self.put_attempts(name, &Attempts::default())?;
                self.append_audit(
                    &user.name,
                    AuditEvent::Login {
                        user: user.name.clone(),
                    },
                    now,
                )?;
                Ok(Login::Ok(Box::new(user)))
            }
            _ => {
                let next = attempts.failed(now);
                self.put_attempts(name, &next)?;
                let user = name.trim().to_string();
                self.append_audit(
                    "system",
                    AuditEvent::LoginFailed {
                        user: user.clone(),
                        failures: next.failures,
                    },
                    now,
                )?;
                if next.failures >= lockout::LOCK_AFTER {
                    self.append_audit("system", AuditEvent::UserLocked { user }, now)?;
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
