//! An ERP file as a table: columns found by header name (any case, any order,
//! extra columns ignored), rows read with their line numbers, and every
//! problem collected as `line N: column X: what is wrong`.

use super::cells::CellError;
use csv::ByteRecord;
use std::fmt;

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

/// Line numbers of record starts, counted only when a problem needs one
/// (problems come in file order, so the count moves forward only).
struct Lines<'t> {
    text: &'t [u8],
    at: usize,
    line: u64,
}

impl Lines<'_> {
    fn line_of(&mut self, offset: usize) -> u64 {
        // a record "starts" after the previous terminator; skip its \r\n
        let mut offset = offset.min(self.text.len());
        while offset < self.text.len() && matches!(self.text[offset], b'\r' | b'\n') {
            offset += 1;
        }
        if offset >= self.at {
            self.line += self.text[self.at..offset]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            self.at = offset;
        }
        self.line
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
    lines: &'r mut Lines<'t>,
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

/// Reads every data row of `text` (already UTF-8), calling `each` with it.
/// `progress` gets the byte position now and then. Blank rows are skipped.
pub fn read_rows(
    text: &[u8],
    delimiter: u8,
    spec: &Spec,
    progress: &dyn Fn(u64),
    mut each: impl FnMut(&mut Row<'_, '_>),
) -> Result<(usize, Present, Vec<Problem>), csv::Error> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text);
    let mut problems = Vec::new();
    let mut record = ByteRecord::new();
    if !reader.read_byte_record(&mut record)? {
        problems.push(Problem {
            line: 1,
            column: spec.required.first().unwrap_or(&"").to_string(),
            what: crate::t!("import-no-header"),
        });
        return Ok((0, Present::default(), problems));
    }
    let columns = Columns::map(&record, spec, &mut problems);
    if !problems.is_empty() {
        return Ok((0, Present::default(), problems));
    }
    let present = Present(
        spec.columns
            .iter()
            .copied()
            .filter(|c| columns.has(c))
            .collect(),
    );
    let mut rows = 0usize;
    let mut lines = Lines {
        text,
        at: 0,
        line: 1,
    };
    while reader.read_byte_record(&mut record)? {
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        rows += 1;
        if rows.is_multiple_of(16_384) {
            progress(record.position().map(|p| p.byte()).unwrap_or(0));
        }
        let mut row = Row {
            offset: record.position().map(|p| p.byte() as usize).unwrap_or(0),
            lines: &mut lines,
            record: &record,
            columns: &columns,
            problems: &mut problems,
        };
        each(&mut row);
    }
    progress(text.len() as u64);
    Ok((rows, present, problems))
}
