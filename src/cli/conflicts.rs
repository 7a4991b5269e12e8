//! `rounds conflicts [--format json] [--all]`, `rounds conflicts settle ID`
//! and `rounds remove KIND CODE...`: the conflict log on the command line.

use super::args::StatsFormat;
use super::identity::viewer;
use super::{CliResult, Context, Failure};
use crate::domain::auth::Viewer;
use crate::domain::merge::FieldConflict;
use crate::domain::{Product, Rep, Stamp, Store};
use crate::screens::conflicts::{readable, stamp_parts as stamp_text};
use crate::storage::{Choice, Database};
use crate::t;
use clap::{Subcommand, ValueEnum};

#[derive(Debug, Subcommand)]
pub enum ConflictCommand {
    /// Settle one conflict: keep the value that stayed, take the lost one, or type another
    Settle {
        /// The conflict's id (its first characters will do)
        id: String,
        #[arg(long, value_enum, conflicts_with = "value")]
        keep: Option<Side>,
        #[arg(long)]
        value: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Side {
    Kept,
    Lost,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RecordKind {
    Store,
    Product,
    Rep,
}

fn print_text(list: &[FieldConflict]) {
    if list.is_empty() {
        println!("{}", t!("conflicts-none"));
        return;
    }
    println!("{}", t!("conflicts-head", count = list.len()));
    for c in list {
        println!(
            "{}",
            t!(
                "conflicts-line",
                id = c.id(),
                kind = c.kind.clone(),
                code = c.code.clone(),
                field = c.field.clone()
            )
        );
        for (key, value, stamp) in [
            ("conflicts-kept", &c.kept, &c.kept_stamp),
            ("conflicts-lost", &c.lost, &c.lost_stamp),
        ] {
            let (by, device, at) = stamp_text(stamp);
            let value = readable(value, &c.field);
            println!(
                "    {}",
                t!(key, value = value, by = by, device = device, at = at)
            );
        }
    }
}

fn may_settle(who: &Viewer) -> Result<(), Failure> {
    // a laptop without users is one person's; with users, supervisors only
    match who {
        Viewer::Rep { .. } => Err(Failure {
            code: 1,
            message: t!("conflicts-supervisor-only"),
        }),
        _ => Ok(()),
    }
}

pub fn run(
    ctx: &Context,
    action: Option<ConflictCommand>,
    format: StatsFormat,
    all: bool,
) -> CliResult {
    let db = ctx.open()?;
    let who = viewer(ctx, &db)?;
    match action {
        None => {
            let list = db.conflicts(all)?;
            match format {
                StatsFormat::Json => {
                    let text = serde_json::to_string_pretty(&list).map_err(|e| Failure {
                        code: 1,
                        message: e.to_string(),
                    })?;
                    println!("{text}");
                }
                StatsFormat::Text => print_text(&list),
            }
        }
        Some(ConflictCommand::Settle { id, keep, value }) => {
            may_settle(&who)?;
            let choice = match (keep, value) {
                (Some(Side::Kept), _) => Choice::Kept,
                (Some(Side::Lost), _) => Choice::Lost,
                (None, Some(v)) => Choice::Typed(v),
                (None, None) => {
                    return Err(Failure {
                        code: 2,
                        message: t!("conflicts-choose"),
                    });
                }
            };
            let stamp = stamp_of(ctx, &db, &who);
            db.settle_conflict(&id, &choice, &stamp)?;
            let c = db.conflict(&id)?;
            let value = c
                .resolution
                .as_ref()
                .map(|r| readable(&r.value, &c.field))
                .unwrap_or_default();
            println!(
                "{}",
                t!(
                    "conflicts-settled",
                    id = c.id(),
                    field = c.field.clone(),
                    value = value
                )
            );
        }
    }
    Ok(())
}

fn stamp_of(ctx: &Context, db: &Database, who: &Viewer) -> Stamp {
    Stamp {
        by: who.actor().to_string(),
        device: db.device().to_string(),
        at: ctx.clock.now(),
    }
}

/// `rounds remove KIND CODE...`
pub fn remove(ctx: &Context, kind: RecordKind, codes: &[String]) -> CliResult {
    let db = ctx.open()?;
    let who = viewer(ctx, &db)?;
    may_settle(&who)?;
    let stamp = stamp_of(ctx, &db, &who);
    let keys: Vec<Vec<u8>> = codes.iter().map(|c| c.trim().as_bytes().to_vec()).collect();
    let n = match kind {
        RecordKind::Store => db.remove_records::<Store>(&keys, &stamp)?,
        RecordKind::Product => db.remove_records::<Product>(&keys, &stamp)?,
        RecordKind::Rep => db.remove_records::<Rep>(&keys, &stamp)?,
    };
    if n == 0 {
        return Err(Failure {
            code: 1,
            message: t!("removed-none", codes = codes.join(", ")),
        });
    }
    println!("{}", t!("removed-count", count = n));
    Ok(())
}
