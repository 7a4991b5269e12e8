//! The kiosk's inbox folder (`rounds kiosk --inbox DIR`): bundles dropped
//! there are imported while the kiosk runs, one file per tick.

use crate::exchange::sync::{InboxOutcome, process_next};
use crate::storage::Database;
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub struct KioskInbox {
    dir: PathBuf,
    /// How often an empty folder is looked at again.
    every: Duration,
    /// A file changed more recently than this is still being copied.
    settle: Duration,
    next: Instant,
    /// What the last round did (a bundle imported, refused, or the folder unreadable).
    pub last: Option<String>,
}

impl KioskInbox {
    pub fn new(dir: PathBuf, now: Instant) -> Self {
        Self {
            dir,
            every: Duration::from_secs(3),
            settle: Duration::from_secs(2),
            next: now,
            last: None,
        }
    }

    pub fn with_timing(mut self, every: Duration, settle: Duration) -> Self {
        self.every = every;
        self.settle = settle;
        self
    }

    /// When a check is due, imports at most one waiting bundle (one import
    /// holds the screen for one bundle at most). After a file the next tick
    /// looks again at once, so a pile drains a file per tick; an empty folder
    /// is looked at again after `every`. Never fails: a problem is kept in `last`.
    pub fn tick(&mut self, db: &Database, now: Instant) -> Option<InboxOutcome> {
        if now < self.next {
            return None;
        }
        match process_next(db, &self.dir, self.settle) {
            Ok(Some(outcome)) => {
                self.next = now;
                self.last = Some(describe(&outcome));
                Some(outcome)
            }
            Ok(None) => {
                self.next = now + self.every;
                None
            }
            Err(e) => {
                self.next = now + self.every;
                self.last = Some(e.to_string());
                None
            }
        }
    }
}

fn describe(outcome: &InboxOutcome) -> String {
    let name = |f: &std::path::Path| {
        f.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    match outcome {
        InboxOutcome::Imported { file, .. } => crate::t!("sync-watch-done", file = name(file)),
        InboxOutcome::Failed { file, reason } => crate::t!(
            "sync-watch-failed",
            file = name(file),
            reason = reason.as_str()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;

    #[test]
    fn one_bundle_per_tick_then_an_empty_folder_waits() {
        let tmp = tempfile::tempdir().unwrap();
        let office = Database::open(&tmp.path().join("office")).unwrap();
        let laptop = Database::open(&tmp.path().join("laptop")).unwrap();
        let clock = Clock::fixed(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        crate::demo::load(&laptop, &clock).unwrap();
        let inbox = tmp.path().join("inbox");
        std::fs::create_dir_all(&inbox).unwrap();
        crate::exchange::sync::export_to_file(
            &laptop,
            "office",
            true,
            &inbox.join("a.bundle"),
            chrono::Utc::now(),
        )
        .unwrap();
        std::fs::write(inbox.join("b.bundle"), b"not a bundle").unwrap();

        let t0 = Instant::now();
        let mut kiosk =
            KioskInbox::new(inbox.clone(), t0).with_timing(Duration::from_secs(3), Duration::ZERO);
        let first = kiosk.tick(&office, t0);
        assert!(matches!(first, Some(InboxOutcome::Imported { .. })));
        assert!(inbox.join("done/a.bundle").exists());
        assert!(inbox.join("b.bundle").exists(), "one file per tick");
        assert_eq!(
            office.stores().unwrap().len(),
            laptop.stores().unwrap().len()
        );

        let second = kiosk.tick(&office, t0 + Duration::from_millis(200));
        assert!(matches!(second, Some(InboxOutcome::Failed { .. })));
        assert!(inbox.join("failed/b.bundle").exists());
        assert!(inbox.join("failed/b.bundle.reason.txt").exists());
        assert!(kiosk.last.as_deref().unwrap_or("").contains("b.bundle"));

        // empty: the next look is `every` later, and a new file is found then
        assert!(
            kiosk
                .tick(&office, t0 + Duration::from_millis(400))
                .is_none()
        );
        crate::exchange::sync::export_to_file(
            &laptop,
            "office2",
            true,
            &inbox.join("c.bundle"),
            chrono::Utc::now(),
        )
        .unwrap();
        assert!(kiosk.tick(&office, t0 + Duration::from_secs(1)).is_none());
        assert!(inbox.join("c.bundle").exists());
        let later = kiosk.tick(&office, t0 + Duration::from_secs(4));
        assert!(matches!(later, Some(InboxOutcome::Imported { .. })));
        assert!(inbox.join("done/c.bundle").exists());
    }
}
