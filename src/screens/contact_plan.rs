//! Today's contacts across the rep's stores: greetings due this week, open
//! problems, calls by the store's cadence and stores at risk, each with the
//! person, their channel and how to reach them. `d` logs the contact in the
//! client file (the item leaves the list), `z` puts it off to tomorrow.

use crate::domain::client::{PlanItem, PlanReason};
use crate::domain::dates::Occasion;
use crate::i18n;
use crate::keymap::{Action, KeyContext};
use crate::screens::Effect;
use crate::t;
use crate::ui::{Theme, Tone};
use chrono::NaiveDate;
use ratatui::prelude::*;
use ratatui::widgets::Paragraph;

pub struct ContactPlanScreen {
    pub items: Vec<PlanItem>,
    pub today: NaiveDate,
    pub selected: usize,
    pub theme: Theme,
}

impl ContactPlanScreen {
    pub fn new(items: Vec<PlanItem>, today: NaiveDate, theme: Theme) -> Self {
        Self {
            items,
            today,
            selected: 0,
            theme,
        }
    }

    pub fn reload(&mut self, items: Vec<PlanItem>) {
        self.items = items;
        self.selected = self.selected.min(self.items.len().saturating_sub(1));
    }

    pub fn context(&self) -> KeyContext {
        KeyContext::ContactPlan
    }

    pub fn handle(&mut self, action: Action) -> Option<Effect> {
        if let Some(i) = crate::screens::moved(action, self.selected, self.items.len()) {
            self.selected = i;
            return Some(Effect::None);
        }
        let item = self.items.get(self.selected);
        match action {
            Action::MarkDone => {
                Some(item.map_or(Effect::None, |i| Effect::PlanDone(Box::new(i.clone()))))
            }
            Action::Snooze => {
                Some(item.map_or(Effect::None, |i| Effect::PlanSnooze(Box::new(i.clone()))))
            }
            Action::ClientFile => Some(item.map_or(Effect::None, |i| {
                Effect::OpenClientFile(i.store_code.clone())
            })),
            _ => None,
        }
    }
}

/// What the item asks for, in words.
pub fn reason_text(item: &PlanItem, today: NaiveDate) -> String {
    match &item.reason {
        PlanReason::Greeting(o) => {
            let what = match o {
                Occasion::Birthday { name, .. } => t!("date-birthday", name = name.clone()),
                Occasion::Anniversary { years } => {
                    t!("date-anniversary", years = i64::from(*years))
                }
                Occasion::Holiday { key, name, .. } => {
                    let id = format!("holiday-{key}");
                    let text = t!(&id);
                    if text == id { name.clone() } else { text }
                }
                Occasion::Company { title } => title.clone(),
            };
            let when = if item.date == today {
                t!("plan-today")
            } else {
                i18n::date(item.date)
            };
            t!("plan-greet", what = what, when = when)
        }
        PlanReason::CallDue { since, every } => match since {
            Some(days) => t!("plan-call-due", days = *days, every = *every),
            None => t!("plan-call-never"),
        },
        PlanReason::ProblemDue { text } => {
            if item.date < today {
                t!(
                    "plan-problem-late",
                    text = text.clone(),
                    date = i18n::date(item.date)
                )
            } else {
                t!(
                    "plan-problem-due",
                    text = text.clone(),
                    date = i18n::date(item.date)
                )
            }
        }
        PlanReason::AtRisk { reason } => t!("plan-at-risk", why = reason.clone()),
    }
}

impl Widget for &ContactPlanScreen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let block = crate::ui::framed(
            t!(
                "plan-title",
                date = i18n::date(self.today),
                count = self.items.len()
            ),
            th,
        );
        let inner = block.inner(area);
        block.render(area, buf);
        if self.items.is_empty() {
            Paragraph::new(Line::styled(t!("plan-empty"), th.style(Tone::Muted)))
                .render(inner, buf);
            return;
        }
        // two lines an item: what, then who and how
        let per_page = usize::from(inner.height / 2).max(1);
        let top = crate::ui::scroll_offset(self.selected, self.items.len(), per_page);
        let mut lines = Vec::new();
        for (i, item) in self.items.iter().enumerate().skip(top).take(per_page) {
            let selected = i == self.selected;
            let mark = if selected { "▸ " } else { "  " };
            let tone = match &item.reason {
                PlanReason::ProblemDue { .. } if item.date < self.today => Tone::Danger,
                PlanReason::AtRisk { .. } => Tone::Warn,
                _ if selected => Tone::Selected,
                _ => Tone::Normal,
            };
            lines.push(Line::styled(
                format!(
                    "{mark}{} · {}",
                    item.store_name,
                    reason_text(item, self.today)
                ),
                th.style(tone),
            ));
            let who = item
                .person
                .as_ref()
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| t!("plan-no-person"));
            let channel = t!(&format!("channel-{}", item.channel.key()));
            let reach = if item.address.is_empty() {
                format!("{who} · {channel}")
            } else {
                format!("{who} · {channel}: {}", item.address)
            };
            lines.push(Line::styled(format!("    {reach}"), th.style(Tone::Muted)));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

delegate_screen!(ContactPlanScreen);
