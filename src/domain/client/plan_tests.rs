use super::*;
use crate::domain::client::{Birthday, ContactOutcome};
use crate::domain::dates::{StoreDates, upcoming};
use crate::domain::{Money, WeekdaySet};
use chrono::{TimeZone, Utc};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn meta() -> RecordMeta {
    RecordMeta::fresh(
        "R01",
        "dev",
        Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap(),
    )
}

fn store(channel: Channel) -> Store {
    Store {
        meta: meta(),
        code: "S1".into(),
        name: "Берёзка".into(),
        address: String::new(),
        city: String::new(),
        decision_maker: String::new(),
        phone: "+7 900 000 00 00".into(),
        email: String::new(),
        preferred_channel: channel,
        visit_every_days: 7,
        visit_weekdays: WeekdaySet::of(&[]),
        rep: "R01".into(),
        route_order: 1,
        deferral_days: 0,
        credit_limit: Money(0),
    }
}

fn person(name: &str, birthday: Option<(u32, u32)>, preferred: Channel) -> Contact {
    Contact {
        meta: meta(),
        store_code: "S1".into(),
        name: name.into(),
        role: "owner".into(),
        decision_maker: true,
        phone: "+7 900 111 22 33".into(),
        email: "anna@example.ru".into(),
        messenger: String::new(),
        birthday: birthday.map(|(month, day)| Birthday {
            year: None,
            month,
            day,
        }),
        preferred,
        removed: false,
    }
}

fn contact_on(date: NaiveDate, topic: ContactTopic, who: Option<Ulid>) -> TimelineEntry {
    TimelineEntry {
        meta: meta(),
        store_code: "S1".into(),
        date,
        kind: EntryKind::ContactMade {
            channel: Channel::Phone,
            topic,
            outcome: ContactOutcome::Done,
        },
        text: String::new(),
        contact: who,
    }
}

struct Case {
    store: Store,
    contacts: Vec<Contact>,
    entries: Vec<TimelineEntry>,
    problems: Vec<(Ulid, String, NaiveDate)>,
    last_visit: Option<NaiveDate>,
    at_risk: Option<String>,
}

impl Case {
    fn new(channel: Channel, contacts: Vec<Contact>) -> Self {
        Self {
            store: store(channel),
            contacts,
            entries: vec![],
            problems: vec![],
            last_visit: Some(d(3, 2)),
            at_risk: None,
        }
    }

    fn plan(&self, today: NaiveDate, snoozes: &[PlanSnooze]) -> Vec<PlanItem> {
        let dates = upcoming(
            &StoreDates {
                country: "RU",
                contacts: &self.contacts,
                since: None,
                company: &[],
            },
            today,
            7,
        );
        let s = PlanStore {
            store: &self.store,
            contacts: &self.contacts,
            dates: &dates,
            entries: &self.entries,
            problems: &self.problems,
            last_visit: self.last_visit,
            at_risk: self.at_risk.clone(),
        };
        contact_plan(&[s], snoozes, today)
    }
}

fn keys(items: &[PlanItem]) -> Vec<String> {
    items.iter().map(|i| i.key.clone()).collect()
}

#[test]
fn a_birthday_this_week_and_8_march_are_greetings_with_the_persons_channel() {
    let c = Case::new(
        Channel::Visit,
        vec![person("Анна", Some((3, 6)), Channel::Email)],
    );
    let plan = c.plan(d(3, 4), &[]);
    let id = c.contacts[0].meta.id;
    assert_eq!(
        keys(&plan),
        vec![
            format!("birthday:{id}:2026-03-06"),
            "holiday:womens_day:2026-03-08".to_string()
        ]
    );
    assert_eq!(plan[0].channel, Channel::Email);
    assert_eq!(plan[0].address, "anna@example.ru");
    assert_eq!(plan[0].person.as_ref().unwrap().1, "Анна");
}

#[test]
fn a_greeting_logged_for_the_person_is_done_another_persons_is_not() {
    let mut c = Case::new(
        Channel::Visit,
        vec![person("Анна", Some((3, 6)), Channel::Email)],
    );
    let id = c.contacts[0].meta.id;
    c.entries = vec![contact_on(
        d(3, 4),
        ContactTopic::Greeting,
        Some(Ulid::new()),
    )];
    assert_eq!(
        c.plan(d(3, 4), &[]).len(),
        1,
        "only the holiday was greeted"
    );
    c.entries = vec![contact_on(d(3, 4), ContactTopic::Greeting, Some(id))];
    assert!(c.plan(d(3, 4), &[]).is_empty());
    // a greeting from last year does not count this year
    c.entries = vec![contact_on(
        d(3, 4) - Duration::days(365),
        ContactTopic::Greeting,
        Some(id),
    )];
    assert_eq!(c.plan(d(3, 4), &[]).len(), 2);
}

