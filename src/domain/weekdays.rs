//! The weekdays a store is planned on, as a small bit set ("Mon,Thu" in files).

use chrono::{Datelike, Weekday};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WeekdaySet(pub u8);

const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl WeekdaySet {
    pub fn of(days: &[Weekday]) -> Self {
        Self(
            days.iter()
                .fold(0, |acc, d| acc | 1 << d.num_days_from_monday()),
        )
    }

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    pub fn contains_date(self, date: chrono::NaiveDate) -> bool {
        self.contains(date.weekday())
    }

    pub fn days(self) -> impl Iterator<Item = Weekday> {
        (0..7u8)
            .filter(move |i| self.0 & (1 << i) != 0)
            .map(|i| Weekday::try_from(i).expect("0..7 is a weekday"))
    }

    /// Parses "Mon,Thu", "mon thu", "1,4" (1 = Monday) or "пн,чт".
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut set = 0u8;
        for part in text
            .split([',', ' ', ';', '|', '/'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let lower = part.to_lowercase();
            let index = NAMES
                .iter()
                .position(|n| lower.starts_with(n))
                .or_else(|| {
                    ["пн", "вт", "ср", "чт", "пт", "сб", "вс"]
                        .iter()
                        .position(|n| lower.starts_with(n))
                })
                .or_else(|| {
                    lower
                        .parse::<u8>()
                        .ok()
                        .filter(|n| (1..=7).contains(n))
                        .map(|n| usize::from(n - 1))
                })
                .ok_or_else(|| format!("not a weekday: {part:?} (use Mon,Tue,... or 1-7)"))?;
            set |= 1 << index;
        }
        Ok(Self(set))
    }

    /// Short English names for files ("Mon,Thu").
    pub fn to_file_string(self) -> String {
        self.days()
            .map(|d| {
                let n = NAMES[d.num_days_from_monday() as usize];
                let mut s = n[..1].to_uppercase();
                s.push_str(&n[1..]);
                s
            })
            .collect::<Vec<_>>()
            .join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_print_round_trip() {
        let set = WeekdaySet::parse("Mon, thu").unwrap();
        assert!(set.contains(Weekday::Mon));
        assert!(set.contains(Weekday::Thu));
        assert!(!set.contains(Weekday::Tue));
        assert_eq!(set.to_file_string(), "Mon,Thu");
        assert_eq!(WeekdaySet::parse("1,4").unwrap(), set);
        assert_eq!(WeekdaySet::parse("пн,чт").unwrap(), set);
        assert!(WeekdaySet::parse("funday").is_err());
    }
}
