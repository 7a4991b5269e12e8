//! Logging an entry: the numbered steps (kind, then reason or channel,
//! topic and outcome) and the forms that end them. A complaint is
//! `l 1 <reason> <text> Enter`; a contact made `l 4 <channel> <topic>
//! <outcome> Enter`: never more than six keys plus the text.

use super::form::{Field, Form};
use super::{Mode, Purpose};
use crate::domain::Channel;
use crate::domain::client::{
    Contact, ContactDraft, ContactOutcome, ContactTopic, EntryKind, ProblemEntry, Resolution,
    TimelineEntry, WhyLost, parse_date,
};
use crate::t;
use chrono::{Datelike, Duration, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    Complaint,
    Refusal,
    Problem,
    Contact,
    Competitor,
    Referral,
}

impl LogKind {
    pub const ALL: [Self; 6] = [
        Self::Complaint,
        Self::Refusal,
        Self::Problem,
        Self::Contact,
        Self::Competitor,
        Self::Referral,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Complaint => "complaint",
            Self::Refusal => "refusal",
            Self::Problem => "problem",
            Self::Contact => "contact",
            Self::Competitor => "competitor",
            Self::Referral => "referral",
        }
    }
}

pub const CHANNELS: [Channel; 4] = [
    Channel::Visit,
    Channel::Phone,
    Channel::Email,
    Channel::Messenger,
];

/// One numbered choice on the way to an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Kind,
    Why(LogKind),
    Channel,
    Topic(Channel),
    Outcome(Channel, ContactTopic),
}

impl Step {
    /// Message ids of the choices, in number order, and the step's title.
    pub fn choices(&self) -> (String, Vec<String>) {
        match self {
            Step::Kind => (
                "client-log-what".into(),
                LogKind::ALL
                    .iter()
                    .map(|k| format!("client-kind-{}", k.key()))
                    .collect(),
            ),
            Step::Why(_) => (
                "client-log-why".into(),
                WhyLost::ALL
                    .iter()
                    .map(|w| format!("why-{}", w.key().replace('_', "-")))
                    .collect(),
            ),
            Step::Channel => (
                "client-log-channel".into(),
                CHANNELS
                    .iter()
                    .map(|c| format!("channel-{}", c.key()))
                    .collect(),
            ),
            Step::Topic(_) => (
                "client-log-topic".into(),
                ContactTopic::ALL
                    .iter()
                    .map(|t| format!("topic-{}", t.key()))
                    .collect(),
            ),
            Step::Outcome(..) => (
                "client-log-outcome".into(),
                ContactOutcome::ALL
                    .iter()
                    .map(|o| format!("outcome-{}", o.key().replace('_', "-")))
                    .collect(),
            ),
        }
    }
}

/// What the numbered steps chose; the form adds the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen {
    Why(LogKind, WhyLost),
    Problem,
    Contact(Channel, ContactTopic, ContactOutcome),
    Competitor,
    Referral,
}

fn text_form(title: &str, fields: Vec<Field>) -> Form {
    Form::new(t!(title), fields)
}

fn note() -> Field {
    Field::text("text", "client-field-text", "")
}

/// The mode after choosing `pick` (0-based) at `step`; a number with no
/// choice keeps the step.
pub fn after_pick(step: Step, pick: usize, today: NaiveDate) -> Mode {
    let form = |chosen: Chosen, fields: Vec<Field>| {
        Mode::Form(
            text_form("client-log-title", fields),
            Purpose::Entry(chosen),
        )
    };
    match &step {
        Step::Kind => match LogKind::ALL.get(pick) {
            Some(k @ (LogKind::Complaint | LogKind::Refusal)) => Mode::Pick(Step::Why(*k)),
            Some(LogKind::Problem) => {
                let due = (today + Duration::days(7)).format("%Y-%m-%d").to_string();
                form(
                    Chosen::Problem,
                    vec![note(), Field::text("due", "client-field-due", &due)],
                )
            }
            Some(LogKind::Contact) => Mode::Pick(Step::Channel),
            Some(LogKind::Competitor) => form(
                Chosen::Competitor,
                vec![
                    Field::text("competitor", "client-field-competitor", ""),
                    note(),
                ],
            ),
            Some(LogKind::Referral) => form(
                Chosen::Referral,
                vec![Field::text("referred", "client-field-referred", ""), note()],
            ),
            None => Mode::Pick(step),
        },
        Step::Why(kind) => match WhyLost::ALL.get(pick) {
            Some(why) => form(Chosen::Why(*kind, *why), vec![note()]),
            None => Mode::Pick(step),
        },
        Step::Channel => match CHANNELS.get(pick) {
            Some(c) => Mode::Pick(Step::Topic(*c)),
            None => Mode::Pick(step),
        },
        Step::Topic(channel) => match ContactTopic::ALL.get(pick) {
            Some(topic) => Mode::Pick(Step::Outcome(*channel, *topic)),
            None => Mode::Pick(step),
        },
        Step::Outcome(channel, topic) => match ContactOutcome::ALL.get(pick) {
            Some(o) => form(Chosen::Contact(*channel, *topic, *o), vec![note()]),
            None => Mode::Pick(step),
        },
    }
}

