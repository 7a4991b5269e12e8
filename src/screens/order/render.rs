//! Drawing the order screen (never changes state): header facts, the lines
//! with a sparkline of weekly sales each, totals, the selected line's reason,
//! and the popups of the typing and confirm modes.

use super::{Mode, OrderScreen, pct};
use crate::domain::Money;
use crate::domain::order::{OrderState, RefusalReason, payment_terms};
use crate::i18n;
use crate::t;
use crate::ui::{Tone, popup};
use ratatui::prelude::*;
use ratatui::widgets::{Clear, Paragraph, Sparkline, Wrap};

const SPARK: u16 = 12;
const NUM: u16 = 6;
const VALUE: u16 = 11;

/// A heading cut to the width, right-aligned over its numbers.
fn right(text: &str, width: u16) -> String {
    let cut = fit(text, width);
    format!("{:>w$}", cut.trim_end(), w = width as usize)
}

fn fit(text: &str, width: u16) -> String {
    let w = width as usize;
    if text.chars().count() <= w {
        format!("{text:<w$}")
    } else {
        let mut s: String = text.chars().take(w.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

impl OrderScreen {
    fn header_lines(&self) -> Vec<Line<'_>> {
        let th = self.theme;
        let v = &self.view;
        let o = &v.order;
        let mut out = vec![];
        let mut first = vec![Span::raw(t!(
            "order-cover",
            days = v.cover_days,
            next = i18n::date(v.next_visit),
            lead = v.lead_days
        ))];
        first.push(Span::raw(" · "));
        match v.acceptance.share {
            Some(share) => first.push(Span::raw(t!(
                "order-acceptance",
                share = pct(share),
                orders = v.acceptance.reviewed as i64,
                run = i64::from(v.acceptance.run)
            ))),
            None => first.push(Span::styled(
                t!("order-acceptance-none"),
                th.style(Tone::Muted),
            )),
        }
        if v.trusted {
            first.push(Span::styled(
                format!(" · {}", t!("order-trusted")),
                th.style(Tone::Ok),
            ));
        } else if v.acceptance.can_trust {
            first.push(Span::styled(
                format!(" · {}", t!("order-can-trust")),
                th.style(Tone::Ok),
            ));
        }
        out.push(Line::from(first));
        let terms = payment_terms(&v.store, &v.invoices, v.today, o.value());
        let key = if terms.deferral_days > 0 {
            "order-terms"
        } else {
            "order-terms-none"
        };
        let overdue_style = if terms.overdue_count > 0 {
            Tone::Danger
        } else {
            Tone::Normal
        };
        out.push(Line::styled(
            t!(
                key,
                days = i64::from(terms.deferral_days),
                limit = terms.limit.to_string(),
                open = terms.open.to_string(),
                count = terms.open_count as i64,
                overdue = terms.overdue.to_string(),
                overdue_count = terms.overdue_count as i64
            ),
            th.style(overdue_style),
        ));
        if terms.over_limit {
            out.push(Line::styled(
                t!("order-over-limit", limit = terms.limit.to_string()),
                th.style(Tone::Danger),
            ));
        }
        if o.state == OrderState::Sent {
            out.push(match &v.fill {
                Some(f) => {
                    let rate = pct(f.ratio().unwrap_or(1.0));
                    let chase = f.needs_chase(v.fill_alert);
                    Line::styled(
                        t!(
                            if chase {
                                "order-fill-chase"
                            } else {
                                "order-fill"
                            },
                            rate = rate,
                            delivered = f.delivered_lines as i64,
                            ordered = f.ordered_lines as i64
                        ),
                        th.style(if chase { Tone::Danger } else { Tone::Ok }),
                    )
                }
                None => Line::styled(
                    t!(
                        "order-fill-waiting",
                        date = i18n::date(o.sent.unwrap_or(v.today))
                    ),
                    th.style(Tone::Muted),
                ),
            });
        }
        out
    }

    fn render_lines(&self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        if area.height == 0 {
            return;
        }
        // the bonus column only when some line has a bonus: names get the room
        let bonus_col = self.lines().iter().any(|l| l.bonus_qty > 0);
        let nums_w = if bonus_col { 3 * NUM + 3 } else { 2 * NUM + 2 };
        let name_w = area.width.saturating_sub(SPARK + nums_w + VALUE + 2);
        let bonus_head = if bonus_col {
            format!(" {:>n$}", right(&t!("col-bonus"), NUM), n = NUM as usize)
        } else {
            String::new()
        };
        let header = format!(
            "{} {} {:>n$} {:>n$}{bonus_head} {:>v$}",
            fit(&t!("col-product"), name_w),
            fit(&t!("col-sales"), SPARK),
            right(&t!("col-suggested"), NUM),
            right(&t!("col-qty"), NUM),
            right(&t!("col-value"), VALUE),
            n = NUM as usize,
            v = VALUE as usize,
        );
        buf.set_stringn(
            area.x,
            area.y,
            header,
            area.width as usize,
            th.style(Tone::Muted),
        );
        let rows = area.height.saturating_sub(1) as usize;
        let lines = self.lines();
        if rows == 0 {
            return;
        }
        let offset = self.selected.saturating_sub(rows - 1);
        for (i, line) in lines.iter().enumerate().skip(offset).take(rows) {
            let y = area.y + 1 + (i - offset) as u16;
            let info = self.view.products.get(&line.sku);
            let name = info.map(|p| p.name.as_str()).unwrap_or(&line.sku);
            let proposed = self.view.order.proposed_qty(&line.sku);
            let value = Money(line.unit_price.0 * i64::from(line.qty));
            let style = if i == self.selected {
                th.style(Tone::Selected)
            } else if line.qty < proposed {
                th.style(Tone::Warn)
            } else {
                th.style(Tone::Normal)
            };
            let row = Rect::new(area.x, y, area.width, 1);
            buf.set_style(row, style);
            buf.set_stringn(area.x, y, fit(name, name_w), name_w as usize, style);
            let spark = Rect::new(
                area.x + name_w + 1,
                y,
                SPARK.min(area.width.saturating_sub(name_w + 1)),
                1,
            );
            if let Some(data) = self.view.sparklines.get(&line.sku) {
                Sparkline::default()
                    .data(data)
                    .style(style.patch(th.style(Tone::Ok)))
                    .render(spark, buf);
            }
            let sugg = if proposed > 0 || line.reason.is_some() {
                proposed.to_string()
            } else {
                "+".into()
            };
            let bonus = match (bonus_col, line.bonus_qty) {
                (false, _) => String::new(),
                (true, 0) => format!(" {:>n$}", "", n = NUM as usize),
                (true, b) => format!(" {:>n$}", format!("+{b}"), n = NUM as usize),
            };
            let nums = format!(
                "{sugg:>n$} {:>n$}{bonus} {:>v$}",
                line.qty,
                value.to_string(),
                n = NUM as usize,
                v = VALUE as usize
            );
            let x = area.x + name_w + 1 + SPARK + 1;
            if x < area.x + area.width {
                buf.set_stringn(x, y, nums, (area.x + area.width - x) as usize, style);
            }
        }
    }

    fn reason_text(&self) -> String {
        match self.lines().get(self.selected) {
            Some(line) => {
                let mut text = match &line.reason {
                    Some(r) => crate::service::words::reason_text(r),
                    None => t!("order-added-by-rep"),
                };
                if let Some(r) = self.view.order.refusals.iter().find(|r| r.sku == line.sku) {
                    text.push_str(&format!(
                        " · {}: {}",
                        t!("key-refusal"),
                        crate::service::words::refusal_label(r.reason)
                    ));
                }
                text
            }
            None => t!("order-no-lines"),
        }
    }

    fn render_popup(&self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let name = |sku: &str| {
            self.view
                .products
                .get(sku)
                .map(|p| p.name.clone())
                .unwrap_or_else(|| sku.to_string())
        };
        let (title, body): (String, Vec<Line>) = match &self.mode {
            Mode::Browse => return,
            Mode::EditQty(text) => {
                let sku = self
                    .lines()
                    .get(self.selected)
                    .map(|l| l.sku.clone())
                    .unwrap_or_default();
                let mut body = vec![Line::raw(t!(
                    "order-edit-qty",
                    product = name(&sku),
                    text = text.to_string()
                ))];
                if let Some(why) = &self.qty_error {
                    body.push(Line::styled(why.clone(), th.style(Tone::Danger)));
                }
                (t!("col-qty"), body)
            }
            Mode::Refusal(sku) => (
                t!("order-refusal-title", product = name(sku)),
                RefusalReason::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        Line::from(vec![
                            Span::styled(format!(" {} ", i + 1), th.style(Tone::Key)),
                            Span::raw(crate::service::words::refusal_label(*r)),
                        ])
                    })
                    .collect(),
            ),
            Mode::ConfirmSend => {
                let o = &self.view.order;
                (
                    t!("key-send"),
                    vec![Line::raw(t!(
                        "order-confirm-send",
                        number = o.number.clone(),
                        lines = o.line_count() as i64,
                        units = o.units() as i64,
                        value = o.value().to_string()
                    ))],
                )
            }
            Mode::Add {
                query,
                hits,
                selected,
            } => {
                let mut body = vec![Line::from(vec![
                    Span::styled("> ", th.style(Tone::Key)),
                    Span::raw(query.shown(true)),
                ])];
                if hits.is_empty() && !query.trim().is_empty() {
                    body.push(Line::styled(
                        t!("order-add-none", query = query.to_string()),
                        th.style(Tone::Muted),
                    ));
                }
                for (i, &h) in hits.iter().enumerate() {
                    let p = &self.catalog[h];
                    let style = if i == *selected {
                        th.style(Tone::Selected)
                    } else {
                        th.style(Tone::Normal)
                    };
                    body.push(Line::styled(
                        format!("{}  {}  ×{}", p.name, p.ean, p.case_pack),
                        style,
                    ));
                }
                (t!("order-add-title"), body)
            }
        };
        // wrapped lines count: a refusal reason under a long prompt must show
        let inner_w = popup::centered(area, 70, 3).width.saturating_sub(2).max(1) as usize;
        let height: usize = body
            .iter()
            .map(|l| l.width().div_ceil(inner_w).max(1))
            .sum();
        let rect = popup::centered(area, 70, (height as u16 + 2).max(3));
        Clear.render(rect, buf);
        Paragraph::new(body)
            .wrap(Wrap { trim: false })
            .block(crate::ui::framed(title, th))
            .render(rect, buf);
    }
}

impl Widget for &OrderScreen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let v = &self.view;
        let o = &v.order;
        let state = t!(&format!("order-state-{}", o.state.key()));
        let block = crate::ui::framed(
            t!(
                "order-title",
                number = o.number.clone(),
                store = v.store.name.clone(),
                state = state
            ),
            th,
        );
        let inner = block.inner(area);
        block.render(area, buf);
        let header = self.header_lines();
        let [top, table, totals, reason] = Layout::vertical([
            Constraint::Length(header.len() as u16),
            Constraint::Min(2),
            Constraint::Length(1),
            Constraint::Length(2),
        ])
        .areas(inner);
        Paragraph::new(header).render(top, buf);
        self.render_lines(table, buf);
        Line::styled(
            t!(
                "order-totals",
                lines = o.line_count() as i64,
                units = o.units() as i64,
                value = o.value().to_string()
            ),
            th.style(Tone::Title),
        )
        .render(totals, buf);
        Paragraph::new(t!("order-reason", text = self.reason_text()))
            .wrap(Wrap { trim: true })
            .style(th.style(Tone::Muted))
            .render(reason, buf);
        self.render_popup(inner, buf);
    }
}
