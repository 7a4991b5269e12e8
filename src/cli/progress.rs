//! Progress of a long sync export or import: an indicatif bar on a terminal
//! (records or bytes per second, ETA) once a job passes a few thousand
//! records, a one-line summary on stderr when not on a terminal.

use crate::exchange::sync::Step;
use indicatif::{ProgressBar, ProgressStyle};
use std::cell::{Cell, RefCell};
use std::io::IsTerminal;
use std::time::Instant;

/// Below this many records a job is quick: no bar, no summary.
const QUIET_BELOW: u64 = 5_000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    None,
    Export,
    Check,
    Apply,
}

pub struct Meter {
    verb: &'static str,
    tty: bool,
    started: Instant,
    bar: RefCell<Option<ProgressBar>>,
    stage: Cell<Stage>,
    records: Cell<u64>,
    bytes: Cell<u64>,
}

fn styled(template: &str) -> ProgressBar {
    let bar = ProgressBar::new(0);
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

impl Meter {
    /// `verb`: what the summary says was done ("exported", "imported").
    pub fn new(verb: &'static str) -> Self {
        Self {
            verb,
            tty: std::io::stderr().is_terminal(),
            started: Instant::now(),
            bar: RefCell::new(None),
            stage: Cell::new(Stage::None),
            records: Cell::new(0),
            bytes: Cell::new(0),
        }
    }

    pub fn step(&self, step: Step) {
        let (stage, pos, len) = match step {
            Step::Exporting { records } => {
                self.records.set(records);
                (Stage::Export, records, None)
            }
            Step::Checking { bytes, total } => {
                self.bytes.set(bytes);
                (Stage::Check, bytes, Some(total))
            }
            Step::Applying { records, total } => {
                self.records.set(records);
                (Stage::Apply, records, Some(total))
            }
        };
        if !self.tty {
            return;
        }
        let big = match stage {
            Stage::Check => len.unwrap_or(0) > 512 * 1024,
            Stage::Apply => len.unwrap_or(0) >= QUIET_BELOW,
            _ => pos >= QUIET_BELOW,
        };
        if !big {
            return;
        }
        let mut bar = self.bar.borrow_mut();
        if self.stage.get() != stage {
            if let Some(old) = bar.take() {
                old.finish_and_clear();
            }
            let new = match stage {
                Stage::Export => styled("{spinner} exporting {pos} records ({per_sec}) {elapsed}"),
                Stage::Check => {
                    styled("checking {bar:30} {bytes}/{total_bytes} ({bytes_per_sec}, ETA {eta})")
                }
                _ => styled("merging  {bar:30} {pos}/{len} records ({per_sec}, ETA {eta})"),
            };
            *bar = Some(new);
            self.stage.set(stage);
        }
        if let Some(b) = bar.as_ref() {
            if let Some(len) = len {
                b.set_length(len);
            }
            b.set_position(pos);
        }
    }

    /// Clears the bar; off a terminal, prints the one-line summary of a
    /// large job.
    pub fn done(&self) {
        if let Some(b) = self.bar.borrow_mut().take() {
            b.finish_and_clear();
        }
        let records = self.records.get();
        if self.tty || records < QUIET_BELOW {
            return;
        }
        let secs = self.started.elapsed().as_secs_f64();
        let rate = records as f64 / secs.max(1e-3);
        eprintln!(
            "{records} records {} in {secs:.1} s ({rate:.0} records/s)",
            self.verb
        );
    }
}
