//! The event loop. ratatui's init installs a panic hook that restores the
//! terminal; `restore` runs on every other way out.

use super::App;
use crossterm::event::{self, Event};
use std::time::Duration;

pub fn run(mut app: App) -> anyhow::Result<()> {
    let mut terminal = ratatui::init();
    let result = (|| -> anyhow::Result<()> {
        while !app.quit {
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
