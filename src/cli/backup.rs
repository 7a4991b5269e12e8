//! `rounds backup`, `rounds recover`, and the backups made before imports.

use super::{CliResult, Context, Failure};
use crate::exchange::backup;
use crate::storage::Database;
use chrono::Utc;

/// The backup before an import or a bundle: skipped for an empty database
/// (there is nothing to lose yet). Names use the real clock, never `--today`.
pub fn before(db: &Database, why: &str) -> CliResult {
    if db.is_empty()? {
        return Ok(());
    }
    backup::make(db, why, Utc::now()).map_err(|e| Failure {
        code: 1,
        message: format!("{e}; the import was not started (no backup could be made)"),
    })?;
    Ok(())
}

pub fn make(ctx: &Context) -> CliResult {
    let db = ctx.open()?;
    let path = backup::make(&db, "manual", Utc::now()).map_err(|e| Failure {
        code: 1,
        message: e.to_string(),
    })?;
    println!("Backup written: {}", path.display());
    Ok(())
}

pub fn recover(ctx: &Context) -> CliResult {
    let r = backup::recover(&ctx.data_dir, Utc::now()).map_err(|e| Failure {
        code: 1,
        message: format!("recovery failed: {e}"),
    })?;
    match (&r.backup, r.backup_created) {
        (Some(path), Some(at)) => println!(
            "Restored {} records from the backup {} (made {}).",
            r.restored,
            path.display(),
            at.format("%Y-%m-%d %H:%M UTC")
        ),
        _ => println!("No readable backup was found: starting from what the damaged copy holds."),
    }
    match &r.salvage_failed {
        None => println!(
            "Recovered {} unsent changes from the damaged database.",
            r.salvaged
        ),
        Some(why) => println!(
            "The damaged database could not be read ({why}): changes made after the backup and not yet sent could not be recovered."
        ),
    }
    println!(
        "The damaged copy is kept in {}. Run `rounds check`, then `rounds sync export` to send everything to the office again.",
        r.damaged_copy.display()
    );
    Ok(())
}

/// After the screens close: the day's backup, once a day. A failure is told
/// (the terminal is back by now) but does not turn the exit into an error.
pub fn end_of_day(ctx: &Context) {
    let made = ctx
        .open()
        .map_err(|f| f.message)
        .and_then(|db| backup::daily(&db, Utc::now()).map_err(|e| e.to_string()));
    if let Err(e) = made {
        eprintln!("rounds: the daily backup was not made: {e}");
    }
}
