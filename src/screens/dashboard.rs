//! The team dashboard: per rep (and the team) over a period: visit
//! compliance with a bar, overdue stores, OSA, price compliance, expired
//! batches, returns pending write-off, fill rate, draft acceptance, and a
//! sparkline of visits per day. Data comes from the kept day buckets.

use crate::domain::kpi::KpiRow;
use crate::i18n;
use crate::keymap::{Action, KeyContext};
use crate::screens::Effect;
use crate::t;
use crate::ui::{Theme, Tone};
use chrono::{Duration, NaiveDate};
use ratatui::prelude::*;
use ratatui::widgets::{Cell, Row, Table, TableState};

/// Period lengths `p` cycles through, in days.
pub const PERIODS: [i64; 3] = [7, 28, 91];

#[derive(Debug, Clone, PartialEq, Default)]
pub struct DashboardView {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Rows with the rep's name in `who`; the team last.
    pub rows: Vec<KpiRow>,
    pub team: Option<KpiRow>,
    /// Per rep (then the team): stores buying, at risk and lost as of `to`.
    pub retention: Vec<(String, crate::domain::loyalty::Retention)>,
}

pub struct DashboardScreen {
    pub view: DashboardView,
    pub selected: usize,
    pub theme: Theme,
}

fn pct(x: Option<f64>) -> String {
    x.map(|v| format!("{:.0}%", v * 100.0))
        .unwrap_or_else(|| "—".into())
}

fn bar(x: Option<f64>, width: usize) -> String {
    let Some(v) = x else {
        return " ".repeat(width);
    };
    let filled = ((v.clamp(0.0, 1.0) * width as f64).round()) as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// Visits per day as block characters, the period squeezed into `width`.
pub fn sparkline(values: &[u64], width: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    if values.is_empty() || width == 0 {
        return String::new();
    }
    let per = values.len().div_ceil(width);
    let sums: Vec<u64> = values.chunks(per).map(|c| c.iter().sum()).collect();
    let max = sums.iter().copied().max().unwrap_or(0).max(1);
    sums.iter()
        .map(|v| {
            if *v == 0 {
                ' '
            } else {
                BARS[((*v * 7) / max) as usize]
            }
        })
        .collect()
}

impl DashboardScreen {
    pub fn new(view: DashboardView, theme: Theme) -> Self {
        Self {
            view,
            selected: 0,
            theme,
        }
    }

    pub fn reload(&mut self, view: DashboardView) {
        self.view = view;
        self.selected = self.selected.min(self.view.rows.len().saturating_sub(1));
    }

    pub fn context(&self) -> KeyContext {
        KeyContext::Dashboard
    }

    fn days(&self) -> i64 {
        (self.view.to - self.view.from).num_days() + 1
    }

    pub fn handle(&mut self, action: Action) -> Option<Effect> {
        let len = self.view.rows.len();
        let days = self.days();
        match action {
            Action::Up | Action::Down | Action::Top | Action::Bottom => {
                self.selected = super::moved(action, self.selected, len).unwrap_or(0)
            }
            Action::PeriodLonger => {
                let next = PERIODS
                    .iter()
                    .copied()
                    .find(|p| *p > days)
                    .unwrap_or(PERIODS[0]);
                return Some(Effect::LoadDashboard {
                    to: self.view.to,
                    days: next,
                });
            }
            Action::PeriodBack => {
                return Some(Effect::LoadDashboard {
                    to: self.view.to - Duration::days(days),
                    days,
                });
            }
            Action::PeriodForward => {
                return Some(Effect::LoadDashboard {
                    to: self.view.to + Duration::days(days),
                    days,
                });
            }
            Action::Review => return Some(Effect::OpenReview),
            Action::Conflicts => return Some(Effect::OpenConflicts),
            _ => return None,
        }
        Some(Effect::None)
    }

    fn row<'a>(&self, r: &'a KpiRow, spark_width: usize, team: bool) -> Row<'a> {
        let th = self.theme;
        let c = &r.counts;
        let comp = r.compliance();
        let comp_role = match comp {
            Some(v) if v < 0.8 => Tone::Danger,
            Some(v) if v < 0.95 => Tone::Warn,
            Some(_) => Tone::Ok,
            None => Tone::Muted,
        };
        let style = if team {
            th.style(Tone::Title)
        } else {
            th.style(Tone::Normal)
        };
        Row::new([
            Cell::from(r.who.clone()),
            Cell::from(format!("{}/{}", c.visits, r.planned)),
            Cell::from(Span::styled(
                format!("{} {}", bar(comp, 8), pct(comp)),
                th.style(comp_role),
            )),
            Cell::from(Span::styled(
                r.overdue_stores.to_string(),
                th.style(if r.overdue_stores > 0 {
                    Tone::Danger
                } else {
                    Tone::Muted
                }),
            )),
            Cell::from(pct(c.osa())),
            Cell::from(pct(c.price_compliance())),
            Cell::from(c.expired_batches.to_string()),
            Cell::from(c.returns_pending.to_string()),
            // no delivery due yet: on its way, not a 0 % fill rate
            Cell::from(match c.fill_rate() {
                None if r.awaiting_lines > 0 => "⧗".to_string(),
                rate => pct(rate),
            }),
            Cell::from(pct(c.draft_acceptance())),
            Cell::from(sparkline(&r.daily, spark_width)),
        ])
        .style(style)
    }
}

