//! Sales history import, built for millions of rows and bounded memory.
//!
//! The file streams: one thread reads, decodes and checks rows a chunk at a
//! time (codes interned once, so a row is two integers, a day and a
//! quantity) and sorts the chunk by series; this thread, which owns the
//! atomic unit, merges each chunk's series into the stored (or already
//! pending) ones and writes those that changed into the unit, which spills
//! to the journal as it grows. A series whose rows are spread over the file
//! is read back from the unit when it appears again; each day is settled
//! against the series as it was before the import, so where the chunks
//! begin never changes the result. A bad row anywhere refuses the file: the
//! unit is dropped with everything written so far.

use super::cells;
use super::job::{ImportError, ImportReport, Job};
use super::table::Spec;
use super::upsert::{Outcome, Tally};
use crate::domain::{SalePoint, SalesSeries};
use std::collections::HashMap;
use std::sync::mpsc;

pub const SALES: Spec = Spec {
    columns: &["store_code", "sku", "date", "qty"],
    required: &["store_code", "sku", "date", "qty"],
};

/// Known codes, numbered so that a row's key is two integers.
struct Codes {
    index: HashMap<String, u32>,
    names: Vec<String>,
}

impl Codes {
    fn new(names: Vec<String>) -> Self {
        let index = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
        Self { index, names }
    }
}

/// One checked row: store, product, point.
type Point = (u32, u32, SalePoint);

/// Series written into the unit per batch (sled pins memory per batch).
const WRITE_BATCH: usize = 2_000;

/// What the reading thread hands over: a chunk of good rows sorted by series
/// (file order kept within a series), and the count of rows read so far.
struct Chunk {
    points: Vec<Point>,
    rows: usize,
}

fn check_row(row: &mut super::table::Row<'_, '_>, stores: &Codes, skus: &Codes) -> Option<Point> {
    let (c_store, c_sku, c_date, c_qty) = (0, 1, 2, 3);
    let store_text = row.text_at(c_store);
    let store = stores.index.get(store_text).copied();
    if store.is_none() {
        let what = if store_text.is_empty() {
            cells::CellError::Empty.to_string()
        } else if let Err(e) = cells::code(store_text) {
            e.to_string()
        } else {
            crate::t!("import-unknown-store", code = cells::shown(store_text))
        };
        row.problem("store_code", what);
    }
    let sku_text = row.text_at(c_sku);
    let sku = skus.index.get(sku_text).copied();
    if sku.is_none() {
        let what = if sku_text.is_empty() {
            cells::CellError::Empty.to_string()
        } else if let Err(e) = cells::code(sku_text) {
            e.to_string()
        } else {
            crate::t!("import-unknown-product", code = cells::shown(sku_text))
        };
        row.problem("sku", what);
    }
    let date = cells::date(row.text_at(c_date))
        .map_err(|e| row.problem("date", e))
        .ok();
    let qty = cells::quantity(row.text_at(c_qty))
        .map_err(|e| row.problem("qty", e))
        .ok();
    Some((store?, sku?, SalePoint::new(date?, qty? as f32)))
}

