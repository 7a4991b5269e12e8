//! What the visit forms accept: quantities, facings, prices and quick dates
//! (`12.03`, `2026-03-12`, `+5`). Each refusal says why, so the form can
//! show the reason next to the field and keep what was typed.

use crate::domain::{Ean, Money};
use chrono::{Datelike, Duration, NaiveDate};

/// Why a field's text was refused (the screen words it in the user's language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty,
    NotANumber,
    Negative,
    /// Above the largest sensible value.
    TooLarge(u32),
    Zero,
    /// Money::parse refused it.
    BadPrice,
    BadDate,
    /// A day that does not exist (31.02).
    ImpossibleDate,
    /// Further away than any shelf life.
    DateTooFar,
    UnknownProduct,
    /// A due date before today: a task cannot be due in the past.
    DateInPast,
}

impl InputError {
    /// Fluent message id of the reason.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Empty => "input-empty",
            Self::NotANumber => "input-not-number",
            Self::Negative => "input-negative",
            Self::TooLarge(_) => "input-too-large",
            Self::Zero => "input-zero",
            Self::BadPrice => "input-bad-price",
            Self::BadDate => "input-bad-date",
            Self::ImpossibleDate => "input-impossible-date",
            Self::DateTooFar => "input-date-too-far",
            Self::UnknownProduct => "input-unknown-product",
            Self::DateInPast => "input-date-in-past",
        }
    }
}

pub const MAX_QTY: u32 = 9_999;
pub const MAX_FACINGS: u32 = 99;
/// 100,000.00 in minor units: no single item on a shop shelf costs more.
pub const MAX_PRICE_MINOR: i64 = 10_000_000;

/// A whole quantity 0..=max (0 allowed where `allow_zero`).
pub fn parse_count(text: &str, max: u32, allow_zero: bool) -> Result<u32, InputError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(InputError::Empty);
    }
    if t.starts_with('-')
        && t[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(InputError::Negative);
    }
    if !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(InputError::NotANumber);
    }
    let n: u64 = t.parse().map_err(|_| InputError::TooLarge(max))?;
    if n > u64::from(max) {
        return Err(InputError::TooLarge(max));
    }
    if n == 0 && !allow_zero {
        return Err(InputError::Zero);
    }
    Ok(n as u32)
}

pub fn parse_qty(text: &str) -> Result<u32, InputError> {
    parse_count(text, MAX_QTY, false)
}

pub fn parse_facings(text: &str) -> Result<u16, InputError> {
    parse_count(text, MAX_FACINGS, true).map(|n| n as u16)
}

/// Units counted on the shelf and in the backroom: 0 is a real count.
pub fn parse_stock(text: &str) -> Result<u32, InputError> {
    parse_count(text, MAX_QTY, true)
}

/// A shelf price: a comma or a dot as the decimal separator.
pub fn parse_price(text: &str) -> Result<Money, InputError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(InputError::Empty);
    }
    let m = Money::parse(t).map_err(|_| InputError::BadPrice)?;
    if m.minor() < 0 {
        return Err(InputError::Negative);
    }
    if m.minor() == 0 {
        return Err(InputError::Zero);
    }
    if m.minor() > MAX_PRICE_MINOR {
        return Err(InputError::TooLarge((MAX_PRICE_MINOR / 100) as u32));
    }
    Ok(m)
}

/// Quick date entry for expiry dates:
/// `+5` (five days from today), `-2`, `12.03` (this year, or next year when
/// that day is more than half a year ago), `12.03.26`, `12.03.2026`,
/// `2026-03-12`. Dates more than ten years away are refused as typos.
/// A due date (of a problem): a quick date, today or later.
pub fn parse_due_date(text: &str, today: NaiveDate) -> Result<NaiveDate, InputError> {
    let date = parse_quick_date(text, today)?;
    if date < today {
        return Err(InputError::DateInPast);
    }
    Ok(date)
}

pub fn parse_quick_date(text: &str, today: NaiveDate) -> Result<NaiveDate, InputError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(InputError::Empty);
    }
    let date = if let Some(rest) = t.strip_prefix('+').or_else(|| t.strip_prefix('-')) {
        let n: i64 = rest.trim().parse().map_err(|_| InputError::BadDate)?;
        if n > 3660 {
            return Err(InputError::DateTooFar);
        }
        let n = if t.starts_with('-') { -n } else { n };
        today + Duration::days(n)
    } else if t.contains('-') {
        let parts: Vec<&str> = t.split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(InputError::BadDate);
        };
        ymd(number(y)?, number(m)?, number(d)?)?
    } else {
        let parts: Vec<&str> = t.split(['.', '/']).collect();
        match parts.as_slice() {
            [d, m] => {
                let (d, m) = (number(d)?, number(m)?);
                let this_year = ymd(today.year() as u32, m, d)?;
                if (today - this_year).num_days() > 183 {
                    ymd(today.year() as u32 + 1, m, d)?
                } else {
                    this_year
                }
            }
            [d, m, y] => {
                let y = number(y)?;
                let y = if y < 100 { 2000 + y } else { y };
                ymd(y, number(m)?, number(d)?)?
            }
            _ => return Err(InputError::BadDate),
        }
    };
    if (date - today).num_days().abs() > 3660 {
        return Err(InputError::DateTooFar);
    }
    Ok(date)
}

