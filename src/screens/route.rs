//! Today's route for a rep: stores in visit order, overdue ones marked.

use super::moved;
use crate::domain::route_plan::{Candidate, DayPlan, NotFitting, Params, clock_text, follow};
use crate::i18n;
use crate::keymap::{Action, KeyContext};
use crate::screens::Effect;
use crate::t;
use crate::ui::{Theme, Tone};
use chrono::NaiveDate;
use ratatui::prelude::*;
use ratatui::widgets::{Cell, Row, Table, TableState};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct RouteRow {
    pub code: String,
    pub name: String,
    pub city: String,
    pub last_visit: Option<NaiveDate>,
    pub overdue_days: Option<i64>,
    pub planned_today: bool,
    /// A visit is open there now (checked in, not submitted).
    pub in_progress: bool,
    /// Returns not written off in time (flagged on the route).
    pub returns_flagged: usize,
    /// Sent orders delivered below the fill-rate setting (chase them).
    pub orders_to_chase: usize,
    /// The store's buying slows against its rhythm (docs/loyalty.md).
    pub at_risk: bool,
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

/// The day's drive as planned (or moved by hand since).
#[derive(Debug, Clone, PartialEq)]
pub struct RoutePlanView {
    /// The planned stops in order (what a move by hand reorders).
    pub order: Vec<Candidate>,
    pub params: Params,
    pub plan: DayPlan,
}

impl RoutePlanView {
    pub fn new(order: Vec<Candidate>, params: Params, plan: DayPlan) -> Self {
        Self {
            order,
            params,
            plan,
        }
    }

    fn stop(&self, code: &str) -> Option<(usize, &crate::domain::route_plan::Stop)> {
        self.plan
            .stops
            .iter()
            .enumerate()
            .find(|(_, s)| s.code == code)
    }

    fn not_fitting(&self, code: &str) -> Option<NotFitting> {
        self.plan
            .not_fitting
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, w)| *w)
    }

    /// Moves a stop by `delta` places and recomputes times and km along the new order.
    fn shift(&mut self, code: &str, delta: isize) -> bool {
        let Some(i) = self.order.iter().position(|c| c.code == code) else {
            return false;
        };
        let j = i as isize + delta;
        if j < 0 || j as usize >= self.order.len() {
            return false;
        }
        self.order.swap(i, j as usize);
        let not_fitting = std::mem::take(&mut self.plan.not_fitting);
        self.plan = follow(&self.order, &self.params);
        self.plan.not_fitting = not_fitting;
        true
    }
}

pub struct RouteScreen {
    pub view: RouteView,
    pub selected: usize,
    pub theme: Theme,
    /// The day's plan, once `p` made one.
    pub plan: Option<RoutePlanView>,
    /// Stores the rep skipped today (left out of the next re-plan).
    pub skipped: Vec<String>,
    /// The map instead of the list.
    pub map: bool,
}

impl RouteScreen {
    pub fn new(view: RouteView, theme: Theme) -> Self {
        Self {
            view,
            selected: 0,
            theme,
            plan: None,
            skipped: Vec::new(),
            map: false,
        }
    }

    /// Replaces the data but keeps the cursor on the same store if it is still there.
    pub fn reload(&mut self, view: RouteView) {
        let code = self.view.rows.get(self.selected).map(|r| r.code.clone());
        if view.rep_name != self.view.rep_name || view.today != self.view.today {
            // another rep's route: their own plan
            self.plan = None;
            self.skipped.clear();
        }
        self.view = view;
        self.arrange();
        self.selected = code
            .and_then(|c| self.view.rows.iter().position(|r| r.code == c))
            .unwrap_or(0);
    }

    /// Shows a new plan: the rows in its order.
    pub fn set_plan(&mut self, plan: Option<RoutePlanView>) {
        let code = self.view.rows.get(self.selected).map(|r| r.code.clone());
        self.plan = plan;
        self.arrange();
        self.selected = code
            .and_then(|c| self.view.rows.iter().position(|r| r.code == c))
            .unwrap_or(0);
    }

    /// Rows in the plan's order: planned stops, then those not fitting, then
    /// the rest (visited today, skipped) in their route order.
    fn arrange(&mut self) {
        let Some(plan) = &self.plan else { return };
        let skipped = &self.skipped;
        let rank = |r: &RouteRow| -> (usize, usize) {
            if skipped.contains(&r.code) {
                return (3, 0);
            }
            match plan.stop(&r.code) {
                Some((i, _)) => (0, i),
                None if plan.not_fitting(&r.code).is_some() => (1, 0),
                None => (2, 0),
            }
        };
        // a stable sort keeps the route order within each group
        self.view.rows.sort_by_key(|r| rank(r));
    }

