//! One import run: the decoded text, who stamps the records, whether to write,
//! and the checks that come from elsewhere (does an order exist?).

use super::table::{Present, Problem, Row, RowReader, Spec};
use super::upsert::Tally;
use crate::domain::Stamp;
use crate::storage::{Database, StorageError};
use std::cell::RefCell;
use std::collections::HashSet;
use std::io::Read;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}", crate::t!("import-cannot-read", path = path.as_str(), reason = source.to_string()))]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{}", crate::t!("import-bad-csv", reason = .0.to_string()))]
    Csv(#[from] csv::Error),
    #[error("{}", problems_text(.0))]
    Problems(Vec<Problem>),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// How many problems a refusal lists; the rest are counted. Whoever fixes the
/// file starts at the top, and 200,000 lines on a terminal help nobody.
pub const MAX_LISTED: usize = 100;

fn problems_text(problems: &[Problem]) -> String {
    let mut lines: Vec<u64> = problems.iter().map(|p| p.line).collect();
    lines.dedup();
    let mut text = crate::t!("import-refused", count = lines.len());
    for p in problems.iter().take(MAX_LISTED) {
        text.push('\n');
        text.push_str(&p.to_string());
    }
    let rest = problems.len().saturating_sub(MAX_LISTED);
    if rest > 0 {
        text.push('\n');
        text.push_str(&crate::t!(
            "import-more-errors",
            count = rest,
            shown = super::cells::grouped(rest as u64)
        ));
    }
    text
}

/// What an import did (or, with `--dry-run`, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub rows: usize,
    pub tally: Tally,
    /// Reps named in a stores file that did not exist yet.
    pub reps_created: usize,
    pub dry_run: bool,
}

/// The file's text, decoded to UTF-8 as it is read.
pub type Source<'a> = Box<dyn Read + Send + 'a>;

pub struct Job<'a> {
    pub db: &'a Database,
    /// Taken by the importer that reads it (once).
    pub source: RefCell<Option<Source<'a>>>,
    pub delimiter: u8,
    pub stamp: Stamp,
    pub dry_run: bool,
    /// Called with the count of rows read now and then (the bytes read are
    /// counted by the source itself).
    pub progress: &'a dyn Fn(usize),
    /// Rows per chunk of a streamed importer (a parameter for tests).
    pub chunk_rows: usize,
    /// Deliveries refer to orders; the check is wired where orders are stored.
    pub order_exists: &'a dyn Fn(&str) -> bool,
}

impl<'a> Job<'a> {
    /// Reads every row; any problem refuses the whole file.
    pub fn rows(
        &self,
        spec: &Spec,
        each: impl FnMut(&mut Row<'_, '_>),
    ) -> Result<(usize, Present), ImportError> {
        let mut each = each;
        let mut reader = self.reader(spec)?;
        while reader.next_rows(16_384, &mut each)? {
            (self.progress)(reader.rows());
        }
        (self.progress)(reader.rows());
        if reader.problems().is_empty() {
            Ok((reader.rows(), reader.present().clone()))
        } else {
            Err(ImportError::Problems(reader.take_problems()))
        }
    }

    /// The file's rows as a stream (header read); the file is read once.
    pub fn reader(&self, spec: &Spec) -> Result<RowReader<Source<'a>>, ImportError> {
        let source = self
            .source
            .borrow_mut()
            .take()
            .unwrap_or_else(|| Box::new(std::io::empty()));
        Ok(RowReader::new(source, self.delimiter, spec)?)
    }

    pub fn store_codes(&self) -> Result<HashSet<String>, ImportError> {
        Ok(self.db.stores()?.into_iter().map(|s| s.code).collect())
    }

    pub fn skus(&self) -> Result<HashSet<String>, ImportError> {
        Ok(self.db.products()?.into_iter().map(|p| p.sku).collect())
    }

    pub fn report(&self, rows: usize, tally: Tally) -> ImportReport {
        ImportReport {
            rows,
            tally,
            reps_created: 0,
            dry_run: self.dry_run,
        }
    }
}

/// Checks a code against the known ones, naming the column when unknown.
pub fn known(
    row: &mut Row<'_, '_>,
    column: &str,
    set: &HashSet<String>,
    what: &str,
) -> Option<String> {
    let code = row.code(column)?;
    if set.contains(code) {
        Some(code.to_string())
    } else {
        let code = super::cells::shown(code);
        let message = match what {
            "store" => crate::t!("import-unknown-store", code = code),
            _ => crate::t!("import-unknown-product", code = code),
        };
        row.problem(column, message);
        None
    }
}
