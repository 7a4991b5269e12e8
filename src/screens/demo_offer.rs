//! First start with an empty data directory: offer the demo dataset.

use crate::t;
use crate::ui::{Theme, Tone, popup};
use ratatui::prelude::*;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

pub struct DemoOffer {
    pub theme: Theme,
}

impl Widget for &DemoOffer {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let rect = popup::centered(area, 56, 8);
        Clear.render(rect, buf);
        let lines = vec![
            Line::raw(t!("demo-offer-text")),
            Line::raw(""),
            Line::from(vec![
                Span::styled("y", self.theme.style(Tone::Key)),
                Span::raw(format!(" {}   ", t!("demo-offer-yes"))),
                Span::styled("n", self.theme.style(Tone::Key)),
                Span::raw(format!(" {}", t!("demo-offer-no"))),
            ]),
        ];
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(self.theme.style(Tone::Title))
                    .title(t!("demo-offer-title")),
            )
            .render(rect, buf);
    }
}
