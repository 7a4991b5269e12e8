//! One single-line text field for every screen: the editing keys people
//! expect (Ctrl-U, Ctrl-W, Ctrl-A/E, Home/End, ←/→, Delete, Backspace and
//! paste). State only; screens draw it with [`TextInput::shown`].

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

/// The glyph drawn where the cursor stands.
pub const CURSOR: &str = "▏";

/// What an edit key did to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The text changed (screens refilter or clear an error).
    Changed,
    /// Only the cursor moved.
    Moved,
    /// Not an editing key: the caller (keymap) may use it.
    Ignored,
}

impl Edit {
    /// The key was used by the field.
    pub fn taken(self) -> bool {
        self != Edit::Ignored
    }
}

#[derive(Debug, Clone, Default)]
pub struct TextInput {
    value: String,
    /// Cursor position in characters (0..=len).
    cursor: usize,
    /// Most characters the field takes (typed or pasted beyond is dropped).
    max: Option<usize>,
    /// Which characters the field takes (digits only for a scan, say).
    accept: Option<fn(char) -> bool>,
}

impl TextInput {
    pub fn new() -> Self {
        Self::default()
    }

    /// A field holding `text`, the cursor after it.
    pub fn with_value(text: impl Into<String>) -> Self {
        let mut input = Self::default();
        input.set(text);
        input
    }

    pub fn max_chars(mut self, max: usize) -> Self {
        self.max = Some(max);
        self
    }

    pub fn accepting(mut self, accept: fn(char) -> bool) -> Self {
        self.accept = Some(accept);
        self
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// Replaces the text; the cursor goes to its end.
    pub fn set(&mut self, text: impl Into<String>) {
        self.value = text.into();
        self.cursor = self.len();
    }

    pub fn clear(&mut self) {
        self.set(String::new());
    }

    fn len(&self) -> usize {
        self.value.chars().count()
    }

    fn byte(&self, chars: usize) -> usize {
        self.value
            .char_indices()
            .nth(chars)
            .map_or(self.value.len(), |(i, _)| i)
    }

    /// Inserts one character at the cursor, if the field takes it.
    pub fn insert(&mut self, c: char) -> bool {
        if c.is_control()
            || self.max.is_some_and(|m| self.len() >= m)
            || self.accept.is_some_and(|ok| !ok(c))
        {
            return false;
        }
        let at = self.byte(self.cursor);
        self.value.insert(at, c);
        self.cursor += 1;
        true
    }

    /// Pasted text: each character the field takes, line breaks dropped.
    pub fn paste(&mut self, text: &str) -> Edit {
        let mut changed = false;
        for c in text.chars().filter(|c| !matches!(c, '\n' | '\r')) {
            changed |= self.insert(c);
        }
        if changed {
            Edit::Changed
        } else {
            Edit::Ignored
        }
    }

    /// Removes the characters `from..to` (in characters).
    fn remove(&mut self, from: usize, to: usize) -> Edit {
        if from >= to {
            return Edit::Moved;
        }
        let (a, b) = (self.byte(from), self.byte(to));
        self.value.replace_range(a..b, "");
        self.cursor = from;
        Edit::Changed
    }

    /// The start of the word before the cursor (spaces before it skipped).
    fn word_start(&self) -> usize {
        let chars: Vec<char> = self.value.chars().take(self.cursor).collect();
        let mut i = chars.len();
        while i > 0 && chars[i - 1].is_whitespace() {
            i -= 1;
        }
        while i > 0 && !chars[i - 1].is_whitespace() {
            i -= 1;
        }
        i
    }

    fn go(&mut self, to: usize) -> Edit {
        self.cursor = to.min(self.len());
        Edit::Moved
    }

    /// Applies an editing key. Keys that are not editing keys (Enter, Esc,
    /// Tab, ↑↓, other Ctrl chords) are left to the caller.
    pub fn handle(&mut self, key: KeyEvent) -> Edit {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Char('u') if ctrl => self.remove(0, self.cursor),
            KeyCode::Char('w') if ctrl => self.remove(self.word_start(), self.cursor),
            KeyCode::Char('a') if ctrl => self.go(0),
            KeyCode::Char('e') if ctrl => self.go(self.len()),
            KeyCode::Char('b') if ctrl => self.go(self.cursor.saturating_sub(1)),
            KeyCode::Char('f') if ctrl => self.go(self.cursor + 1),
            KeyCode::Char('k') if ctrl => self.remove(self.cursor, self.len()),
            KeyCode::Char('h') if ctrl => self.backspace(),
            KeyCode::Char(_) if ctrl || alt => Edit::Ignored,
            KeyCode::Char(c) => {
                if self.insert(c) {
                    Edit::Changed
                } else {
                    // a refused character is still the field's: it never becomes a command
                    Edit::Moved
                }
            }
            KeyCode::Backspace => self.backspace(),
            KeyCode::Delete => self.remove(self.cursor, (self.cursor + 1).min(self.len())),
            KeyCode::Left => self.go(self.cursor.saturating_sub(1)),
            KeyCode::Right => self.go(self.cursor + 1),
            KeyCode::Home => self.go(0),
            KeyCode::End => self.go(self.len()),
            _ => Edit::Ignored,
        }
    }

    fn backspace(&mut self) -> Edit {
        if self.cursor == 0 {
            return Edit::Moved;
        }
        self.remove(self.cursor - 1, self.cursor)
    }

