//! Drawing the client file: the risk and purchases on top, people and dates
//! on the left, the timeline on the right, and the popup of the step being
//! logged.

use super::{ClientFileScreen, Mode, Pane, RowKind, TimelineRow};
use crate::domain::client::{EntryKind, TimelineEntry};
use crate::domain::dates::Occasion;
use crate::i18n;
use crate::t;
use crate::ui::{Theme, Tone};
use ratatui::prelude::*;
use ratatui::widgets::{Clear, Paragraph, Sparkline};

fn why(w: crate::domain::client::WhyLost) -> String {
    t!(&format!("why-{}", w.key().replace('_', "-")))
}

fn with_text(head: String, text: &str) -> String {
    if text.is_empty() {
        head
    } else {
        format!("{head}: {text}")
    }
}

fn entry_line(e: &TimelineEntry) -> String {
    let head = match &e.kind {
        EntryKind::Complaint(w) => format!("{} · {}", t!("client-kind-complaint"), why(*w)),
        EntryKind::Refusal(w) => format!("{} · {}", t!("client-kind-refusal"), why(*w)),
        EntryKind::Problem(p) => match &p.resolved {
            Some(r) => t!(
                "client-problem-resolved",
                date = i18n::date(r.on),
                how = r.how.clone()
            ),
            None => t!("client-problem-due", date = i18n::date(p.due)),
        },
        EntryKind::ContactMade {
            channel,
            topic,
            outcome,
        } => format!(
            "{} · {} · {} → {}",
            t!("client-kind-contact"),
            t!(&format!("channel-{}", channel.key())),
            t!(&format!("topic-{}", topic.key())),
            t!(&format!("outcome-{}", outcome.key().replace('_', "-")))
        ),
        EntryKind::CompetitorNote { competitor } => {
            format!("{} · {competitor}", t!("client-kind-competitor"))
        }
        EntryKind::Referral { referred } => {
            format!("{} → {referred}", t!("client-kind-referral"))
        }
    };
    with_text(head, &e.text)
}

pub fn row_line(r: &TimelineRow) -> String {
    match &r.kind {
        RowKind::Visit { submitted, .. } => format!(
            "{} · {}",
            t!("client-row-visit"),
            if *submitted {
                t!("visit-submitted")
            } else {
                t!("visit-open")
            }
        ),
        RowKind::Order {
            number,
            state,
            lines,
            struck,
        } => t!(
            "client-row-order",
            number = number.clone(),
            state = t!(&format!("order-state-{}", state.key())),
            lines = *lines,
            struck = *struck
        ),
        RowKind::Return { name, qty, reason } => t!(
            "client-row-return",
            name = name.clone(),
            qty = i64::from(*qty),
            reason = t!(&format!("return-reason-{reason}"))
        ),
        RowKind::VisitProblem {
            text,
            due,
            resolved,
        } => {
            let state = match resolved {
                Some(on) => t!("client-resolved-on", date = i18n::date(*on)),
                None => t!("client-due-on", date = i18n::date(*due)),
            };
            format!("{} · {state}: {text}", t!("client-kind-problem"))
        }
        RowKind::Entry(e) => entry_line(e),
    }
}

fn occasion(o: &Occasion) -> String {
    match o {
        Occasion::Birthday { name, age, .. } => match age {
            Some(age) => t!(
                "date-birthday-age",
                name = name.clone(),
                age = i64::from(*age)
            ),
            None => t!("date-birthday", name = name.clone()),
        },
        Occasion::Anniversary { years } => t!("date-anniversary", years = i64::from(*years)),
        Occasion::Holiday { key, name, .. } => {
            let id = format!("holiday-{key}");
            let text = t!(&id);
            if text == id { name.clone() } else { text }
        }
        Occasion::Company { title } => title.clone(),
    }
}

