//! A person who logs in: a rep (linked to a rep code) or a supervisor.

use super::PinHash;
use crate::domain::RecordMeta;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Rep,
    Supervisor,
}

impl Role {
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "rep" => Some(Self::Rep),
            "supervisor" | "admin" => Some(Self::Supervisor),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Rep => "rep",
            Self::Supervisor => "supervisor",
        }
    }
}

#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct User {
    pub meta: RecordMeta,
    /// Login name, unique, compared case-insensitively.
    pub name: String,
    pub role: Role,
    /// The rep code whose route and visits are this user's (reps; optional for supervisors).
    pub rep_code: Option<String>,
    pub pin: PinHash,
}

impl User {
    /// The key a name is stored and looked up under.
    pub fn key_of(name: &str) -> String {
        name.trim().to_lowercase()
    }

    pub fn is_supervisor(&self) -> bool {
        self.role == Role::Supervisor
    }
}

// Hand-written so that a PIN hash never reaches a log line or an error message.
impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("name", &self.name)
            .field("role", &self.role)
            .field("rep_code", &self.rep_code)
            .finish_non_exhaustive()
    }
}
