//! `rounds user add|list|passwd|remove|unlock`. Adding the first users needs
//! no login; after that a supervisor (`--user`) or the local owner manages them.

use super::identity::{admin, read_pin};
use super::{CliResult, Context, Failure};
use crate::domain::RecordMeta;
use crate::domain::auth::{Role, User, Viewer, hash_pin, validate_pin};
use crate::domain::journal::JournalEvent;
use crate::t;
use clap::Subcommand;
use std::io::IsTerminal;

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user (a rep with --rep CODE); the PIN (4-8 digits) is asked, or read from standard input
    Add {
        name: String,
        #[arg(long, value_parser = parse_role)]
        role: Role,
        // the rep code comes from the global --rep CODE (required for reps)
    },
    /// List the users (never their PINs)
    List,
    /// Change a user's PIN
    Passwd { name: String },
    /// Remove a user
    Remove { name: String },
    /// Lift the lock after ten wrong PINs
    Unlock { name: String },
}

fn parse_role(text: &str) -> Result<Role, String> {
    Role::parse(text).ok_or_else(|| format!("{text:?} is not a role; use rep or supervisor"))
}

fn fail(message: String) -> Failure {
    Failure { code: 1, message }
}

/// A new PIN: twice on a terminal (to catch a typo), once from a pipe.
fn new_pin(name: &str) -> Result<String, Failure> {
    let pin = read_pin(&t!("user-pin-prompt", name = name))?;
    validate_pin(&pin).map_err(|_| fail(t!("user-pin-format")))?;
    if std::io::stdin().is_terminal() {
        let again = read_pin(&t!("user-pin-again"))?;
        if again != pin {
            return Err(fail(t!("user-pin-mismatch")));
        }
    }
    Ok(pin)
}

/// `rep_code`: the global `--rep`, the rep a new rep user is linked to.
pub fn run(ctx: &Context, action: UserCommand, rep_code: Option<String>) -> CliResult {
    let db = ctx.open()?;
    let now = ctx.clock.now();
    match action {
        UserCommand::List => {
            let _ = admin(ctx, &db)?;
            for u in db.users()? {
                let locked = match db.attempts(&u.name)?.state(now) {
                    crate::domain::auth::LockState::Locked(_) => t!("user-locked"),
                    _ => String::new(),
                };
                println!(
                    "{:<16} {:<10} {:<6} {}",
                    u.name,
                    u.role.key(),
                    u.rep_code.as_deref().unwrap_or("-"),
                    locked
                );
            }
        }
        UserCommand::Add { name, role } => {
            let by = admin(ctx, &db)?;
            let name = name.trim().to_string();
            if name.is_empty() || name.chars().any(|c| c.is_control()) {
                return Err(fail(t!("user-bad-name")));
            }
            if db.user(&name)?.is_some() {
                return Err(fail(t!("user-exists", name = name.clone())));
            }
            if role == Role::Rep {
                match &rep_code {
                    None => return Err(fail(t!("user-rep-needs-code"))),
                    Some(code) if db.rep(code)?.is_none() => {
                        return Err(fail(t!("error-unknown-rep", rep = code.clone())));
                    }
                    Some(_) => {}
                }
            }
            let pin = new_pin(&name)?;
            let user = User {
                meta: RecordMeta::fresh(by.actor(), db.device(), now),
                name: name.clone(),
                role,
                rep_code,
                pin: hash_pin(&pin).map_err(|e| fail(e.to_string()))?,
            };
            db.put_user(&user)?;
            db.append_journal(
                by.actor(),
                JournalEvent::UserAdded {
                    user: name.clone(),
                    role: role.key().into(),
                },
                now,
            )?;
            println!("{}", t!("user-added", name = name, role = role.key()));
        }
        UserCommand::Passwd { name } => {
            let by = super::identity::viewer(ctx, &db)?;
            let mut user = db.existing_user(&name)?;
            // a rep may change their own PIN; others need a supervisor
            let own = by.actor() == user.name;
            if matches!(by, Viewer::Rep { .. }) && !own {
                return Err(fail(t!("error-supervisors-only")));
            }
            let pin = new_pin(&user.name)?;
            user.pin = hash_pin(&pin).map_err(|e| fail(e.to_string()))?;
            user.meta.touch(crate::domain::Stamp {
                by: by.actor().into(),
                device: db.device().into(),
                at: now,
            });
            db.put_user(&user)?;
            db.append_journal(
                by.actor(),
                JournalEvent::PinChanged {
                    user: user.name.clone(),
                },
                now,
            )?;
            println!("{}", t!("user-pin-changed", name = user.name));
        }
        UserCommand::Remove { name } => {
            let by = admin(ctx, &db)?;
            if !db.remove_user(&name)? {
                return Err(fail(t!("user-unknown", name = name)));
            }
            db.append_journal(
                by.actor(),
                JournalEvent::UserRemoved { user: name.clone() },
                now,
            )?;
            println!("{}", t!("user-removed", name = name));
        }
        UserCommand::Unlock { name } => {
            let by = admin(ctx, &db)?;
            let user = db.existing_user(&name)?;
            db.unlock_user(&user.name, by.actor(), now)?;
            println!("{}", t!("user-unlocked", name = user.name));
        }
    }
    Ok(())
}