impl DashboardScreen {
    fn render_retention(&self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let header = Row::new([
            Cell::from(t!("kpi-retention", date = i18n::date(self.view.to))),
            Cell::from(t!("kpi-buying")),
            Cell::from(t!("kpi-at-risk")),
            Cell::from(t!("kpi-lost")),
            Cell::from(t!("kpi-kept")),
        ])
        .style(th.style(Tone::Muted));
        let last = self.view.retention.len().saturating_sub(1);
        let rows = self.view.retention.iter().enumerate().map(|(i, (who, r))| {
            let style = if i == last && self.view.team.is_some() {
                th.style(Tone::Title)
            } else {
                th.style(Tone::Normal)
            };
            let count = |n: usize, tone: Tone| {
                Cell::from(Span::styled(
                    n.to_string(),
                    th.style(if n > 0 { tone } else { Tone::Muted }),
                ))
            };
            Row::new([
                Cell::from(who.clone()),
                Cell::from(r.buying.to_string()),
                count(r.at_risk, Tone::Warn),
                count(r.lost, Tone::Danger),
                Cell::from(pct(Some(r.retained))),
            ])
            .style(style)
        });
        let table = Table::new(
            rows,
            [
                Constraint::Fill(1),
                Constraint::Length(7),
                Constraint::Length(8),
                Constraint::Length(6),
                Constraint::Length(6),
            ],
        )
        .header(header)
        .column_spacing(1);
        Widget::render(table, area, buf);
    }
}

impl Widget for &DashboardScreen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        // a rep's own figures have no team row
        let key = if self.view.team.is_some() {
            "dashboard-title"
        } else {
            "dashboard-title-own"
        };
        let title = t!(
            key,
            from = i18n::date(self.view.from),
            to = i18n::date(self.view.to),
            days = self.days()
        );
        let block = crate::ui::framed(title, th);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let spark_width = 14usize;
        let header = Row::new([
            Cell::from(t!("kpi-who")),
            Cell::from(t!("kpi-visits")),
            Cell::from(t!("kpi-compliance")),
            Cell::from(t!("kpi-overdue")),
            Cell::from(t!("kpi-osa")),
            Cell::from(t!("kpi-price")),
            Cell::from(t!("kpi-expired")),
            Cell::from(t!("kpi-returns")),
            Cell::from(t!("kpi-fill")),
            Cell::from(t!("kpi-draft")),
            Cell::from(t!("kpi-per-day")),
        ])
        .style(th.style(Tone::Muted));
        let mut rows: Vec<Row> = self
            .view
            .rows
            .iter()
            .map(|r| self.row(r, spark_width, false))
            .collect();
        if let Some(team) = &self.view.team {
            rows.push(self.row(team, spark_width, true));
        }
        let table = Table::new(
            rows,
            [
                Constraint::Fill(2),
                Constraint::Length(7),
                Constraint::Length(13),
                Constraint::Length(4),
                Constraint::Length(5),
                Constraint::Length(5),
                Constraint::Length(4),
                Constraint::Length(4),
                Constraint::Length(5),
                Constraint::Length(5),
                Constraint::Length(spark_width as u16),
            ],
        )
        .header(header)
        .column_spacing(1)
        .row_highlight_style(th.style(Tone::Selected));
        // orders on their way, said once under the table
        let awaiting: u32 = self.view.rows.iter().map(|r| r.awaiting_lines).sum();
        let (table_area, note_area) = if awaiting > 0 && inner.height > 2 {
            let [t, n] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
            (t, Some(n))
        } else {
            (inner, None)
        };
        // the book's retention under the figures of the period, when it fits
        let needed = self.view.rows.len() + usize::from(self.view.team.is_some()) + 1;
        let spare = usize::from(table_area.height).saturating_sub(needed + 1);
        let (table_area, keep_area) =
            if !self.view.retention.is_empty() && spare > self.view.retention.len() {
                let [t, _, k] = Layout::vertical([
                    Constraint::Length(needed as u16),
                    Constraint::Length(1),
                    Constraint::Fill(1),
                ])
                .areas(table_area);
                (t, Some(k))
            } else {
                (table_area, None)
            };
        let mut state = TableState::default().with_selected(Some(self.selected));
        StatefulWidget::render(table, table_area, buf, &mut state);
        if let Some(k) = keep_area {
            self.render_retention(k, buf);
        }
        if let Some(n) = note_area {
            Line::styled(t!("kpi-awaiting", lines = awaiting), th.style(Tone::Muted))
                .render(n, buf);
        }
    }
}

delegate_screen!(DashboardScreen);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_scales_to_the_highest_day() {
        assert_eq!(sparkline(&[0, 1, 2, 4], 4), " ▂▄█");
        assert_eq!(sparkline(&[1, 1, 1, 1], 2), "██");
        assert_eq!(sparkline(&[], 4), "");
    }

    #[test]
    fn bars_and_percentages() {
        assert_eq!(bar(Some(0.5), 4), "██░░");
        assert_eq!(bar(Some(1.7), 2), "██");
        assert_eq!(pct(None), "—");
        assert_eq!(pct(Some(0.934)), "93%");
    }
}
