//! `rounds hub ...` (the office side) and `rounds sync hub` (a laptop).

use super::args::StatsFormat;
use super::{CliResult, Context, Failure};
use crate::hub::{self, Hub, HubError};
use clap::{Args, Subcommand};
use std::path::PathBuf;

/// Where the hub is: `--db URL`, else `ROUNDS_HUB_URL`.
#[derive(Debug, Args, Clone)]
pub struct HubUrl {
    /// PostgreSQL connection string, e.g. postgresql://rounds:PASS@office/rounds
    #[arg(
        long = "db",
        value_name = "URL",
        env = "ROUNDS_HUB_URL",
        hide_env_values = true
    )]
    pub url: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum HubCommand {
    /// Create or migrate the hub's schema (idempotent; a newer schema is refused)
    Init {
        #[command(flatten)]
        db: HubUrl,
    },
    /// Take laptops' sync bundles in (each in one transaction; the same one twice changes nothing)
    Ingest {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        db: HubUrl,
    },
    /// Write what a device has not received yet (the mark moves when it confirms)
    Bundle {
        #[arg(long, value_name = "NAME")]
        device: String,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Everything the device may see, not only what it has not confirmed
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        db: HubUrl,
    },
    /// Record that a device imported its bundle up to SEQ (the bundle's last seq)
    Confirm {
        #[arg(long, value_name = "NAME")]
        device: String,
        #[arg(long, value_name = "SEQ")]
        upto: u64,
        #[command(flatten)]
        db: HubUrl,
    },
    /// Register a device: a rep's laptop (--rep CODE) or a terminal that gets everything
    Device {
        name: String,
        #[arg(
            long,
            value_name = "CODE",
            conflicts_with = "everything",
            required_unless_present = "everything"
        )]
        rep: Option<String>,
        #[arg(long)]
        everything: bool,
        #[command(flatten)]
        db: HubUrl,
    },
    /// Counts per kind, devices and their last exchange, bundles ingested
    Stats {
        #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
        format: StatsFormat,
        #[command(flatten)]
        db: HubUrl,
    },
}

pub(super) fn fail(e: HubError) -> Failure {
    Failure {
        code: e.exit_code(),
        message: e.to_string(),
    }
}

fn open(db: &HubUrl) -> Result<Hub, Failure> {
    let url = hub::url_from(db.url.as_deref()).map_err(fail)?;
    Hub::open(&url).map_err(fail)
}

pub fn run(ctx: &Context, command: &HubCommand) -> CliResult {
    match command {
        HubCommand::Init { db } => init(db),
        HubCommand::Ingest { files, db } => ingest(ctx, files, db),
        HubCommand::Bundle {
            device,
            output,
            all,
            db,
        } => {
            let mut hub = open(db)?;
            let out = hub::write_device_bundle(&mut hub, device, *all, output, ctx.clock.now())
                .map_err(fail)?;
            println!(
                "{} records for {} in {} (hub seq {} to {}; confirm with `rounds hub confirm --device {} --upto {}`)",
                out.records,
                device,
                output.display(),
                out.from_seq,
                out.to_seq,
                device,
                out.to_seq
            );
            Ok(())
        }
        HubCommand::Confirm { device, upto, db } => {
            let mut hub = open(db)?;
            let mark = hub::confirm(&mut hub, device, *upto).map_err(fail)?;
            println!("{device} has everything up to hub seq {mark}");
            Ok(())
        }
        HubCommand::Device { name, rep, db, .. } => {
            let mut hub = open(db)?;
            hub::register_device(&mut hub, name, rep.as_deref()).map_err(fail)?;
            match rep {
                Some(rep) => println!("{name}: a laptop of rep {rep} (its stores, the catalog)"),
                None => println!("{name}: receives everything"),
            }
            Ok(())
        }
        HubCommand::Stats { format, db } => {
            let mut hub = open(db)?;
            let stats = hub::stats(&mut hub, chrono::Utc::now()).map_err(fail)?;
            super::hub_stats::print(&stats, *format)
        }
    }
}

fn init(db: &HubUrl) -> CliResult {
    let url = hub::url_from(db.url.as_deref()).map_err(fail)?;
    let mut hub = Hub::connect(&url).map_err(fail)?;
    let done = hub::init(&mut hub).map_err(fail)?;
    if done.before == done.after {
        println!("the hub's schema is up to date (version {})", done.after);
    } else {
        println!(
            "the hub's schema is now version {} (was {})",
            done.after, done.before
        );
    }
    Ok(())
}

fn ingest(ctx: &Context, files: &[PathBuf], db: &HubUrl) -> CliResult {
    let mut hub = open(db)?;
    let by = hub::who();
    let mut refused = 0;
    for file in files {
        match hub::ingest_file(&mut hub, file, &by, ctx.clock.now()) {
            Ok(r) if r.already => println!(
                "{}: ingested before (bundle {}), nothing changed",
                file.display(),
                r.bundle
            ),
            Ok(r) => println!(
                "{}: {} records from {}, {} new changes, {} records updated (bundle {})",
                file.display(),
                r.records,
                r.device,
                r.new_changes,
                r.applied,
                r.bundle
            ),
            Err(e @ HubError::Refused { .. }) => {
                eprintln!("rounds: {e}");
                refused += 1;
            }
            Err(e) => return Err(fail(e)),
        }
    }
    if refused > 0 {
        return Err(Failure {
            code: 1,
            message: format!("{refused} of {} bundles refused", files.len()),
        });
    }
    Ok(())
}

/// `rounds sync hub`: push the outbox, then pull this laptop's bundle.
pub fn sync_hub(ctx: &Context, db: &HubUrl) -> CliResult {
    let local = ctx.open()?;
    let mut hub = open(db)?;
    let r = hub::sync_with_hub(&local, &mut hub, &hub::who(), ctx.clock.now()).map_err(fail)?;
    match &r.pushed {
        Some(p) => println!(
            "pushed {} records ({} new to the hub)",
            p.records, p.new_changes
        ),
        None => println!("nothing to push"),
    }
    println!(
        "pulled {} records ({} applied, {} kept)",
        r.pulled, r.merged.applied, r.merged.kept
    );
    Ok(())
}
