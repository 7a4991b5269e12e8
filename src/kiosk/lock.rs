//! The kiosk's lock screen: user and PIN (shown as dots). F10 switches it
//! to "end the kiosk", which only a supervisor's PIN completes.

use crate::t;
use crate::tui::{Action, KeyContext};
use crate::ui::{Role, Theme, popup};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::prelude::*;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

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
    pub user: String,
    pin: String,
    pub field: Field,
    pub mode: Mode,
    pub message: Option<(String, Role)>,
    pub theme: Theme,
}

impl LockScreen {
    pub fn new(theme: Theme) -> Self {
        Self {
            user: String::new(),
            pin: String::new(),
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
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return false;
        }
        match (key.code, self.field) {
            (KeyCode::Char(c), Field::User)
                if !c.is_control() && self.user.chars().count() < 32 =>
            {
                self.user.push(c)
            }
            (KeyCode::Char(c), Field::Pin) if c.is_ascii_digit() && self.pin.len() < 8 => {
                self.pin.push(c)
            }
            // other characters in the PIN field are swallowed, never shown
            (KeyCode::Char(_), _) => {}
            (KeyCode::Backspace, Field::User) => {
                self.user.pop();
            }
            (KeyCode::Backspace, Field::Pin) => {
                self.pin.pop();
            }
            _ => return false,
        }
        true
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
                        pin: std::mem::take(&mut self.pin),
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
                self.message = Some((t!("kiosk-end-prompt"), Role::Warn));
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
                th.style(Role::Selected)
            } else {
                th.style(Role::Normal)
            };
            Line::from(vec![
                Span::styled(format!("{label:>8}: "), th.style(Role::Muted)),
                Span::styled(format!("{value:<20}"), style),
            ])
        };
        let mut lines = vec![
            Line::raw(""),
            field(
                t!("kiosk-user"),
                self.user.clone(),
                self.field == Field::User,
            ),
            Line::raw(""),
            field(
                t!("kiosk-pin"),
                "•".repeat(self.pin.len()),
                self.field == Field::Pin,
            ),
            Line::raw(""),
        ];
        if let Some((msg, role)) = &self.message {
            lines.push(Line::styled(msg.clone(), th.style(*role)));
        }
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(th.style(Role::Title))
                    .title(Span::styled(title, th.style(Role::Title))),
            )
            .render(rect, buf);
    }
}
