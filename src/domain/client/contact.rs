//! A person at a store: the decision maker or anyone else the rep deals with.

use super::validate::{
    ContactError, check_email, check_messenger, check_name, check_phone, parse_date,
};
use crate::domain::{Channel, RecordMeta};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A birthday; the year is often unknown (people tell the day, not their age).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Birthday {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl Birthday {
    /// The day it is celebrated in `year`. 29 February falls on 28 February in
    /// a common year: the day stays in the birthday's month, so the greeting
    /// is not late.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day).or_else(|| {
            (self.month == 2 && self.day == 29)
                .then(|| NaiveDate::from_ymd_opt(year, 2, 28))
                .flatten()
        })
    }

    /// Age reached on the birthday in `year`, when the birth year is known.
    pub fn age_in(self, year: i32) -> Option<u32> {
        self.year
            .and_then(|born| u32::try_from(year - born).ok())
            .filter(|age| *age > 0)
    }

    /// Parses what a rep types (see `parse_date`); a birthday cannot be after `today`.
    pub fn parse(text: &str, today: NaiveDate) -> Result<Self, ContactError> {
        let (year, month, day) = parse_date(text)?;
        let birthday = Self { year, month, day };
        if let Some(y) = year
            && NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| d > today)
        {
            return Err(ContactError::DateFuture);
        }
        Ok(birthday)
    }

    /// `1985-03-08`, or `--03-08` when the year is unknown (ISO 8601).
    pub fn to_text(self) -> String {
        match self.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            None => format!("--{:02}-{:02}", self.month, self.day),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub meta: RecordMeta,
    pub store_code: String,
    pub name: String,
    /// "owner", "store manager", "buyer": free text, in the rep's words.
    pub role: String,
    /// The one who accepts orders; a store may have one or none.
    pub decision_maker: bool,
    pub phone: String,
    pub email: String,
    pub messenger: String,
    pub birthday: Option<Birthday>,
    pub preferred: Channel,
    /// Removed from the file; kept as a tombstone so sync does not bring it back.
    pub removed: bool,
}

/// The fields of a contact form as typed, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactDraft {
    pub name: String,
    pub role: String,
    pub decision_maker: bool,
    pub phone: String,
    pub email: String,
    pub messenger: String,
    pub birthday: String,
    pub preferred: Channel,
}

/// Which field failed and why, so a form can put the cursor there.
pub type FieldError = (&'static str, ContactError);

impl ContactDraft {
    /// Checks every field; `Err` lists each bad field with its reason.
    pub fn validate(
        &self,
        meta: RecordMeta,
        store_code: &str,
        today: NaiveDate,
    ) -> Result<Contact, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut take = |field: &'static str, r: Result<String, ContactError>| {
            r.map_err(|e| errors.push((field, e))).unwrap_or_default()
        };
        let name = take("name", check_name(&self.name));
        let phone = take("phone", check_phone(&self.phone));
        let email = take("email", check_email(&self.email));
        let messenger = take("messenger", check_messenger(&self.messenger));
        let birthday = if self.birthday.trim().is_empty() {
            None
        } else {
            Birthday::parse(&self.birthday, today)
                .map_err(|e| errors.push(("birthday", e)))
                .ok()
        };
        // A preferred channel with nothing to reach it by would send the contact plan nowhere.
        let reachable = match self.preferred {
            Channel::Visit => true,
            Channel::Phone => !phone.is_empty(),
            Channel::Email => !email.is_empty(),
            Channel::Messenger => !messenger.is_empty() || !phone.is_empty(),
        };
        if !reachable && errors.is_empty() {
            errors.push(("preferred", ContactError::ChannelUnreachable));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Contact {
            meta,
            store_code: store_code.to_string(),
            name,
            role: self.role.trim().to_string(),
            decision_maker: self.decision_maker,
            phone,
            email,
            messenger,
            birthday,
            preferred: self.preferred,
            removed: false,
        })
    }

    /// The form filled from an existing contact, for editing.
    pub fn from_contact(c: &Contact) -> Self {
        Self {
            name: c.name.clone(),
            role: c.role.clone(),
            decision_maker: c.decision_maker,
            phone: c.phone.clone(),
            email: c.email.clone(),
            messenger: c.messenger.clone(),
            birthday: c.birthday.map(Birthday::to_text).unwrap_or_default(),
            preferred: c.preferred,
        }
    }
}

impl Contact {
    /// Where to reach the person by their preferred channel (phone for a
    /// messenger without a handle), empty for a visit.
    pub fn address(&self) -> &str {
        match self.preferred {
            Channel::Visit => "",
            Channel::Phone => &self.phone,
            Channel::Email => &self.email,
            Channel::Messenger if self.messenger.is_empty() => &self.phone,
            Channel::Messenger => &self.messenger,
        }
    }

    /// The next birthday on or after `from`.
    pub fn next_birthday(&self, from: NaiveDate) -> Option<NaiveDate> {
        let b = self.birthday?;
        b.in_year(from.year())
            .filter(|d| *d >= from)
            .or_else(|| b.in_year(from.year() + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn meta() -> RecordMeta {
        RecordMeta::fresh(
            "r1",
            "dev",
            Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap(),
        )
    }

    #[test]
    fn leap_day_birthday_falls_on_28_february_in_common_years() {
        let b = Birthday {
            year: Some(1988),
            month: 2,
            day: 29,
        };
        assert_eq!(b.in_year(2027), Some(day(2027, 2, 28)));
        assert_eq!(b.in_year(2028), Some(day(2028, 2, 29)));
        assert_eq!(b.age_in(2027), Some(39));
    }

    #[test]
    fn draft_reports_every_bad_field() {
        let draft = ContactDraft {
            name: " ".into(),
            phone: "12".into(),
            email: "nope".into(),
            birthday: "31.02".into(),
            ..Default::default()
        };
        let errs = draft.validate(meta(), "S1", day(2026, 3, 1)).unwrap_err();
        let fields: Vec<&str> = errs.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["name", "phone", "email", "birthday"]);
    }

    #[test]
    fn draft_round_trips_and_checks_the_channel() {
        let draft = ContactDraft {
            name: "Мария Иванова".into(),
            role: "owner".into(),
            decision_maker: true,
            email: "maria@shop.bg".into(),
            birthday: "12.05".into(),
            preferred: Channel::Email,
            ..Default::default()
        };
        let c = draft.validate(meta(), "S1", day(2026, 3, 1)).unwrap();
        assert_eq!(c.address(), "maria@shop.bg");
        assert_eq!(
            ContactDraft::from_contact(&c),
            ContactDraft {
                birthday: "--05-12".into(),
                ..draft.clone()
            }
        );
        assert_eq!(c.next_birthday(day(2026, 5, 13)), Some(day(2027, 5, 12)));
        let phone_only = ContactDraft {
            preferred: Channel::Phone,
            ..draft
        };
        let errs = phone_only
            .validate(meta(), "S1", day(2026, 3, 1))
            .unwrap_err();
        assert_eq!(errs, [("preferred", ContactError::ChannelUnreachable)]);
    }

    #[test]
    fn birthday_in_the_future_is_refused() {
        assert_eq!(
            Birthday::parse("01.01.2030", day(2026, 3, 1)),
            Err(ContactError::DateFuture)
        );
    }
}
