//! Semantic colour tones (what a piece of text means: a title, a warning);
//! widgets never use raw colours. The kiosk uses the high-contrast theme.

use ratatui::style::{Color, Modifier, Style};

/// What a span of text is, for its colour (not `auth::Role`, who a user is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Title,
    Normal,
    Selected,
    Muted,
    Warn,
    Danger,
    Ok,
    Key,
    Border,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Standard,
    HighContrast,
}

impl Theme {
    pub fn style(self, tone: Tone) -> Style {
        let s = Style::default();
        match (self, tone) {
            (_, Tone::Normal) => s,
            (Theme::Standard, Tone::Title) => s.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            (Theme::HighContrast, Tone::Title) => s.fg(Color::White).add_modifier(Modifier::BOLD),
            (Theme::Standard, Tone::Selected) => s.bg(Color::Blue).fg(Color::White),
            (Theme::HighContrast, Tone::Selected) => s.bg(Color::White).fg(Color::Black),
            (Theme::Standard, Tone::Muted) => s.fg(Color::DarkGray),
            (Theme::HighContrast, Tone::Muted) => s.fg(Color::Gray),
            (_, Tone::Warn) => s.fg(Color::Yellow),
            (_, Tone::Danger) => s.fg(Color::Red).add_modifier(Modifier::BOLD),
            (_, Tone::Ok) => s.fg(Color::Green),
            (_, Tone::Key) => s.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            (Theme::Standard, Tone::Border) => s.fg(Color::DarkGray),
            (Theme::HighContrast, Tone::Border) => s.fg(Color::White),
        }
    }
}
