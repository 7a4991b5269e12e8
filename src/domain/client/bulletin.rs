//! Bulletins: an offer, news or an event for a segment of the book. The
//! laptop sends nothing; the front end writes the files a mail merge, a
//! mail client or a phone round needs, and logs a contact per recipient.

use super::contact::Contact;
use super::timeline::ContactTopic;
use crate::domain::store::{Channel, Store};
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bulletin {
    pub title: String,
    pub text: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub promo: Option<String>,
    /// Offer, news or event.
    pub topic: ContactTopic,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BulletinError {
    #[error("the title is empty")]
    NoTitle,
    #[error("the text is empty")]
    NoText,
    #[error("the bulletin ends ({to}) before it starts ({from})")]
    EndsBeforeStart { from: NaiveDate, to: NaiveDate },
    #[error("a bulletin is an offer, news or an event")]
    Topic,
    #[error(
        "unknown segment {0:?}: all, loyal, trusted, at-risk, city:NAME, rep:CODE or channel:KIND"
    )]
    Segment(String),
}

impl Bulletin {
    pub fn new(
        title: &str,
        text: &str,
        from: NaiveDate,
        to: NaiveDate,
        promo: Option<&str>,
        topic: ContactTopic,
    ) -> Result<Self, BulletinError> {
        if title.trim().is_empty() {
            return Err(BulletinError::NoTitle);
        }
        if text.trim().is_empty() {
            return Err(BulletinError::NoText);
        }
        if to < from {
            return Err(BulletinError::EndsBeforeStart { from, to });
        }
        if !matches!(
            topic,
            ContactTopic::Offer | ContactTopic::News | ContactTopic::Event
        ) {
            return Err(BulletinError::Topic);
        }
        Ok(Self {
            title: title.trim().to_string(),
            text: text.trim_end().to_string(),
            from,
            to,
            promo: promo
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string),
            topic,
        })
    }
}

/// Who gets a bulletin. Several segments narrow each other (loyal stores in
/// one city).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    All,
    Loyal,
    Trusted,
    AtRisk,
    City(String),
    Rep(String),
    Channel(Channel),
}

impl Segment {
    pub fn parse(text: &str) -> Result<Self, BulletinError> {
        let t = text.trim();
        let bad = || BulletinError::Segment(t.to_string());
        let (head, value) = match t.split_once(':') {
            Some((h, v)) => (h.trim().to_lowercase(), Some(v.trim())),
            None => (t.to_lowercase(), None),
        };
        let value = || value.filter(|v| !v.is_empty()).ok_or_else(bad);
        Ok(match head.as_str() {
            "all" => Self::All,
            "loyal" => Self::Loyal,
            "trusted" => Self::Trusted,
            "at-risk" | "at_risk" | "risk" => Self::AtRisk,
            "city" => Self::City(value()?.to_string()),
            "rep" => Self::Rep(value()?.to_string()),
            "channel" => Self::Channel(Channel::parse(value()?).ok_or_else(bad)?),
            _ => return Err(bad()),
        })
    }

    fn matches(&self, f: &SegmentFacts<'_>) -> bool {
        match self {
            Self::All => true,
            Self::Loyal => f.loyal,
            Self::Trusted => f.trusted,
            Self::AtRisk => f.at_risk,
            Self::City(c) => fold(&f.store.city) == fold(c),
            Self::Rep(r) => f.store.rep.eq_ignore_ascii_case(r),
            Self::Channel(c) => recipient(f).channel == *c,
        }
    }
}

/// Case-folded for any script (Cyrillic city names too).
fn fold(s: &str) -> String {
    s.trim().to_lowercase()
}

/// What the segments look at, for one store.
pub struct SegmentFacts<'a> {
    pub store: &'a Store,
    /// Not removed.
    pub contacts: &'a [Contact],
    pub loyal: bool,
    pub trusted: bool,
    pub at_risk: bool,
}

/// One store's addressee: its decision maker (else its first person, else
/// the store's own details) on their preferred channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub store_code: String,
    pub store_name: String,
    pub person: String,
    /// The client-file person addressed; none: the store's own details.
    pub contact: Option<ulid::Ulid>,
    /// Email only when there is an address to write to.
    pub channel: Channel,
    pub email: String,
    pub phone: String,
    pub messenger: String,
}

fn recipient(f: &SegmentFacts<'_>) -> Recipient {
    let person = f
        .contacts
        .iter()
        .find(|c| c.decision_maker)
        .or_else(|| f.contacts.first());
    let (name, preferred, email, phone, messenger) = match person {
        Some(c) => (
            c.name.clone(),
            c.preferred,
            c.email.clone(),
            c.phone.clone(),
            c.messenger.clone(),
        ),
        None => (
            f.store.decision_maker.clone(),
            f.store.preferred_channel,
            f.store.email.clone(),
            f.store.phone.clone(),
            String::new(),
        ),
    };
    let channel = match preferred {
        Channel::Email if email.trim().is_empty() => {
            if phone.trim().is_empty() {
                Channel::Visit
            } else {
                Channel::Phone
            }
        }
        Channel::Phone | Channel::Messenger if phone.is_empty() && messenger.is_empty() => {
            Channel::Visit
        }
        c => c,
    };
    Recipient {
        store_code: f.store.code.clone(),
        store_name: f.store.name.clone(),
        person: name,
        contact: person.map(|c| c.meta.id),
        channel,
        email,
        phone,
        messenger,
    }
}