    /// Where the rep is: the store with a visit open, else the last store
    /// visited today in the order shown.
    fn position(&self) -> Option<String> {
        let rows = &self.view.rows;
        rows.iter()
            .find(|r| r.in_progress)
            .or_else(|| {
                rows.iter()
                    .rev()
                    .find(|r| r.last_visit == Some(self.view.today))
            })
            .map(|r| r.code.clone())
    }

    fn move_selected(&mut self, delta: isize) {
        let Some(code) = self.view.rows.get(self.selected).map(|r| r.code.clone()) else {
            return;
        };
        match &mut self.plan {
            Some(plan) if plan.order.iter().any(|c| c.code == code) => {
                if plan.shift(&code, delta) {
                    self.arrange();
                }
            }
            _ => {
                // without a plan the list itself is reordered
                let j = self.selected as isize + delta;
                if j >= 0 && (j as usize) < self.view.rows.len() {
                    self.view.rows.swap(self.selected, j as usize);
                }
            }
        }
        self.selected = self
            .view
            .rows
            .iter()
            .position(|r| r.code == code)
            .unwrap_or(self.selected);
    }

    pub fn context(&self) -> KeyContext {
        KeyContext::Route
    }

    pub fn handle(&mut self, action: Action) -> Option<Effect> {
        if let Some(selected) = moved(action, self.selected, self.view.rows.len()) {
            self.selected = selected;
            return Some(Effect::None);
        }
        match action {
            Action::Open => {
                if let Some(row) = self.view.rows.get(self.selected) {
                    return Some(Effect::OpenStore(row.code.clone()));
                }
            }
            Action::StartVisit => {
                if let Some(row) = self.view.rows.get(self.selected) {
                    return Some(Effect::StartVisit(row.code.clone()));
                }
            }
            Action::Order => {
                if let Some(row) = self.view.rows.get(self.selected) {
                    return Some(Effect::OpenOrder(row.code.clone()));
                }
            }
            Action::Replan => {
                return Some(Effect::PlanRoute {
                    skipped: self.skipped.clone(),
                    from_store: self.position(),
                });
            }
            Action::Skip => {
                if let Some(row) = self.view.rows.get(self.selected) {
                    let code = row.code.clone();
                    let key = if let Some(i) = self.skipped.iter().position(|c| *c == code) {
                        self.skipped.remove(i);
                        "route-skip-cleared"
                    } else {
                        self.skipped.push(code.clone());
                        "route-skip-marked"
                    };
                    return Some(Effect::Status(t!(key, store = row.name.clone())));
                }
            }
            Action::MoveUp => self.move_selected(-1),
            Action::MoveDown => self.move_selected(1),
            Action::ToggleMap => self.map = !self.map,
            Action::Search => return Some(Effect::OpenStoreList { search: true }),
            Action::StoreList => return Some(Effect::OpenStoreList { search: false }),
            Action::ContactPlan => return Some(Effect::OpenContactPlan),
            Action::NextRep => return Some(Effect::SwitchRep(1)),
            Action::PrevRep => return Some(Effect::SwitchRep(-1)),
            Action::Dashboard => return Some(Effect::OpenDashboard),
            Action::Review => return Some(Effect::OpenReview),
            _ => return None,
        }
        Some(Effect::None)
    }

    fn status(&self, row: &RouteRow) -> (String, Tone) {
        if self.skipped.contains(&row.code) {
            return (t!("route-skipped"), Tone::Muted);
        }
        if let Some(plan) = &self.plan {
            if let Some(why) = plan.not_fitting(&row.code) {
                let key = match why {
                    NotFitting::Closed(_) => "route-closed",
                    NotFitting::ClosesBeforeReach => "route-closes-before",
                    NotFitting::OpensAfterDay => "route-opens-late",
                    NotFitting::TooFar => "route-too-far",
                    NotFitting::DayFull => "route-day-full",
                };
                return (t!(key), Tone::Warn);
            }
            match plan.stop(&row.code) {
                Some((_, stop)) if stop.late => return (t!("route-late"), Tone::Danger),
                Some((_, stop)) if stop.at.is_none() => {
                    return (t!("route-no-coordinates"), Tone::Muted);
                }
                _ => {}
            }
        }
        match row.overdue_days {
            _ if row.in_progress => (t!("route-in-progress"), Tone::Warn),
            Some(days) => (t!("route-overdue", days = days), Tone::Danger),
            None if row.planned_today => (t!("route-planned"), Tone::Ok),
            None => (String::new(), Tone::Muted),
        }
        .flag("route-returns-flagged", row.returns_flagged)
        .flag("route-orders-chase", row.orders_to_chase)
        .flag("route-at-risk", usize::from(row.at_risk))
    }
}

