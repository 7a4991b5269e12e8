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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

    /// The name on the command line (`rounds import stores …`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Stores => "stores",
            Self::Products => "products",
            Self::Assortment => "assortment",
            Self::Sales => "sales",
            Self::Deliveries => "deliveries",
            Self::Invoices => "invoices",
            Self::Promotions => "promotions",
        }
    }

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
    /// Called with (bytes read, total bytes, rows read) now and then.
    pub progress: Option<&'a dyn Fn(u64, u64, u64)>,
    /// Does an order with this id exist? (None: every order is accepted until
    /// orders are stored.)
    pub order_exists: Option<&'a dyn Fn(&str) -> bool>,
}

/// Rows per chunk of a streamed import: what is held in memory at a time.
pub const CHUNK_ROWS: usize = 200_000;

/// Imports a file of `kind`: all rows, or none and every bad row named.
/// The file is read twice, as a stream: once to tell its encoding, once to
/// import it; memory does not grow with its size.
pub fn import_file(
    db: &Database,
    kind: ImportKind,
    path: &Path,
    options: &ImportOptions<'_>,
    now: DateTime<Utc>,
) -> Result<ImportReport, ImportError> {
    let read_error = |source| ImportError::Read {
        path: path.display().to_string(),
        source,
    };
    let open = || std::fs::File::open(path).map_err(read_error);
    let file = open()?;
    let total = file.metadata().map(|m| m.len()).unwrap_or(0);
    let encoding = decode::detect(file, options.encoding).map_err(read_error)?;
    import_stream(db, kind, open()?, encoding, total, options, now, CHUNK_ROWS)
}

pub fn import_bytes(
    db: &Database,
    kind: ImportKind,
    bytes: &[u8],
    options: &ImportOptions<'_>,
    now: DateTime<Utc>,
) -> Result<ImportReport, ImportError> {
    import_bytes_chunked(db, kind, bytes, options, now, CHUNK_ROWS)
}

/// [`import_bytes`] with the rows per chunk given (tests: chunk boundaries
/// must not change the result).
#[doc(hidden)]
pub fn import_bytes_chunked(
    db: &Database,
    kind: ImportKind,
    bytes: &[u8],
    options: &ImportOptions<'_>,
    now: DateTime<Utc>,
    chunk_rows: usize,
) -> Result<ImportReport, ImportError> {
    let encoding = match decode::detect(bytes, options.encoding) {
        Ok(e) => e,
        Err(_) => encoding_rs::WINDOWS_1251,
    };
    let total = bytes.len() as u64;
    import_stream(db, kind, bytes, encoding, total, options, now, chunk_rows)
}

#[allow(clippy::too_many_arguments)]
fn import_stream<'s, R: std::io::Read + Send + 's>(
    db: &Database,
    kind: ImportKind,
    source: R,
    encoding: &'static Encoding,
    total: u64,
    options: &ImportOptions<'_>,
    now: DateTime<Utc>,
    chunk_rows: usize,
) -> Result<ImportReport, ImportError> {
    use std::io::Read;
    let mut text = decode::DecodeReader::new(source, encoding);
    let consumed = text.consumed();
    // the header line tells the delimiter
    let mut head = Vec::new();
    let mut piece = [0u8; 8192];
    while !head.contains(&b'\n') && head.len() < 1 << 20 {
        let n = text.read(&mut piece).map_err(csv::Error::from)?;
        if n == 0 {
            break;
        }
        head.extend_from_slice(&piece[..n]);
    }
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| decode::detect_delimiter(&head));
    let source: job::Source<'s> = Box::new(std::io::Cursor::new(head).chain(text));
    let progress = |rows: usize| {
        if let Some(p) = options.progress {
            let at = consumed.load(std::sync::atomic::Ordering::Relaxed);
            p(at.min(total), total, rows as u64)
        }
    };
    let accept_all = |_: &str| true;
    let job = job::Job {
        db,
        source: std::cell::RefCell::new(Some(source)),
        delimiter,
        stamp: Stamp {
            by: "import".into(),
            device: db.device().to_string(),
            at: now,
        },
        dry_run: options.dry_run,
        progress: &progress,
        chunk_rows: chunk_rows.max(1),
        order_exists: options.order_exists.unwrap_or(&accept_all),
    };
    // the whole file is one atomic unit: in, or not at all, whenever it dies
    // (a large one spills to the journal as it goes; an Err drops it all)
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