impl ClientFileScreen {
    fn people_lines(&self, th: Theme) -> Vec<Line<'static>> {
        let v = &self.view;
        let focused = self.pane == Pane::People;
        let mut lines = vec![Line::styled(
            t!("client-people", count = v.people.len()),
            th.style(if focused { Tone::Title } else { Tone::Muted }),
        )];
        if v.people.is_empty() {
            lines.push(Line::styled(t!("client-no-people"), th.style(Tone::Muted)));
        }
        for (i, c) in v.people.iter().enumerate() {
            let mark = if focused && i == self.person {
                "▸ "
            } else {
                "  "
            };
            let star = if c.decision_maker { " ★" } else { "" };
            let role = if c.role.is_empty() {
                String::new()
            } else {
                format!(" · {}", c.role)
            };
            lines.push(Line::from(vec![
                Span::styled(mark.to_string(), th.style(Tone::Key)),
                Span::raw(format!("{}{star}{role}", c.name)),
            ]));
            let channel = t!(&format!("channel-{}", c.preferred.key()));
            let reach = match c.address() {
                "" => channel,
                a => format!("{channel}: {a}"),
            };
            let birthday = c
                .birthday
                .map(|b| format!(" · ✦ {:02}.{:02}", b.day, b.month))
                .unwrap_or_default();
            lines.push(Line::styled(
                format!("    {reach}{birthday}"),
                th.style(Tone::Muted),
            ));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(t!("client-dates"), th.style(Tone::Title)));
        if v.dates.is_empty() {
            lines.push(Line::styled(t!("client-no-dates"), th.style(Tone::Muted)));
        }
        for d in &v.dates {
            lines.push(Line::raw(format!(
                "{}  {}",
                i18n::date(d.date),
                occasion(&d.occasion)
            )));
        }
        if let Some(l) = &v.loyalty {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                t!("loyalty-index", index = i64::from(l.index)),
                th.style(Tone::Title),
            ));
            for p in &l.parts {
                let (score, tone) = match p.score {
                    Some(s) if s < 50 => (format!("{s:>3}"), Tone::Danger),
                    Some(s) if s < 70 => (format!("{s:>3}"), Tone::Warn),
                    Some(s) => (format!("{s:>3}"), Tone::Normal),
                    None => ("  —".to_string(), Tone::Muted),
                };
                lines.push(Line::from(vec![
                    Span::styled(score, th.style(tone)),
                    Span::styled(format!("  {}", p.label), th.style(Tone::Muted)),
                ]));
            }
        }
        lines
    }

    /// The weakest parts of the index and why: what the rep can work on.
    fn loyalty_header(&self, th: Theme) -> Line<'static> {
        let Some(l) = &self.view.loyalty else {
            return Line::raw("");
        };
        let weak: Vec<String> = l
            .weakest(2)
            .into_iter()
            .map(|p| format!("{} ({})", p.label, p.why))
            .collect();
        let text = if weak.is_empty() {
            t!("loyalty-head", index = i64::from(l.index))
        } else {
            t!(
                "loyalty-head-weak",
                index = i64::from(l.index),
                weak = weak.join(", ")
            )
        };
        Line::styled(text, th.style(Tone::Muted))
    }

    fn timeline_lines(&self, th: Theme, height: usize) -> Vec<Line<'static>> {
        let focused = self.pane == Pane::Timeline;
        let rows = self.rows();
        let filter = t!(&format!("client-filter-{}", self.filter.key()));
        let mut lines = vec![Line::styled(
            t!("client-timeline", filter = filter, count = rows.len()),
            th.style(if focused { Tone::Title } else { Tone::Muted }),
        )];
        if rows.is_empty() {
            lines.push(Line::styled(
                t!("client-nothing-yet"),
                th.style(Tone::Muted),
            ));
        }
        let body = height.saturating_sub(1);
        let top = crate::ui::scroll_offset(self.row, rows.len(), body);
        for (i, r) in rows.iter().enumerate().skip(top).take(body) {
            let selected = focused && i == self.row;
            let late = match &r.kind {
                RowKind::Entry(e) => e.is_open_past_due(self.view.today),
                RowKind::VisitProblem { due, resolved, .. } => {
                    resolved.is_none() && *due < self.view.today
                }
                _ => false,
            };
            let tone = if late {
                Tone::Danger
            } else if selected {
                Tone::Selected
            } else {
                Tone::Normal
            };
            let mark = if selected { "▸ " } else { "  " };
            lines.push(Line::styled(
                format!("{mark}{}  {}", i18n::date(r.date), row_line(r)),
                th.style(tone),
            ));
        }
        lines
    }

    fn header(&self, th: Theme) -> Line<'static> {
        let v = &self.view;
        let last = v
            .last_purchase
            .map(i18n::date)
            .unwrap_or_else(|| t!("never"));
        match &v.risk {
            Some(r) if r.at_risk => Line::styled(
                t!(
                    "client-at-risk",
                    risk = i18n::decimal(r.risk, 2),
                    why = r.reasons.clone()
                ),
                th.style(Tone::Danger),
            ),
            Some(r) => Line::styled(
                t!(
                    "client-risk",
                    risk = i18n::decimal(r.risk, 2),
                    why = r.reasons.clone()
                ),
                th.style(Tone::Muted),
            ),
            None => Line::styled(
                t!("client-last-purchase", date = last),
                th.style(Tone::Muted),
            ),
        }
    }

    fn render_popup(&self, area: Rect, buf: &mut Buffer, th: Theme) {
        match &self.mode {
            Mode::Browse => {}
            Mode::Form(form, _) => form.render(area, buf, th),
            Mode::Pick(step) => {
                let (title, choices) = step.choices();
                let height = choices.len() as u16 + 2;
                let popup = crate::ui::popup::centered(area, 40, height);
                Clear.render(popup, buf);
                let block = crate::ui::popup_frame(t!(&title), th);
                let inner = block.inner(popup);
                block.render(popup, buf);
                let lines: Vec<Line> = choices
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        Line::from(vec![
                            Span::styled(format!("{} ", i + 1), th.style(Tone::Key)),
                            Span::raw(t!(c)),
                        ])
                    })
                    .collect();
                Paragraph::new(lines).render(inner, buf);
            }
            Mode::ConfirmRemove(id) => {
                let name = self
                    .view
                    .people
                    .iter()
                    .find(|c| c.meta.id == *id)
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                let popup = crate::ui::popup::centered(area, 50, 3);
                Clear.render(popup, buf);
                let block = crate::ui::popup_frame(t!("client-remove-title"), th);
                let inner = block.inner(popup);
                block.render(popup, buf);
                Paragraph::new(t!("client-remove-ask", name = name)).render(inner, buf);
            }
        }
    }
}

