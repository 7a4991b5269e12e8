//! One visit, read-only: its header, all its parts, its amendment history,
//! reviews and comments. A supervisor adds a comment (`c`, typed) or marks
//! it reviewed (`a`, confirmed); a rep reads the comments on their visit.

use crate::domain::review::ReviewStatus;
use crate::i18n;
use crate::keymap::{Action, KeyContext};
use crate::screens::Effect;
use crate::t;
use crate::ui::{Theme, Tone, popup};
use chrono::{DateTime, NaiveDate, Utc};
use crossterm::event::KeyEvent;
use ratatui::prelude::*;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ulid::Ulid;

#[derive(Debug, Clone, PartialEq)]
pub struct VisitDetailView {
    pub id: Ulid,
    pub store: String,
    pub rep: String,
    pub date: NaiveDate,
    pub checked_in: DateTime<Utc>,
    pub submitted: Option<DateTime<Utc>>,
    pub status: ReviewStatus,
    /// The visit's parts (audit, expiry, returns...), one line each, by section.
    pub parts: Vec<(String, Vec<String>)>,
    /// Amendments, oldest first: when, who, what changed.
    pub amendments: Vec<String>,
    /// Reviews: who, when.
    pub reviews: Vec<(String, DateTime<Utc>)>,
    /// Comments: who, when, text.
    pub comments: Vec<(String, DateTime<Utc>, String)>,
    /// The viewer may comment and mark reviewed.
    pub can_review: bool,
}

pub struct VisitDetailScreen {
    pub view: VisitDetailView,
    pub scroll: u16,
    /// A comment being typed.
    pub comment: Option<crate::ui::TextInput>,
    pub confirming: bool,
    pub theme: Theme,
}

fn when(t: DateTime<Utc>) -> String {
    t.with_timezone(&chrono::Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

impl VisitDetailScreen {
    pub fn new(view: VisitDetailView, theme: Theme) -> Self {
        Self {
            view,
            scroll: 0,
            comment: None,
            confirming: false,
            theme,
        }
    }

    pub fn reload(&mut self, view: VisitDetailView) {
        self.view = view;
    }

    pub fn context(&self) -> KeyContext {
        if self.comment.is_some() {
            KeyContext::VisitDetailTyping
        } else if self.confirming {
            KeyContext::Confirm
        } else {
            KeyContext::VisitDetail
        }
    }

    /// Printable keys while typing a comment; true when taken.
    pub fn type_key(&mut self, key: KeyEvent) -> bool {
        let Some(text) = &mut self.comment else {
            return false;
        };
        text.handle(key).taken()
    }

    pub fn handle(&mut self, action: Action) -> Option<Effect> {
        if let Some(text) = &self.comment {
            match action {
                Action::Open => {
                    let text = text.trim().to_string();
                    self.comment = None;
                    if !text.is_empty() {
                        return Some(Effect::AddComment(self.view.id, text));
                    }
                }
                Action::Back => self.comment = None,
                _ => {}
            }
            return Some(Effect::None);
        }
        if self.confirming {
            self.confirming = false;
            if action == Action::Yes {
                return Some(Effect::MarkReviewed(self.view.id));
            }
            return Some(Effect::None);
        }
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10),
            Action::Top => self.scroll = 0,
            Action::Comment if self.view.can_review => {
                self.comment = Some(crate::ui::TextInput::new().max_chars(500))
            }
            Action::ApproveVisit if self.view.can_review => self.confirming = true,
            Action::Comment | Action::ApproveVisit => {
                return Some(Effect::Status(t!("error-supervisors-only")));
            }
            _ => return None,
        }
        Some(Effect::None)
    }

    fn lines(&self) -> Vec<Line<'static>> {
        let th = self.theme;
        let v = &self.view;
        let head = |s: String| Line::styled(s, th.style(Tone::Title));
        let mut out = vec![
            Line::from(vec![
                Span::styled(format!("{}: ", t!("col-store")), th.style(Tone::Muted)),
                Span::raw(v.store.clone()),
            ]),
            Line::from(vec![
                Span::styled(format!("{}: ", t!("review-rep")), th.style(Tone::Muted)),
                Span::raw(v.rep.clone()),
            ]),
            Line::from(vec![
                Span::styled(format!("{}: ", t!("review-date")), th.style(Tone::Muted)),
                Span::raw(format!(
                    "{}  {} {}  {} {}",
                    i18n::date(v.date),
                    t!("review-checked-in"),
                    when(v.checked_in),
                    t!("review-submitted-at"),
                    v.submitted.map(when).unwrap_or_else(|| "—".into())
                )),
            ]),
            Line::from(vec![
                Span::styled(format!("{}: ", t!("col-status")), th.style(Tone::Muted)),
                Span::raw(t!(&format!("review-status-{}", v.status.key()))),
            ]),
        ];
        for (section, lines) in &v.parts {
            out.push(Line::raw(""));
            out.push(head(section.clone()));
            if lines.is_empty() {
                out.push(Line::styled(t!("review-nothing"), th.style(Tone::Muted)));
            }
            out.extend(lines.iter().map(|l| Line::raw(format!("  {l}"))));
        }
        out.push(Line::raw(""));
        out.push(head(t!("review-amendments")));
        if v.amendments.is_empty() {
            out.push(Line::styled(t!("review-nothing"), th.style(Tone::Muted)));
        }
        out.extend(v.amendments.iter().map(|a| Line::raw(format!("  {a}"))));
        out.push(Line::raw(""));
        out.push(head(t!("review-reviews")));
        if v.reviews.is_empty() {
            out.push(Line::styled(t!("review-not-yet"), th.style(Tone::Muted)));
        }
        for (by, at) in &v.reviews {
            out.push(Line::styled(
                format!(
                    "  ✓ {}",
                    t!("review-reviewed-by", by = by.clone(), at = when(*at))
                ),
                th.style(Tone::Ok),
            ));
        }
        out.push(Line::raw(""));
        out.push(head(t!("review-comments-title")));
        if v.comments.is_empty() {
            out.push(Line::styled(t!("review-nothing"), th.style(Tone::Muted)));
        }
        for (by, at, text) in &v.comments {
            out.push(Line::from(vec![
                Span::styled(format!("  {by} {}: ", when(*at)), th.style(Tone::Muted)),
                Span::raw(text.clone()),
            ]));
        }
        out
    }
}

impl Widget for &VisitDetailScreen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let block = crate::ui::framed(
            t!("review-visit-title", store = self.view.store.clone()),
            th,
        );
        Paragraph::new(self.lines())
            .wrap(Wrap { trim: false })
            .scroll((self.scroll, 0))
            .block(block)
            .render(area, buf);
        if let Some(text) = &self.comment {
            let rect = popup::centered(area, 60, 5);
            Clear.render(rect, buf);
            let (before, after) = text.split();
            Paragraph::new(Line::from(vec![
                Span::raw(before),
                Span::styled(crate::ui::text_input::CURSOR, th.style(Tone::Key)),
                Span::raw(after),
            ]))
            .wrap(Wrap { trim: false })
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(th.style(Tone::Title))
                    .title(t!("review-comment-prompt")),
            )
            .render(rect, buf);
        } else if self.confirming {
            let rect = popup::centered(area, 48, 3);
            Clear.render(rect, buf);
            Paragraph::new(t!("review-confirm"))
                .block(
                    Block::default()
                        .borders(Borders::ALL)
                        .border_style(th.style(Tone::Title)),
                )
                .render(rect, buf);
        }
    }
}

delegate_screen!(VisitDetailScreen, typed);