    /// The text before and after the cursor (to draw the glyph in its own style).
    pub fn split(&self) -> (&str, &str) {
        self.value.split_at(self.byte(self.cursor))
    }

    /// The text with the cursor glyph where it stands (at the end: the text
    /// followed by the glyph, as every field showed before).
    pub fn shown(&self, focused: bool) -> String {
        if !focused {
            return self.value.clone();
        }
        let at = self.byte(self.cursor);
        format!("{}{CURSOR}{}", &self.value[..at], &self.value[at..])
    }
}

/// Two fields are equal when they hold the same text with the cursor at the
/// same place (their limits are how they were made, not what they hold).
impl PartialEq for TextInput {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value && self.cursor == other.cursor
    }
}

impl Eq for TextInput {}

impl fmt::Display for TextInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

impl std::ops::Deref for TextInput {
    type Target = str;
    fn deref(&self) -> &str {
        &self.value
    }
}

impl PartialEq<&str> for TextInput {
    fn eq(&self, other: &&str) -> bool {
        self.value == *other
    }
}

impl PartialEq<str> for TextInput {
    fn eq(&self, other: &str) -> bool {
        self.value == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    fn typed(text: &str) -> TextInput {
        let mut input = TextInput::new();
        for c in text.chars() {
            input.handle(key(KeyCode::Char(c)));
        }
        input
    }

    #[test]
    fn typing_inserts_at_the_cursor() {
        let mut input = typed("молко");
        for _ in 0..2 {
            input.handle(key(KeyCode::Left));
        }
        input.handle(key(KeyCode::Char('о')));
        assert_eq!(input.value(), "молоко");
        assert_eq!(input.shown(true), "моло▏ко");
        assert_eq!(input.shown(false), "молоко");
    }

    #[test]
    fn ctrl_u_clears_what_is_before_the_cursor() {
        let mut input = TextInput::with_value("4601234567890");
        assert_eq!(input.handle(ctrl('u')), Edit::Changed);
        assert_eq!(input.value(), "");
        let mut input = typed("milk 1l");
        input.handle(key(KeyCode::Home));
        input.handle(key(KeyCode::Right));
        input.handle(key(KeyCode::Right));
        input.handle(ctrl('u'));
        assert_eq!(input.value(), "lk 1l");
        assert_eq!(input.cursor(), 0);
    }

    #[test]
    fn ctrl_w_deletes_the_word_before_the_cursor() {
        let mut input = typed("fresh milk  ");
        input.handle(ctrl('w'));
        assert_eq!(input.value(), "fresh ");
        input.handle(ctrl('w'));
        assert_eq!(input.value(), "");
        assert_eq!(input.handle(ctrl('w')), Edit::Moved);
    }

    #[test]
    fn ctrl_a_ctrl_e_home_end_move_to_the_ends() {
        let mut input = typed("abc");
        assert_eq!(input.handle(ctrl('a')), Edit::Moved);
        assert_eq!(input.cursor(), 0);
        input.handle(ctrl('e'));
        assert_eq!(input.cursor(), 3);
        input.handle(key(KeyCode::Home));
        assert_eq!(input.cursor(), 0);
        input.handle(key(KeyCode::End));
        assert_eq!(input.cursor(), 3);
    }

    #[test]
    fn arrows_stop_at_the_ends() {
        let mut input = typed("ab");
        input.handle(key(KeyCode::Right));
        assert_eq!(input.cursor(), 2);
        for _ in 0..5 {
            input.handle(key(KeyCode::Left));
        }
        assert_eq!(input.cursor(), 0);
    }

    #[test]
    fn delete_and_backspace_remove_one_character() {
        let mut input = typed("abc");
        input.handle(key(KeyCode::Left));
        input.handle(key(KeyCode::Delete));
        assert_eq!(input.value(), "ab");
        input.handle(key(KeyCode::Delete));
        assert_eq!(input.value(), "ab");
        input.handle(key(KeyCode::Backspace));
        assert_eq!(input.value(), "a");
        input.handle(key(KeyCode::Home));
        assert_eq!(input.handle(key(KeyCode::Backspace)), Edit::Moved);
        assert_eq!(input.value(), "a");
    }

    #[test]
    fn paste_inserts_at_the_cursor_without_line_breaks() {
        let mut input = typed("ab");
        input.handle(key(KeyCode::Left));
        assert_eq!(input.paste("12\n3"), Edit::Changed);
        assert_eq!(input.value(), "a123b");
        assert_eq!(input.cursor(), 4);
    }

    #[test]
    fn limits_and_filters_are_kept() {
        let mut input = TextInput::new()
            .max_chars(3)
            .accepting(|c| c.is_ascii_digit());
        input.paste("12a345");
        assert_eq!(input.value(), "123");
        // a refused letter is still taken by the field, never a command
        assert!(input.handle(key(KeyCode::Char('q'))).taken());
        assert_eq!(input.value(), "123");
    }

    #[test]
    fn keys_that_are_not_edits_are_left_to_the_caller() {
        let mut input = typed("a");
        for k in [KeyCode::Enter, KeyCode::Esc, KeyCode::Tab, KeyCode::Up] {
            assert_eq!(input.handle(key(k)), Edit::Ignored);
        }
        assert_eq!(input.handle(ctrl('c')), Edit::Ignored);
        assert_eq!(input.value(), "a");
    }
}
