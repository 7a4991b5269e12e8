//! `rounds kiosk`: the event loop of the kiosk. Raw mode turns ISIG off, so
//! Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys (and are ignored); the same
//! signals sent from outside are ignored too. SIGTERM/SIGHUP (the machine
//! shutting down) end it; every way out restores the terminal.

use super::Kiosk;
use super::inbox::KioskInbox;
use crate::cli::{CliResult, Context, Failure};
use crate::domain::journal::JournalEvent;
use crossterm::event::{self, Event};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

pub fn run_kiosk(ctx: &Context, idle_secs: Option<u64>, inbox: Option<&Path>) -> CliResult {
    let db = ctx.open()?;
    let mut inbox = match inbox {
        Some(dir) if !dir.is_dir() => {
            return Err(Failure {
                code: 1,
                message: crate::t!("sync-not-a-folder", dir = dir.display().to_string()),
            });
        }
        Some(dir) => Some(KioskInbox::new(dir.to_path_buf(), Instant::now())),
        None => None,
    };
    let idle = idle_secs.unwrap_or(db.settings()?.kiosk_idle_secs).max(1);
    if db.users()?.iter().all(|u| !u.is_supervisor()) {
        // without a supervisor nobody could ever end it
        return Err(Failure {
            code: 1,
            message: crate::t!("kiosk-needs-supervisor"),
        });
    }
    db.append_journal("system", JournalEvent::KioskStarted, ctx.clock.now())?;
    let stop = Arc::new(AtomicBool::new(false));
    let mut ending = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ])?;
    let flag = stop.clone();
    std::thread::spawn(move || {
        if ending.forever().next().is_some() {
            flag.store(true, Ordering::Relaxed);
            // when the terminal is gone, reading keys can spin without returning:
            // give the loop a moment to restore the terminal, then end regardless
            // (every write was flushed when it was made)
            std::thread::sleep(Duration::from_secs(2));
            std::process::exit(1);
        }
    });
    // registering a handler replaces the default action (end or stop the process)
    let ignored = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGQUIT,
        signal_hook::consts::SIGTSTP,
    ] {
        signal_hook::flag::register(signal, ignored.clone())?;
    }
    let mut kiosk = Kiosk::new(db, ctx.clock, Duration::from_secs(idle));
    let mut terminal = ratatui::init();
    let result = (|| -> anyhow::Result<()> {
        while !kiosk.done() && !stop.load(Ordering::Relaxed) {
            terminal.draw(|frame| frame.render_widget(&kiosk, frame.area()))?;
            if event::poll(Duration::from_millis(200))?
                && let Event::Key(key) = event::read()?
            {
                kiosk.on_key(key, Instant::now());
            }
            kiosk.tick(Instant::now());
            // bundles dropped into --inbox: at most one per turn of the loop
            if let (Some(inbox), Some(db)) = (inbox.as_mut(), kiosk.db())
                && inbox.tick(db, Instant::now()).is_some()
            {
                kiosk.notice = inbox.last.clone();
            }
        }
        Ok(())
    })();
    ratatui::restore();
    result?;
    if let Some(e) = kiosk.failed {
        return Err(Failure {
            code: 1,
            message: e,
        });
    }
    Ok(())
}
