//! The read-only store card: contacts, route plan, payment terms, recent
//! visits and what sells.

use crate::domain::Store;
use crate::i18n;
use crate::keymap::{Action, KeyContext};
use crate::screens::Effect;
use crate::t;
use crate::ui::{Theme, Tone};
use chrono::NaiveDate;
use ratatui::prelude::*;
use ratatui::widgets::{Paragraph, Wrap};

#[derive(Debug, Clone, PartialEq)]
pub struct StoreCardView {
    pub store: Store,
    pub rep_name: String,
    pub last_visit: Option<NaiveDate>,
    pub overdue_days: Option<i64>,
    pub next_due: NaiveDate,
    pub must_stock: usize,
    /// Most recent visits (date, submitted?), newest first.
    pub recent_visits: Vec<(NaiveDate, bool)>,
    /// Best sellers of the last 8 weeks: product name and units.
    pub top_sellers: Vec<(String, f64)>,
    /// Returns not written off yet (oldest first).
    pub pending_returns: Vec<PendingReturn>,
    /// Problems until resolved: text and due date.
    pub open_problems: Vec<(String, NaiveDate)>,
    /// Sent orders to chase: number, delivered lines, ordered lines.
    pub orders_to_chase: Vec<(String, usize, usize)>,
    /// The setting after which a pending return is flagged (shown with it).
    pub returns_within_days: i64,
    /// Open conflicts on this store's fields (a supervisor settles them).
    pub conflicts: usize,
    /// Loyalty and risk (none while the store has no facts to judge).
    pub standing: Option<Standing>,
}

/// The loyalty index and the risk of lapse, worded (docs/loyalty.md).
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    /// 0–100.
    pub index: u8,
    pub risk: f64,
    pub at_risk: bool,
    pub reasons: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PendingReturn {
    pub name: String,
    pub qty: u32,
    pub value: crate::domain::Money,
    pub days: i64,
    pub flagged: bool,
}

pub struct StoreCardScreen {
    pub view: StoreCardView,
    pub theme: Theme,
}

impl StoreCardScreen {
    pub fn new(view: StoreCardView, theme: Theme) -> Self {
        Self { view, theme }
    }

    pub fn context(&self) -> KeyContext {
        KeyContext::StoreCard
    }

    pub fn handle(&mut self, action: Action) -> Option<Effect> {
        let code = self.view.store.code.clone();
        match action {
            Action::Order => Some(Effect::OpenOrder(code)),
            Action::StartVisit => Some(Effect::StartVisit(code)),
            Action::ClientFile => Some(Effect::OpenClientFile(code)),
            _ => None,
        }
    }

    fn field<'a>(&self, label: String, value: impl Into<Span<'a>>) -> Line<'a> {
        Line::from(vec![
            Span::styled(format!("{label}: "), self.theme.style(Tone::Muted)),
            value.into(),
        ])
    }
}

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".into()
    } else {
        s.to_string()
    }
}

