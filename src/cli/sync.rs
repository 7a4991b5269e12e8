//! `rounds sync export|import|watch`: bundles between laptops and the office.

use super::args::SyncCommand;
use super::{CliResult, Context, Failure};
use crate::exchange::sync::{self, InboxOutcome};
use crate::t;
use std::path::Path;
use std::time::Duration;

pub fn run(ctx: &Context, command: &SyncCommand) -> CliResult {
    match command {
        SyncCommand::Export { output, dest, all } => export(ctx, output, dest, *all),
        SyncCommand::Import { file } => import(ctx, file),
        SyncCommand::Watch { dir, once } => watch(ctx, dir, *once),
        SyncCommand::Hub { db } => super::hub::sync_hub(ctx, db),
    }
}

fn export(ctx: &Context, output: &Path, dest: &str, all: bool) -> CliResult {
    let db = ctx.open()?;
    let meter = super::progress::Meter::new("exported");
    let step = |s: sync::Step| meter.step(s);
    let result = sync::export_to_file_with(&db, dest, all, output, ctx.clock.now(), Some(&step));
    meter.done();
    let bundle = result?;
    let file = output.display().to_string();
    if bundle.records == 0 {
        println!("{}", t!("sync-nothing-new", dest = dest, file = file));
    } else {
        println!(
            "{}",
            t!(
                "sync-exported",
                count = bundle.records,
                file = file,
                from = bundle.header.from_seq.to_string(),
                to = bundle.header.to_seq.to_string(),
                dest = dest
            )
        );
    }
    Ok(())
}

fn import(ctx: &Context, file: &Path) -> CliResult {
    let db = ctx.open()?;
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    // records are zstd-compressed about 9x in a bundle, and the journal, the
    // applied records and sled's own files take about 4x their size
    db.ensure_space(size.saturating_mul(40))?;
    super::backup::before(&db, "sync-import")?;
    let name = file.display().to_string();
    let meter = super::progress::Meter::new("imported");
    let step = |s: sync::Step| meter.step(s);
    let result = sync::import_file_with(&db, file, Some(&step));
    meter.done();
    match result {
        Ok((header, report)) => {
            println!(
                "{}",
                t!(
                    "sync-imported",
                    file = name,
                    records = report.records,
                    device = header.device,
                    applied = report.applied,
                    kept = report.kept
                )
            );
            Ok(())
        }
        Err(sync::SyncError::Storage(e)) => Err(e.into()),
        Err(e) => Err(Failure {
            code: 1,
            message: t!("sync-refused", file = name, reason = e.to_string()),
        }),
    }
}

fn report(outcomes: &[InboxOutcome]) {
    for o in outcomes {
        match o {
            InboxOutcome::Imported { file, .. } => {
                println!("{}", t!("sync-watch-done", file = file_name(file)));
            }
            InboxOutcome::Failed { file, reason } => {
                println!(
                    "{}",
                    t!(
                        "sync-watch-failed",
                        file = file_name(file),
                        reason = reason.as_str()
                    )
                );
            }
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn watch(ctx: &Context, dir: &Path, once: bool) -> CliResult {
    let db = ctx.open()?;
    if !dir.is_dir() {
        return Err(Failure {
            code: 1,
            message: t!("sync-not-a-folder", dir = dir.display().to_string()),
        });
    }
    if once {
        report(&sync::process_inbox(&db, dir, Duration::ZERO)?);
        return Ok(());
    }
    println!(
        "{}",
        t!("sync-watch-start", dir = dir.display().to_string())
    );
    loop {
        // a file still being copied is left for the next round (2 s settle)
        report(&sync::process_inbox(&db, dir, Duration::from_secs(2))?);
        std::thread::sleep(Duration::from_secs(2));
    }
}