pub fn sales(job: &Job<'_>) -> Result<ImportReport, ImportError> {
    let stores = Codes::new(job.store_codes()?.into_iter().collect());
    let skus = Codes::new(job.skus()?.into_iter().collect());
    let mut reader = job.reader(&SALES)?;
    if !reader.problems().is_empty() {
        return Err(ImportError::Problems(reader.take_problems()));
    }
    let chunk_rows = job.chunk_rows;
    let mut writer = Writer {
        job,
        stores: &stores,
        skus: &skus,
        imported: job.stamp.at.timestamp_millis().max(1) as u64,
        seen: HashMap::new(),
        tally: Tally::default(),
        write: Vec::new(),
    };
    std::thread::scope(|scope| {
        // two chunks in flight at most: one being written, one being read
        let (tx, rx) = mpsc::sync_channel::<Chunk>(1);
        let (stores, skus) = (&stores, &skus);
        let parser = scope.spawn(move || -> Result<_, csv::Error> {
            loop {
                let mut points = Vec::with_capacity(chunk_rows.min(1 << 20));
                let more = reader.next_rows(chunk_rows, |row| {
                    if let Some(p) = check_row(row, stores, skus) {
                        points.push(p);
                    }
                })?;
                // once a row is bad the file is refused: the rest is only checked
                if reader.problems().is_empty() {
                    points.sort_by_key(|(store, sku, _)| (*store, *sku));
                    let chunk = Chunk {
                        points,
                        rows: reader.rows(),
                    };
                    if tx.send(chunk).is_err() {
                        break; // the writer failed: its error is the one to tell
                    }
                }
                if !more {
                    break;
                }
            }
            Ok((reader.rows(), reader.take_problems()))
        });
        let mut failed = None;
        for chunk in rx {
            (job.progress)(chunk.rows);
            if let Err(e) = writer.chunk(&chunk.points) {
                failed = Some(e);
                break; // drops the receiver: the reader stops at its next chunk
            }
        }
        let (rows, problems) = parser
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        (job.progress)(rows);
        if let Some(e) = failed {
            return Err(e);
        }
        if !problems.is_empty() {
            // returning Err drops the unit: nothing written so far is kept
            return Err(ImportError::Problems(problems));
        }
        writer.flush()?;
        Ok(job.report(rows, writer.tally))
    })
}

/// Merges chunks into series and writes them into the unit.
struct Writer<'j, 'a> {
    job: &'j Job<'a>,
    stores: &'j Codes,
    skus: &'j Codes,
    imported: u64,
    /// The outcome so far of every series this import touched.
    seen: HashMap<(u32, u32), Outcome>,
    tally: Tally,
    write: Vec<SalesSeries>,
}

impl Writer<'_, '_> {
    fn chunk(&mut self, points: &[Point]) -> Result<(), ImportError> {
        let mut incoming: Vec<SalePoint> = Vec::new();
        for group in points.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
            let key = (group[0].0, group[0].1);
            incoming.clear();
            incoming.extend(group.iter().map(|p| p.2));
            // a stable sort keeps file order within a day: the last row of a day wins
            incoming.sort_by_key(|p| p.day);
            self.series(key, &incoming)?;
            if self.write.len() >= WRITE_BATCH {
                self.flush()?;
            }
        }
        self.flush()
    }

    fn series(&mut self, key: (u32, u32), incoming: &[SalePoint]) -> Result<(), ImportError> {
        let store_code = &self.stores.names[key.0 as usize];
        let sku = &self.skus.names[key.1 as usize];
        let db = self.job.db;
        let original = db.sales_series_before_unit(store_code, sku)?;
        let before = self.seen.get(&key).copied();
        // the series as this import left it so far (read back from the unit)
        let pending = match before {
            None => original.clone(),
            Some(_) if self.job.dry_run => original.clone(),
            Some(_) => db.sales_series(store_code, sku)?,
        };
        let mut series = pending.clone().unwrap_or_else(|| SalesSeries {
            store_code: store_code.clone(),
            sku: sku.clone(),
            points: Vec::new(),
        });
        let none: &[SalePoint] = &[];
        let base = original.as_ref().map_or(none, |s| s.points.as_slice());
        merge_chunk(&mut series.points, incoming, base, self.imported);
        let outcome = match (&original, before) {
            (None, _) => Outcome::Created,
            // a dry run cannot read back what it did not write: once changed, changed
            (Some(_), Some(Outcome::Changed)) if self.job.dry_run => Outcome::Changed,
            (Some(old), _) if *old == series => Outcome::Unchanged,
            (Some(_), _) => Outcome::Changed,
        };
        if let Some(old) = before {
            untally(&mut self.tally, old);
        }
        self.tally.add(outcome);
        self.seen.insert(key, outcome);
        if pending.as_ref() != Some(&series) {
            self.write.push(series);
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), ImportError> {
        if !self.job.dry_run && !self.write.is_empty() {
            self.job.db.put_sales(&self.write)?;
        }
        self.write.clear();
        Ok(())
    }
}

