//! Who is looking, and what they may see: a rep only their own visits and
//! route; a supervisor everyone's. `Local` is the owner of an unlocked
//! laptop or shell (no `--user`): whoever can read the data directory can
//! read the database anyway, so the screens do not pretend otherwise.

use super::{Role, User};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Viewer {
    Local,
    Rep { user: String, rep_code: String },
    Supervisor { user: String },
}

impl Viewer {
    pub fn of(user: &User) -> Self {
        match (user.role, &user.rep_code) {
            (Role::Supervisor, _) => Self::Supervisor {
                user: user.name.clone(),
            },
            (Role::Rep, code) => Self::Rep {
                user: user.name.clone(),
                // a rep without a rep code sees nothing rather than everything
                rep_code: code.clone().unwrap_or_default(),
            },
        }
    }

    /// The name recorded in the audit trail for what this viewer does.
    pub fn actor(&self) -> &str {
        match self {
            Self::Local => "local",
            Self::Rep { user, .. } | Self::Supervisor { user } => user,
        }
    }

    /// The rep whose data is all this viewer may see (`None`: everyone's).
    pub fn only_rep(&self) -> Option<&str> {
        match self {
            Self::Rep { rep_code, .. } => Some(rep_code),
            _ => None,
        }
    }

    pub fn can_see_rep(&self, rep: &str) -> bool {
        self.only_rep()
            .is_none_or(|own| !own.is_empty() && own == rep)
    }

    /// Reviewing (comments, marking reviewed) needs a supervisor who logged
    /// in, so that the review names who made it.
    pub fn can_review(&self) -> bool {
        matches!(self, Self::Supervisor { .. })
    }

    pub fn is_supervisor(&self) -> bool {
        matches!(self, Self::Supervisor { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rep(code: &str) -> Viewer {
        Viewer::Rep {
            user: "ivan".into(),
            rep_code: code.into(),
        }
    }

    #[test]
    fn role_rules() {
        let sup = Viewer::Supervisor {
            user: "olga".into(),
        };
        for (viewer, visit_rep, sees, reviews) in [
            (rep("R01"), "R01", true, false),
            (rep("R01"), "R02", false, false),
            (rep(""), "", false, false),
            (sup.clone(), "R02", true, true),
            (Viewer::Local, "R02", true, false),
        ] {
            assert_eq!(
                viewer.can_see_rep(visit_rep),
                sees,
                "{viewer:?} {visit_rep}"
            );
            assert_eq!(viewer.can_review(), reviews, "{viewer:?}");
        }
    }
}
