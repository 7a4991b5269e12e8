//! Entries of the relationship timeline a rep logs by hand: why a store
//! complained or refused, its problems, contacts made, competitors seen and
//! referrals. Each is one record, so sync merges them like the rest.

use crate::domain::{Channel, RecordMeta};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ulid::Ulid;

/// Why a store complained or refused to buy. The first three are the
/// reasons lost clients give most; the rest cover the everyday ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WhyLost {
    ProductDidNotFit,
    DislikedStaff,
    PushySelling,
    Quality,
    Delivery,
    Price,
    Other,
}

impl WhyLost {
    pub const ALL: [Self; 7] = [
        Self::ProductDidNotFit,
        Self::DislikedStaff,
        Self::PushySelling,
        Self::Quality,
        Self::Delivery,
        Self::Price,
        Self::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::ProductDidNotFit => "product_did_not_fit",
            Self::DislikedStaff => "disliked_staff",
            Self::PushySelling => "pushy_selling",
            Self::Quality => "quality",
            Self::Delivery => "delivery",
            Self::Price => "price",
            Self::Other => "other",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key.trim())
    }
}

/// What a contact with the store was about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContactTopic {
    Offer,
    News,
    Event,
    Greeting,
    Problem,
    Other,
}

impl ContactTopic {
    pub const ALL: [Self; 6] = [
        Self::Offer,
        Self::News,
        Self::Event,
        Self::Greeting,
        Self::Problem,
        Self::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Offer => "offer",
            Self::News => "news",
            Self::Event => "event",
            Self::Greeting => "greeting",
            Self::Problem => "problem",
            Self::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContactOutcome {
    /// Reached and the matter is settled (greeted, offer heard).
    Done,
    /// Reached; the store wants to be asked again.
    FollowUp,
    /// Reached and declined.
    Declined,
    /// Not reached (no answer, bounced).
    NoAnswer,
    /// A bulletin was written for sending by e-mail; no answer yet. Not
    /// offered when logging by hand (`ALL`), nor is `Queued`.
    Sent,
    /// A bulletin put on the call and messenger list: nobody spoke yet.
    Queued,
}

impl ContactOutcome {
    pub const ALL: [Self; 4] = [Self::Done, Self::FollowUp, Self::Declined, Self::NoAnswer];

    pub fn key(self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::FollowUp => "follow_up",
            Self::Declined => "declined",
            Self::NoAnswer => "no_answer",
            Self::Sent => "sent",
            Self::Queued => "queued",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    pub on: NaiveDate,
    /// How it was solved, in the rep's words.
    pub how: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemEntry {
    pub due: NaiveDate,
    pub resolved: Option<Resolution>,
}

impl ProblemEntry {
    /// Open and past its due date: the card and contact plan flag it.
    pub fn is_open_past_due(&self, today: NaiveDate) -> bool {
        self.resolved.is_none() && today > self.due
    }

    /// Days from logging to resolution, for "problems solved fast".
    pub fn days_to_resolve(&self, logged: NaiveDate) -> Option<i64> {
        self.resolved.as_ref().map(|r| (r.on - logged).num_days())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntryKind {
    Complaint(WhyLost),
    /// The store refused to buy (a whole order or an offer).
    Refusal(WhyLost),
    Problem(ProblemEntry),
    ContactMade {
        channel: Channel,
        topic: ContactTopic,
        outcome: ContactOutcome,
    },
    CompetitorNote {
        /// The competitor's name as the rep knows it.
        competitor: String,
    },
    /// This store recommended us to another store.
    Referral {
        /// Name (or code, once it is a client) of the store referred.
        referred: String,
    },
}

/// One hand-logged entry. `text` is the free text every kind carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub meta: RecordMeta,
    pub store_code: String,
    pub date: NaiveDate,
    pub kind: EntryKind,
    pub text: String,
    /// The person concerned, when there is one.
    pub contact: Option<Ulid>,
}

/// What the timeline can be filtered by: the hand-logged kinds plus the
/// records that live elsewhere (visits, orders, returns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimelineFilter {
    All,
    Visits,
    Orders,
    Returns,
    Complaints,
    Refusals,
    Problems,
    Contacts,
    Competitors,
    Referrals,
}

impl TimelineFilter {
    pub const ALL: [Self; 10] = [
        Self::All,
        Self::Visits,
        Self::Orders,
        Self::Returns,
        Self::Complaints,
        Self::Refusals,
        Self::Problems,
        Self::Contacts,
        Self::Competitors,
        Self::Referrals,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Visits => "visits",
            Self::Orders => "orders",
            Self::Returns => "returns",
            Self::Complaints => "complaints",
            Self::Refusals => "refusals",
            Self::Problems => "problems",
            Self::Contacts => "contacts",
            Self::Competitors => "competitors",
            Self::Referrals => "referrals",
        }
    }

    pub fn shows(self, entry: &TimelineEntry) -> bool {
        self == Self::All || entry.filter() == self
    }
}

impl TimelineEntry {
    /// The filter this entry belongs to.
    pub fn filter(&self) -> TimelineFilter {
        match self.kind {
            EntryKind::Complaint(_) => TimelineFilter::Complaints,
            EntryKind::Refusal(_) => TimelineFilter::Refusals,
            EntryKind::Problem(_) => TimelineFilter::Problems,
            EntryKind::ContactMade { .. } => TimelineFilter::Contacts,
            EntryKind::CompetitorNote { .. } => TimelineFilter::Competitors,
            EntryKind::Referral { .. } => TimelineFilter::Referrals,
        }
    }

    /// Open problems past their due date are what a supervisor chases.
    pub fn is_open_past_due(&self, today: NaiveDate) -> bool {
        matches!(&self.kind, EntryKind::Problem(p) if p.is_open_past_due(today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn entry(kind: EntryKind) -> TimelineEntry {
        TimelineEntry {
            meta: RecordMeta::fresh(
                "r1",
                "dev",
                Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap(),
            ),
            store_code: "S1".into(),
            date: day(3, 1),
            kind,
            text: "fridge broken".into(),
            contact: None,
        }
    }

    #[test]
    fn problem_past_due_only_while_open() {
        let mut p = ProblemEntry {
            due: day(3, 5),
            resolved: None,
        };
        let cases = [(day(3, 5), false), (day(3, 6), true)];
        for (today, want) in cases {
            assert_eq!(
                entry(EntryKind::Problem(p.clone())).is_open_past_due(today),
                want
            );
        }
        p.resolved = Some(Resolution {
            on: day(3, 4),
            how: "replaced".into(),
        });
        assert!(!p.is_open_past_due(day(3, 9)));
        assert_eq!(p.days_to_resolve(day(3, 1)), Some(3));
    }

    #[test]
    fn filters_and_keys() {
        let e = entry(EntryKind::Refusal(WhyLost::PushySelling));
        assert!(TimelineFilter::Refusals.shows(&e));
        assert!(TimelineFilter::All.shows(&e));
        assert!(!TimelineFilter::Complaints.shows(&e));
        for r in WhyLost::ALL {
            assert_eq!(WhyLost::parse(r.key()), Some(r));
        }
    }

    #[test]
    fn entries_survive_the_storage_encodings() {
        let e = entry(EntryKind::ContactMade {
            channel: Channel::Phone,
            topic: ContactTopic::Greeting,
            outcome: ContactOutcome::Done,
        });
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(serde_json::from_str::<TimelineEntry>(&json).unwrap(), e);
        let cfg = bincode::config::standard();
        let bytes = bincode::serde::encode_to_vec(&e, cfg).unwrap();
        let (back, _): (TimelineEntry, usize) =
            bincode::serde::decode_from_slice(&bytes, cfg).unwrap();
        assert_eq!(back, e);
    }
}
