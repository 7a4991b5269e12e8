//! Command line arguments (clap).

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "rounds",
    version,
    about = "Keyboard-first app for field sales reps and supervisors",
    long_about = "rounds: today's route, store visits and orders for field sales reps, \
                  and review for their supervisors. Without a command it opens the \
                  terminal interface."
)]
pub struct Cli {
    /// Where the database lives (default: the platform's data directory)
    #[arg(long, env = "ROUNDS_DATA_DIR", global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Where the audit key and witness live (default: the platform's config
    /// directory; never inside the data directory)
    #[arg(long, env = "ROUNDS_CONFIG_DIR", global = true, value_name = "DIR")]
    pub config_dir: Option<PathBuf>,

    /// Language of the interface: en, ru, bg, ro (default: from LANG)
    #[arg(long, global = true, value_name = "xx")]
    pub lang: Option<String>,

    /// Pin today's date (for demos and tests)
    #[arg(long, env = "ROUNDS_TODAY", global = true, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// The rep whose route opens first (code, e.g. R01)
    #[arg(long, env = "ROUNDS_REP", global = true, value_name = "CODE")]
    pub rep: Option<String>,

    /// Open the demo dataset (in its own data directory, loaded on first use)
    #[arg(long)]
    pub demo: bool,

    /// Log in as this user (PIN asked, or read from standard input); a rep
    /// then sees only their own visits
    #[arg(long, env = "ROUNDS_USER", global = true, value_name = "NAME")]
    pub user: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

pub(super) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{text:?} is not a date; use YYYY-MM-DD, e.g. 2026-03-12"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load the demo dataset (into an empty data directory, or --reset to replace)
    Demo {
        /// Delete everything in the data directory first
        #[arg(long)]
        reset: bool,
    },
    /// Edits that lost to a concurrent edit on another device (open ones; --all for settled too)
    Conflicts {
        #[command(subcommand)]
        action: Option<super::conflicts::ConflictCommand>,
        #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
        format: StatsFormat,
        #[arg(long)]
        all: bool,
    },
    /// Remove stores, products or reps (an edit elsewhere that the removal never saw keeps them)
    Remove {
        #[arg(value_enum)]
        kind: super::conflicts::RecordKind,
        #[arg(required = true, value_name = "CODE")]
        codes: Vec<String>,
    },
    /// Count the records of each kind
    Stats {
        #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
        format: StatsFormat,
    },
    /// Show the company's thresholds, or change them (KEY=VALUE)
    Settings {
        /// e.g. --set price_tolerance=0.05 --set kiosk_idle_secs=300
        #[arg(long, value_name = "KEY=VALUE")]
        set: Vec<String>,
    },
    /// Write records for spreadsheets and other tools
    Export {
        #[arg(value_enum)]
        kind: ExportKind,
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
        /// Write to this file instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Only records on or after this day (YYYY-MM-DD; visits, sales, deliveries, invoices, promotions, orders)
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        from: Option<NaiveDate>,
        /// Only records on or before this day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        to: Option<NaiveDate>,
        /// CSV for Excel: UTF-8 with a byte order mark
        #[arg(long)]
        excel: bool,
        /// For kpis: one row per rep or per store
        #[arg(long, value_enum, default_value_t = super::kpis::KpiBy::Rep)]
        by: super::kpis::KpiBy,
    },
    /// Users and roles: add, list, change a PIN, remove, unlock
    User {
        #[command(subcommand)]
        action: super::users::UserCommand,
    },
    /// Verify the audit trail and the database (exit code 1 when anything is wrong)
    Check {
        /// Recount the KPI buckets from the visits if they disagree
        #[arg(long)]
        repair: bool,
    },
    /// Supervisor review of visits: list, show, comment, approve
    Review {
        #[command(subcommand)]
        action: super::review::ReviewCommand,
    },
    /// Full-screen office kiosk behind a PIN lock screen
    Kiosk {
        /// Lock after this many idle seconds (default: the kiosk_idle_secs setting)
        #[arg(long, env = "ROUNDS_KIOSK_IDLE_SECS", value_name = "SECS")]
        idle_secs: Option<u64>,
        /// Import every sync bundle dropped into this folder while the kiosk runs
        /// (moved to DIR/done, or DIR/failed with the reason)
        #[arg(long, value_name = "DIR")]
        inbox: Option<std::path::PathBuf>,
    },
    /// Import an ERP CSV file (all rows or none; bad rows are named by line)
    Import {
        #[arg(value_enum)]
        kind: crate::exchange::ImportKind,
        /// The CSV file (columns of each kind: docs/import.md)
        file: PathBuf,
        /// Check the file without writing anything
        #[arg(long)]
        dry_run: bool,
        /// Force the file's encoding (utf-8, windows-1251); detected by default
        #[arg(long, value_name = "NAME")]
        encoding: Option<String>,
        /// Force the delimiter (";", ",", tab); detected by default
        #[arg(long, value_name = "CHAR")]
        delimiter: Option<String>,
    },
    /// Write a backup now (a full bundle in <data dir>/backups, kept backups_keep deep)
    Backup,
    /// Rebuild a damaged database from the newest good backup plus the unsent
    /// changes still readable in the damaged copy (which is kept, renamed)
    Recover,
    /// Exchange sync bundles with other laptops and the office
    Sync {
        #[command(subcommand)]
        command: SyncCommand,
    },
    /// The office hub on PostgreSQL: init, ingest, bundle, device, confirm, stats
    Hub {
        #[command(subcommand)]
        command: super::hub::HubCommand,
    },
    /// Order suggestions and their forecast quality
    #[command(subcommand)]
    Order(OrderCommand),
    /// Plan the day's drive, or propose the week's weekday plan (--rep CODE)
    #[command(subcommand)]
    Route(RouteCommand),
    /// Stores at risk: how well the risk ranks and flags lapses (backtest)
    #[command(subcommand)]
    Loyalty(LoyaltyCommand),
    /// The company's own dates to remember (greeted from the contact plan):
    /// list them, or add and remove one
    Dates {
        #[command(subcommand)]
        action: Option<DatesCommand>,
    },
    /// Write a bulletin (offer, news, event) for a segment of stores: a
    /// mail-merge CSV, one .eml per e-mail recipient and a call list.
    /// Nothing is sent; each recipient's client file logs it
    Bulletin(super::bulletin::Options),
}

