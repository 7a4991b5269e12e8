//! `rounds import KIND FILE`: an ERP CSV file, all rows or none.

use super::{CliResult, Context, Failure};
use crate::exchange::{self, ImportError, ImportKind, ImportOptions, decode};
use crate::t;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::Path;

pub struct ImportArgs<'a> {
    pub kind: ImportKind,
    pub file: &'a Path,
    pub dry_run: bool,
    pub encoding: Option<&'a str>,
    pub delimiter: Option<&'a str>,
}

/// Imports of more rows than this get a summary line when stderr is not a terminal.
const SUMMARY_ROWS: usize = 5_000;

fn bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {elapsed} eta {eta} {msg}")
    {
        bar.set_style(style);
    }
    bar
}

pub fn run(ctx: &Context, args: &ImportArgs<'_>) -> CliResult {
    let encoding = match args.encoding {
        None => None,
        Some(name) => Some(decode::encoding_by_name(name).ok_or_else(|| Failure {
            code: 1,
            message: t!("import-bad-encoding", name = name),
        })?),
    };
    let delimiter = match args.delimiter {
        None => None,
        Some(name) => Some(decode::delimiter_by_name(name).ok_or_else(|| Failure {
            code: 1,
            message: t!("import-bad-delimiter", name = name),
        })?),
    };
    let db = ctx.open()?;
    if !args.dry_run {
        let size = std::fs::metadata(args.file).map(|m| m.len()).unwrap_or(0);
        // the journal, the applied records and sled's own files: about 4x the file
        db.ensure_space(size.saturating_mul(4))?;
        super::backup::before(&db, "import")?;
    }
    let bar = bar();
    let started = std::time::Instant::now();
    let progress = |at: u64, total: u64, rows: u64| {
        bar.set_length(total);
        bar.set_position(at);
        let secs = started.elapsed().as_secs_f64().max(1e-3);
        bar.set_message(t!(
            "import-progress",
            rows = exchange::cells::grouped(rows),
            rate = exchange::cells::grouped((rows as f64 / secs) as u64)
        ));
    };
    // a delivery must name an order this database knows (`S001-20261124-01`)
    let order_exists = |id: &str| db.order_exists(id).unwrap_or(false);
    let options = ImportOptions {
        encoding,
        delimiter,
        dry_run: args.dry_run,
        progress: Some(&progress),
        order_exists: Some(&order_exists),
    };
    let result = exchange::import_file(&db, args.kind, args.file, &options, ctx.clock.now());
    bar.finish_and_clear();
    let report = result.map_err(|e| match e {
        ImportError::Storage(s) => Failure::from(s),
        other => Failure {
            code: 1,
            message: other.to_string(),
        },
    })?;
    let kind = format!("{:?}", args.kind).to_lowercase();
    // without a terminal there is no bar: one line tells how a large import went
    if !std::io::stderr().is_terminal() && report.rows > SUMMARY_ROWS {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "{}",
            t!(
                "import-summary",
                kind = kind.as_str(),
                rows = exchange::cells::grouped(report.rows as u64),
                seconds = format!("{secs:.1}"),
                rate = exchange::cells::grouped((report.rows as f64 / secs.max(1e-3)) as u64)
            )
        );
    }
    println!(
        "{}",
        t!(
            "import-done",
            kind = kind,
            rows = report.rows,
            created = report.tally.created,
            changed = report.tally.changed,
            unchanged = report.tally.unchanged
        )
    );
    if report.reps_created > 0 {
        println!("{}", t!("import-reps-created", count = report.reps_created));
    }
    if report.dry_run {
        println!("{}", t!("import-dry-run"));
    }
    Ok(())
}
