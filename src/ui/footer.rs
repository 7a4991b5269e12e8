//! The footer: the keys of the current screen, generated from its keymap.

use crate::tui::keymap::{self, KeyContext};
use crate::ui::{Role, Theme};
use ratatui::prelude::*;

pub struct Footer {
    pub ctx: KeyContext,
    pub theme: Theme,
    /// A message for the user (saved, an error); shown before the keys.
    pub status: Option<String>,
}

impl Widget for &Footer {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut spans = Vec::new();
        if let Some(status) = &self.status {
            spans.push(Span::styled(
                format!("{status}  "),
                self.theme.style(Role::Warn),
            ));
        }
        for b in keymap::bindings(self.ctx).into_iter().filter(|b| b.footer) {
            spans.push(Span::styled(b.shown, self.theme.style(Role::Key)));
            spans.push(Span::raw(format!(
                " {}  ",
                crate::i18n::tr(b.action.label_key())
            )));
        }
        Line::from(spans).render(area, buf);
    }
}