/// `rounds dates ...`
#[derive(Debug, Subcommand)]
pub enum DatesCommand {
    /// A date every year: 06-15, orthodox_easter+1, last friday of june
    Add {
        title: String,
        #[arg(long, value_name = "RULE")]
        on: String,
        /// Only for stores in these countries (RU,BG,RO,GB); default all
        #[arg(long, value_delimiter = ',', value_name = "CODES")]
        countries: Vec<String>,
    },
    /// Remove a date by the id `rounds dates` lists
    Remove { id: String },
}

/// `rounds loyalty ...`
#[derive(Debug, Subcommand)]
pub enum LoyaltyCommand {
    /// Cut each history at a date, score the risk then, and compare with the
    /// lapses that follow (AUC, F1) against plain recency rules
    Backtest {
        /// Read purchases from this CSV (customer,date[,amount], with a header)
        /// instead of the database
        #[arg(long, value_name = "FILE")]
        purchases: Option<PathBuf>,
        /// The calibration date (default: the last purchase, or today, less the horizon)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        cut: Option<NaiveDate>,
        /// A customer lapsed when it buys nothing this many days after the cut
        #[arg(long, default_value_t = 90, value_parser = clap::value_parser!(i64).range(1..=730))]
        horizon_days: i64,
        /// Score with the settings' lapse_horizon_days, not --horizon-days
        #[arg(long)]
        keep_horizon: bool,
        /// Write each customer's label and scores to this CSV (for scripts/backtest_loyalty.py)
        #[arg(long, value_name = "FILE")]
        export: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = BacktestFormat::Text)]
        format: BacktestFormat,
    },
}