impl Widget for &RouteScreen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if self.map {
            super::route_map::render(self, area, buf);
            return;
        }
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
        let block = crate::ui::framed(title, th);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let [table_area, summary_area] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);

        if self.view.rows.is_empty() {
            Line::styled(t!("route-empty"), th.style(Tone::Muted)).render(table_area, buf);
        } else {
            // narrow terminals keep the store and its status, then add columns
            let wide = table_area.width >= 60;
            let planned = self.plan.as_ref();
            let date_w = t!("col-last-visit").chars().count().max(10) as u16;
            let arrive_w = t!("col-arrive").chars().count().max(5) as u16;
            let mut header = vec![Cell::from("#"), Cell::from(t!("col-store"))];
            let mut widths = vec![Constraint::Length(3), Constraint::Fill(3)];
            if planned.is_some() {
                header.push(Cell::from(t!("col-arrive")));
                header.push(Cell::from(Line::from(t!("col-km")).right_aligned()));
                widths.push(Constraint::Length(arrive_w));
                widths.push(Constraint::Length(6));
                if wide {
                    header.push(Cell::from(t!("col-city")));
                    widths.push(Constraint::Fill(1));
                }
            } else if wide {
                header.push(Cell::from(t!("col-city")));
                header.push(Cell::from(t!("col-last-visit")));
                widths.push(Constraint::Fill(1));
                widths.push(Constraint::Length(date_w));
            }
            header.push(Cell::from(t!("col-status")));
            widths.push(Constraint::Length(if wide { 20 } else { 12 }));
            let header = Row::new(header).style(th.style(Tone::Muted));
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
                    if let Some(plan) = planned {
                        let stop = plan.stop(&r.code).map(|(_, s)| s);
                        let arrive = stop
                            .and_then(|s| s.arrive)
                            .map(clock_text)
                            .unwrap_or_else(|| "-".into());
                        let km = stop
                            .and_then(|s| s.km_from_previous)
                            .map(|k| format!("{k:.1}"))
                            .unwrap_or_else(|| "-".into());
                        cells.push(Cell::from(arrive));
                        cells.push(Cell::from(Line::from(km).right_aligned()));
                        if wide {
                            cells.push(Cell::from(r.city.clone()));
                        }
                    } else if wide {
                        let last = r.last_visit.map(i18n::date).unwrap_or_else(|| t!("never"));
                        cells.push(Cell::from(r.city.clone()));
                        cells.push(Cell::from(last));
                    }
                    cells.push(Cell::from(Span::styled(status, th.style(role))));
                    Row::new(cells)
                });
            let table = Table::new(rows, widths)
                .header(header)
                .row_highlight_style(th.style(Tone::Selected));
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
                    Tone::Danger
                } else {
                    Tone::Muted
                }),
            ),
        ]);
        if let Some(plan) = &self.plan
            && let Some(back) = plan.plan.back
        {
            summary.push_span(Span::raw(" · "));
            summary.push_span(Span::styled(
                t!(
                    "route-plan-summary",
                    km = format!("{:.1}", plan.plan.total_km),
                    back = clock_text(back)
                ),
                th.style(Tone::Ok),
            ));
        }
        if self.view.outbox > 0 {
            let shown = if self.view.outbox >= OUTBOX_CAP {
                format!("{OUTBOX_CAP}+")
            } else {
                self.view.outbox.to_string()
            };
            summary.push_span(Span::raw(" · "));
            summary.push_span(Span::styled(
                t!("outbox", count = self.view.outbox, shown = shown),
                th.style(Tone::Warn),
            ));
        }
        summary.render(summary_area, buf);
    }
}

trait Flag {
    fn flag(self, key: &str, count: usize) -> Self;
}

impl Flag for (String, Tone) {
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
        (text, Tone::Danger)
    }
}

delegate_screen!(RouteScreen);