/// One recipient per store in every segment, by store code. No segment:
/// every store.
pub fn recipients(stores: &[SegmentFacts<'_>], segments: &[Segment]) -> Vec<Recipient> {
    let mut out: Vec<Recipient> = stores
        .iter()
        .filter(|f| segments.iter().all(|s| s.matches(f)))
        .map(recipient)
        .collect();
    out.sort_by(|a, b| a.store_code.cmp(&b.store_code));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RecordMeta;
    use chrono::{TimeZone, Utc};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn store(code: &str, city: &str, rep: &str) -> Store {
        Store {
            meta: RecordMeta::fresh("t", "t", Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()),
            code: code.into(),
            name: format!("Store {code}"),
            address: String::new(),
            city: city.into(),
            decision_maker: String::new(),
            phone: String::new(),
            email: String::new(),
            preferred_channel: Channel::Phone,
            visit_every_days: 7,
            visit_weekdays: crate::domain::WeekdaySet::default(),
            rep: rep.into(),
            route_order: 0,
            deferral_days: 0,
            credit_limit: crate::domain::Money(0),
        }
    }

    fn person(store: &str, name: &str, dm: bool, preferred: Channel, email: &str) -> Contact {
        let at = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
        Contact {
            meta: RecordMeta::fresh("R01", "dev", at),
            store_code: store.into(),
            name: name.into(),
            role: String::new(),
            decision_maker: dm,
            phone: "+40 21 555".into(),
            email: email.into(),
            messenger: String::new(),
            birthday: None,
            preferred,
            removed: false,
        }
    }

    #[test]
    fn a_bulletin_needs_a_title_text_and_dates_in_order() {
        let ok = Bulletin::new(
            "Spring",
            "Two for one",
            d(3, 1),
            d(3, 31),
            Some(" PR1 "),
            ContactTopic::Offer,
        )
        .unwrap();
        assert_eq!(ok.promo.as_deref(), Some("PR1"));
        assert_eq!(
            Bulletin::new(" ", "x", d(3, 1), d(3, 2), None, ContactTopic::News),
            Err(BulletinError::NoTitle)
        );
        assert_eq!(
            Bulletin::new("t", "", d(3, 1), d(3, 2), None, ContactTopic::News),
            Err(BulletinError::NoText)
        );
        assert!(matches!(
            Bulletin::new("t", "x", d(3, 2), d(3, 1), None, ContactTopic::Event),
            Err(BulletinError::EndsBeforeStart { .. })
        ));
        assert_eq!(
            Bulletin::new("t", "x", d(3, 1), d(3, 1), None, ContactTopic::Greeting),
            Err(BulletinError::Topic)
        );
    }

    #[test]
    fn segments_parse_and_refuse_what_they_do_not_know() {
        assert_eq!(Segment::parse("Loyal").unwrap(), Segment::Loyal);
        assert_eq!(Segment::parse("at-risk").unwrap(), Segment::AtRisk);
        assert_eq!(
            Segment::parse("city: София").unwrap(),
            Segment::City("София".into())
        );
        assert_eq!(
            Segment::parse("channel:email").unwrap(),
            Segment::Channel(Channel::Email)
        );
        for bad in ["city:", "channel:fax", "vip", "rep"] {
            assert!(Segment::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn recipients_are_the_decision_makers_of_the_stores_in_every_segment() {
        let a = store("S1", "София", "R01");
        let b = store("S2", "Пловдив", "R01");
        let c = store("S3", "софия", "R02");
        let a_people = vec![
            person("S1", "Assistant", false, Channel::Phone, ""),
            person("S1", "Owner", true, Channel::Email, "owner@s1.bg"),
        ];
        let c_people = vec![person("S3", "Buyer", false, Channel::Email, "")];
        let facts = vec![
            SegmentFacts {
                store: &a,
                contacts: &a_people,
                loyal: true,
                trusted: false,
                at_risk: false,
            },
            SegmentFacts {
                store: &b,
                contacts: &[],
                loyal: true,
                trusted: true,
                at_risk: true,
            },
            SegmentFacts {
                store: &c,
                contacts: &c_people,
                loyal: false,
                trusted: false,
                at_risk: true,
            },
        ];
        let all = recipients(&facts, &[]);
        assert_eq!(all.len(), 3);
        assert_eq!(all[0].person, "Owner");
        assert_eq!(all[0].channel, Channel::Email);
        // no person: the store's own details; email without an address: the phone
        assert_eq!(all[1].channel, Channel::Visit);
        assert_eq!(all[2].channel, Channel::Phone);

        let sofia = recipients(&facts, &[Segment::City("СОФИЯ".into())]);
        assert_eq!(
            sofia
                .iter()
                .map(|r| r.store_code.as_str())
                .collect::<Vec<_>>(),
            ["S1", "S3"]
        );
        let loyal_at_risk = recipients(&facts, &[Segment::Loyal, Segment::AtRisk]);
        assert_eq!(loyal_at_risk.len(), 1);
        assert_eq!(loyal_at_risk[0].store_code, "S2");
        assert_eq!(recipients(&facts, &[Segment::Rep("r02".into())]).len(), 1);
        assert_eq!(recipients(&facts, &[Segment::Trusted]).len(), 1);
        let by_mail = recipients(&facts, &[Segment::Channel(Channel::Email)]);
        assert_eq!(by_mail.len(), 1);
        assert_eq!(by_mail[0].email, "owner@s1.bg");
    }
}
