//! The review list: visits filtered by rep (`e`), status (`t`), period (`p`)
//! and store (`/`, typed); Enter opens a visit read-only. A rep's list holds
//! only their own visits (the loader never gives it others).

use crate::domain::review::ReviewStatus;
use crate::i18n;
use crate::keymap::{Action, KeyContext};
use crate::screens::Effect;
use crate::t;
use crate::ui::{Edit, TextInput};
use crate::ui::{Theme, Tone};
use chrono::{Duration, NaiveDate};
use crossterm::event::KeyEvent;
use ratatui::prelude::*;
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};
use ulid::Ulid;

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    pub id: Ulid,
    pub date: NaiveDate,
    pub rep: String,
    pub store_code: String,
    pub store_name: String,
    pub status: ReviewStatus,
    pub comments: usize,
    /// The store is at risk of stopping buying (docs/loyalty.md).
    pub at_risk: bool,
}

/// Periods `p` cycles through (days back from today; None: all).
const PERIODS: [Option<i64>; 4] = [Some(7), Some(28), Some(91), None];

pub struct ReviewListScreen {
    rows: Vec<ReviewRow>,
    today: NaiveDate,
    /// Reps the `e` filter cycles through (empty: a rep sees only their own).
    reps: Vec<String>,
    pub rep: Option<String>,
    pub status: Option<ReviewStatus>,
    pub period: Option<i64>,
    pub query: TextInput,
    pub typing: bool,
    visible: Vec<usize>,
    pub selected: usize,
    pub theme: Theme,
}

impl ReviewListScreen {
    pub fn new(
        rows: Vec<ReviewRow>,
        reps: Vec<String>,
        today: NaiveDate,
        rep: Option<String>,
        theme: Theme,
    ) -> Self {
        let mut s = Self {
            rows,
            today,
            reps,
            rep,
            status: None,
            period: Some(28),
            query: TextInput::new(),
            typing: false,
            visible: vec![],
            selected: 0,
            theme,
        };
        s.refilter();
        s
    }

    /// Shows the `days` ending on `to` (the dashboard's period).
    pub fn set_period(&mut self, to: NaiveDate, days: i64) {
        self.today = to;
        self.period = Some(days.max(1));
        self.refilter();
    }

    /// New rows from storage (after a review or comment), filters kept.
    pub fn reload(&mut self, rows: Vec<ReviewRow>) {
        let id = self.current().map(|r| r.id);
        self.rows = rows;
        self.refilter();
        if let Some(id) = id
            && let Some(i) = self.visible.iter().position(|i| self.rows[*i].id == id)
        {
            self.selected = i;
        }
    }

