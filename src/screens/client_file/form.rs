//! A small form of labelled fields: text fields (the shared `TextInput`)
//! and choice fields that Space or ←/→ turn; each field can carry the
//! reason it was refused, so the cursor goes where the fix is.

use crate::t;
use crate::ui::{Edit, TextInput, Theme, Tone};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::prelude::*;
use ratatui::widgets::{Clear, Paragraph, Wrap};

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(TextInput),
    /// Message ids of the choices and the one chosen.
    Choice(Vec<String>, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The field's name in code (`name`, `phone`): what errors point at.
    pub id: &'static str,
    /// Message id of its label.
    pub label: &'static str,
    pub value: Value,
    pub error: Option<String>,
}

impl Field {
    pub fn text(id: &'static str, label: &'static str, value: &str) -> Self {
        Self {
            id,
            label,
            value: Value::Text(TextInput::with_value(value).max_chars(200)),
            error: None,
        }
    }

    pub fn choice(id: &'static str, label: &'static str, keys: Vec<String>, at: usize) -> Self {
        Self {
            id,
            label,
            value: Value::Choice(keys, at),
            error: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
}

impl Form {
    pub fn new(title: String, fields: Vec<Field>) -> Self {
        Self {
            title,
            fields,
            focus: 0,
        }
    }

    pub fn text(&self, id: &str) -> String {
        match self.fields.iter().find(|f| f.id == id).map(|f| &f.value) {
            Some(Value::Text(t)) => t.value().trim().to_string(),
            _ => String::new(),
        }
    }

    pub fn chosen(&self, id: &str) -> usize {
        match self.fields.iter().find(|f| f.id == id).map(|f| &f.value) {
            Some(Value::Choice(_, at)) => *at,
            _ => 0,
        }
    }

    /// Puts each error on its field and the cursor on the first one.
    pub fn set_errors(&mut self, errors: &[(&str, String)]) {
        for f in &mut self.fields {
            f.error = errors
                .iter()
                .find(|(id, _)| *id == f.id)
                .map(|(_, e)| e.clone());
        }
        if let Some(i) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = i;
        }
    }

    pub fn step(&mut self, delta: isize) {
        let n = self.fields.len() as isize;
        self.focus = (self.focus as isize + delta).rem_euclid(n.max(1)) as usize;
    }

    /// An editing key for the field in focus; false: not the field's key.
    pub fn type_key(&mut self, key: KeyEvent) -> bool {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return false;
        };
        match &mut field.value {
            Value::Text(input) => {
                let edit = input.handle(key);
                if edit == Edit::Changed {
                    field.error = None;
                }
                edit.taken()
            }
            Value::Choice(keys, at) => {
                let n = keys.len().max(1);
                match key.code {
                    KeyCode::Char(' ') | KeyCode::Right => *at = (*at + 1) % n,
                    KeyCode::Left => *at = (*at + n - 1) % n,
                    // letters never act as commands inside a form
                    KeyCode::Char(_) => {}
                    _ => return false,
                }
                field.error = None;
                true
            }
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, th: Theme) {
        let width = area.width.min(70);
        let height = (self.fields.len() as u16 * 2 + 3).min(area.height);
        let popup = crate::ui::popup::centered(area, width, height);
        Clear.render(popup, buf);
        let block = crate::ui::popup_frame(self.title.clone(), th);
        let inner = block.inner(popup);
        block.render(popup, buf);
        let label_w = self
            .fields
            .iter()
            .map(|f| t!(f.label).chars().count())
            .max()
            .unwrap_or(0)
            .min(18);
        let mut lines = Vec::new();
        for (i, f) in self.fields.iter().enumerate() {
            let focused = i == self.focus;
            let shown = match &f.value {
                Value::Text(input) => input.shown(focused),
                Value::Choice(keys, at) => {
                    let v = keys.get(*at).map(|k| t!(k)).unwrap_or_default();
                    if focused { format!("‹ {v} ›") } else { v }
                }
            };
            let label = format!("{:<label_w$} ", t!(f.label));
            let tone = if focused { Tone::Key } else { Tone::Muted };
            lines.push(Line::from(vec![
                Span::styled(label, th.style(tone)),
                Span::raw(shown),
            ]));
            let below = match &f.error {
                Some(e) => Line::styled(format!("{:label_w$} ⚠ {e}", ""), th.style(Tone::Danger)),
                None => Line::raw(""),
            };
            lines.push(below);
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}
