//! Opening hours: per weekday, the windows a store is open (minutes from midnight).
//!
//! Forms read: `08:00-20:00` (every day), `Mon-Fri 08:00-20:00; Sat 09:00-14:00`,
//! `Mon,Wed 08:00-12:00,13:00-18:00` (a lunch break), `пн-пт 9:00-18:00`.
//! Days a weekday form leaves out are closed.

use chrono::Weekday;
use serde::{Deserialize, Serialize};

/// One open window, minutes from midnight, `opens < closes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub opens: u16,
    pub closes: u16,
}

/// The windows of each weekday, Monday first.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OpeningHours(pub [Vec<Window>; 7]);

impl OpeningHours {
    /// The same window every day (`opens`, `closes` columns).
    pub fn daily(opens: &str, closes: &str) -> Result<Self, String> {
        let w = window(parse_time(opens)?, parse_time(closes)?)?;
        Ok(Self(std::array::from_fn(|_| vec![w])))
    }

    pub fn on(&self, day: Weekday) -> &[Window] {
        &self.0[day.num_days_from_monday() as usize]
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("no opening hours".into());
        }
        let mut days: [Vec<Window>; 7] = Default::default();
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            // the day part ends where the first digit of a time begins
            let split = part
                .find(|c: char| c.is_ascii_digit())
                .ok_or_else(|| format!("{part:?}: no hours (e.g. Mon-Fri 08:00-20:00)"))?;
            let (day_text, times) = part.split_at(split);
            let day_text = day_text.trim();
            let which = if day_text.is_empty() || is_daily(day_text) {
                [true; 7]
            } else {
                parse_days(day_text)?
            };
            let mut windows = Vec::new();
            for range in times.split(',').map(str::trim).filter(|r| !r.is_empty()) {
                let (a, b) = range
                    .split_once('-')
                    .or_else(|| range.split_once('–'))
                    .ok_or_else(|| format!("{range:?} is not a time range (HH:MM-HH:MM)"))?;
                windows.push(window(parse_time(a)?, parse_time(b)?)?);
            }
            windows.sort_by_key(|w| w.opens);
            if windows.windows(2).any(|p| p[1].opens < p[0].closes) {
                return Err(format!("{part:?}: the hours overlap"));
            }
            for (i, on) in which.iter().enumerate() {
                if *on {
                    days[i] = windows.clone();
                }
            }
        }
        Ok(Self(days))
    }

    /// Back to the weekday form (`Mon-Fri 08:00-20:00; Sat 09:00-14:00`).
    pub fn to_text(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut i = 0;
        while i < 7 {
            let mut j = i;
            while j + 1 < 7 && self.0[j + 1] == self.0[i] {
                j += 1;
            }
            if !self.0[i].is_empty() {
                let days = if i == 0 && j == 6 {
                    String::new()
                } else if i == j {
                    format!("{} ", DAYS[i])
                } else {
                    format!("{}-{} ", DAYS[i], DAYS[j])
                };
                let times: Vec<String> = self.0[i]
                    .iter()
                    .map(|w| format!("{}-{}", hhmm(w.opens), hhmm(w.closes)))
                    .collect();
                parts.push(format!("{days}{}", times.join(",")));
            }
            i = j + 1;
        }
        parts.join("; ")
    }
}

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const RU: [&str; 7] = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"];

fn is_daily(text: &str) -> bool {
    matches!(
        text.to_lowercase().trim_end_matches(':'),
        "daily" | "every day" | "mon-sun" | "ежедневно"
    )
}

fn day_index(text: &str) -> Result<usize, String> {
    let lower = text.trim().to_lowercase();
    DAYS.iter()
        .position(|d| !lower.is_empty() && lower.starts_with(&d.to_lowercase()))
        .or_else(|| RU.iter().position(|d| lower.starts_with(d)))
        .ok_or_else(|| format!("{:?} is not a weekday (Mon..Sun)", text.trim()))
}

fn parse_days(text: &str) -> Result<[bool; 7], String> {
    let mut on = [false; 7];
    for item in text
        .trim_end_matches(':')
        .split([',', ' '])
        .filter(|s| !s.is_empty())
    {
        match item.split_once(['-', '–']) {
            Some((a, b)) => {
                let (a, b) = (day_index(a)?, day_index(b)?);
                let mut d = a;
                loop {
                    on[d] = true;
                    if d == b {
                        break;
                    }
                    d = (d + 1) % 7;
                }
            }
            None => on[day_index(item)?] = true,
        }
    }
    Ok(on)
}

