//! Drawing the visit: title with check-in and status, the step tabs, the
//! step itself, the prompt line, and popups (form, reason, confirm).

use super::form::Form;
use super::{Confirm, Mode, VisitScreen};
use crate::domain::VisitStep;
use crate::domain::visit::MissingReason;
use crate::t;
use crate::ui::popup::centered;
use crate::ui::{Theme, Tone};
use chrono::Local;
use ratatui::prelude::*;
use ratatui::widgets::{Clear, Paragraph, Wrap};

pub fn percent(share: Option<f64>) -> String {
    share
        .map(|s| format!("{:.0} %", s * 100.0))
        .unwrap_or_else(|| "—".into())
}

impl Widget for &VisitScreen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let v = &self.view;
        let local = v.visit.checked_in.with_timezone(&Local);
        // a visit left open on an earlier day says which day
        let checked_in = if v.visit.date == v.today {
            local.format("%H:%M").to_string()
        } else {
            format!(
                "{} {}",
                crate::i18n::date(v.visit.date),
                local.format("%H:%M")
            )
        };
        let status = if self.amending {
            t!("visit-status-amending")
        } else {
            t!(&format!("visit-status-{}", v.visit.status.key()))
        };
        let title = t!(
            "visit-title",
            store = v.store_name.clone(),
            code = v.visit.store_code.clone(),
            time = checked_in,
            status = status
        );
        let block = crate::ui::framed(title, th);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height < 3 || inner.width < 10 {
            return;
        }
        let [tabs, figures, body, prompt] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(inner);
        self.render_tabs(tabs, buf);
        self.render_figures(figures, buf);
        match self.step {
            VisitStep::Audit => self.render_audit(body, buf),
            VisitStep::Expiry => self.render_expiry(body, buf),
            VisitStep::Returns => self.render_returns(body, buf),
            VisitStep::Notes => self.render_notes(body, buf),
            VisitStep::Checkout => self.render_checkout(body, buf),
        }
        self.render_prompt(prompt, buf);
        match &self.mode {
            Mode::Form(form) => render_form(form, self, area, buf),
            Mode::Reason => render_reason(th, area, buf),
            Mode::Confirm(kind) => render_confirm(kind, self, area, buf),
            _ => {}
        }
    }
}

impl VisitScreen {
    fn render_tabs(&self, area: Rect, buf: &mut Buffer) {
        let mut spans = Vec::new();
        for (i, s) in VisitStep::ALL.iter().enumerate() {
            let label = format!(" {}. {} ", i + 1, t!(&format!("visit-step-{}", s.key())));
            let role = if *s == self.step {
                Tone::Selected
            } else {
                Tone::Muted
            };
            spans.push(Span::styled(label, self.theme.style(role)));
            spans.push(Span::raw(" "));
        }
        Line::from(spans).render(area, buf);
    }

    fn render_figures(&self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let s = self.settings();
        let f = self.figures();
        let line = match self.step {
            VisitStep::Audit | VisitStep::Checkout => Line::from(vec![
                Span::styled(
                    t!(
                        "visit-osa",
                        value = percent(f.osa),
                        weight = format!("{}", s.fast_mover_weight)
                    ),
                    th.style(Tone::Key),
                ),
                Span::raw(" · "),
                Span::styled(
                    t!(
                        "visit-price-compliance",
                        value = percent(f.price_compliance),
                        tolerance = format!("{:.0}", s.price_tolerance * 100.0)
                    ),
                    th.style(Tone::Key),
                ),
                Span::raw(" · "),
                Span::raw(t!(
                    "visit-lines-left",
                    count = f.lines_left,
                    total = self.view.rows.len()
                )),
            ]),
            VisitStep::Expiry => Line::styled(
                t!(
                    "visit-expiry-rules",
                    days = s.expiry_critical_days,
                    critical = format!("{:.0}", s.expiry_critical_share * 100.0),
                    near = format!("{:.0}", s.expiry_near_share * 100.0)
                ),
                th.style(Tone::Muted),
            ),
            VisitStep::Returns => Line::styled(
                t!("visit-returns-rule", days = s.returns_write_off_days),
                th.style(Tone::Muted),
            ),
            VisitStep::Notes => Line::styled(t!("visit-notes-hint"), th.style(Tone::Muted)),
        };
        line.render(area, buf);
    }