/// `rounds route ...`
#[derive(Debug, Subcommand)]
pub enum RouteCommand {
    /// Order the stores due on a day into a tour (time windows, service time, the working day)
    Plan {
        /// The day to plan (default: today)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// Start and end here (default: the rep's start point, else the first store)
        #[arg(long, value_name = "LAT,LON", value_parser = parse_point, allow_hyphen_values = true)]
        from: Option<crate::domain::route_plan::LatLon>,
        #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
        format: PlanFormat,
    },
    /// Propose which weekdays each store is visited on (frequencies kept, short drives)
    Week {
        /// The week that holds this day (default: this week)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        from: Option<NaiveDate>,
        /// Accept the proposal into the weekday plan: `all`, or store codes
        #[arg(long, value_name = "all|CODE", value_delimiter = ',')]
        accept: Vec<String>,
        #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
        format: PlanFormat,
    },
}

fn parse_point(text: &str) -> Result<crate::domain::route_plan::LatLon, String> {
    crate::domain::route_plan::LatLon::parse(text)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Write a bundle of every record changed since the last export to DEST
    Export {
        /// The bundle file to write (e.g. on a USB stick)
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Name of the destination whose last export is remembered
        #[arg(long, value_name = "NAME", default_value = "office")]
        dest: String,
        /// Every record, not only the changes since the last export
        #[arg(long)]
        all: bool,
    },
    /// Merge a bundle into this database
    Import {
        /// The bundle file to merge
        file: PathBuf,
    },
    /// On the office network: push this laptop's outbox to the hub, then pull its bundle
    Hub {
        #[command(flatten)]
        db: super::hub::HubUrl,
    },
    /// Import every bundle dropped into DIR; move each to DIR/done or DIR/failed
    Watch {
        /// The folder bundles are dropped into
        dir: PathBuf,
        /// Process the folder once and exit
        #[arg(long)]
        once: bool,
    },
}

/// `rounds order ...`
#[derive(Debug, Subcommand)]
pub enum OrderCommand {
    /// Print the suggested order of a store as of a date (history before it only)
    Suggest {
        /// Store code, e.g. S001
        #[arg(long, value_name = "CODE")]
        store: String,
        /// Suggest as of this day (default: today); only sales before it are used
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// Days of demand to cover (default: days to the next planned visit + lead time)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(i64).range(1..=365))]
        cover_days: Option<i64>,
        /// Also print the lines suggested at zero
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum, default_value_t = SuggestFormat::Text)]
        format: SuggestFormat,
    },
    /// Compare the demand estimate with what sold next, against two baselines (WAPE, bias)
    Backtest {
        /// Weekly forecast origins at the end of the history (52: a whole season)
        #[arg(long, default_value_t = 52, value_parser = clap::value_parser!(u32).range(1..=104))]
        origins: u32,
        /// Days of demand each forecast covers (rounded up to whole weeks)
        #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(i64).range(1..=91))]
        cover_days: i64,
        /// Days of history before each origin (default: all there is); 21 for a short history
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(i64).range(1..=3650))]
        history_days: Option<i64>,
        /// Read the sales from this CSV (store_code,sku,date,qty) instead of the database
        #[arg(long, value_name = "FILE")]
        sales: Option<std::path::PathBuf>,
        /// Write the split (train.csv, test.csv, ours.csv) here, for other tools
        #[arg(long, value_name = "DIR")]
        export: Option<std::path::PathBuf>,
        #[arg(long, value_enum, default_value_t = BacktestFormat::Text)]
        format: BacktestFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SuggestFormat {
    Text,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BacktestFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportKind {
    Stores,
    Products,
    /// Team KPIs per rep or store over a period (--from, --to, --by)
    Kpis,
    /// Visits with their audit lines, batches, returns, problems, notes, amendments
    Visits,
    /// Sales history (store_code, sku, date, qty), as `import sales` reads it
    Sales,
    /// Delivered lines, as `import deliveries` reads them
    Deliveries,
    /// Invoices, as `import invoices` reads them
    Invoices,
    /// Promotions, as `import promotions` reads them
    Promotions,
    /// Orders by order date: CSV one row per line, JSON nested with refusals and review
    Orders,
    /// Each store's loyalty index and risk as of --today (docs/loyalty.md)
    Loyalty,
}

// the exchange layer knows nothing of clap: the argument parser is given here
impl ValueEnum for crate::exchange::ImportKind {
    fn value_variants<'a>() -> &'a [Self] {
        &Self::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()))
    }
}
