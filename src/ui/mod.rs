//! Reusable widgets and the theme.

pub mod footer;
pub mod popup;
pub mod text_input;
pub mod theme;

pub use text_input::{Edit, TextInput};

pub use theme::{Theme, Tone};

use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};
use std::borrow::Cow;

/// A screen's frame: a quiet border with the title in the title style.
pub fn framed<'a>(title: impl Into<Cow<'a, str>>, th: Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(th.style(Tone::Border))
        .title(Span::styled(title, th.style(Tone::Title)))
}

/// A popup's frame: border and title both in the title style, so it stands
/// out over the screen below.
pub fn popup_frame<'a>(title: impl Into<Cow<'a, str>>, th: Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(th.style(Tone::Title))
        .title(Span::styled(title, th.style(Tone::Title)))
}

/// The first visible row of a list of `len` rows shown `height` at a time so
/// that `selected` is visible. Derived from the selection alone, so rendering
/// stays free of state, and only the visible rows need to be built.
pub fn scroll_offset(selected: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    selected.saturating_sub(height - 1).min(len - height)
}

#[cfg(test)]
mod tests {
    use super::scroll_offset;

    #[test]
    fn offsets() {
        assert_eq!(scroll_offset(0, 100, 10), 0);
        assert_eq!(scroll_offset(9, 100, 10), 0);
        assert_eq!(scroll_offset(10, 100, 10), 1);
        assert_eq!(scroll_offset(99, 100, 10), 90);
        assert_eq!(scroll_offset(5, 3, 10), 0);
        assert_eq!(scroll_offset(5, 100, 0), 0);
    }
}