impl Widget for &StoreCardScreen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let v = &self.view;
        let s = &v.store;
        let block = crate::ui::framed(format!("{} · {}", s.name, s.code), th);
        let inner = block.inner(area);
        block.render(area, buf);
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(inner);

        let channel = t!(&format!("channel-{}", s.preferred_channel.key()));
        let weekdays: Vec<String> = s
            .visit_weekdays
            .days()
            .map(|d| {
                let monday = NaiveDate::from_isoywd_opt(2026, 1, d).unwrap_or_default();
                i18n::weekday(monday)
            })
            .collect();
        let overdue = match v.overdue_days {
            Some(d) => Span::styled(t!("route-overdue", days = d), th.style(Tone::Danger)),
            None => Span::styled(t!("card-on-schedule"), th.style(Tone::Ok)),
        };
        let last = v.last_visit.map(i18n::date).unwrap_or_else(|| t!("never"));
        let mut lines = vec![];
        if v.conflicts > 0 {
            lines.push(Line::styled(
                t!("conflicts-mark", count = v.conflicts),
                th.style(Tone::Warn),
            ));
        }
        lines.extend([
            self.field(
                t!("card-address"),
                format!("{}, {}", or_dash(&s.address), s.city),
            ),
            self.field(t!("card-decision-maker"), or_dash(&s.decision_maker)),
            self.field(t!("card-phone"), or_dash(&s.phone)),
            self.field(t!("card-email"), or_dash(&s.email)),
            self.field(t!("card-channel"), channel),
            Line::raw(""),
            self.field(t!("card-rep"), format!("{} ({})", v.rep_name, s.rep)),
            self.field(
                t!("card-frequency"),
                t!("card-every-days", days = i64::from(s.visit_every_days)),
            ),
            self.field(t!("card-weekdays"), weekdays.join(", ")),
            self.field(t!("col-last-visit"), last),
            self.field(t!("card-next-due"), i18n::date(v.next_due)),
            Line::from(vec![overdue]),
            Line::raw(""),
            self.field(
                t!("card-terms"),
                t!(
                    "card-terms-value",
                    days = i64::from(s.deferral_days),
                    limit = s.credit_limit.to_string()
                ),
            ),
            self.field(t!("card-must-stock"), v.must_stock.to_string()),
        ]);
        if let Some(st) = &v.standing {
            lines.push(Line::raw(""));
            lines.push(self.field(
                t!("card-loyalty"),
                t!("card-loyalty-value", index = i64::from(st.index)),
            ));
            let (key, tone) = if st.at_risk {
                ("client-at-risk", Tone::Danger)
            } else {
                ("client-risk", Tone::Muted)
            };
            lines.push(Line::styled(
                t!(
                    key,
                    risk = i18n::decimal(st.risk, 2),
                    why = st.reasons.clone()
                ),
                th.style(tone),
            ));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(left, buf);

        let mut right_lines = vec![Line::styled(
            t!("card-recent-visits"),
            th.style(Tone::Title),
        )];
        if v.recent_visits.is_empty() {
            right_lines.push(Line::styled(t!("never"), th.style(Tone::Muted)));
        }
        for (date, submitted) in v.recent_visits.iter().take(5) {
            let status = if *submitted {
                t!("visit-submitted")
            } else {
                t!("visit-open")
            };
            right_lines.push(Line::raw(format!("{}  {status}", i18n::date(*date))));
        }
        right_lines.push(Line::raw(""));
        right_lines.push(Line::styled(t!("card-top-sellers"), th.style(Tone::Title)));
        for (name, units) in v.top_sellers.iter().take(8) {
            right_lines.push(Line::from(vec![
                Span::styled(format!("{units:>5.0}  "), th.style(Tone::Key)),
                Span::raw(name.clone()),
            ]));
        }
        if !v.open_problems.is_empty() {
            right_lines.push(Line::raw(""));
            right_lines.push(Line::styled(
                t!("card-open-problems"),
                th.style(Tone::Danger),
            ));
            for (text, due) in &v.open_problems {
                right_lines.push(Line::raw(format!("{}  ({})", text, i18n::date(*due))));
            }
        }
        if !v.orders_to_chase.is_empty() {
            right_lines.push(Line::raw(""));
            right_lines.push(Line::styled(
                t!("card-orders-chase"),
                th.style(Tone::Danger),
            ));
            for (number, delivered, ordered) in &v.orders_to_chase {
                let share = (*delivered * 100).checked_div(*ordered).unwrap_or(0);
                right_lines.push(Line::raw(t!(
                    "card-order-fill",
                    number = number.clone(),
                    percent = share,
                    delivered = *delivered,
                    ordered = *ordered
                )));
            }
        }
        if !v.pending_returns.is_empty() {
            right_lines.push(Line::raw(""));
            right_lines.push(Line::styled(
                t!("card-pending-returns", days = v.returns_within_days),
                th.style(Tone::Title),
            ));
            for r in &v.pending_returns {
                let role = if r.flagged {
                    Tone::Danger
                } else {
                    Tone::Normal
                };
                let flag = if r.flagged { "⚑ " } else { "" };
                right_lines.push(Line::styled(
                    format!(
                        "{flag}{} × {} · {} · {}",
                        r.name,
                        r.qty,
                        r.value,
                        t!("days-ago", days = r.days)
                    ),
                    th.style(role),
                ));
            }
        }
        Paragraph::new(right_lines).render(right, buf);
    }
}

delegate_screen!(StoreCardScreen);
