//! The event loop. ratatui's init installs a panic hook that restores the
//! terminal; `restore` runs on every other way out.

use super::App;
use crossterm::event::{self, Event};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

pub fn run(mut app: App) -> anyhow::Result<()> {
    // SIGTERM/SIGHUP (logout, closed window) end the loop so the terminal is restored
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, stop.clone())?;
    }
    let mut terminal = ratatui::init();
    let result = (|| -> anyhow::Result<()> {
        while !app.quit && !stop.load(Ordering::Relaxed) {
            terminal.draw(|frame| frame.render_widget(&app, frame.area()))?;
            // poll with a timeout so resizes and background work show promptly
            if event::poll(Duration::from_millis(250))? {
                match event::read()? {
                    Event::Key(key) => app.on_key(key),
                    Event::Resize(_, _) => {}
                    _ => {}
                }
            }
        }
        Ok(())
    })();
    ratatui::restore();
    result
}
