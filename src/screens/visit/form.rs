//! The small forms of a visit (a line's facings and price, a batch, a
//! return, a note, a problem): fields that refuse bad input in place with
//! the reason, keeping what was typed.

use crate::domain::visit::input::{self, InputError};
use crate::t;
use crate::ui::{Edit, TextInput};
use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ulid::Ulid;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    /// EAN (typed or scanned) or a few letters of the name.
    Product,
    Facings,
    /// Units counted; 0 allowed.
    Stock,
    Price,
    Qty,
    Date,
    /// A date today or later (a problem's due date).
    DueDate,
    Text,
    /// One of a list (the labels), chosen with ←/→ or its number.
    Choice(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Fluent id of the label.
    pub label: &'static str,
    pub kind: FieldKind,
    pub text: TextInput,
    pub choice: usize,
    pub optional: bool,
    pub error: Option<String>,
}

impl Field {
    pub fn new(label: &'static str, kind: FieldKind) -> Self {
        Self {
            label,
            kind,
            text: TextInput::new(),
            choice: 0,
            optional: false,
            error: None,
        }
    }

    pub fn optional(mut self) -> Self {
        self.optional = true;
        self
    }

    pub fn with_text(mut self, text: impl Into<String>) -> Self {
        self.text = TextInput::with_value(text);
        self
    }

    pub fn with_choice(mut self, choice: usize) -> Self {
        self.choice = choice;
        self
    }

    /// The text shown in the field.
    pub fn shown(&self) -> String {
        match &self.kind {
            FieldKind::Choice(labels) => {
                let label = labels.get(self.choice).cloned().unwrap_or_default();
                format!("‹ {}. {label} ›", self.choice + 1)
            }
            _ => self.text.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    /// Facings, counted stock and price seen of the audit row.
    Line {
        row: usize,
    },
    Batch,
    Return {
        from_batch: Option<Ulid>,
    },
    Note,
    Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub kind: FormKind,
    /// Fluent id of the title.
    pub title: &'static str,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// The audit row the product field resolved to.
    pub product: Option<usize>,
}

/// A field's value once accepted.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    None,
    Count(u32),
    Price(crate::domain::Money),
    Date(NaiveDate),
    Text(String),
    Choice(usize),
}

pub fn reason(e: &InputError) -> String {
    match e {
        InputError::TooLarge(max) => t!(e.key(), max = i64::from(*max)),
        _ => t!(e.key()),
    }
}

impl Form {
    pub fn new(kind: FormKind, title: &'static str, fields: Vec<Field>) -> Self {
        Self {
            kind,
            title,
            fields,
            focus: 0,
            product: None,
        }
    }

    pub fn focused(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    pub fn type_char(&mut self, c: char) {
        if let Some(f) = self.focused() {
            match &f.kind {
                FieldKind::Choice(labels) => {
                    if let Some(n) = c.to_digit(10)
                        && n >= 1
                        && (n as usize) <= labels.len()
                    {
                        f.choice = n as usize - 1;
                    }
                }
                _ => {
                    f.text.insert(c);
                    f.error = None;
                }
            }
        }
    }

    pub fn backspace(&mut self) {
        self.edit(KeyEvent::from(crossterm::event::KeyCode::Backspace));
    }

    /// An editing key for the focused field (a choice field takes its digits
    /// and ←/→); `Ignored` when the key is not an edit.
    pub fn edit(&mut self, key: KeyEvent) -> Edit {
        use crossterm::event::{KeyCode, KeyModifiers};
        let Some(f) = self.focused() else {
            return Edit::Ignored;
        };
        if let FieldKind::Choice(_) = f.kind {
            let plain = !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            return match key.code {
                KeyCode::Char(c) if plain => {
                    self.type_char(c);
                    Edit::Changed
                }
                KeyCode::Left => {
                    self.cycle(-1);
                    Edit::Changed
                }
                KeyCode::Right => {
                    self.cycle(1);
                    Edit::Changed
                }
                _ => Edit::Ignored,
            };
        }
        let edit = f.text.handle(key);
        if edit == Edit::Changed {
            f.error = None;
        }
        edit
    }

    /// ←/→ on a choice field.
    pub fn cycle(&mut self, delta: isize) {
        if let Some(f) = self.focused()
            && let FieldKind::Choice(labels) = &f.kind
            && !labels.is_empty()
        {
            f.choice = (f.choice as isize + delta).rem_euclid(labels.len() as isize) as usize;
        }
    }

    /// Checks one field (the product field is resolved by the screen, which
    /// knows the store's products). Puts the reason on the field and
    /// returns `None` when refused.
    pub fn check(&mut self, i: usize, today: NaiveDate) -> Option<Value> {
        let f = self.fields.get_mut(i)?;
        if f.optional && f.text.trim().is_empty() && !matches!(f.kind, FieldKind::Choice(_)) {
            f.error = None;
            return Some(Value::None);
        }
        let result = match &f.kind {
            FieldKind::Product => Ok(Value::None),
            FieldKind::Facings => {
                input::parse_count(&f.text, input::MAX_FACINGS, false).map(Value::Count)
            }
            FieldKind::Stock => input::parse_stock(&f.text).map(Value::Count),
            FieldKind::Qty => input::parse_qty(&f.text).map(Value::Count),
            FieldKind::Price => input::parse_price(&f.text).map(Value::Price),
            FieldKind::Date => input::parse_quick_date(&f.text, today).map(Value::Date),
            FieldKind::DueDate => input::parse_due_date(&f.text, today).map(Value::Date),
            FieldKind::Text => {
                let text = f.text.trim();
                if text.is_empty() {
                    Err(InputError::Empty)
                } else {
                    Ok(Value::Text(text.to_string()))
                }
            }
            FieldKind::Choice(_) => Ok(Value::Choice(f.choice)),
        };
        match result {
            Ok(v) => {
                f.error = None;
                Some(v)
            }
            Err(e) => {
                f.error = Some(reason(&e));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_field_keeps_its_text_and_says_why() {
        let mut form = Form::new(
            FormKind::Batch,
            "form-batch",
            vec![Field::new("field-qty", FieldKind::Qty)],
        );
        for c in "-3".chars() {
            form.type_char(c);
        }
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert!(form.check(0, today).is_none());
        assert_eq!(form.fields[0].text, "-3");
        assert!(form.fields[0].error.is_some());
        form.backspace();
        form.backspace();
        form.type_char('4');
        assert_eq!(form.check(0, today), Some(Value::Count(4)));
        assert_eq!(form.fields[0].error, None);
    }
}
