//! An ERP file as a table: columns found by header name (any case, any order,
//! extra columns ignored), rows read with their line numbers, and every
//! problem collected as `line N: column X: what is wrong`.

use super::cells::CellError;
use csv::ByteRecord;
use std::fmt;
use std::io::Read;

/// One bad cell (or a missing column, on line 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub line: u64,
    pub column: String,
    pub what: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::t!(
            "import-problem",
            line = self.line.to_string(),
            column = self.column.as_str(),
            what = self.what.as_str()
        ))
    }
}

/// The columns an importer reads; `required` ones must be in the header.
pub struct Spec {
    pub columns: &'static [&'static str],
    pub required: &'static [&'static str],
}

/// "Store Code" and "store-code" both name the column `store_code`.
fn normalize(header: &str) -> String {
    header
        .trim()
        .trim_matches('"')
        .to_lowercase()
        .replace([' ', '-'], "_")
}

/// Where each of the spec's columns is in the file.
pub struct Columns {
    names: &'static [&'static str],
    at: Vec<Option<usize>>,
}

impl Columns {
    /// Maps the header; a missing required column is a problem on line 1.
    pub fn map(header: &ByteRecord, spec: &Spec, problems: &mut Vec<Problem>) -> Self {
        let found: Vec<String> = header
            .iter()
            .map(|h| normalize(&String::from_utf8_lossy(h)))
            .collect();
        let at: Vec<Option<usize>> = spec
            .columns
            .iter()
            .map(|name| found.iter().position(|h| h == name))
            .collect();
        // a column twice is refused: which of the two the ERP meant is not ours to guess
        for name in spec.columns {
            let mut at = found.iter().enumerate().filter(|(_, h)| h == name);
            if let (Some((first, _)), Some((second, _))) = (at.next(), at.next()) {
                problems.push(Problem {
                    line: 1,
                    column: (*name).to_string(),
                    what: crate::t!(
                        "import-duplicate-column",
                        first = first + 1,
                        second = second + 1
                    ),
                });
            }
        }
        for name in spec.required {
            if !found.iter().any(|h| h == name) {
                problems.push(Problem {
                    line: 1,
                    column: (*name).to_string(),
                    what: crate::t!("import-missing-column"),
                });
            }
        }
        Self {
            names: spec.columns,
            at,
        }
    }

    /// The index of a column of the spec (panics only on a typo in our code).
    pub fn index(&self, name: &str) -> usize {
        self.names
            .iter()
            .position(|n| *n == name)
            .unwrap_or_else(|| panic!("column {name} is not in the importer's spec"))
    }

    pub fn has(&self, name: &str) -> bool {
        self.at[self.index(name)].is_some()
    }
}

/// The text read lately, from a record that may still need a line number
/// on: the csv reader's source copies what it hands out here, and the start
/// moves forward as records are done with, so it stays small.
#[derive(Default)]
struct Window {
    bytes: Vec<u8>,
    /// Offset of `bytes[0]` in the text.
    base: u64,
    /// The line `bytes[0]` is on.
    line: u64,
}

impl Window {
    /// Forgets the text before `offset`, counting its line ends.
    fn advance(&mut self, offset: u64) {
        let cut = (offset.saturating_sub(self.base) as usize).min(self.bytes.len());
        self.line += self.bytes[..cut].iter().filter(|b| **b == b'\n').count() as u64;
        self.bytes.drain(..cut);
        self.base += cut as u64;
    }
}

type SharedWindow = std::sync::Arc<std::sync::Mutex<Window>>;

fn lock(w: &SharedWindow) -> std::sync::MutexGuard<'_, Window> {
    w.lock().unwrap_or_else(|e| e.into_inner())
}