type Refused = Vec<(&'static str, String)>;

fn required(form: &Form, id: &'static str) -> Result<String, Refused> {
    let v = form.text(id);
    if v.is_empty() {
        Err(vec![(id, t!("client-error-required"))])
    } else {
        Ok(v)
    }
}

/// A due date as typed: a full date, or day and month (this year, or next
/// when that day has passed). Never before today.
pub fn due_date(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let (year, month, day) = parse_date(text)
        .map_err(|e| t!(&format!("contact-error-{}", e.key().replace('_', "-"))))?;
    let on = |y: i32| NaiveDate::from_ymd_opt(y, month, day);
    let due = match year {
        Some(y) => on(y),
        None => on(today.year())
            .filter(|d| *d >= today)
            .or_else(|| on(today.year() + 1)),
    }
    .ok_or_else(|| t!("contact-error-date-invalid"))?;
    if due < today {
        return Err(t!("client-error-due-past"));
    }
    Ok(due)
}

/// The entry's kind and text from the steps and the form.
pub fn entry_of(
    chosen: &Chosen,
    form: &Form,
    today: NaiveDate,
) -> Result<(EntryKind, String), Refused> {
    let text = form.text("text");
    let kind = match chosen {
        Chosen::Why(kind, why) => {
            // "other" says nothing by itself: its words are the reason
            if *why == WhyLost::Other && text.is_empty() {
                return Err(vec![("text", t!("client-error-other-needs-text"))]);
            }
            match kind {
                super::LogKind::Refusal => EntryKind::Refusal(*why),
                _ => EntryKind::Complaint(*why),
            }
        }
        Chosen::Problem => {
            required(form, "text")?;
            let due = due_date(&form.text("due"), today).map_err(|e| vec![("due", e)])?;
            EntryKind::Problem(ProblemEntry {
                due,
                resolved: None,
            })
        }
        Chosen::Contact(channel, topic, outcome) => EntryKind::ContactMade {
            channel: *channel,
            topic: *topic,
            outcome: *outcome,
        },
        Chosen::Competitor => EntryKind::CompetitorNote {
            competitor: required(form, "competitor")?,
        },
        Chosen::Referral => EntryKind::Referral {
            referred: required(form, "referred")?,
        },
    };
    Ok((kind, text))
}

pub fn resolve_form() -> Form {
    text_form(
        "client-resolve-title",
        vec![Field::text("how", "client-field-how", "")],
    )
}

/// The problem entry marked resolved today, how in the rep's words.
pub fn resolved(
    entry: &TimelineEntry,
    form: &Form,
    today: NaiveDate,
) -> Result<TimelineEntry, Refused> {
    let how = required(form, "how")?;
    let mut e = entry.clone();
    if let EntryKind::Problem(p) = &mut e.kind {
        p.resolved = Some(Resolution { on: today, how });
    }
    Ok(e)
}

pub fn person_form(c: Option<&Contact>) -> Form {
    let d = c.map(ContactDraft::from_contact).unwrap_or_default();
    let channel = CHANNELS.iter().position(|x| *x == d.preferred).unwrap_or(0);
    let title = if c.is_some() {
        "client-person-edit"
    } else {
        "client-person-add"
    };
    text_form(
        title,
        vec![
            Field::text("name", "client-field-name", &d.name),
            Field::text("role", "client-field-role", &d.role),
            Field::choice(
                "decision_maker",
                "client-field-decision-maker",
                vec!["choice-no".into(), "choice-yes".into()],
                usize::from(d.decision_maker),
            ),
            Field::text("phone", "client-field-phone", &d.phone),
            Field::text("email", "client-field-email", &d.email),
            Field::text("messenger", "client-field-messenger", &d.messenger),
            Field::text("birthday", "client-field-birthday", &d.birthday),
            Field::choice(
                "preferred",
                "client-field-preferred",
                CHANNELS
                    .iter()
                    .map(|c| format!("channel-{}", c.key()))
                    .collect(),
                channel,
            ),
        ],
    )
}

pub fn draft_of(form: &Form) -> ContactDraft {
    ContactDraft {
        name: form.text("name"),
        role: form.text("role"),
        decision_maker: form.chosen("decision_maker") == 1,
        phone: form.text("phone"),
        email: form.text("email"),
        messenger: form.text("messenger"),
        birthday: form.text("birthday"),
        preferred: CHANNELS[form.chosen("preferred").min(CHANNELS.len() - 1)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn due_dates_as_typed() {
        let today = d(11, 24);
        assert_eq!(due_date("2026-12-01", today), Ok(d(12, 1)));
        assert_eq!(due_date("01.12", today), Ok(d(12, 1)));
        // a day and month already past this year is next year's
        assert_eq!(
            due_date("10.01", today),
            Ok(NaiveDate::from_ymd_opt(2027, 1, 10).unwrap())
        );
        assert!(due_date("2026-11-23", today).is_err());
        assert!(due_date("31.02", today).is_err());
        assert!(due_date("soon", today).is_err());
        assert_eq!(due_date("24.11.2026", today), Ok(today));
    }

    #[test]
    fn each_kind_is_reached_by_its_numbers() {
        let today = d(11, 24);
        let mode = after_pick(Step::Kind, 0, today);
        assert_eq!(mode, Mode::Pick(Step::Why(LogKind::Complaint)));
        let Mode::Form(_, Purpose::Entry(c)) = after_pick(Step::Why(LogKind::Refusal), 5, today)
        else {
            panic!("a reason ends in the text form")
        };
        assert_eq!(c, Chosen::Why(LogKind::Refusal, WhyLost::Price));
        // a number with no choice keeps the step
        assert_eq!(after_pick(Step::Kind, 6, today), Mode::Pick(Step::Kind));
        let mut step = Step::Channel;
        for pick in [1, 3] {
            let Mode::Pick(next) = after_pick(step.clone(), pick, today) else {
                panic!()
            };
            step = next;
        }
        assert_eq!(step, Step::Outcome(Channel::Phone, ContactTopic::Greeting));
    }
}
