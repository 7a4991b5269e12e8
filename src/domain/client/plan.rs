//! The contact plan: who to greet, call or chase today, across a rep's
//! stores. An item is done once the contact it asks for is in the client
//! file, so marking one done is logging that contact; a snooze hides it
//! until a day.

use super::contact::Contact;
use super::timeline::{ContactOutcome, ContactTopic, EntryKind, TimelineEntry};
use crate::domain::dates::{DateToRemember, Occasion};
use crate::domain::{Channel, RecordMeta, Store};
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ulid::Ulid;

/// An item put off: hidden until `until` (a day from the snooze).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSnooze {
    pub meta: RecordMeta,
    pub store_code: String,
    /// The item's [`PlanItem::key`].
    pub item: String,
    pub until: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum PlanReason {
    /// A birthday, anniversary or holiday on `date`.
    Greeting(Occasion),
    /// The store is reached by phone and its cadence is due.
    CallDue {
        /// Days since the last contact or visit; none: never.
        since: Option<i64>,
        every: i64,
    },
    /// An open problem due by `date` (overdue when before today).
    ProblemDue { text: String },
    /// Buying slowed for this store: the risk's reason in words.
    AtRisk { reason: String },
}

impl PlanReason {
    /// The topic logged when the item is marked done.
    pub fn topic(&self) -> ContactTopic {
        match self {
            Self::Greeting(_) => ContactTopic::Greeting,
            Self::CallDue { .. } => ContactTopic::Offer,
            Self::ProblemDue { .. } => ContactTopic::Problem,
            Self::AtRisk { .. } => ContactTopic::Other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanItem {
    /// Stable across days, so a snooze or a logged contact finds it again.
    pub key: String,
    pub store_code: String,
    pub store_name: String,
    /// The person to reach (the one with the birthday, else the decision maker).
    pub person: Option<(Ulid, String)>,
    pub channel: Channel,
    /// Phone, e-mail or handle by that channel (empty: at the next visit).
    pub address: String,
    /// The day it is for (the greeting's date, the problem's due date, today).
    pub date: NaiveDate,
    pub reason: PlanReason,
}

/// What one store brings to the plan.
pub struct PlanStore<'a> {
    pub store: &'a Store,
    pub contacts: &'a [Contact],
    /// Its dates to remember in the coming days.
    pub dates: &'a [DateToRemember],
    pub entries: &'a [TimelineEntry],
    /// Open problems of its visits and client file: id, text, due.
    pub problems: &'a [(Ulid, String, NaiveDate)],
    pub last_visit: Option<NaiveDate>,
    /// The at-risk flag's reason, when flagged.
    pub at_risk: Option<String>,
}

/// A contact is this close to a greeting to count for it (a day early or a
/// few days late is still a greeting).
const GREETING_WINDOW_DAYS: i64 = 7;
/// A store at risk called within this many days is not asked again.
const AT_RISK_CALLED_DAYS: i64 = 7;

/// Today's plan: greetings (by date), then problems (oldest due first),
/// then calls and stores at risk; done and snoozed items left out.
pub fn contact_plan(
    stores: &[PlanStore<'_>],
    snoozes: &[PlanSnooze],
    today: NaiveDate,
) -> Vec<PlanItem> {
    let mut out = Vec::new();
    for s in stores {
        plan_store(s, today, &mut out);
    }
    out.retain(|item| {
        !snoozes
            .iter()
            .any(|z| z.item == item.key && z.store_code == item.store_code && z.until > today)
    });
    // a late problem and a store slipping away first; greetings keep to
    // their week, calls to their cadence
    let rank = |r: &PlanReason| match r {
        PlanReason::ProblemDue { .. } => 0,
        PlanReason::AtRisk { .. } => 1,
        PlanReason::Greeting(_) => 2,
        PlanReason::CallDue { .. } => 3,
    };
    out.sort_by(|a, b| {
        rank(&a.reason)
            .cmp(&rank(&b.reason))
            .then(a.date.cmp(&b.date))
            .then(a.store_code.cmp(&b.store_code))
    });
    out
}

fn decision_maker(contacts: &[Contact]) -> Option<&Contact> {
    let live = || contacts.iter().filter(|c| !c.removed);
    live().find(|c| c.decision_maker).or_else(|| live().next())
}

/// A contact someone made: a bulletin sent out is not a conversation.
fn spoken(e: &TimelineEntry) -> bool {
    matches!(
        e.kind,
        EntryKind::ContactMade { outcome, .. }
            if !matches!(outcome, ContactOutcome::Sent | ContactOutcome::Queued)
    )
}

/// Contacts logged for the store on or after `from`, with this topic (any: None).
fn contacted_since(
    entries: &[TimelineEntry],
    from: NaiveDate,
    topic: Option<ContactTopic>,
) -> bool {
    entries.iter().any(|e| {
        e.date >= from
            && spoken(e)
            && matches!(&e.kind, EntryKind::ContactMade { topic: t, .. } if topic.is_none_or(|want| *t == want))
    })
}

fn last_contact(entries: &[TimelineEntry]) -> Option<NaiveDate> {
    entries.iter().filter(|e| spoken(e)).map(|e| e.date).max()
}

fn plan_store(s: &PlanStore<'_>, today: NaiveDate, out: &mut Vec<PlanItem>) {
    let dm = decision_maker(s.contacts);
    let reach = |c: Option<&Contact>| -> (Option<(Ulid, String)>, Channel, String) {
        match c {
            Some(c) => (
                Some((c.meta.id, c.name.clone())),
                c.preferred,
                c.address().to_string(),
            ),
            None => (None, s.store.preferred_channel, store_address(s.store)),
        }
    };
    let item = |key: String, c: Option<&Contact>, date: NaiveDate, reason: PlanReason| {
        let (person, channel, address) = reach(c);
        PlanItem {
            key,
            store_code: s.store.code.clone(),
            store_name: s.store.name.clone(),
            person,
            channel,
            address,
            date,
            reason,
        }
    };
    for d in s.dates {
        let (key, person) = match &d.occasion {
            Occasion::Birthday { contact, .. } => (
                format!("birthday:{contact}:{}", d.date),
                s.contacts.iter().find(|c| c.meta.id == *contact),
            ),
            Occasion::Anniversary { .. } => (format!("anniversary:{}", d.date), dm),
            Occasion::Holiday { key, .. } => (format!("holiday:{key}:{}", d.date), dm),
            Occasion::Company { title } => (format!("company:{title}:{}", d.date), dm),
        };
        let from = d.date - Duration::days(GREETING_WINDOW_DAYS);
        let greeted = s.entries.iter().any(|e| {
            e.date >= from
                && matches!(e.kind, EntryKind::ContactMade { topic: ContactTopic::Greeting, .. })
                // a birthday greeting is for that person
                && match &d.occasion {
                    Occasion::Birthday { contact, .. } => e.contact.is_none_or(|c| c == *contact),
                    _ => true,
                }
        });
        if !greeted {
            out.push(item(
                key,
                person,
                d.date,
                PlanReason::Greeting(d.occasion.clone()),
            ));
        }
    }
    for (id, text, due) in s.problems {
        if *due <= today + Duration::days(1)
            && !contacted_since(s.entries, today, Some(ContactTopic::Problem))
        {
            out.push(item(
                format!("problem:{id}"),
                dm,
                *due,
                PlanReason::ProblemDue { text: text.clone() },
            ));
        }
    }
    let channel = dm.map_or(s.store.preferred_channel, |c| c.preferred);
    let every = i64::from(s.store.visit_every_days.max(1));
    let last = [last_contact(s.entries), s.last_visit]
        .into_iter()
        .flatten()
        .max();
    let since = last.map(|d| (today - d).num_days());
    if channel == Channel::Phone && since.is_none_or(|d| d >= every) {
        out.push(item(
            "call".into(),
            dm,
            today,
            PlanReason::CallDue { since, every },
        ));
    }
    if let Some(reason) = &s.at_risk
        && !contacted_since(
            s.entries,
            today - Duration::days(AT_RISK_CALLED_DAYS - 1),
            None,
        )
    {
        out.push(item(
            "at_risk".into(),
            dm,
            today,
            PlanReason::AtRisk {
                reason: reason.clone(),
            },
        ));
    }
}

fn store_address(store: &Store) -> String {
    match store.preferred_channel {
        Channel::Visit => String::new(),
        Channel::Phone | Channel::Messenger => store.phone.clone(),
        Channel::Email => store.email.clone(),
    }
}

/// The entry that marking `item` done logs (a contact made, outcome done).
pub fn done_entry(item: &PlanItem, meta: RecordMeta, today: NaiveDate) -> TimelineEntry {
    let text = match &item.reason {
        PlanReason::ProblemDue { text } => text.clone(),
        PlanReason::AtRisk { reason } => reason.clone(),
        _ => String::new(),
    };
    TimelineEntry {
        meta,
        store_code: item.store_code.clone(),
        date: today,
        kind: EntryKind::ContactMade {
            channel: item.channel,
            topic: item.reason.topic(),
            outcome: super::timeline::ContactOutcome::Done,
        },
        text,
        contact: item.person.as_ref().map(|(id, _)| *id),
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
