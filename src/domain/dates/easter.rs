//! Easter Sunday, from which the movable feasts are counted.

use chrono::NaiveDate;

/// Western (Gregorian) Easter: the anonymous Gregorian algorithm
/// (Meeus/Jones/Butcher), valid for every Gregorian year.
pub fn western_easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is a real date")
}

/// Orthodox Easter as a Gregorian date: Meeus's Julian algorithm, then the
/// Julian calendar's lag behind the Gregorian one (13 days in 1900–2099).
pub fn orthodox_easter(year: i32) -> NaiveDate {
    let a = year % 4;
    let b = year % 7;
    let c = year % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian = NaiveDate::from_ymd_opt(year, month as u32, day as u32)
        .expect("Julian Easter falls in March-April, real in both calendars");
    let lag = year / 100 - year / 400 - 2;
    julian + chrono::Duration::days(i64::from(lag))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn known_easter_dates_2020_to_2030() {
        // (year, western, orthodox) from the published church calendars.
        let cases = [
            (2020, (4, 12), (4, 19)),
            (2021, (4, 4), (5, 2)),
            (2022, (4, 17), (4, 24)),
            (2023, (4, 9), (4, 16)),
            (2024, (3, 31), (5, 5)),
            (2025, (4, 20), (4, 20)),
            (2026, (4, 5), (4, 12)),
            (2027, (3, 28), (5, 2)),
            (2028, (4, 16), (4, 16)),
            (2029, (4, 1), (4, 8)),
            (2030, (4, 21), (4, 28)),
        ];
        for (y, (wm, wd), (om, od)) in cases {
            assert_eq!(western_easter(y), day(y, wm, wd), "western {y}");
            assert_eq!(orthodox_easter(y), day(y, om, od), "orthodox {y}");
        }
    }

    #[test]
    fn easter_is_always_a_sunday() {
        use chrono::{Datelike, Weekday};
        for y in 1900..2100 {
            assert_eq!(western_easter(y).weekday(), Weekday::Sun, "{y}");
            assert_eq!(orthodox_easter(y).weekday(), Weekday::Sun, "{y}");
        }
    }
}
