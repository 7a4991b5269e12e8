//! Semantic colour roles; widgets never use raw colours. The kiosk uses the
//! high-contrast theme.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
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
    pub fn style(self, role: Role) -> Style {
        let s = Style::default();
        match (self, role) {
            (_, Role::Normal) => s,
            (Theme::Standard, Role::Title) => s.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            (Theme::HighContrast, Role::Title) => s.fg(Color::White).add_modifier(Modifier::BOLD),
            (Theme::Standard, Role::Selected) => s.bg(Color::Blue).fg(Color::White),
            (Theme::HighContrast, Role::Selected) => s.bg(Color::White).fg(Color::Black),
            (Theme::Standard, Role::Muted) => s.fg(Color::DarkGray),
            (Theme::HighContrast, Role::Muted) => s.fg(Color::Gray),
            (_, Role::Warn) => s.fg(Color::Yellow),
            (_, Role::Danger) => s.fg(Color::Red).add_modifier(Modifier::BOLD),
            (_, Role::Ok) => s.fg(Color::Green),
            (_, Role::Key) => s.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            (Theme::Standard, Role::Border) => s.fg(Color::DarkGray),
            (Theme::HighContrast, Role::Border) => s.fg(Color::White),
        }
    }
}
