//! The supervisor's conflict list: each value that lost to a concurrent edit
//! on another device, beside the one that stayed. Keep the one, take the
//! other, or type a third; the choice is an edit that syncs like any other.

use crate::domain::merge::{FieldConflict, FieldStamp, conflict::REMOVED, field_text};
use crate::keymap::{Action, KeyContext};
use crate::screens::Effect;
use crate::storage::Choice;
use crate::t;
use crate::ui::{Theme, Tone};
use crossterm::event::KeyEvent;
use ratatui::prelude::*;
use ratatui::widgets::{Paragraph, Wrap};

pub struct ConflictsScreen {
    pub rows: Vec<FieldConflict>,
    pub selected: usize,
    /// The value being typed for the selected conflict.
    pub typing: Option<crate::ui::TextInput>,
    pub theme: Theme,
}

/// A stored value (JSON text) as a person reads it.
pub fn readable(json: &str, field: &str) -> String {
    if field == REMOVED {
        return if json == "true" {
            t!("conflicts-removed-field")
        } else {
            "—".into()
        };
    }
    serde_json::from_str(json)
        .map(|v| field_text(&v))
        .unwrap_or_else(|_| json.to_string())
}

/// Who, on which device, and when (UTC).
pub fn stamp_parts(s: &FieldStamp) -> (String, String, String) {
    let at = chrono::DateTime::from_timestamp_millis(s.ms() as i64)
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default();
    (s.by.clone(), s.device.clone(), at)
}

impl ConflictsScreen {
    pub fn new(rows: Vec<FieldConflict>, theme: Theme) -> Self {
        Self {
            rows,
            selected: 0,
            typing: None,
            theme,
        }
    }

    pub fn reload(&mut self, rows: Vec<FieldConflict>) {
        self.rows = rows;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.typing = None;
    }

    pub fn context(&self) -> KeyContext {
        if self.typing.is_some() {
            KeyContext::ConflictsTyping
        } else {
            KeyContext::Conflicts
        }
    }

    fn settle(&self, choice: Choice) -> Effect {
        match self.rows.get(self.selected) {
            Some(c) => Effect::SettleConflict(c.id(), choice),
            None => Effect::None,
        }
    }

    /// Letters while typing a value; true when the key was taken.
    pub fn type_key(&mut self, key: KeyEvent) -> bool {
        let Some(text) = &mut self.typing else {
            return false;
        };
        text.handle(key).taken()
    }

    pub fn handle(&mut self, action: Action) -> Option<Effect> {
        if let Some(text) = &self.typing {
            return Some(match action {
                Action::Open => {
                    let text = text.to_string();
                    self.typing = None;
                    self.settle(Choice::Typed(text))
                }
                Action::Back => {
                    self.typing = None;
                    Effect::None
                }
                _ => Effect::None,
            });
        }
        if let Some(i) = super::moved(action, self.selected, self.rows.len()) {
            self.selected = i;
            return Some(Effect::None);
        }
        Some(match action {
            Action::KeepValue => self.settle(Choice::Kept),
            Action::TakeLost => self.settle(Choice::Lost),
            Action::TypeValue => {
                if let Some(c) = self.rows.get(self.selected)
                    && c.field != REMOVED
                {
                    self.typing = Some(crate::ui::TextInput::with_value(readable(
                        &c.kept, &c.field,
                    )));
                }
                Effect::None
            }
            _ => return None,
        })
    }

    fn side<'a>(&self, key: &str, json: &str, stamp: &FieldStamp, field: &str) -> Line<'a> {
        let (by, device, at) = stamp_parts(stamp);
        Line::from(Span::raw(format!(
            "    {}",
            t!(
                key,
                value = readable(json, field),
                by = by,
                device = device,
                at = at
            )
        )))
    }
}

impl Widget for &ConflictsScreen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let block = crate::ui::framed(t!("conflicts-title"), th);
        let inner = block.inner(area);
        block.render(area, buf);
        let mut lines = vec![];
        if self.rows.is_empty() {
            lines.push(Line::styled(t!("conflicts-none"), th.style(Tone::Ok)));
        } else {
            lines.push(Line::styled(
                t!("conflicts-head", count = self.rows.len()),
                th.style(Tone::Muted),
            ));
        }
        // each entry is three lines; keep the selected one in view
        let per = 3usize;
        let fit = (inner.height as usize).saturating_sub(2) / per;
        let first = self.selected.saturating_sub(fit.saturating_sub(1));
        for (i, c) in self.rows.iter().enumerate().skip(first).take(fit.max(1)) {
            let style = if i == self.selected {
                th.style(Tone::Selected)
            } else {
                Style::default()
            };
            let short: String = c.id().chars().take(10).collect();
            lines.push(Line::styled(
                t!(
                    "conflicts-line",
                    id = short,
                    kind = c.kind.clone(),
                    code = c.code.clone(),
                    field = c.field.clone()
                ),
                style,
            ));
            lines.push(self.side("conflicts-kept", &c.kept, &c.kept_stamp, &c.field));
            lines.push(self.side("conflicts-lost", &c.lost, &c.lost_stamp, &c.field));
        }
        if let (Some(text), Some(c)) = (&self.typing, self.rows.get(self.selected)) {
            lines.push(Line::styled(
                t!(
                    "conflicts-typing",
                    field = c.field.clone(),
                    text = text.to_string()
                ),
                th.style(Tone::Title),
            ));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}

delegate_screen!(ConflictsScreen, typed);