/// The csv reader's source: what it reads is kept in the window.
struct Tracked<R> {
    source: R,
    window: SharedWindow,
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.source.read(buf)?;
        lock(&self.window).bytes.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

/// Line numbers of record starts, counted only when a problem needs one
/// (problems come in file order, so the count moves forward only).
struct Lines {
    window: SharedWindow,
}

impl Lines {
    fn line_of(&mut self, offset: usize) -> u64 {
        let mut w = lock(&self.window);
        // a record "starts" after the previous terminator; skip its \r\n
        let mut at = (offset as u64).saturating_sub(w.base) as usize;
        while at < w.bytes.len() && matches!(w.bytes[at], b'\r' | b'\n') {
            at += 1;
        }
        let start = w.base + at as u64;
        w.advance(start);
        w.line
    }
}

/// The spec's columns the file has. A column the file lacks leaves the stored
/// value of an existing record alone (a file of codes and phones must not
/// blank every address).
#[derive(Debug, Clone, Default)]
pub struct Present(Vec<&'static str>);

impl Present {
    pub fn has(&self, column: &str) -> bool {
        self.0.contains(&column)
    }
}

/// Copies the named fields from `old` into `new` where the file lacks the
/// column of that name (columns are named after the fields they fill).
#[macro_export]
macro_rules! keep_absent {
    ($present:expr, $new:expr, $old:expr, $($field:ident),+ $(,)?) => {{
        $(
            if !$present.has(stringify!($field)) {
                $new.$field = $old.$field.clone();
            }
        )+
    }};
}

/// The longest problem text kept (a few quoted cells and the hint around them).
const MAX_MESSAGE_BYTES: usize = 400;

/// One data row being read; problems go to the shared list.
pub struct Row<'r, 't> {
    offset: usize,
    lines: &'r mut Lines,
    _text: std::marker::PhantomData<&'t ()>,
    record: &'r ByteRecord,
    columns: &'r Columns,
    problems: &'r mut Vec<Problem>,
}

impl<'r> Row<'r, '_> {
    /// The trimmed cell of a column ("" when the column or the cell is absent),
    /// without the apostrophe an export put before a formula-like text.
    pub fn text(&self, name: &str) -> &'r str {
        self.text_at(self.columns.index(name))
    }

    pub fn text_at(&self, col: usize) -> &'r str {
        self.columns.at[col]
            .and_then(|i| self.record.get(i))
            .map(|b| super::spreadsheet::unguard(std::str::from_utf8(b).unwrap_or("").trim()))
            .unwrap_or("")
    }

    /// The line the row starts on (1 is the header).
    pub fn line(&mut self) -> u64 {
        self.lines.line_of(self.offset)
    }

    pub fn problem(&mut self, name: &str, what: impl fmt::Display) {
        let line = self.line();
        let mut what = what.to_string();
        // quoted cells are cut already; this bounds a message that quotes a
        // whole cell anyway (one of the domain's own parse errors)
        if what.len() > MAX_MESSAGE_BYTES {
            what.truncate(what.floor_char_boundary(MAX_MESSAGE_BYTES));
            what.push('…');
        }
        self.problems.push(Problem {
            line,
            column: name.to_string(),
            what,
        });
    }

    /// A required code: not empty and without control characters.
    pub fn code(&mut self, name: &str) -> Option<&'r str> {
        let text = self.text(name);
        match super::cells::code(text) {
            Ok(code) => Some(code),
            Err(e) => {
                self.problem(name, e);
                None
            }
        }
    }

    /// A cell that must not be empty.
    pub fn required(&mut self, name: &str) -> Option<&'r str> {
        let text = self.text(name);
        if text.is_empty() {
            self.problem(name, CellError::Empty);
            return None;
        }
        Some(text)
    }

    /// A required cell parsed by `parse`.
    pub fn parse<T>(
        &mut self,
        name: &str,
        parse: impl FnOnce(&str) -> Result<T, CellError>,
    ) -> Option<T> {
        match parse(self.text(name)) {
            Ok(v) => Some(v),
            Err(e) => {
                self.problem(name, e);
                None
            }
        }
    }

    /// An optional cell: empty (or no such column) gives `default`.
    pub fn parse_or<T>(
        &mut self,
        name: &str,
        default: T,
        parse: impl FnOnce(&str) -> Result<T, CellError>,
    ) -> Option<T> {
        if self.text(name).is_empty() {
            return Some(default);
        }
        self.parse(name, parse)
    }
}