fn untally(tally: &mut Tally, outcome: Outcome) {
    match outcome {
        Outcome::Created => tally.created -= 1,
        Outcome::Changed => tally.changed -= 1,
        Outcome::Unchanged => tally.unchanged -= 1,
    }
}

/// Merges sorted `incoming` (one chunk's points of a series) into sorted
/// `points` (the series so far): a day in `incoming` replaces that day of
/// `points`; within `incoming` the last point of a day wins. Each day set is
/// settled against `original`, the series before the import: stamped
/// `imported`, or just after the stamp the day had if that is later (a clock
/// set back must not make a correction lose); a day whose quantity does not
/// change keeps its original point, so a re-import changes nothing.
fn merge_chunk(
    points: &mut Vec<SalePoint>,
    incoming: &[SalePoint],
    original: &[SalePoint],
    imported: u64,
) {
    let mut out = Vec::with_capacity(points.len() + incoming.len());
    let (mut i, mut j) = (0, 0);
    while i < points.len() || j < incoming.len() {
        let take_new = match (points.get(i), incoming.get(j)) {
            (Some(a), Some(b)) => b.day <= a.day,
            (None, Some(_)) => true,
            _ => false,
        };
        if take_new {
            let mut p = incoming[j];
            while incoming.get(j + 1).is_some_and(|n| n.day == p.day) {
                j += 1;
                p = incoming[j];
            }
            if points.get(i).is_some_and(|a| a.day == p.day) {
                i += 1;
            }
            p.imported = imported;
            if let Ok(at) = original.binary_search_by_key(&p.day, |a| a.day) {
                let a = original[at];
                if a.qty.to_bits() == p.qty.to_bits() {
                    p = a;
                } else {
                    p.imported = imported.max(a.imported.saturating_add(1));
                }
            }
            out.push(p);
            j += 1;
        } else {
            out.push(points[i]);
            i += 1;
        }
    }
    *points = out;
}

#[cfg(test)]
fn merge_sorted(points: &mut Vec<SalePoint>, incoming: &[SalePoint], imported: u64) {
    let original = points.clone();
    merge_chunk(points, incoming, &original, imported);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(day: i32, qty: f32) -> SalePoint {
        SalePoint {
            day,
            qty,
            imported: 0,
        }
    }

    fn at(day: i32, qty: f32, imported: u64) -> SalePoint {
        SalePoint {
            imported,
            ..p(day, qty)
        }
    }

    #[test]
    fn merge_replaces_days_and_keeps_order() {
        let mut points = vec![p(1, 1.0), p(3, 3.0), p(5, 5.0)];
        merge_sorted(
            &mut points,
            &[p(0, 9.0), p(3, 4.0), p(3, 6.0), p(7, 7.0)],
            10,
        );
        assert_eq!(
            points,
            vec![
                at(0, 9.0, 10),
                p(1, 1.0),
                at(3, 6.0, 10),
                p(5, 5.0),
                at(7, 7.0, 10)
            ]
        );
    }

    #[test]
    fn merge_is_idempotent() {
        let mut points = vec![at(1, 1.0, 5), at(2, 2.0, 5)];
        let incoming = points.clone();
        merge_sorted(&mut points, &incoming, 9);
        assert_eq!(points, incoming, "unchanged days keep their stamp");
        let mut empty = Vec::new();
        merge_sorted(&mut empty, &incoming, 5);
        assert_eq!(empty, incoming);
    }

    #[test]
    fn a_correction_is_stamped_after_the_day_it_replaces() {
        // the clock went back: the correction must still rank newer
        let mut points = vec![at(1, 10.0, 100)];
        merge_sorted(&mut points, &[p(1, 8.0)], 50);
        assert_eq!(points, vec![at(1, 8.0, 101)]);
    }
}
