//! The footer: the keys of the current screen, generated from its keymap.

use crate::keymap::{self, Action, Binding, KeyContext};
use crate::ui::{Theme, Tone};
use ratatui::prelude::*;

pub struct Footer {
    pub ctx: KeyContext,
    pub theme: Theme,
    /// A message for the user (saved, an error); shown before the keys.
    pub status: Option<String>,
    /// Actions not to show (blocked by a layer such as the kiosk).
    pub hide: Vec<Action>,
}

fn width(b: &Binding, label: &str) -> u16 {
    (b.shown.chars().count() + label.chars().count()) as u16
}

impl Widget for &Footer {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut spans = Vec::new();
        if let Some(status) = &self.status {
            spans.push(Span::styled(
                format!("{status}  "),
                self.theme.style(Tone::Warn),
            ));
        }
        let keys: Vec<(&Binding, String)> = keymap::bindings(self.ctx)
            .into_iter()
            .filter(|b| b.footer && !self.hide.contains(&b.action))
            .map(|b| (b, format!(" {} ", crate::i18n::tr(b.action.label_key()))))
            .collect();
        // when the keys do not fit, keep the first ones and always the help key
        let help = keys.iter().find(|(b, _)| b.action == Action::Help);
        let used: u16 = spans.iter().map(|s| s.width() as u16).sum();
        let mut room = area
            .width
            .saturating_sub(used)
            .saturating_sub(help.map(|(b, l)| width(b, l)).unwrap_or(0));
        for (b, label) in &keys {
            if b.action == Action::Help {
                continue;
            }
            let w = width(b, label);
            if w > room {
                break;
            }
            room -= w;
            spans.push(Span::styled(b.shown.as_str(), self.theme.style(Tone::Key)));
            spans.push(Span::raw(label.clone()));
        }
        if let Some((b, label)) = help {
            spans.push(Span::styled(b.shown.as_str(), self.theme.style(Tone::Key)));
            spans.push(Span::raw(label.clone()));
        }
        Line::from(spans).render(area, buf);
    }
}
