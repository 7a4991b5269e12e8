//! Drawing each step's body. Long lists draw only the rows that fit, so a
//! 1,000-line audit renders as fast as a short one.

use super::columns::{Col, fitted_table};
use super::render::percent;
use super::{NotesItem, VisitScreen};
use crate::domain::visit::audit::price_ok;
use crate::domain::visit::{ExpiryClass, ReturnStatus};
use crate::i18n;
use crate::t;
use crate::ui::Tone;
use ratatui::prelude::*;
use ratatui::widgets::{Cell, Paragraph};

/// The first row to draw so that `selected` stays visible in `height` rows.
fn window(selected: usize, len: usize, height: usize) -> (usize, usize) {
    let height = height.max(1);
    let start = selected
        .saturating_sub(height - 1)
        .min(len.saturating_sub(height));
    (start, (start + height).min(len))
}

impl VisitScreen {
    pub(super) fn render_audit(&self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let rows = &self.view.rows;
        if rows.is_empty() {
            Line::styled(t!("visit-no-lines"), th.style(Tone::Muted)).render(area, buf);
            return;
        }
        let (start, end) = window(
            self.audit_sel,
            rows.len(),
            area.height.saturating_sub(1) as usize,
        );
        let tol = self.settings().price_tolerance;
        let body: Vec<Vec<Cell>> = rows[start..end]
            .iter()
            .map(|r| {
                let (shelf, role) = match &r.audit {
                    None => ("·".to_string(), Tone::Muted),
                    Some(a) if a.on_shelf => ("✓".to_string(), Tone::Ok),
                    Some(_) => ("✗".to_string(), Tone::Danger),
                };
                let a = r.audit.as_ref();
                let price = a.and_then(|a| a.price_seen);
                let price_role = match price {
                    Some(p) if !price_ok(p, r.list_price, tol) => Tone::Danger,
                    _ => Tone::Normal,
                };
                vec![
                    Cell::from(Span::styled(
                        if r.fast { "★" } else { " " },
                        th.style(Tone::Key),
                    )),
                    Cell::from(r.name.clone()),
                    Cell::from(Span::styled(r.ean.clone(), th.style(Tone::Muted))),
                    Cell::from(Span::styled(shelf, th.style(role))),
                    Cell::from(
                        a.and_then(|a| a.facings)
                            .map(|f| f.to_string())
                            .unwrap_or_default(),
                    ),
                    Cell::from(
                        a.and_then(|a| a.stock)
                            .map(|n| n.to_string())
                            .unwrap_or_default(),
                    ),
                    Cell::from(Span::styled(
                        price.map(|p| p.to_string()).unwrap_or_default(),
                        th.style(price_role),
                    )),
                    Cell::from(r.list_price.to_string()),
                    Cell::from(
                        a.and_then(|a| a.missing)
                            .map(|m| t!(&format!("missing-{}", m.key())))
                            .unwrap_or_default(),
                    ),
                ]
            })
            .collect();
        // as the terminal narrows: EAN, then stock, list price, reason go
        let cols = vec![
            Col::new(String::new(), 1, None),
            Col::new(t!("visit-col-product"), 0, None),
            Col::new("EAN".into(), 13, Some(6)),
            Col::new(t!("col-shelf"), 5, None),
            Col::new(t!("col-facings"), 4, Some(2)),
            Col::new(t!("col-stock"), 5, Some(5)),
            Col::new(t!("col-price-seen"), 8, Some(1)),
            Col::new(t!("col-list-price"), 8, Some(4)),
            Col::new(t!("col-reason"), 14, Some(3)),
        ];
        fitted_table(
            body,
            cols,
            28,
            Some(self.audit_sel - start),
            area,
            buf,
            self,
        );
    }

