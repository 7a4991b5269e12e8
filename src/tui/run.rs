//! The event loop. ratatui's init installs a panic hook that restores the
//! terminal; `restore` runs on every other way out.

use super::App;
use crossterm::event::{self, Event};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long to wait for a key before redrawing (resizes and background work show by then).
const TICK: Duration = Duration::from_millis(250);

/// Signals that end the TUI cleanly (terminal restored).
const ENDING: [std::ffi::c_int; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

pub fn run(mut app: App) -> anyhow::Result<()> {
    // SIGTERM/SIGHUP (logout, closed window) and SIGINT/SIGQUIT (kill -INT,
    // Ctrl-C or Ctrl-\ typed while raw mode is not on yet) end the loop so
    // the terminal is restored. Raw mode turns ISIG off, so once the screen
    // is up Ctrl-C arrives as a key instead.
    let stop = Arc::new(AtomicBool::new(false));
    for signal in ENDING {
        // a second one while the first is being handled ends the process at
        // once (exit 1), so a stuck loop can still be interrupted
        signal_hook::flag::register_conditional_shutdown(signal, 1, stop.clone())?;
        signal_hook::flag::register(signal, stop.clone())?;
    }
    let mut terminal = ratatui::init();
    // pasted text arrives as one event, not as keys that could act as commands
    let _ = crossterm::execute!(std::io::stdout(), event::EnableBracketedPaste);
    let result = (|| -> anyhow::Result<()> {
        while !app.quit && !stop.load(Ordering::Relaxed) {
            terminal.draw(|frame| frame.render_widget(&app, frame.area()))?;
            if wait_for_input(TICK) == Input::HungUp {
                break;
            }
            // everything that arrived, without blocking (a scanner types fast)
            while !app.quit && event::poll(Duration::ZERO)? {
                match event::read()? {
                    Event::Key(key) => app.on_key(key),
                    Event::Paste(text) => app.on_paste(&text),
                    Event::Resize(_, _) => {}
                    _ => {}
                }
            }
        }
        Ok(())
    })();
    let _ = crossterm::execute!(std::io::stdout(), event::DisableBracketedPaste);
    ratatui::restore();
    result
}

#[derive(Debug, PartialEq, Eq)]
enum Input {
    Ready,
    HungUp,
}

/// Waits up to `timeout` for the terminal to have input. Reports a terminal
/// that went away (window closed, ssh dropped) without a SIGHUP reaching us:
/// crossterm would otherwise read the dead tty in a busy loop forever, holding
/// the database.
#[cfg(unix)]
fn wait_for_input(timeout: Duration) -> Input {
    use std::io::IsTerminal;
    use std::os::fd::AsRawFd;
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        // crossterm reads /dev/tty then; let it wait
        let _ = event::poll(timeout);
        return Input::Ready;
    }
    let mut fd = libc::pollfd {
        fd: stdin.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd; poll only writes its `revents`.
    let ready = unsafe { libc::poll(&mut fd, 1, timeout.as_millis() as libc::c_int) };
    if ready > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        Input::HungUp
    } else {
        Input::Ready
    }
}

#[cfg(not(unix))]
fn wait_for_input(timeout: Duration) -> Input {
    let _ = event::poll(timeout);
    Input::Ready
}
