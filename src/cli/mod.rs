//! The command line: global flags, subcommands, exit codes.

mod args;
mod backtest;
mod backup;
mod bulletin;
mod check;
mod conflicts;
mod dates;
mod export;
mod export_orders;
mod export_visits;
mod hub;
mod hub_stats;
mod identity;
mod import;
mod kpis;
mod loyalty;
mod order;
mod progress;
mod review;
mod route;
mod settings;
mod stats;
mod sync;
mod users;

pub use args::{Cli, Command};
pub use identity::refusal as login_refusal;

use crate::clock::Clock;
use crate::storage::{Database, StorageError};
use crate::t;
use clap::Parser;
use std::path::PathBuf;

/// An error with the exit code it should end the process with.
#[derive(Debug)]
pub struct Failure {
    pub code: i32,
    pub message: String,
}

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(e: E) -> Self {
        let e: anyhow::Error = e.into();
        let code = e
            .downcast_ref::<StorageError>()
            .map(StorageError::exit_code)
            .unwrap_or(1);
        Self {
            code,
            message: format!("{e:#}"),
        }
    }
}

pub type CliResult = Result<(), Failure>;

/// Runs the program; returns the exit code.
pub fn main() -> i32 {
    // `rounds stats | head`: end quietly when the reader goes away, as Unix
    // tools do, instead of panicking on a broken pipe
    #[cfg(unix)]
    // SAFETY: restoring the default action of a signal at start-up, before any thread.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    crate::i18n::init(&crate::i18n::pick_lang(cli.lang.as_deref()));
    if let Some(flag) = cli.lang.as_deref()
        && !crate::i18n::is_known(flag)
    {
        eprintln!(
            "rounds: unknown language {flag:?}; using English (known: {})",
            crate::i18n::LANGUAGES.join(", ")
        );
    }
    // a damaged file can make the storage engine panic mid-command: that is
    // reported as damage (the panic itself went to the log), never a backtrace
    let dir = data_dir(&cli).ok();
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(cli))) {
        Ok(Ok(())) => 0,
        Ok(Err(f)) => {
            eprintln!("rounds: {}", f.message);
            f.code
        }
        Err(panic) => {
            let e = crate::storage::StorageError::Damaged {
                path: dir.unwrap_or_default(),
                detail: crate::storage::panic_text(&*panic),
            };
            eprintln!("rounds: {e}");
            1
        }
    }
}

pub struct Context {
    pub data_dir: PathBuf,
    pub clock: Clock,
    /// `--user`: who logs in for this command.
    pub user: Option<String>,
    /// The command only reads: a data directory without a database is a
    /// mistake (a wrong --data-dir), not a new start.
    pub read_only: bool,
    /// `--user` logged in: the PIN is asked once, when the database opens.
    pub login: std::cell::OnceCell<crate::domain::auth::Viewer>,
}

impl Context {
    pub fn open(&self) -> Result<Database, Failure> {
        if self.read_only && !self.data_dir.join("db").exists() {
            return Err(Failure {
                code: 1,
                message: t!(
                    "error-no-database",
                    dir = self.data_dir.display().to_string()
                ),
            });
        }
        let db = Database::open(&self.data_dir)?;
        // every command run with --user checks the PIN, whether or not it
        // then limits what it shows by role
        if self.user.is_some() {
            identity::viewer(self, &db)?;
        }
        Ok(db)
    }
}

/// Commands that only read the database (they must not create an empty one).
fn reads_only(command: &Option<Command>) -> bool {
    matches!(
        command,
        Some(
            Command::Stats { .. }
                | Command::Export { .. }
                | Command::Order(_)
                | Command::Check { .. }
                | Command::Review { .. }
                | Command::Loyalty(_)
                | Command::Conflicts { action: None, .. }
        )
    )
}

fn data_dir(cli: &Cli) -> Result<PathBuf, Failure> {
    let dir = cli
        .data_dir
        .clone()
        .or_else(crate::storage::default_data_dir)
        .ok_or_else(|| Failure {
            code: 1,
            message: t!("error-no-data-dir"),
        })?;
    // the demo lives beside the real data, never in it
    Ok(if cli.demo { dir.join("demo") } else { dir })
}

fn init_logging(dir: &std::path::Path) {
    // logs go to a file: the terminal belongs to the TUI
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    if let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("rounds.log"))
    {
        let _ = tracing_subscriber::fmt()
            .with_writer(std::sync::Mutex::new(QuietLog(file)))
            .with_ansi(false)
            .try_init();
    }
}

/// The log file, whose write errors (a full disk) are dropped: tracing would
/// otherwise print each one on the terminal, which belongs to the screens.
struct QuietLog(std::fs::File);

impl std::io::Write for QuietLog {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let _ = self.0.write_all(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let _ = self.0.flush();
        Ok(())
    }
}

