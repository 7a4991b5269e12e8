//! Data exchange: ERP CSV files in (all or nothing, bad rows named by line)
//! and sync bundles between laptops and the office.

pub mod backup;
pub mod cells;
pub mod decode;
pub mod export_rows;
mod import_catalog;
mod import_commerce;
mod import_sales;
pub mod job;
pub mod spreadsheet;
pub mod sync;
pub mod table;
pub mod upsert;

pub use job::{ImportError, ImportReport};
pub use table::Problem;

use crate::domain::Stamp;
use crate::storage::Database;
use chrono::{DateTime, Utc};
use encoding_rs::Encoding;
use std::path::Path;

/// The kinds of ERP file `rounds import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportKind {
    Stores,
    Products,
    Assortment,
    Sales,
    Deliveries,
    Invoices,
    Promotions,
}

impl ImportKind {
    pub const ALL: [ImportKind; 7] = [
        Self::Stores,
        Self::Products,
        Self::Assortment,
        Self::Sales,
        Self::Deliveries,
        Self::Invoices,
        Self::Promotions,
    ];

    /// The columns the importer reads, required ones first in docs/import.md.
    pub fn spec(self) -> &'static table::Spec {
        match self {
            Self::Stores => &import_catalog::STORES,
            Self::Products => &import_catalog::PRODUCTS,
            Self::Assortment => &import_catalog::ASSORTMENT,
            Self::Sales => &import_sales::SALES,
            Self::Deliveries => &import_commerce::DELIVERIES,
            Self::Invoices => &import_commerce::INVOICES,
            Self::Promotions => &import_commerce::PROMOTIONS,
        }
    }
}

#[derive(Default)]
pub struct ImportOptions<'a> {
    /// Force an encoding instead of detecting UTF-8 / Windows-1251.
    pub encoding: Option<&'static Encoding>,
    /// Force a delimiter instead of detecting it from the header.
    pub delimiter: Option<u8>,
    pub dry_run: bool,
    /// Called with (bytes read, total bytes) now and then.
    pub progress: Option<&'a dyn Fn(u64, u64)>,
    /// Does an order with this id exist? (None: every order is accepted until
    /// orders are stored.)
    pub order_exists: Option<&'a dyn Fn(&str) -> bool>,
}

/// Imports a file of `kind`: all rows, or none and every bad row named.
pub fn import_file(
    db: &Database,
    kind: ImportKind,
    path: &Path,
    options: &ImportOptions<'_>,
    now: DateTime<Utc>,
) -> Result<ImportReport, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read {
        path: path.display().to_string(),
        source,
    })?;
    import_bytes(db, kind, &bytes, options, now)
}

pub fn import_bytes(
    db: &Database,
    kind: ImportKind,
    bytes: &[u8],
    options: &ImportOptions<'_>,
    now: DateTime<Utc>,
) -> Result<ImportReport, ImportError> {
    let (text, _encoding) = decode::to_utf8(bytes, options.encoding);
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| decode::detect_delimiter(&text));
    let total = text.len() as u64;
    let progress = |at: u64| {
        if let Some(p) = options.progress {
            p(at, total)
        }
    };
    let accept_all = |_: &str| true;
    let job = job::Job {
        db,
        text: &text,
        delimiter,
        stamp: Stamp {
            by: "import".into(),
            device: db.device().to_string(),
            at: now,
        },
        dry_run: options.dry_run,
        progress: &progress,
        order_exists: options.order_exists.unwrap_or(&accept_all),
    };
    // the whole file is one atomic unit: in, or not at all, whenever it dies
    db.atomically_with(|| match kind {
        ImportKind::Stores => import_catalog::stores(&job),
        ImportKind::Products => import_catalog::products(&job),
        ImportKind::Assortment => import_catalog::assortment(&job),
        ImportKind::Sales => import_sales::sales(&job),
        ImportKind::Deliveries => import_commerce::deliveries(&job),
        ImportKind::Invoices => import_commerce::invoices(&job),
        ImportKind::Promotions => import_commerce::promotions(&job),
    })
}
