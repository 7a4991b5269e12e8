//! The dates to remember for one store in the coming days: its people's
//! birthdays, its anniversary, its country's holidays and the company's own.

use super::calendar::{Calendar, CompanyDate};
use crate::domain::client::Contact;
use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use ulid::Ulid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Occasion {
    Birthday {
        contact: Ulid,
        name: String,
        /// Age reached, when the birth year is known.
        age: Option<u32>,
    },
    /// Years since the store opened or first ordered.
    Anniversary {
        years: u32,
    },
    Holiday {
        /// Message key and English name (see `Holiday`).
        key: String,
        name: String,
        public: bool,
    },
    Company {
        title: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateToRemember {
    pub date: NaiveDate,
    pub occasion: Occasion,
}

/// What one store brings to its dates.
pub struct StoreDates<'a> {
    /// The store's country code ("RU", "BG", "RO", "GB"); unknown: no holidays.
    pub country: &'a str,
    pub contacts: &'a [Contact],
    /// When the store opened, else its first order.
    pub since: Option<NaiveDate>,
    pub company: &'a [CompanyDate],
}

/// Dates from `today` to `today + days - 1` (`days` = 7: this week), by date;
/// on the same day birthdays come first (they are personal).
pub fn upcoming(store: &StoreDates<'_>, today: NaiveDate, days: u32) -> Vec<DateToRemember> {
    if days == 0 {
        return Vec::new();
    }
    let last = today + Duration::days(i64::from(days) - 1);
    let years = today.year()..=last.year();
    let mut out = Vec::new();
    for c in store.contacts.iter().filter(|c| !c.removed) {
        let Some(b) = c.birthday else { continue };
        for y in years.clone() {
            if let Some(date) = b.in_year(y).filter(|d| today <= *d && *d <= last) {
                out.push(DateToRemember {
                    date,
                    occasion: Occasion::Birthday {
                        contact: c.meta.id,
                        name: c.name.clone(),
                        age: b.age_in(y),
                    },
                });
            }
        }
    }
    if let Some(since) = store.since {
        let anniversary = super::rule::DateRule::Fixed {
            month: since.month(),
            day: since.day(),
        };
        for y in years.clone() {
            // An opening on 29 February is remembered on the 28th in common years.
            let date = anniversary
                .in_year(y)
                .or_else(|| NaiveDate::from_ymd_opt(y, 2, 28).filter(|_| since.month() == 2));
            let years_on = u32::try_from(y - since.year()).unwrap_or(0);
            if let Some(date) = date.filter(|d| today <= *d && *d <= last && years_on > 0) {
                out.push(DateToRemember {
                    date,
                    occasion: Occasion::Anniversary { years: years_on },
                });
            }
        }
    }
    if let Some(cal) = Calendar::of(store.country) {
        for (date, h) in cal.between(today, last) {
            out.push(DateToRemember {
                date,
                occasion: Occasion::Holiday {
                    key: h.key.clone(),
                    name: h.name.clone(),
                    public: h.public,
                },
            });
        }
    }
    for c in store.company.iter().filter(|c| c.applies_to(store.country)) {
        for date in c.rule.between(today, last) {
            out.push(DateToRemember {
                date,
                occasion: Occasion::Company {
                    title: c.title.clone(),
                },
            });
        }
    }
    let rank = |o: &Occasion| match o {
        Occasion::Birthday { .. } => 0,
        Occasion::Anniversary { .. } => 1,
        Occasion::Holiday { .. } => 2,
        Occasion::Company { .. } => 3,
    };
    out.sort_by_key(|d| (d.date, rank(&d.occasion)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::client::Birthday;
    use crate::domain::dates::DateRule;
    use crate::domain::{Channel, RecordMeta};
    use chrono::{TimeZone, Utc};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn meta() -> RecordMeta {
        RecordMeta::fresh(
            "r1",
            "dev",
            Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap(),
        )
    }

    fn person(name: &str, year: Option<i32>, month: u32, d: u32) -> Contact {
        Contact {
            meta: meta(),
            store_code: "S1".into(),
            name: name.into(),
            role: String::new(),
            decision_maker: false,
            phone: String::new(),
            email: String::new(),
            messenger: String::new(),
            birthday: Some(Birthday {
                year,
                month,
                day: d,
            }),
            preferred: Channel::Visit,
            removed: false,
        }
    }

    fn labels(dates: &[DateToRemember]) -> Vec<String> {
        dates
            .iter()
            .map(|d| {
                let what = match &d.occasion {
                    Occasion::Birthday { name, age, .. } => format!("birthday {name} {age:?}"),
                    Occasion::Anniversary { years } => format!("anniversary {years}"),
                    Occasion::Holiday { key, .. } => key.clone(),
                    Occasion::Company { title } => title.clone(),
                };
                format!("{} {what}", d.date.format("%m-%d"))
            })
            .collect()
    }

    #[test]
    fn a_week_in_bulgaria_in_march() {
        let contacts = [person("Ana", Some(1980), 3, 3), person("Ivo", None, 4, 1)];
        let company = [CompanyDate {
            meta: meta(),
            title: "Fair".into(),
            rule: DateRule::parse("03-05").unwrap(),
            countries: vec![],
            removed: false,
        }];
        let store = StoreDates {
            country: "BG",
            contacts: &contacts,
            since: Some(day(2019, 3, 2)),
            company: &company,
        };
        let got = upcoming(&store, day(2026, 2, 28), 7);
        assert_eq!(
            labels(&got),
            [
                "03-01 baba_marta",
                "03-02 anniversary 7",
                "03-03 birthday Ana Some(46)",
                "03-03 liberation_day",
                "03-05 Fair",
            ]
        );
    }

    #[test]
    fn leap_day_birthdays_in_common_and_leap_years() {
        let contacts = [person("Leo", Some(2000), 2, 29)];
        let store = StoreDates {
            country: "",
            contacts: &contacts,
            since: Some(day(2024, 2, 29)),
            company: &[],
        };
        let cases = [
            (
                day(2027, 2, 25),
                7,
                vec!["02-28 birthday Leo Some(27)", "02-28 anniversary 3"],
            ),
            (
                day(2028, 2, 25),
                7,
                vec!["02-29 birthday Leo Some(28)", "02-29 anniversary 4"],
            ),
            (day(2027, 3, 1), 30, vec![]),
            (
                day(2027, 2, 28),
                1,
                vec!["02-28 birthday Leo Some(27)", "02-28 anniversary 3"],
            ),
        ];
        for (today, days, want) in cases {
            assert_eq!(labels(&upcoming(&store, today, days)), want, "{today}");
        }
    }

    #[test]
    fn windows_cross_the_new_year_and_skip_removed_people() {
        let mut gone = person("Gone", None, 1, 2);
        gone.removed = true;
        let contacts = [person("Eve", None, 1, 2), gone];
        let store = StoreDates {
            country: "RU",
            contacts: &contacts,
            since: None,
            company: &[],
        };
        let got = upcoming(&store, day(2026, 12, 30), 4);
        assert_eq!(labels(&got), ["01-01 new_year", "01-02 birthday Eve None"]);
        assert!(upcoming(&store, day(2026, 12, 30), 0).is_empty());
    }
}