fn number(text: &str) -> Result<u32, InputError> {
    let t = text.trim();
    if t.is_empty() || t.len() > 4 || !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(InputError::BadDate);
    }
    t.parse().map_err(|_| InputError::BadDate)
}

fn ymd(y: u32, m: u32, d: u32) -> Result<NaiveDate, InputError> {
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(InputError::ImpossibleDate);
    }
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(InputError::ImpossibleDate)
}

/// A barcode typed or scanned into any field: 8, 12 or 13 digits with a
/// valid check digit. Nothing else a rep types there looks like that.
pub fn as_scan(text: &str) -> Option<Ean> {
    let t = text.trim();
    if matches!(t.len(), 8 | 12 | 13) {
        Ean::parse(t).ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn due_dates_start_today() {
        let today = d(2026, 11, 24);
        let cases = [
            ("+0", Ok(today)),
            ("24.11", Ok(today)),
            ("+7", Ok(d(2026, 12, 1))),
            ("-1", Err(InputError::DateInPast)),
            ("2026-11-20", Err(InputError::DateInPast)),
            ("31.02", Err(InputError::ImpossibleDate)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_due_date(text, today), want, "{text}");
        }
    }

    #[test]
    fn quick_dates() {
        let today = d(2026, 11, 24);
        let cases = [
            ("+5", Ok(d(2026, 11, 29))),
            ("+0", Ok(today)),
            ("-2", Ok(d(2026, 11, 22))),
            ("12.12", Ok(d(2026, 12, 12))),
            ("12.03", Ok(d(2027, 3, 12))),
            ("20.11", Ok(d(2026, 11, 20))),
            ("12.03.2026", Ok(d(2026, 3, 12))),
            ("12.03.27", Ok(d(2027, 3, 12))),
            ("2026-03-12", Ok(d(2026, 3, 12))),
            ("12/03", Ok(d(2027, 3, 12))),
            ("31.02", Err(InputError::ImpossibleDate)),
            ("2026-02-30", Err(InputError::ImpossibleDate)),
            ("2026-13-01", Err(InputError::ImpossibleDate)),
            ("00.05", Err(InputError::ImpossibleDate)),
            ("+abc", Err(InputError::BadDate)),
            ("tomorrow", Err(InputError::BadDate)),
            ("", Err(InputError::Empty)),
            ("2099-01-01", Err(InputError::DateTooFar)),
            ("+99999", Err(InputError::DateTooFar)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_quick_date(text, today), want, "{text:?}");
        }
    }

    #[test]
    fn quantities() {
        assert_eq!(parse_qty("12"), Ok(12));
        assert_eq!(parse_qty(" 3 "), Ok(3));
        assert_eq!(parse_qty("-3"), Err(InputError::Negative));
        assert_eq!(parse_qty("0"), Err(InputError::Zero));
        assert_eq!(parse_qty("1.5"), Err(InputError::NotANumber));
        assert_eq!(parse_qty("10000"), Err(InputError::TooLarge(MAX_QTY)));
        assert_eq!(
            parse_qty("99999999999999999999"),
            Err(InputError::TooLarge(MAX_QTY))
        );
        assert_eq!(parse_qty("abc"), Err(InputError::NotANumber));
        assert_eq!(parse_facings("0"), Ok(0));
        assert_eq!(parse_stock("0"), Ok(0));
        assert_eq!(parse_stock("240"), Ok(240));
        assert_eq!(parse_stock("-2"), Err(InputError::Negative));
        assert_eq!(parse_stock("1.5"), Err(InputError::NotANumber));
        assert_eq!(parse_stock("10000"), Err(InputError::TooLarge(MAX_QTY)));
        assert_eq!(parse_facings("100"), Err(InputError::TooLarge(MAX_FACINGS)));
    }

    #[test]
    fn prices_take_a_comma_or_a_dot() {
        assert_eq!(parse_price("12,50"), Ok(Money(1250)));
        assert_eq!(parse_price("12.50"), Ok(Money(1250)));
        assert_eq!(parse_price("-1"), Err(InputError::Negative));
        assert_eq!(parse_price("0"), Err(InputError::Zero));
        assert_eq!(parse_price("12,505"), Err(InputError::BadPrice));
        assert_eq!(parse_price("abc"), Err(InputError::BadPrice));
        assert!(matches!(
            parse_price("1000000"),
            Err(InputError::TooLarge(_))
        ));
    }

    #[test]
    fn scans_are_valid_barcodes_only() {
        assert!(as_scan("4006381333931").is_some());
        assert!(as_scan("4006381333932").is_none(), "wrong check digit");
        assert!(as_scan("12").is_none());
        assert!(as_scan("12,50").is_none());
    }
}