    fn refilter(&mut self) {
        let from = self.period.map(|d| self.today - Duration::days(d - 1));
        let q = self.query.to_lowercase();
        self.visible = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                self.rep.as_ref().is_none_or(|x| *x == r.rep)
                    && self.status.is_none_or(|s| s == r.status)
                    && from.is_none_or(|f| r.date >= f)
                    && (q.is_empty()
                        || r.store_name.to_lowercase().contains(&q)
                        || r.store_code.to_lowercase().contains(&q))
            })
            .map(|(i, _)| i)
            .collect();
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
    }

    pub fn current(&self) -> Option<&ReviewRow> {
        self.visible
            .get(self.selected)
            .and_then(|i| self.rows.get(*i))
    }

    pub fn visible(&self) -> impl Iterator<Item = &ReviewRow> {
        self.visible.iter().filter_map(|i| self.rows.get(*i))
    }

    pub fn context(&self) -> KeyContext {
        if self.typing {
            KeyContext::ReviewListTyping
        } else {
            KeyContext::ReviewList
        }
    }

    /// Printable keys while typing a store filter; true when taken.
    pub fn type_key(&mut self, key: KeyEvent) -> bool {
        if !self.typing {
            return false;
        }
        match self.query.handle(key) {
            Edit::Changed => {}
            Edit::Moved => return true,
            Edit::Ignored => return false,
        }
        self.refilter();
        true
    }

    fn cycle<T: Clone + PartialEq>(options: &[T], current: &Option<T>) -> Option<T> {
        match current {
            None => options.first().cloned(),
            Some(c) => {
                let i = options.iter().position(|o| o == c);
                i.and_then(|i| options.get(i + 1).cloned())
            }
        }
    }

    pub fn handle(&mut self, action: Action) -> Option<Effect> {
        let len = self.visible.len();
        if self.typing {
            match action {
                Action::Open => self.typing = false,
                Action::Back => {
                    self.typing = false;
                    self.query.clear();
                    self.refilter();
                }
                _ => {}
            }
            return Some(Effect::None);
        }
        if let Some(i) = super::moved(action, self.selected, len) {
            self.selected = i;
            return Some(Effect::None);
        }
        match action {
            Action::Open => {
                if let Some(r) = self.current() {
                    return Some(Effect::OpenVisit(r.id));
                }
            }
            Action::FilterStatus => {
                self.status = Self::cycle(&ReviewStatus::ALL, &self.status);
                self.refilter();
            }
            Action::FilterRep if !self.reps.is_empty() => {
                self.rep = Self::cycle(&self.reps, &self.rep);
                self.refilter();
            }
            Action::PeriodLonger => {
                let i = PERIODS.iter().position(|p| *p == self.period).unwrap_or(0);
                self.period = PERIODS[(i + 1) % PERIODS.len()];
                self.refilter();
            }
            Action::Search => self.typing = true,
            Action::Dashboard => return Some(Effect::OpenDashboard),
            _ => return None,
        }
        Some(Effect::None)
    }

    fn filters_line(&self) -> Line<'static> {
        let th = self.theme;
        let all = t!("review-all");
        let period = match self.period {
            Some(d) => t!("review-last-days", days = d),
            None => all.clone(),
        };
        let mut spans = vec![
            Span::styled(format!("{} ", t!("review-rep")), th.style(Tone::Muted)),
            Span::raw(self.rep.clone().unwrap_or_else(|| all.clone())),
            Span::styled(format!("  {} ", t!("col-status")), th.style(Tone::Muted)),
            Span::raw(
                self.status
                    .map(|s| t!(&format!("review-status-{}", s.key())))
                    .unwrap_or_else(|| all.clone()),
            ),
            Span::styled(format!("  {} ", t!("review-period")), th.style(Tone::Muted)),
            Span::raw(period),
            Span::styled(format!("  {} ", t!("col-store")), th.style(Tone::Muted)),
        ];
        if self.typing {
            spans.push(Span::styled(self.query.shown(true), th.style(Tone::Key)));
        } else {
            spans.push(Span::raw(if self.query.is_empty() {
                all
            } else {
                self.query.to_string()
            }));
        }
        Line::from(spans)
    }
}

fn status_role(s: ReviewStatus) -> Tone {
    match s {
        ReviewStatus::Open => Tone::Muted,
        ReviewStatus::Submitted => Tone::Warn,
        ReviewStatus::Amended => Tone::Danger,
        ReviewStatus::Reviewed => Tone::Ok,
    }
}

impl Widget for &ReviewListScreen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let block = crate::ui::framed(t!("review-title", count = self.visible.len()), th);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let [filters, table_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        Paragraph::new(self.filters_line()).render(filters, buf);
        if self.visible.is_empty() {
            Line::styled(t!("review-empty"), th.style(Tone::Muted)).render(table_area, buf);
            return;
        }
        let header = Row::new([
            Cell::from(t!("review-date")),
            Cell::from(t!("review-rep")),
            Cell::from(t!("col-store")),
            Cell::from(t!("col-status")),
            Cell::from(t!("review-comments")),
        ])
        .style(th.style(Tone::Muted));
        let rows = self.visible().map(|r| {
            Row::new([
                Cell::from(i18n::date(r.date)),
                Cell::from(r.rep.clone()),
                Cell::from(if r.at_risk {
                    Line::from(vec![
                        Span::styled(t!("review-at-risk"), th.style(Tone::Danger)),
                        Span::raw(format!(" {} {}", r.store_code, r.store_name)),
                    ])
                } else {
                    Line::raw(format!("{} {}", r.store_code, r.store_name))
                }),
                Cell::from(Span::styled(
                    t!(&format!("review-status-{}", r.status.key())),
                    th.style(status_role(r.status)),
                )),
                Cell::from(if r.comments > 0 {
                    r.comments.to_string()
                } else {
                    String::new()
                }),
            ])
        });
        let table = Table::new(
            rows,
            [
                Constraint::Length(11),
                Constraint::Length(5),
                Constraint::Fill(1),
                Constraint::Length(11),
                Constraint::Length(4),
            ],
        )
        .header(header)
        .row_highlight_style(th.style(Tone::Selected));
        let mut state = TableState::default().with_selected(Some(self.selected));
        StatefulWidget::render(table, table_area, buf, &mut state);
    }
}

delegate_screen!(ReviewListScreen, typed);