fn run(cli: Cli) -> CliResult {
    if let Some(dir) = &cli.config_dir {
        crate::storage::set_config_dir(dir.clone());
    }
    let ctx = Context {
        data_dir: data_dir(&cli)?,
        clock: cli.today.map(Clock::fixed).unwrap_or_else(Clock::system),
        user: cli.user.clone(),
        read_only: reads_only(&cli.command),
        login: std::cell::OnceCell::new(),
    };
    if !ctx.read_only {
        init_logging(&ctx.data_dir);
    }
    if cli.demo && cli.command.is_none() {
        let db = ctx.open()?;
        if db.is_empty()? {
            crate::demo::load(&db, &ctx.clock)?;
        }
        drop(db);
    }
    match cli.command {
        None if ctx.user.is_some() => identity::run_tui_as(&ctx, cli.rep.as_deref()),
        None => run_tui(&ctx, cli.rep.as_deref()),
        Some(Command::Demo { reset }) => demo(&ctx, reset),
        Some(Command::Stats { format }) => stats::run(&ctx, format),
        Some(Command::Conflicts {
            action,
            format,
            all,
        }) => conflicts::run(&ctx, action, format, all),
        Some(Command::Remove { kind, codes }) => conflicts::remove(&ctx, kind, &codes),
        Some(Command::Settings { set }) => settings::run(&ctx, &set),
        Some(Command::Export {
            kind: args::ExportKind::Kpis,
            format,
            output,
            from,
            to,
            by,
            excel,
            ..
        }) => kpis::export(&ctx, from, to, by, format, output.as_deref(), excel),
        Some(Command::Export {
            kind: args::ExportKind::Visits,
            format,
            output,
            from,
            to,
            excel,
            ..
        }) => export_visits::run(&ctx, from, to, format, output.as_deref(), excel),
        Some(Command::Export {
            kind,
            format,
            output,
            from,
            to,
            excel,
            ..
        }) => export::run(
            &ctx,
            kind,
            format,
            output.as_deref(),
            &export::ExportOptions {
                range: crate::exchange::export_rows::DateRange { from, to },
                excel,
            },
        ),
        Some(Command::User { action }) => users::run(&ctx, action, cli.rep.clone()),
        Some(Command::Check { repair }) => check::run(&ctx, repair),
        Some(Command::Review { action }) => review::run(&ctx, action),
        Some(Command::Kiosk { idle_secs, inbox }) => {
            crate::kiosk::run_kiosk(&ctx, idle_secs, inbox.as_deref())
        }
        Some(Command::Order(args::OrderCommand::Suggest {
            store,
            date,
            cover_days,
            all,
            format,
        })) => order::suggest(&ctx, &store, date, cover_days, all, format),
        Some(Command::Order(args::OrderCommand::Backtest {
            origins,
            cover_days,
            history_days,
            sales,
            export,
            format,
        })) => backtest::run(
            &ctx,
            &backtest::Options {
                origins: origins as usize,
                cover_days,
                history_days,
                sales,
                export,
                format,
            },
        ),
        Some(Command::Loyalty(args::LoyaltyCommand::Backtest {
            purchases,
            cut,
            horizon_days,
            keep_horizon,
            export,
            format,
        })) => loyalty::run(
            &ctx,
            &loyalty::Options {
                purchases,
                cut,
                horizon_days,
                keep_horizon,
                export,
                format,
            },
        ),
        Some(Command::Import {
            kind,
            file,
            dry_run,
            encoding,
            delimiter,
        }) => import::run(
            &ctx,
            &import::ImportArgs {
                kind,
                file: &file,
                dry_run,
                encoding: encoding.as_deref(),
                delimiter: delimiter.as_deref(),
            },
        ),
        Some(Command::Sync { command }) => sync::run(&ctx, &command),
        Some(Command::Hub { command }) => hub::run(&ctx, &command),
        Some(Command::Route(command)) => route::run(&ctx, command, cli.rep.as_deref()),
        Some(Command::Backup) => backup::make(&ctx),
        Some(Command::Dates { action }) => dates::run(&ctx, action),
        Some(Command::Bulletin(options)) => bulletin::run(&ctx, &options),
        Some(Command::Recover) => backup::recover(&ctx),
    }
}

fn run_tui(ctx: &Context, rep: Option<&str>) -> CliResult {
    // the laptop's keys may be the user's; the kiosk never reads this file
    let keymap_problem = crate::keymap::install_user(crate::storage::config_dir().as_deref());
    let db = ctx.open()?;
    let mut app = crate::tui::App::new(db, ctx.clock, rep)?;
    if let Some(problem) = keymap_problem {
        app.set_status(problem);
    }
    crate::tui::run::run(app)?;
    backup::end_of_day(ctx);
    Ok(())
}

fn demo(ctx: &Context, reset: bool) -> CliResult {
    let db = ctx.open()?;
    if !db.is_empty()? {
        if !reset {
            return Err(Failure {
                code: 1,
                message: t!("demo-not-empty", dir = ctx.data_dir.display().to_string()),
            });
        }
        // the reset wipes the audit log on purpose: forget its witness first
        db.forget_journal_witness()?;
    }
    // the reset and the new demo are one unit: a kill leaves the old data or the new
    let s = db.atomically(|| {
        if reset {
            db.clear_all()?;
        }
        crate::demo::load(&db, &ctx.clock)
    })?;
    println!(
        "{}",
        t!(
            "demo-summary",
            stores = s.stores,
            products = s.products,
            reps = s.reps,
            visits = s.visits,
            dir = ctx.data_dir.display().to_string()
        )
    );
    Ok(())
}