    pub(super) fn render_expiry(&self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let pull = self.pull_list();
        let pull_height = if pull.is_empty() {
            0
        } else {
            (pull.len() as u16 + 1).min(area.height / 2)
        };
        let [list, pull_area] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(pull_height)]).areas(area);
        if self.view.batches.is_empty() {
            Line::styled(t!("visit-no-batches"), th.style(Tone::Muted)).render(list, buf);
        } else {
            let batches = &self.view.batches;
            let (start, end) = window(
                self.expiry_sel,
                batches.len(),
                list.height.saturating_sub(1) as usize,
            );
            let body: Vec<Vec<Cell>> = batches[start..end]
                .iter()
                .map(|b| {
                    let class = self.class_of(b);
                    let role = match class {
                        ExpiryClass::Expired => Tone::Danger,
                        ExpiryClass::Critical => Tone::Danger,
                        ExpiryClass::Near => Tone::Warn,
                        ExpiryClass::Ok => Tone::Ok,
                    };
                    vec![
                        Cell::from(self.product_name(&b.sku)),
                        Cell::from(i18n::date(b.expiry)),
                        Cell::from(b.qty.to_string()),
                        Cell::from(Span::styled(
                            t!(&format!("expiry-{}", class.key())),
                            th.style(role),
                        )),
                        action_cell(self, b, class),
                    ]
                })
                .collect();
            let cols = vec![
                Col::new(t!("visit-col-product"), 0, None),
                Col::new(t!("col-expiry"), 11, None),
                Col::new(t!("visit-col-qty"), 5, None),
                Col::new(t!("col-class"), 9, Some(1)),
                Col::new(t!("col-action"), 18, Some(2)),
            ];
            fitted_table(
                body,
                cols,
                20,
                Some(self.expiry_sel.saturating_sub(start)),
                list,
                buf,
                self,
            );
        }
        if !pull.is_empty() {
            let mut lines = vec![Line::styled(
                t!("visit-pull-list", count = pull.len()),
                th.style(Tone::Danger),
            )];
            lines.extend(pull.iter().map(|b| {
                Line::raw(format!(
                    "  {} × {}  ({})",
                    self.product_name(&b.sku),
                    b.qty,
                    i18n::date(b.expiry)
                ))
            }));
            Paragraph::new(lines).render(pull_area, buf);
        }
    }

    pub(super) fn render_returns(&self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let returns = self.visible_returns();
        if returns.is_empty() {
            Line::styled(t!("visit-no-returns"), th.style(Tone::Muted)).render(area, buf);
            return;
        }
        let (today, within) = (self.view.today, self.settings().returns_write_off_days);
        let (start, end) = window(
            self.returns_sel,
            returns.len(),
            area.height.saturating_sub(1) as usize,
        );
        let body: Vec<Vec<Cell>> = returns[start..end]
            .iter()
            .map(|r| {
                let flagged = r.is_flagged(today, within);
                let status = t!(&format!("return-status-{}", r.status.key()));
                let (status, role) = if flagged {
                    let days = r.days_pending(today).unwrap_or(0);
                    (
                        format!("{status} ⚑ {}", t!("days-ago", days = days)),
                        Tone::Danger,
                    )
                } else if r.status == ReturnStatus::Logged {
                    (status, Tone::Warn)
                } else {
                    (status, Tone::Ok)
                };
                vec![
                    Cell::from(self.product_name(&r.sku)),
                    Cell::from(r.qty.to_string()),
                    Cell::from(r.value.to_string()),
                    Cell::from(t!(&format!("return-reason-{}", r.reason.key()))),
                    Cell::from(i18n::date(r.logged)),
                    Cell::from(Span::styled(status, th.style(role))),
                ]
            })
            .collect();
        // as the terminal narrows: logged date, then reason, then value go
        let cols = vec![
            Col::new(t!("visit-col-product"), 0, None),
            Col::new(t!("visit-col-qty"), 5, None),
            Col::new(t!("col-value"), 9, Some(2)),
            Col::new(t!("col-reason"), 14, Some(3)),
            Col::new(t!("col-logged"), 11, Some(4)),
            Col::new(t!("col-status"), 22, Some(1)),
        ];
        fitted_table(
            body,
            cols,
            20,
            Some(self.returns_sel.saturating_sub(start)),
            area,
            buf,
            self,
        );
    }

    pub(super) fn render_notes(&self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let items = self.notes_items();
        if items.is_empty() {
            Line::styled(t!("visit-no-notes"), th.style(Tone::Muted)).render(area, buf);
            return;
        }
        let today = self.view.today;
        let (start, end) = window(self.notes_sel, items.len(), area.height as usize);
        let lines: Vec<Line> = items[start..end]
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let line = match item {
                    NotesItem::Note(n) => Line::from(vec![
                        Span::styled(format!("{} ", t!("visit-note")), th.style(Tone::Muted)),
                        Span::raw(n.text.clone()),
                    ]),
                    NotesItem::Problem(p) => {
                        let (status, role) = if !p.is_open() {
                            (t!("problem-resolved"), Tone::Ok)
                        } else if let Some(late) = p.overdue_days(today) {
                            (t!("problem-overdue", days = late), Tone::Danger)
                        } else {
                            (t!("problem-due", date = i18n::date(p.due)), Tone::Warn)
                        };
                        Line::from(vec![
                            Span::styled(
                                format!("{} ", t!("visit-problem")),
                                th.style(Tone::Danger),
                            ),
                            Span::raw(format!("{}  ", p.text)),
                            Span::styled(status, th.style(role)),
                        ])
                    }
                };
                let mut spans = vec![Span::raw(if start + i == self.notes_sel {
                    "▸"
                } else {
                    " "
                })];
                spans.extend(line.spans);
                let line = Line::from(spans);
                if start + i == self.notes_sel {
                    line.style(th.style(Tone::Selected))
                } else {
                    line
                }
            })
            .collect();
        Paragraph::new(lines).render(area, buf);
    }

    /// "audit P0001" as the rep knows it: "Молоко 3,2% 1 л"; other targets
    /// ("batch P0001 01J…") by the product name and without the record id.
    fn target_name(&self, target: &str) -> String {
        match crate::domain::visit::amendment::target_sku(target) {
            Some(sku) => self.product_name(sku),
            None => target.to_string(),
        }
    }

    pub(super) fn render_checkout(&self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let f = self.figures();
        let s = self.settings();
        let count = |c: ExpiryClass| {
            self.view
                .batches
                .iter()
                .filter(|b| self.class_of(b) == c)
                .count()
        };
        let id = self.view.visit.meta.id;
        let returns: Vec<_> = self
            .view
            .returns
            .iter()
            .filter(|r| r.visit_id == id)
            .collect();
        let value: crate::domain::Money = returns.iter().map(|r| r.value).sum();
        let open_problems = self.view.problems.iter().filter(|p| p.is_open()).count();
        let mut lines = vec![
            Line::styled(t!("checkout-summary"), th.style(Tone::Title)),
            Line::raw(t!(
                "checkout-audit",
                checked = f.checked,
                total = self.view.rows.len(),
                osa = percent(f.osa),
                price = percent(f.price_compliance)
            )),
            Line::raw(t!(
                "checkout-expiry",
                expired = count(ExpiryClass::Expired),
                critical = count(ExpiryClass::Critical),
                near = count(ExpiryClass::Near),
                pull = self.pull_list().len()
            )),
            Line::raw(t!(
                "checkout-returns",
                count = returns.len(),
                value = value.to_string()
            )),
            Line::raw(t!(
                "checkout-problems",
                count = open_problems,
                notes = self.view.notes.len()
            )),
            Line::raw(""),
        ];
        let pull = self.pull_list();
        if !pull.is_empty() {
            lines.push(Line::styled(
                t!("visit-pull-list", count = pull.len()),
                th.style(Tone::Danger),
            ));
            for b in pull {
                lines.push(Line::raw(format!(
                    "  {}",
                    t!(
                        "checkout-pull-line",
                        name = self.product_name(&b.sku),
                        date = i18n::date(b.expiry),
                        qty = b.qty,
                        class = t!(&format!("expiry-{}", self.class_of(b).key()))
                    )
                )));
            }
            lines.push(Line::raw(""));
        }
        if f.lines_left > 0 {
            lines.push(Line::styled(
                t!("checkout-lines-left", count = f.lines_left),
                th.style(Tone::Warn),
            ));
        }
        match self.view.visit.submitted {
            Some(at) => lines.push(Line::styled(
                t!(
                    "checkout-submitted-at",
                    time = at.with_timezone(&chrono::Local).format("%H:%M").to_string()
                ),
                th.style(Tone::Ok),
            )),
            None => lines.push(Line::styled(
                t!("checkout-press-enter"),
                th.style(Tone::Key),
            )),
        }
        let _ = s;
        if !self.view.amendments.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                t!("checkout-amendments"),
                th.style(Tone::Title),
            ));
            for a in &self.view.amendments {
                lines.push(Line::raw(format!(
                    "{} {} · {}: {} → {}",
                    a.meta
                        .created
                        .at
                        .with_timezone(&chrono::Local)
                        .format("%d.%m %H:%M"),
                    a.meta.created.by,
                    self.target_name(&a.target),
                    a.before,
                    a.after
                )));
            }
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(area, buf);
    }
}

use ratatui::widgets::Wrap;

/// The action taken on a batch; when none yet, what to do (muted), so an
/// expired, critical or near batch never shows an empty action.
fn action_cell<'a>(
    screen: &VisitScreen,
    b: &crate::domain::visit::Batch,
    class: ExpiryClass,
) -> Cell<'a> {
    if let Some(a) = b.action {
        return Cell::from(t!(&format!("batch-action-{}", a.key())));
    }
    if screen.is_returned(b) {
        return Cell::from(t!("batch-returned"));
    }
    match class.suggestion() {
        Some(key) => Cell::from(Span::styled(t!(key), screen.theme.style(Tone::Muted))),
        None => Cell::from(""),
    }
}