    fn render_prompt(&self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let line = match &self.mode {
            Mode::Scan(code) => Line::from(vec![
                Span::styled(format!("{}: ", t!("visit-scan")), th.style(Tone::Key)),
                Span::raw(code.shown(true)),
            ]),
            Mode::Search { query, .. } => Line::from(vec![
                Span::styled("/ ", th.style(Tone::Key)),
                Span::raw(query.shown(true)),
            ]),
            _ => match &self.message {
                Some((text, role)) => Line::styled(text.clone(), th.style(*role)),
                None if self.is_submitted() && !self.amending => {
                    Line::styled(t!("visit-read-only"), th.style(Tone::Muted))
                }
                None => Line::raw(""),
            },
        };
        line.render(area, buf);
    }
}

fn render_form(form: &Form, screen: &VisitScreen, area: Rect, buf: &mut Buffer) {
    let th = screen.theme;
    let mut lines = Vec::new();
    for (i, f) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let marker = if focused { "▸ " } else { "  " };
        let text = match f.kind {
            super::FieldKind::Choice(_) => f.shown(),
            _ => f.text.shown(focused),
        };
        lines.push(Line::from(vec![
            Span::styled(marker, th.style(Tone::Key)),
            Span::styled(format!("{}: ", t!(f.label)), th.style(Tone::Muted)),
            Span::styled(
                text,
                th.style(if focused {
                    Tone::Selected
                } else {
                    Tone::Normal
                }),
            ),
        ]));
        if f.kind == super::FieldKind::Product
            && let Some(row) = form.product.and_then(|r| screen.view.rows.get(r))
        {
            lines.push(Line::styled(
                format!("    → {} · {}", row.name, row.list_price),
                th.style(Tone::Ok),
            ));
        }
        if let Some(err) = &f.error {
            lines.push(Line::styled(format!("    ✗ {err}"), th.style(Tone::Danger)));
        }
    }
    if let super::FormKind::Line { row } = form.kind
        && let Some(r) = screen.view.rows.get(row)
    {
        lines.insert(
            0,
            Line::styled(
                format!("{} · {}", r.name, r.list_price),
                th.style(Tone::Title),
            ),
        );
    }
    lines.push(Line::styled(t!("form-hint"), th.style(Tone::Muted)));
    let width = 72.min(area.width);
    let inner_width = usize::from(width.saturating_sub(2)).max(1);
    // room for the lines as they wrap, so a long reason never hides the hint
    let rows: usize = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(inner_width))
        .sum();
    let rect = centered(area, width, rows as u16 + 2);
    Clear.render(rect, buf);
    let block = crate::ui::popup_frame(t!(form.title), th);
    let inner = block.inner(rect);
    block.render(rect, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

fn render_reason(th: Theme, area: Rect, buf: &mut Buffer) {
    let mut lines: Vec<Line> = MissingReason::ALL
        .iter()
        .enumerate()
        .map(|(i, r)| {
            Line::from(vec![
                Span::styled(format!("{} ", i + 1), th.style(Tone::Key)),
                Span::raw(t!(&format!("missing-{}", r.key()))),
            ])
        })
        .collect();
    lines.push(Line::styled(t!("reason-hint"), th.style(Tone::Muted)));
    let rect = centered(area, 40, lines.len() as u16 + 2);
    Clear.render(rect, buf);
    let block = crate::ui::popup_frame(t!("reason-title"), th);
    let inner = block.inner(rect);
    block.render(rect, buf);
    Paragraph::new(lines).render(inner, buf);
}

fn render_confirm(kind: &Confirm, screen: &VisitScreen, area: Rect, buf: &mut Buffer) {
    let th = screen.theme;
    let mut lines = vec![];
    let (title, text) = match kind {
        Confirm::Submit => {
            let left = screen.figures().lines_left;
            if left > 0 {
                // allowed (the shop may be closing), but never by accident
                lines.push(Line::styled(
                    t!(
                        "confirm-submit-unchecked",
                        count = left,
                        total = screen.view.rows.len()
                    ),
                    th.style(Tone::Warn),
                ));
            }
            (t!("confirm-submit-title"), t!("confirm-submit"))
        }
        Confirm::Amend => (t!("confirm-amend-title"), t!("confirm-amend")),
    };
    lines.push(Line::raw(text));
    lines.push(Line::styled(t!("confirm-hint"), th.style(Tone::Key)));
    let width = 56.min(area.width);
    let inner_width = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(inner_width))
        .sum();
    let rect = centered(area, width, rows as u16 + 2);
    Clear.render(rect, buf);
    let block = crate::ui::popup_frame(title, th);
    let inner = block.inner(rect);
    block.render(rect, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}