#[test]
fn calls_are_due_by_the_stores_cadence_for_phone_stores_only() {
    // (preferred channel, last visit, last contact, today, call due?)
    let cases = [
        (Channel::Phone, Some(d(5, 1)), None, d(5, 7), false), // 6 days of 7
        (Channel::Phone, Some(d(5, 1)), None, d(5, 8), true),  // 7 days: due
        (Channel::Phone, None, None, d(5, 8), true),           // never reached
        (Channel::Phone, Some(d(5, 1)), Some(d(5, 5)), d(5, 8), false), // called since
        (Channel::Visit, Some(d(4, 1)), None, d(5, 8), false), // seen on visits
    ];
    for (channel, visit, contact, today, due) in cases {
        let mut c = Case::new(channel, vec![person("Анна", None, channel)]);
        c.last_visit = visit;
        c.entries = contact
            .map(|on| contact_on(on, ContactTopic::Offer, None))
            .into_iter()
            .collect();
        let plan = c.plan(today, &[]);
        assert_eq!(
            plan.iter().any(|i| i.key == "call"),
            due,
            "{channel:?} {visit:?} {contact:?} {today}"
        );
    }
}

#[test]
fn problems_due_by_tomorrow_come_first_then_risk_then_calls() {
    let mut c = Case::new(Channel::Phone, vec![person("Анна", None, Channel::Phone)]);
    c.last_visit = None;
    let late = Ulid::new();
    c.problems = vec![
        (late, "fridge broken".into(), d(5, 2)),
        (Ulid::new(), "next month".into(), d(6, 1)),
    ];
    c.at_risk = Some("no order for 41 days; usually every 9".into());
    let plan = c.plan(d(5, 12), &[]);
    assert_eq!(
        keys(&plan),
        vec![format!("problem:{late}"), "at_risk".into(), "call".into()]
    );
    // chased today: off the plan until tomorrow
    c.entries = vec![contact_on(d(5, 12), ContactTopic::Problem, None)];
    assert!(!keys(&c.plan(d(5, 12), &[])).contains(&format!("problem:{late}")));
    assert!(keys(&c.plan(d(5, 13), &[])).contains(&format!("problem:{late}")));
}

#[test]
fn a_snooze_hides_an_item_until_its_day() {
    let mut c = Case::new(Channel::Visit, vec![person("Анна", None, Channel::Phone)]);
    c.at_risk = Some("slowing".into());
    c.last_visit = Some(d(5, 11));
    let z = PlanSnooze {
        meta: meta(),
        store_code: "S1".into(),
        item: "at_risk".into(),
        until: d(5, 13),
    };
    assert!(c.plan(d(5, 12), std::slice::from_ref(&z)).is_empty());
    assert_eq!(keys(&c.plan(d(5, 13), &[z])), vec!["at_risk".to_string()]);
}

#[test]
fn marking_done_logs_the_contact_that_takes_the_item_off() {
    let mut c = Case::new(
        Channel::Visit,
        vec![person("Анна", Some((5, 13)), Channel::Phone)],
    );
    c.last_visit = Some(d(5, 11));
    let today = d(5, 12);
    let plan = c.plan(today, &[]);
    assert_eq!(plan.len(), 1);
    let entry = done_entry(&plan[0], meta(), today);
    assert_eq!(entry.contact, Some(c.contacts[0].meta.id));
    assert!(matches!(
        entry.kind,
        EntryKind::ContactMade {
            topic: ContactTopic::Greeting,
            channel: Channel::Phone,
            outcome: ContactOutcome::Done
        }
    ));
    c.entries.push(entry);
    assert!(c.plan(today, &[]).is_empty());
}

#[test]
fn a_store_without_people_is_reached_by_its_own_channel() {
    let mut c = Case::new(Channel::Phone, vec![]);
    c.last_visit = None;
    let plan = c.plan(d(5, 12), &[]);
    assert_eq!(keys(&plan), vec!["call".to_string()]);
    assert_eq!(plan[0].address, "+7 900 000 00 00");
    assert_eq!(plan[0].person, None);
}

#[test]
fn a_bulletin_sent_is_not_a_call_to_a_store_at_risk() {
    let mut c = Case::new(Channel::Visit, vec![person("Анна", None, Channel::Phone)]);
    c.at_risk = Some("no order for 41 days; usually every 9".into());
    c.last_visit = Some(d(5, 11));
    let mut sent = contact_on(d(5, 10), ContactTopic::Offer, None);
    sent.kind = EntryKind::ContactMade {
        channel: Channel::Email,
        topic: ContactTopic::Offer,
        outcome: ContactOutcome::Sent,
    };
    c.entries.push(sent);
    assert_eq!(keys(&c.plan(d(5, 12), &[])), vec!["at_risk".to_string()]);
    // a call made does take it off
    c.entries
        .push(contact_on(d(5, 11), ContactTopic::Other, None));
    assert!(c.plan(d(5, 12), &[]).is_empty());
}
