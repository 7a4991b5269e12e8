//! The `?` overlay: every key of the current screen, from its keymap.

use crate::t;
use crate::tui::keymap::{self, KeyContext};
use crate::ui::{Role, Theme, popup};
use ratatui::prelude::*;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub struct HelpOverlay {
    /// The screen whose keys are listed.
    pub for_ctx: KeyContext,
    pub theme: Theme,
}

impl Widget for &HelpOverlay {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let bindings = keymap::bindings(self.for_ctx);
        let lines: Vec<Line> = bindings
            .iter()
            .map(|b| {
                Line::from(vec![
                    Span::styled(format!("{:>8}  ", b.shown), th.style(Role::Key)),
                    Span::raw(t!(b.action.label_key())),
                ])
            })
            .collect();
        let rect = popup::centered(area, 44, lines.len() as u16 + 2);
        Clear.render(rect, buf);
        Paragraph::new(lines)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(th.style(Role::Title))
                    .title(t!("help-title")),
            )
            .render(rect, buf);
    }
}
