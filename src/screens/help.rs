//! The `?` overlay: every key of the current screen, from its keymap.

use crate::keymap::{self, KeyContext};
use crate::t;
use crate::ui::{Theme, Tone, popup};
use ratatui::prelude::*;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub struct HelpOverlay {
    /// The screen whose keys are listed.
    pub for_ctx: KeyContext,
    pub theme: Theme,
    /// Keys that do not apply right now.
    pub hide: Vec<crate::keymap::Action>,
}

impl Widget for &HelpOverlay {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let bindings = keymap::bindings(self.for_ctx);
        let lines: Vec<Line> = bindings
            .iter()
            .filter(|b| !self.hide.contains(&b.action))
            .map(|b| {
                Line::from(vec![
                    Span::styled(format!("{:>8}  ", b.shown), th.style(Tone::Key)),
                    Span::raw(t!(b.action.label_key())),
                ])
            })
            .collect();
        // too many keys for one column: flow them into as many columns as needed
        const COLUMN: u16 = 40;
        let rows = (area.height.saturating_sub(2)).max(1) as usize;
        let columns = lines.len().div_ceil(rows).max(1);
        let height = lines.len().min(rows) as u16 + 2;
        let rect = popup::centered(area, COLUMN * columns as u16 + 2, height);
        Clear.render(rect, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(th.style(Tone::Title))
            .title(t!("help-title"));
        let inner = block.inner(rect);
        block.render(rect, buf);
        let mut chunks = lines.chunks(rows);
        for col in 0..columns as u16 {
            let Some(chunk) = chunks.next() else { break };
            let x = inner.x.saturating_add(col * COLUMN);
            if x >= inner.right() {
                break;
            }
            let cell = Rect {
                x,
                y: inner.y,
                width: COLUMN.min(inner.right() - x),
                height: inner.height,
            };
            Paragraph::new(chunk.to_vec()).render(cell, buf);
        }
    }
}
