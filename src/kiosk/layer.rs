//! The kiosk layer: takes every key first. Locked, only the lock screen
//! sees keys; logged in, the kiosk's own keys (F12 lock) come first, the
//! keys that would leave (q, Ctrl-C, Esc on the first screen) are swallowed,
//! and the rest reach the same screens the laptop uses.

use super::lock::{LockRequest, LockScreen, Mode};
use crate::clock::Clock;
use crate::domain::auth::{Role as UserRole, Viewer};
use crate::domain::journal::JournalEvent;
use crate::keymap::{self, KeyContext};
use crate::storage::{Database, Login};
use crate::t;
use crate::tui::{Action, App};
use crate::ui::footer::Footer;
use crate::ui::{Theme, Tone};
use crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::prelude::*;
use std::time::{Duration, Instant};

enum State {
    Locked { lock: Box<LockScreen>, db: Database },
    Open { app: Box<App>, user: String },
}

pub struct Kiosk {
    state: Option<State>,
    clock: Clock,
    idle: Duration,
    last_input: Instant,
    theme: Theme,
    /// Set when a supervisor's PIN ended the kiosk.
    pub ended: bool,
    /// A database error that ended the kiosk.
    pub failed: Option<String>,
    /// What the inbox did last, shown on the lock screen's footer.
    pub notice: Option<String>,
}

impl Kiosk {
    pub fn new(db: Database, clock: Clock, idle: Duration) -> Self {
        let theme = Theme::HighContrast;
        Self {
            state: Some(State::Locked {
                lock: Box::new(LockScreen::new(theme)),
                db,
            }),
            clock,
            idle,
            last_input: Instant::now(),
            theme,
            ended: false,
            failed: None,
            notice: None,
        }
    }

    /// The database, whoever is logged in (the inbox imports into it).
    pub fn db(&self) -> Option<&Database> {
        match &self.state {
            Some(State::Locked { db, .. }) => Some(db),
            Some(State::Open { app, .. }) => Some(app.db()),
            None => None,
        }
    }

    /// True once the kiosk should stop (ended by a supervisor, or failed).
    pub fn done(&self) -> bool {
        self.ended || self.state.is_none()
    }

    pub fn is_locked(&self) -> bool {
        matches!(self.state, Some(State::Locked { .. }))
    }

    pub fn on_key(&mut self, key: KeyEvent, now: Instant) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        self.last_input = now;
        match self.state.take() {
            Some(State::Locked { mut lock, db }) => {
                let request = if lock.type_key(key) {
                    LockRequest::None
                } else {
                    keymap::defaults()
                        .lookup(KeyContext::Lock, key)
                        .map(|a| lock.handle(a))
                        .unwrap_or(LockRequest::None)
                };
                self.state = match request {
                    LockRequest::None => Some(State::Locked { lock, db }),
                    LockRequest::Submit { user, pin, mode } => {
                        self.submit(lock, db, &user, &pin, mode)
                    }
                };
            }
            Some(State::Open { mut app, user }) => {
                if keymap::defaults().lookup(KeyContext::Kiosk, key) == Some(Action::Logout) {
                    self.state = Some(self.lock(app, &user));
                    return;
                }
                let would = keymap::defaults().lookup(app.context(), key);
                let leaves = would == Some(Action::Quit)
                    || (would == Some(Action::Back) && app.depth() <= 1 && !app.has_overlay());
                if !leaves {
                    app.on_key(key);
                }
                // whatever a screen asked, the kiosk is not left this way
                app.quit = false;
                self.state = Some(State::Open { app, user });
            }
            None => {}
        }
    }

    /// Locks when idle for longer than the setting.
    pub fn tick(&mut self, now: Instant) {
        if now.duration_since(self.last_input) < self.idle {
            return;
        }
        match self.state.take() {
            Some(State::Open { app, user }) => self.state = Some(self.lock(app, &user)),
            Some(State::Locked { mut lock, db }) => {
                // a half-typed name or PIN is not left on the screen
                if !lock.user.is_empty() || lock.pin_len() > 0 {
                    lock.clear();
                }
                self.state = Some(State::Locked { lock, db });
            }
            None => {}
        }
    }

    fn lock(&self, app: Box<App>, user: &str) -> State {
        let db = app.into_db();
        let _ = db.append_journal(
            user,
            JournalEvent::Logout {
                user: user.to_string(),
            },
            self.clock.now(),
        );
        let mut lock = Box::new(LockScreen::new(self.theme));
        lock.message = Some((t!("kiosk-locked-message"), Tone::Muted));
        State::Locked { lock, db }
    }

    fn submit(
        &mut self,
        mut lock: Box<LockScreen>,
        db: Database,
        name: &str,
        pin: &str,
        mode: Mode,
    ) -> Option<State> {
        let login = match db.login(name, pin) {
            Ok(l) => l,
            Err(e) => {
                tracing::error!(error = %e, "kiosk login failed");
                lock.message = Some((e.to_string(), Tone::Danger));
                return Some(State::Locked { lock, db });
            }
        };
        let user = match login {
            Login::Ok(user) => user,
            other => {
                let text = crate::service::login::refusal(&other).unwrap_or_default();
                lock.message = Some((text, Tone::Danger));
                return Some(State::Locked { lock, db });
            }
        };
        if mode == Mode::End {
            if user.role == UserRole::Supervisor {
                let _ = db.append_journal(
                    &user.name,
                    JournalEvent::KioskEnded {
                        user: user.name.clone(),
                    },
                    self.clock.now(),
                );
                self.ended = true;
            } else {
                lock.clear();
                lock.mode = Mode::End;
                lock.message = Some((t!("kiosk-end-supervisor-only"), Tone::Danger));
            }
            return Some(State::Locked { lock, db });
        }
        let viewer = Viewer::of(&user);
        // no rep asked of App::new: set_viewer narrows the routes to the rep's own
        let opened = App::new(db, self.clock, None).and_then(|mut app| {
            app.set_theme(self.theme);
            app.set_viewer(viewer);
            app.hidden.push(Action::Quit);
            app.start_at_dashboard()?;
            Ok(app)
        });
        match opened {
            Ok(app) => Some(State::Open {
                app: Box::new(app),
                user: user.name,
            }),
            Err(e) => {
                // a database error: the kiosk cannot go on; the loop ends and
                // restores the terminal
                tracing::error!(error = %e, "kiosk could not open the screens");
                self.failed = Some(e.to_string());
                None
            }
        }
    }
}

impl Widget for &Kiosk {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let [bar, main] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        match &self.state {
            Some(State::Locked { lock, .. }) => {
                Line::styled(t!("kiosk-bar-locked"), th.style(Tone::Title)).render(bar, buf);
                let [body, footer] =
                    Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(main);
                lock.render(body, buf);
                Footer {
                    ctx: KeyContext::Lock,
                    theme: th,
                    status: self.notice.clone(),
                    hide: vec![],
                }
                .render(footer, buf);
            }
            Some(State::Open { app, user }) => {
                Line::from(vec![
                    Span::styled(
                        t!("kiosk-bar-user", user = user.clone()),
                        th.style(Tone::Title),
                    ),
                    Span::raw("  "),
                    Span::styled("F12", th.style(Tone::Key)),
                    Span::raw(format!(" {}", t!("key-logout"))),
                ])
                .render(bar, buf);
                app.as_ref().render(main, buf);
            }
            None => {}
        }
    }
}