/// An ERP file's rows read as a stream, a chunk at a time: only the chunk
/// being read and a little text around it are held, whatever the file's size.
pub struct RowReader<R: Read> {
    reader: csv::Reader<Tracked<R>>,
    window: SharedWindow,
    lines: Lines,
    columns: Option<Columns>,
    present: Present,
    record: ByteRecord,
    rows: usize,
    problems: Vec<Problem>,
    done: bool,
}

impl<R: Read> RowReader<R> {
    /// Reads the header; a bad header is a problem and no rows follow.
    pub fn new(source: R, delimiter: u8, spec: &Spec) -> Result<Self, csv::Error> {
        let window = SharedWindow::default();
        lock(&window).line = 1;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(Tracked {
                source,
                window: window.clone(),
            });
        let mut problems = Vec::new();
        let mut record = ByteRecord::new();
        let mut columns = None;
        let mut present = Present::default();
        if !reader.read_byte_record(&mut record)? {
            problems.push(Problem {
                line: 1,
                column: spec.required.first().unwrap_or(&"").to_string(),
                what: crate::t!("import-no-header"),
            });
        } else {
            let mapped = Columns::map(&record, spec, &mut problems);
            if problems.is_empty() {
                present = Present(
                    spec.columns
                        .iter()
                        .copied()
                        .filter(|c| mapped.has(c))
                        .collect(),
                );
                columns = Some(mapped);
            }
        }
        Ok(Self {
            reader,
            lines: Lines {
                window: window.clone(),
            },
            window,
            done: columns.is_none(),
            columns,
            present,
            record,
            rows: 0,
            problems,
        })
    }

    /// Reads up to `max` more data rows (blank rows skipped), calling `each`
    /// with each; false once the file is done.
    pub fn next_rows(
        &mut self,
        max: usize,
        mut each: impl FnMut(&mut Row<'_, '_>),
    ) -> Result<bool, csv::Error> {
        let Some(columns) = self.columns.as_ref() else {
            return Ok(false);
        };
        let mut n = 0;
        while n < max {
            if !self.reader.read_byte_record(&mut self.record)? {
                self.done = true;
                return Ok(false);
            }
            if self
                .record
                .iter()
                .all(|f| f.iter().all(u8::is_ascii_whitespace))
            {
                continue;
            }
            self.rows += 1;
            n += 1;
            let offset = self.record.position().map(|p| p.byte()).unwrap_or(0);
            if n % 1024 == 0 {
                // the text before this record is done with
                lock(&self.window).advance(offset);
            }
            let mut row = Row {
                offset: offset as usize,
                lines: &mut self.lines,
                _text: std::marker::PhantomData,
                record: &self.record,
                columns,
                problems: &mut self.problems,
            };
            each(&mut row);
        }
        Ok(!self.done)
    }

    /// Data rows read so far.
    pub fn rows(&self) -> usize {
        self.rows
    }

    pub fn present(&self) -> &Present {
        &self.present
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    pub fn take_problems(&mut self) -> Vec<Problem> {
        std::mem::take(&mut self.problems)
    }

    /// Bytes of text read so far.
    pub fn position(&self) -> u64 {
        self.reader.position().byte()
    }
}

/// Reads every data row of `text` (already UTF-8), calling `each` with it.
/// `progress` gets the byte position now and then. Blank rows are skipped.
pub fn read_rows(
    text: &[u8],
    delimiter: u8,
    spec: &Spec,
    progress: &dyn Fn(u64),
    mut each: impl FnMut(&mut Row<'_, '_>),
) -> Result<(usize, Present, Vec<Problem>), csv::Error> {
    let mut reader = RowReader::new(text, delimiter, spec)?;
    while reader.next_rows(16_384, &mut each)? {
        progress(reader.position());
    }
    progress(text.len() as u64);
    let problems = reader.take_problems();
    Ok((reader.rows(), reader.present().clone(), problems))
}
