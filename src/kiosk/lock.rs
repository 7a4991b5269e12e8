//! The kiosk's lock screen: user and PIN (shown as dots). F10 switches it
//! to "end the kiosk", which only a supervisor's PIN completes.

use crate::t;
use crate::tui::{Action, KeyContext};
use crate::ui::TextInput;
use crate::ui::{Theme, Tone, popup};
use crossterm::event::KeyEvent;
use ratatui::prelude::*;
use ratatui::widgets::{Clear, Paragraph};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    User,
    Pin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Login,
    End,
}

/// What the lock screen asks of the kiosk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockRequest {
    None,
    Submit {
        user: String,
        pin: String,
        mode: Mode,
    },
}

pub struct LockScreen {
    pub user: TextInput,
    pin: TextInput,
    pub field: Field,
    pub mode: Mode,
    pub message: Option<(String, Tone)>,
    pub theme: Theme,
}

fn user_field() -> TextInput {
    TextInput::new().max_chars(32)
}

/// Digits only; other characters are swallowed, never shown.
fn pin_field() -> TextInput {
    TextInput::new()
        .max_chars(8)
        .accepting(|c| c.is_ascii_digit())
}

impl LockScreen {
    pub fn new(theme: Theme) -> Self {
        Self {
            user: user_field(),
            pin: pin_field(),
            field: Field::User,
            mode: Mode::Login,
            message: None,
            theme,
        }
    }

    pub fn context(&self) -> KeyContext {
        KeyContext::Lock
    }

    /// Forgets what was typed (after a login, or when left half-typed).
    pub fn clear(&mut self) {
        self.user.clear();
        self.pin.clear();
        self.field = Field::User;
        self.mode = Mode::Login;
    }

    pub fn pin_len(&self) -> usize {
        self.pin.len()
    }

    /// Printable keys go into the field; true when taken.
    pub fn type_key(&mut self, key: KeyEvent) -> bool {
        match self.field {
            Field::User => self.user.handle(key).taken(),
            Field::Pin => self.pin.handle(key).taken(),
        }
    }

    pub fn handle(&mut self, action: Action) -> LockRequest {
        match action {
            Action::NextField => {
                self.field = match self.field {
                    Field::User => Field::Pin,
                    Field::Pin => Field::User,
                }
            }
            Action::Open => match self.field {
                Field::User if !self.user.trim().is_empty() => self.field = Field::Pin,
                Field::User => {}
                Field::Pin => {
                    let req = LockRequest::Submit {
                        user: self.user.trim().to_string(),
                        pin: {
                            let pin = self.pin.to_string();
                            self.pin.clear();
                            pin
                        },
                        mode: self.mode,
                    };
                    return req;
                }
            },
            Action::Back => {
                self.clear();
                self.message = None;
            }
            Action::EndKiosk => {
                self.clear();
                self.mode = Mode::End;
                self.message = Some((t!("kiosk-end-prompt"), Tone::Warn));
            }
            _ => {}
        }
        LockRequest::None
    }
}

impl Widget for &LockScreen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let title = match self.mode {
            Mode::Login => t!("kiosk-locked-title"),
            Mode::End => t!("kiosk-end-title"),
        };
        let rect = popup::centered(area, 52, 9);
        Clear.render(rect, buf);
        let field = |label: String, value: String, active: bool| {
            let style = if active {
                th.style(Tone::Selected)
            } else {
                th.style(Tone::Normal)
            };
            Line::from(vec![
                Span::styled(format!("{label:>8}: "), th.style(Tone::Muted)),
                Span::styled(format!("{value:<20}"), style),
            ])
        };
        let mut lines = vec![
            Line::raw(""),
            field(
                t!("kiosk-user"),
                self.user.to_string(),
                self.field == Field::User,
            ),
            Line::raw(""),
            field(
                t!("kiosk-pin"),
                "•".repeat(self.pin_len()),
                self.field == Field::Pin,
            ),
            Line::raw(""),
        ];
        if let Some((msg, role)) = &self.message {
            lines.push(Line::styled(msg.clone(), th.style(*role)));
        }
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .block(crate::ui::popup_frame(title, th))
            .render(rect, buf);
    }
}