impl Widget for &ClientFileScreen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let v = &self.view;
        let block = crate::ui::framed(
            t!(
                "client-title",
                name = v.store_name.clone(),
                code = v.store_code.clone()
            ),
            th,
        );
        let inner = block.inner(area);
        block.render(area, buf);
        let [head, loyalty, chart_label, chart, body] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Min(0),
        ])
        .areas(inner);
        Paragraph::new(self.header(th)).render(head, buf);
        Paragraph::new(self.loyalty_header(th)).render(loyalty, buf);
        let weeks = v.bars.len();
        let bought = v.bars.iter().filter(|b| b.purchases > 0).count();
        Paragraph::new(Line::styled(
            t!("client-purchases", weeks = weeks, bought = bought),
            th.style(Tone::Muted),
        ))
        .render(chart_label, buf);
        let data: Vec<u64> = v.bars.iter().map(|b| b.amount.max(0) as u64).collect();
        // one cell a week, newest on the right
        let cells = usize::from(chart.width);
        let shown = &data[data.len().saturating_sub(cells)..];
        Sparkline::default()
            .data(shown)
            .style(th.style(Tone::Key))
            .render(chart, buf);
        // a week without a purchase is a dot, so a silence shows as one
        if chart.height > 0 {
            let y = chart.bottom() - 1;
            for (i, v) in shown.iter().enumerate().take(usize::from(chart.width)) {
                if *v == 0 {
                    buf[(chart.x + i as u16, y)]
                        .set_symbol("·")
                        .set_style(th.style(Tone::Muted));
                }
            }
        }
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)])
                .areas(body);
        Paragraph::new(self.people_lines(th)).render(left, buf);
        Paragraph::new(self.timeline_lines(th, usize::from(right.height))).render(right, buf);
        self.render_popup(area, buf, th);
    }
}
