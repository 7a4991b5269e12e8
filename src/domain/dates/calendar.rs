//! The holiday calendars of the countries rounds is used in, kept as data
//! in `assets/holidays/*.toml` (built into the binary), and the dates a
//! company adds of its own.

use super::rule::DateRule;
use crate::domain::RecordMeta;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    /// Message key (`holiday-<key>`): the UI shows it in the rep's language.
    pub key: String,
    /// English name, for the export and when a locale lacks the key.
    pub name: String,
    pub rule: DateRule,
    /// A day off (public holiday); otherwise a day people are greeted on.
    #[serde(default)]
    pub public: bool,
    /// First and last year the holiday is kept, when it was added or dropped.
    #[serde(default)]
    pub from_year: Option<i32>,
    #[serde(default)]
    pub until_year: Option<i32>,
}

impl Holiday {
    pub fn in_year(&self, year: i32) -> Option<NaiveDate> {
        let kept =
            self.from_year.is_none_or(|y| year >= y) && self.until_year.is_none_or(|y| year <= y);
        kept.then(|| self.rule.in_year(year)).flatten()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Calendar {
    /// ISO 3166 alpha-2 code (GB for the UK).
    pub country: String,
    /// ISO 4217 code of the money in use...
    pub currency: String,
    /// ...since this day, with the one before it (Bulgaria: euro from 2026).
    #[serde(default)]
    pub currency_since: Option<NaiveDate>,
    #[serde(default)]
    pub currency_before: Option<String>,
    #[serde(rename = "holiday")]
    pub holidays: Vec<Holiday>,
}

const FILES: [(&str, &str); 4] = [
    ("RU", include_str!("../../../assets/holidays/ru.toml")),
    ("BG", include_str!("../../../assets/holidays/bg.toml")),
    ("RO", include_str!("../../../assets/holidays/ro.toml")),
    ("GB", include_str!("../../../assets/holidays/gb.toml")),
];

/// Parses one calendar file.
pub fn parse_calendar(text: &str) -> Result<Calendar, String> {
    toml::from_str(text).map_err(|e| e.to_string())
}

fn calendars() -> &'static [Calendar] {
    static ALL: OnceLock<Vec<Calendar>> = OnceLock::new();
    ALL.get_or_init(|| {
        FILES
            .iter()
            .map(|(code, text)| {
                parse_calendar(text).unwrap_or_else(|e| panic!("assets/holidays {code}: {e}"))
            })
            .collect()
    })
}

impl Calendar {
    /// The calendar of a country by code or common name ("RU", "bg", "UK",
    /// "Romania"); none for a country without one.
    pub fn of(country: &str) -> Option<&'static Calendar> {
        let code = match country.trim().to_lowercase().as_str() {
            "ru" | "rus" | "russia" | "россия" => "RU",
            "bg" | "bgr" | "bulgaria" | "българия" => "BG",
            "ro" | "rou" | "romania" | "românia" => "RO",
            "gb" | "uk" | "gbr" | "united kingdom" | "england" => "GB",
            _ => return None,
        };
        calendars().iter().find(|c| c.country == code)
    }

    /// Every calendar shipped, RU, BG, RO, GB.
    pub fn all() -> &'static [Calendar] {
        calendars()
    }

    /// The currency in use on `day`.
    pub fn currency_on(&self, day: NaiveDate) -> &str {
        match (&self.currency_since, &self.currency_before) {
            (Some(since), Some(before)) if day < *since => before,
            _ => &self.currency,
        }
    }

    /// Holidays from `from` to `to`, both included, by date.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, &Holiday)> {
        let mut out: Vec<(NaiveDate, &Holiday)> = (from.year() - 1..=to.year() + 1)
            .flat_map(|y| {
                self.holidays
                    .iter()
                    .filter_map(move |h| Some((h.in_year(y)?, h)))
            })
            .filter(|(d, _)| from <= *d && *d <= to)
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.key.cmp(&b.1.key)));
        out
    }
}

/// A date the company wants its reps to remember (its own anniversary, a
/// trade fair), for every store or for some countries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyDate {
    pub meta: RecordMeta,
    pub title: String,
    pub rule: DateRule,
    /// Country codes it applies to; empty: all.
    pub countries: Vec<String>,
    pub removed: bool,
}

impl CompanyDate {
    pub fn applies_to(&self, country: &str) -> bool {
        !self.removed
            && (self.countries.is_empty()
                || self
                    .countries
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(country.trim())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn on(code: &str, key: &str, year: i32) -> Option<NaiveDate> {
        let cal = Calendar::of(code).unwrap();
        cal.holidays.iter().find(|h| h.key == key)?.in_year(year)
    }

    #[test]
    fn every_calendar_parses_with_unique_keys() {
        assert_eq!(Calendar::all().len(), 4);
        for cal in Calendar::all() {
            let mut keys: Vec<&str> = cal.holidays.iter().map(|h| h.key.as_str()).collect();
            keys.sort();
            let n = keys.len();
            keys.dedup();
            assert_eq!(keys.len(), n, "{}", cal.country);
        }
    }

    #[test]
    fn holidays_fall_where_each_country_keeps_them() {
        let cases = [
            ("RU", "womens_day", 2026, Some(day(2026, 3, 8))),
            ("RU", "orthodox_easter", 2026, Some(day(2026, 4, 12))),
            ("BG", "liberation_day", 2026, Some(day(2026, 3, 3))),
            ("BG", "culture_day", 2026, Some(day(2026, 5, 24))),
            ("BG", "good_friday", 2027, Some(day(2027, 4, 30))),
            ("RO", "national_day", 2026, Some(day(2026, 12, 1))),
            ("RO", "pentecost_monday", 2026, Some(day(2026, 6, 1))),
            ("RO", "epiphany", 2023, None),
            ("RO", "epiphany", 2024, Some(day(2024, 1, 6))),
            ("UK", "spring_bank", 2026, Some(day(2026, 5, 25))),
            ("UK", "good_friday", 2026, Some(day(2026, 4, 3))),
            ("UK", "mothering_sunday", 2026, Some(day(2026, 3, 15))),
        ];
        for (code, key, year, want) in cases {
            assert_eq!(on(code, key, year), want, "{code} {key} {year}");
        }
    }

    #[test]
    fn bulgaria_pays_in_euro_from_2026() {
        let bg = Calendar::of("bg").unwrap();
        assert_eq!(bg.currency_on(day(2025, 12, 31)), "BGN");
        assert_eq!(bg.currency_on(day(2026, 1, 1)), "EUR");
        assert_eq!(
            Calendar::of("RU").unwrap().currency_on(day(2026, 1, 1)),
            "RUB"
        );
        assert!(Calendar::of("FR").is_none());
    }

    #[test]
    fn between_lists_in_date_order() {
        let ro = Calendar::of("RO").unwrap();
        let got: Vec<&str> = ro
            .between(day(2026, 11, 25), day(2026, 12, 2))
            .iter()
            .map(|(_, h)| h.key.as_str())
            .collect();
        assert_eq!(got, ["st_andrew", "national_day"]);
    }

    #[test]
    fn company_dates_by_country() {
        let d = CompanyDate {
            meta: RecordMeta::fresh("hq", "dev", chrono::Utc::now()),
            title: "Company day".into(),
            rule: DateRule::parse("09-15").unwrap(),
            countries: vec!["BG".into()],
            removed: false,
        };
        assert!(d.applies_to("bg"));
        assert!(!d.applies_to("RO"));
    }
}
