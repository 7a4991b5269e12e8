//! Today's route for a rep: stores in visit order, overdue ones marked.

use super::moved;
use crate::i18n;
use crate::t;
use crate::tui::{Action, Effect, KeyContext};
use crate::ui::{Role, Theme};
use chrono::NaiveDate;
use ratatui::prelude::*;
use ratatui::widgets::{Block, Borders, Cell, Row, Table, TableState};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct RouteRow {
    pub code: String,
    pub name: String,
    pub city: String,
    pub last_visit: Option<NaiveDate>,
    pub overdue_days: Option<i64>,
    pub planned_today: bool,
    /// Returns not written off in time (flagged on the route).
    pub returns_flagged: usize,
    /// Sent orders delivered below the fill-rate setting (chase them).
    pub orders_to_chase: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct RouteView {
    pub today: NaiveDate,
    pub rep_name: Option<String>,
    pub rows: Vec<RouteRow>,
    /// Records made on this device and not in a sync bundle yet (capped: see
    /// `OUTBOX_CAP`); shown only when something waits.
    pub outbox: usize,
}

/// The route screen counts the outbox up to here ("1000+"): counting a huge
/// change log must not slow the first frame (about 1 µs per record).
pub const OUTBOX_CAP: usize = 1_000;

pub struct RouteScreen {
    pub view: RouteView,
    pub selected: usize,
    pub theme: Theme,
}

impl RouteScreen {
    pub fn new(view: RouteView, theme: Theme) -> Self {
        Self {
            view,
            selected: 0,
            theme,
        }
    }

    /// Replaces the data but keeps the cursor on the same store if it is still there.
    pub fn reload(&mut self, view: RouteView) {
        let code = self.view.rows.get(self.selected).map(|r| r.code.clone());
        self.view = view;
        self.selected = code
            .and_then(|c| self.view.rows.iter().position(|r| r.code == c))
            .unwrap_or(0);
    }

    pub fn context(&self) -> KeyContext {
        KeyContext::Route
    }

    pub fn handle(&mut self, action: Action) -> Effect {
        if let Some(selected) = moved(action, self.selected, self.view.rows.len()) {
            self.selected = selected;
            return Effect::None;
        }
        match action {
            Action::Open => {
                if let Some(row) = self.view.rows.get(self.selected) {
                    return Effect::OpenStore(row.code.clone());
                }
            }
            Action::StartVisit => {
                if let Some(row) = self.view.rows.get(self.selected) {
                    return Effect::StartVisit(row.code.clone());
                }
            }
            Action::Order => {
                if let Some(row) = self.view.rows.get(self.selected) {
                    return Effect::OpenOrder(row.code.clone());
                }
            }
            Action::Search => return Effect::OpenStoreList { search: true },
            Action::StoreList => return Effect::OpenStoreList { search: false },
            Action::NextRep => return Effect::SwitchRep(1),
            Action::PrevRep => return Effect::SwitchRep(-1),
            Action::Dashboard => return Effect::OpenDashboard,
            Action::Review => return Effect::OpenReview,
            Action::Help => return Effect::Help,
            Action::Quit | Action::Back => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }

    fn status(&self, row: &RouteRow) -> (String, Role) {
        match row.overdue_days {
            Some(days) => (t!("route-overdue", days = days), Role::Danger),
            None if row.planned_today => (t!("route-planned"), Role::Ok),
            None => (String::new(), Role::Muted),
        }
        .flag("route-returns-flagged", row.returns_flagged)
        .flag("route-orders-chase", row.orders_to_chase)
    }
}

impl Widget for &RouteScreen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let rep = self
            .view
            .rep_name
            .clone()
            .unwrap_or_else(|| t!("route-no-rep"));
        let title = t!(
            "route-title",
            weekday = i18n::weekday(self.view.today),
            date = i18n::date(self.view.today),
            rep = rep
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(th.style(Role::Border))
            .title(Span::styled(title, th.style(Role::Title)));
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let [table_area, summary_area] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);

        if self.view.rows.is_empty() {
            Line::styled(t!("route-empty"), th.style(Role::Muted)).render(table_area, buf);
        } else {
            // narrow terminals keep the store and its status, then add columns
            let wide = table_area.width >= 60;
            let date_w = t!("col-last-visit").chars().count().max(10) as u16;
            let mut header = vec![Cell::from("#"), Cell::from(t!("col-store"))];
            let mut widths = vec![Constraint::Length(3), Constraint::Fill(3)];
            if wide {
                header.push(Cell::from(t!("col-city")));
                header.push(Cell::from(t!("col-last-visit")));
                widths.push(Constraint::Fill(1));
                widths.push(Constraint::Length(date_w));
            }
            header.push(Cell::from(t!("col-status")));
            widths.push(Constraint::Length(if wide { 20 } else { 12 }));
            let header = Row::new(header).style(th.style(Role::Muted));
            let height = table_area.height.saturating_sub(1) as usize;
            let offset = crate::ui::scroll_offset(self.selected, self.view.rows.len(), height);
            let rows = self
                .view
                .rows
                .iter()
                .enumerate()
                .skip(offset)
                .take(height)
                .map(|(i, r)| {
                    let (status, role) = self.status(r);
                    let mut cells =
                        vec![Cell::from(format!("{}", i + 1)), Cell::from(r.name.clone())];
                    if wide {
                        let last = r.last_visit.map(i18n::date).unwrap_or_else(|| t!("never"));
                        cells.push(Cell::from(r.city.clone()));
                        cells.push(Cell::from(last));
                    }
                    cells.push(Cell::from(Span::styled(status, th.style(role))));
                    Row::new(cells)
                });
            let table = Table::new(rows, widths)
                .header(header)
                .row_highlight_style(th.style(Role::Selected));
            let mut state = TableState::default().with_selected(Some(self.selected - offset));
            StatefulWidget::render(table, table_area, buf, &mut state);
        }
        let overdue = self
            .view
            .rows
            .iter()
            .filter(|r| r.overdue_days.is_some())
            .count();
        let mut summary = Line::from(vec![
            Span::raw(t!("route-stops", count = self.view.rows.len())),
            Span::raw(" · "),
            Span::styled(
                t!("route-overdue-count", count = overdue),
                th.style(if overdue > 0 {
                    Role::Danger
                } else {
                    Role::Muted
                }),
            ),
        ]);
        if self.view.outbox > 0 {
            let shown = if self.view.outbox >= OUTBOX_CAP {
                format!("{OUTBOX_CAP}+")
            } else {
                self.view.outbox.to_string()
            };
            summary.push_span(Span::raw(" · "));
            summary.push_span(Span::styled(
                t!("outbox", count = self.view.outbox, shown = shown),
                th.style(Role::Warn),
            ));
        }
        summary.render(summary_area, buf);
    }
}

trait Flag {
    fn flag(self, key: &str, count: usize) -> Self;
}

impl Flag for (String, Role) {
    /// Adds a flag ("⚑ 2 returns", "⚠ 1 order to chase") to a store's status.
    fn flag(self, key: &str, count: usize) -> Self {
        if count == 0 {
            return self;
        }
        let flag = t!(key, count = count);
        // first, so a narrow status column still shows it
        let text = if self.0.is_empty() {
            flag
        } else {
            format!("{flag} {}", self.0)
        };
        (text, Role::Danger)
    }
}