/// "08:00", "8:00", "8.30", "0800"; "24:00" is the end of the day.
pub fn parse_time(text: &str) -> Result<u16, String> {
    let t = text.trim();
    let bad = || format!("{t:?} is not a time (HH:MM)");
    let (h, m) = match t.split_once([':', '.']) {
        Some((h, m)) => (h, m),
        None if t.len() == 4 => t.split_at(2),
        None => return Err(bad()),
    };
    if m.len() != 2 || h.is_empty() || h.len() > 2 {
        return Err(bad());
    }
    let h: u16 = h.parse().map_err(|_| bad())?;
    let m: u16 = m.parse().map_err(|_| bad())?;
    if m > 59 || h > 24 || (h == 24 && m > 0) {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

fn window(opens: u16, closes: u16) -> Result<Window, String> {
    if closes <= opens {
        return Err(format!(
            "closes ({}) is not after opens ({})",
            hhmm(closes),
            hhmm(opens)
        ));
    }
    Ok(Window { opens, closes })
}

/// Minutes from midnight as HH:MM.
pub fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(o: &str, c: &str) -> Window {
        Window {
            opens: parse_time(o).unwrap(),
            closes: parse_time(c).unwrap(),
        }
    }

    #[test]
    fn the_forms_parse_table() {
        let mon_fri = |ws: Vec<Window>, sat: Vec<Window>, sun: Vec<Window>| {
            let mut d: [Vec<Window>; 7] = Default::default();
            for day in d.iter_mut().take(5) {
                *day = ws.clone();
            }
            d[5] = sat;
            d[6] = sun;
            OpeningHours(d)
        };
        let every = |ws: Vec<Window>| OpeningHours(std::array::from_fn(|_| ws.clone()));
        let cases: Vec<(&str, OpeningHours)> = vec![
            ("08:00-20:00", every(vec![w("08:00", "20:00")])),
            ("daily 8:00-20:00", every(vec![w("08:00", "20:00")])),
            (
                "Mon-Fri 08:00-20:00; Sat 09:00-14:00",
                mon_fri(vec![w("08:00", "20:00")], vec![w("09:00", "14:00")], vec![]),
            ),
            (
                "mon-fri 08:00-12:00,13:00-18:00",
                mon_fri(
                    vec![w("08:00", "12:00"), w("13:00", "18:00")],
                    vec![],
                    vec![],
                ),
            ),
            (
                "Mon-Fri 0800-2000; Sat,Sun 10.00-16.00",
                mon_fri(
                    vec![w("08:00", "20:00")],
                    vec![w("10:00", "16:00")],
                    vec![w("10:00", "16:00")],
                ),
            ),
            (
                "пн-пт 9:00-18:00; сб 10:00-14:00",
                mon_fri(vec![w("09:00", "18:00")], vec![w("10:00", "14:00")], vec![]),
            ),
            (
                "Monday-Friday 07:30-24:00",
                mon_fri(vec![w("07:30", "24:00")], vec![], vec![]),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(OpeningHours::parse(text).as_ref(), Ok(&expected), "{text}");
        }
        // a wrapping range: Fri-Mon
        let h = OpeningHours::parse("Fri-Mon 10:00-12:00").unwrap();
        assert_eq!(
            h.0.iter().map(|d| !d.is_empty()).collect::<Vec<_>>(),
            [true, false, false, false, true, true, true]
        );
    }

    #[test]
    fn bad_hours_are_refused_table() {
        let cases = [
            ("", "no opening hours"),
            ("Mon-Fri", "no hours"),
            ("Mon-Fri 20:00-08:00", "not after opens"),
            ("08:00-08:00", "not after opens"),
            ("Funday 08:00-12:00", "not a weekday"),
            ("25:00-26:00", "not a time"),
            ("08:70-12:00", "not a time"),
            ("08:00", "not a time range"),
            ("08:00-12:00,11:00-14:00", "overlap"),
        ];
        for (text, expected) in cases {
            let err = OpeningHours::parse(text).expect_err(text);
            assert!(err.contains(expected), "{text}: {err}");
        }
        assert!(OpeningHours::daily("18:00", "09:00").is_err());
        assert!(OpeningHours::daily("9:00", "18:00").is_ok());
    }

    #[test]
    fn text_round_trips() {
        for text in [
            "08:00-20:00",
            "Mon-Fri 08:00-20:00; Sat 09:00-14:00",
            "Mon 08:00-12:00,13:00-18:00; Wed-Thu 09:00-17:00",
        ] {
            let h = OpeningHours::parse(text).unwrap();
            assert_eq!(h.to_text(), text);
            assert_eq!(OpeningHours::parse(&h.to_text()).unwrap(), h);
        }
    }
}
