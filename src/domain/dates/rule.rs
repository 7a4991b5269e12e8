//! How a date to remember falls in a given year, written as short text so a
//! calendar file or a company setting can hold it: `03-08`,
//! `orthodox_easter+1`, `western_easter-2`, `last monday of may`.

use super::easter::{orthodox_easter, western_easter};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum DateRule {
    /// The same day every year (`MM-DD`). 29 February is skipped in common years.
    Fixed { month: u32, day: u32 },
    /// Days from Orthodox Easter Sunday.
    OrthodoxEaster(i32),
    /// Days from Western Easter Sunday.
    WesternEaster(i32),
    /// The nth (1–4) weekday of a month, or the last one (`nth` = 0).
    NthWeekday {
        nth: u8,
        weekday: Weekday,
        month: u32,
    },
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const NTH: [&str; 5] = ["last", "first", "second", "third", "fourth"];

impl DateRule {
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim().to_lowercase();
        let bad = || {
            format!("not a date rule: {text:?} (e.g. 03-08, orthodox_easter+1, last monday of may)")
        };
        for (name, make) in [
            ("orthodox_easter", Self::OrthodoxEaster as fn(i32) -> Self),
            ("western_easter", Self::WesternEaster),
        ] {
            if let Some(rest) = text.strip_prefix(name) {
                let offset = match rest.trim() {
                    "" => 0,
                    r => r.replace(' ', "").parse::<i32>().map_err(|_| bad())?,
                };
                if offset.abs() > 200 {
                    return Err(bad());
                }
                return Ok(make(offset));
            }
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        if let [nth, weekday, "of", month] = words.as_slice() {
            let nth = NTH.iter().position(|n| n == nth).ok_or_else(bad)? as u8;
            let weekday = weekday.parse::<Weekday>().map_err(|_| bad())?;
            let month = MONTHS.iter().position(|m| m == month).ok_or_else(bad)? as u32 + 1;
            return Ok(Self::NthWeekday {
                nth,
                weekday,
                month,
            });
        }
        let (m, d) = text.split_once('-').ok_or_else(bad)?;
        let (month, day) = (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
        // 2000 is a leap year: 02-29 is a valid rule.
        NaiveDate::from_ymd_opt(2000, month, day).ok_or_else(bad)?;
        Ok(Self::Fixed { month, day })
    }

    /// The date in `year`, or none (29 February of a common year).
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        match self {
            Self::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            Self::OrthodoxEaster(n) => Some(orthodox_easter(year) + Duration::days(n.into())),
            Self::WesternEaster(n) => Some(western_easter(year) + Duration::days(n.into())),
            Self::NthWeekday {
                nth: 0,
                weekday,
                month,
            } => {
                let (ny, nm) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
                let last = NaiveDate::from_ymd_opt(ny, nm, 1)? - Duration::days(1);
                let back = (7 + last.weekday().num_days_from_monday()
                    - weekday.num_days_from_monday())
                    % 7;
                Some(last - Duration::days(back.into()))
            }
            Self::NthWeekday {
                nth,
                weekday,
                month,
            } => NaiveDate::from_weekday_of_month_opt(year, month, weekday, nth),
        }
    }

    /// Every date of the rule from `from` to `to`, both included.
    pub fn between(self, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
        // Easter offsets can push a feast into the next or previous year.
        (from.year() - 1..=to.year() + 1)
            .filter_map(move |y| self.in_year(y))
            .filter(move |d| from <= *d && *d <= to)
    }
}

impl fmt::Display for DateRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let easter = |f: &mut fmt::Formatter<'_>, name: &str, n: i32| match n {
            0 => write!(f, "{name}"),
            n => write!(f, "{name}{n:+}"),
        };
        match *self {
            Self::Fixed { month, day } => write!(f, "{month:02}-{day:02}"),
            Self::OrthodoxEaster(n) => easter(f, "orthodox_easter", n),
            Self::WesternEaster(n) => easter(f, "western_easter", n),
            Self::NthWeekday {
                nth,
                weekday,
                month,
            } => write!(
                f,
                "{} {} of {}",
                NTH[nth as usize],
                format!("{weekday:?}").to_lowercase(),
                MONTHS[month as usize - 1]
            ),
        }
    }
}

impl TryFrom<String> for DateRule {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        Self::parse(&text)
    }
}

impl From<DateRule> for String {
    fn from(rule: DateRule) -> Self {
        rule.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn rules_fall_on_known_dates() {
        let cases = [
            ("03-08", 2026, Some(day(2026, 3, 8))),
            ("02-29", 2027, None),
            ("02-29", 2028, Some(day(2028, 2, 29))),
            ("orthodox_easter+1", 2026, Some(day(2026, 4, 13))),
            ("orthodox_easter-2", 2024, Some(day(2024, 5, 3))),
            ("western_easter-2", 2026, Some(day(2026, 4, 3))),
            ("orthodox_easter+49", 2026, Some(day(2026, 5, 31))),
            ("last monday of may", 2026, Some(day(2026, 5, 25))),
            ("last monday of august", 2026, Some(day(2026, 8, 31))),
            ("first monday of may", 2026, Some(day(2026, 5, 4))),
            ("last friday of december", 2026, Some(day(2026, 12, 25))),
            ("second sunday of may", 2026, Some(day(2026, 5, 10))),
        ];
        for (text, year, want) in cases {
            let rule = DateRule::parse(text).unwrap();
            assert_eq!(rule.in_year(year), want, "{text} {year}");
            assert_eq!(DateRule::parse(&rule.to_string()), Ok(rule), "{text}");
        }
    }

    #[test]
    fn bad_rules_are_refused() {
        for text in [
            "",
            "13-01",
            "02-30",
            "easter+1",
            "fifth monday of may",
            "last monday of maj",
            "orthodox_easter+x",
        ] {
            assert!(DateRule::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn between_crosses_years() {
        let rule = DateRule::parse("01-01").unwrap();
        let got: Vec<_> = rule.between(day(2026, 12, 20), day(2027, 1, 10)).collect();
        assert_eq!(got, [day(2027, 1, 1)]);
    }
}
