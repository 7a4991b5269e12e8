//! Reading one cell of an ERP file: dates in two spellings, numbers with a
//! decimal comma or dot, whole counts. Pure functions, fast on the sales path.

use chrono::NaiveDate;

/// The most units one row of a file may carry (a day's sales of a product, a
/// delivery line, a case pack, a promotion's quantities). Real rows are in the
/// thousands at most; a million is already a typo or a damaged file. The bound
/// also keeps every quantity exact in the `f32` a sales series stores (exact up
/// to 2^24, about 16.7 million) and far from `u32::MAX`, where an order
/// suggestion would otherwise saturate.
pub const MAX_QUANTITY: f64 = 1_000_000.0;

/// The largest amount of money one cell may hold, in whole units: no invoice,
/// price or credit limit of a field rep's stores reaches a billion, and the
/// bound keeps sums over millions of rows far from overflowing the `i64` of
/// minor units that `Money` counts in.
pub const MAX_MONEY: i64 = 1_000_000_000;

/// How much of a cell a message quotes: enough to find it in the file, never
/// a 10 MB field echoed whole.
pub const SHOWN_CHARS: usize = 80;

/// A count as the user's language groups its digits ("199,899", "199 899").
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let separator = crate::t!("import-thousands-separator");
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(&separator);
        }
        out.push(d);
    }
    out
}

/// A cell as a message quotes it: control characters made visible (`\0`,
/// `\u{1b}`), and cut to [`SHOWN_CHARS`] characters with an ellipsis.
pub fn shown(text: &str) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == SHOWN_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// What is wrong with a cell, worded for the person who fixes the file.
#[derive(Debug, Clone, PartialEq)]
pub enum CellError {
    Empty,
    Date(String),
    Number(String),
    Negative(String),
    Whole(String),
    /// Above [`MAX_QUANTITY`] or [`MAX_MONEY`] (the bound, as written).
    TooLarge(String, String),
    /// A code with a control character (NUL, escape, a line break...).
    Control(String),
    Other(String),
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Self::Empty => crate::t!("import-empty"),
            Self::Date(v) => crate::t!("import-bad-date", value = shown(v)),
            Self::Number(v) => crate::t!("import-bad-number", value = shown(v)),
            Self::Negative(v) => crate::t!("import-negative", value = shown(v)),
            Self::Whole(v) => crate::t!("import-not-whole", value = shown(v)),
            Self::TooLarge(v, max) => {
                crate::t!("import-too-large", value = shown(v), max = max.as_str())
            }
            Self::Control(v) => crate::t!("import-control-character", value = shown(v)),
            Self::Other(text) => text.clone(),
        };
        f.write_str(&text)
    }
}

fn digits(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    bytes.iter().try_fold(0u32, |acc, b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// YYYY-MM-DD or DD.MM.YYYY (also D.M.YYYY); a time after a space is ignored.
pub fn date(text: &str) -> Result<NaiveDate, CellError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CellError::Empty);
    }
    let day_part = text.split([' ', 'T']).next().unwrap_or(text);
    let parts: Vec<&[u8]> = day_part
        .as_bytes()
        .split(|b| *b == b'-' || *b == b'.')
        .collect();
    let ymd = match (parts.as_slice(), day_part.contains('-')) {
        ([y, m, d], true) if y.len() == 4 => (digits(y), digits(m), digits(d)),
        ([d, m, y], false) if y.len() == 4 => (digits(y), digits(m), digits(d)),
        _ => (None, None, None),
    };
    match ymd {
        (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d),
        _ => None,
    }
    .ok_or_else(|| CellError::Date(text.to_string()))
}

/// A number with a decimal comma or dot; spaces (thousands) are ignored.
pub fn number(text: &str) -> Result<f64, CellError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CellError::Empty);
    }
    let bad = || CellError::Number(text.to_string());
    let plain = text
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
    let comma_only = text
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'-')
        && text.bytes().filter(|b| *b == b',').count() == 1;
    let value: f64 = if plain {
        text.parse().map_err(|_| bad())?
    } else if comma_only && text.len() <= 32 {
        // the usual ERP decimal comma, without an allocation per cell
        let mut buf = [0u8; 32];
        for (slot, b) in buf.iter_mut().zip(text.bytes()) {
            *slot = if b == b',' { b'.' } else { b };
        }
        std::str::from_utf8(&buf[..text.len()])
            .ok()
            .and_then(|t| t.parse().ok())
            .ok_or_else(bad)?
    } else {
        let cleaned: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        if cleaned.bytes().any(|b| b.is_ascii_alphabetic()) {
            return Err(bad());
        }
        cleaned.parse().map_err(|_| bad())?
    };
    if value.is_finite() {
        Ok(value)
    } else {
        Err(bad())
    }
}

/// A quantity: a number that is not negative, at most [`MAX_QUANTITY`].
pub fn quantity(text: &str) -> Result<f64, CellError> {
    let value = number(text)?;
    if value < 0.0 {
        return Err(CellError::Negative(text.trim().to_string()));
    }
    if value > MAX_QUANTITY {
        return Err(CellError::TooLarge(
            text.trim().to_string(),
            grouped(MAX_QUANTITY as u64),
        ));
    }
    Ok(value)
}

/// An amount of money, comma or dot as the decimal separator, not negative,
/// at most [`MAX_MONEY`].
pub fn money(text: &str) -> Result<crate::domain::Money, CellError> {
    if text.is_empty() {
        return Err(CellError::Empty);
    }
    // no amount is this long ("1 000 000 000,00" is 16): do not quote it whole
    if text.chars().count() > 32 {
        return Err(CellError::Number(text.to_string()));
    }
    let m = crate::domain::Money::parse(text).map_err(|e| CellError::Other(e.to_string()))?;
    if m.0 < 0 {
        return Err(CellError::Negative(text.to_string()));
    }
    if m > crate::domain::Money::from_minor(MAX_MONEY * 100) {
        return Err(CellError::TooLarge(
            text.to_string(),
            grouped(MAX_MONEY as u64),
        ));
    }
    Ok(m)
}

/// A code (of a store, product, rep, order...): not empty, and no control
/// character, which would be stored and exported raw and never typed again.
pub fn code(text: &str) -> Result<&str, CellError> {
    if text.is_empty() {
        return Err(CellError::Empty);
    }
    if text.chars().any(char::is_control) {
        return Err(CellError::Control(text.to_string()));
    }
    Ok(text)
}

/// A whole count ("12", also "12,00" as ERPs write it), not negative.
pub fn count(text: &str) -> Result<u32, CellError> {
    let value = quantity(text)?;
    if value.fract() != 0.0 || value > f64::from(u32::MAX) {
        return Err(CellError::Whole(text.trim().to_string()));
    }
    Ok(value as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_both_spellings() {
        let ok = [
            ("2026-03-12", d(2026, 3, 12)),
            ("12.03.2026", d(2026, 3, 12)),
            ("1.3.2026", d(2026, 3, 1)),
            (" 2026-03-12 00:00:00", d(2026, 3, 12)),
            ("2024-02-29", d(2024, 2, 29)),
        ];
        for (text, want) in ok {
            assert_eq!(date(text), Ok(want), "{text}");
        }
        for text in [
            "2026-02-30",
            "12/03/2026",
            "2026.03",
            "26-03-12",
            "x",
            "31.13.2026",
        ] {
            assert!(matches!(date(text), Err(CellError::Date(_))), "{text}");
        }
        assert_eq!(date(""), Err(CellError::Empty));
    }

    #[test]
    fn numbers_with_comma_or_dot() {
        let ok = [
            ("3", 3.0),
            ("2.5", 2.5),
            ("2,5", 2.5),
            ("1 234,5", 1234.5),
            ("-1", -1.0),
        ];
        for (text, want) in ok {
            assert_eq!(number(text), Ok(want), "{text}");
        }
        for text in ["abc", "1,2,3", "1e5x", "inf", "NaN"] {
            assert!(number(text).is_err(), "{text}");
        }
    }

    #[test]
    fn quantities_and_counts() {
        assert_eq!(quantity("0"), Ok(0.0));
        assert!(matches!(quantity("-2"), Err(CellError::Negative(_))));
        assert_eq!(count("12,00"), Ok(12));
        assert!(matches!(count("1,5"), Err(CellError::Whole(_))));
        assert!(matches!(count("-1"), Err(CellError::Negative(_))));
    }

    #[test]
    fn absurd_figures_are_refused() {
        assert_eq!(quantity("1000000"), Ok(MAX_QUANTITY));
        for text in ["1000000,5", "99999999999999999999999999999"] {
            assert!(
                matches!(quantity(text), Err(CellError::TooLarge(..))),
                "{text}"
            );
        }
        assert!(matches!(count("4294967295"), Err(CellError::TooLarge(..))));
        assert_eq!(
            money("1 000 000 000,00"),
            Ok(crate::domain::Money(MAX_MONEY * 100))
        );
        assert!(matches!(
            money("1000000000.01"),
            Err(CellError::TooLarge(..))
        ));
        let long = "1".repeat(10_000);
        assert!(matches!(money(&long), Err(CellError::Number(_))));
    }

    #[test]
    fn codes_have_no_control_characters() {
        assert_eq!(code("S201"), Ok("S201"));
        assert_eq!(code(""), Err(CellError::Empty));
        for text in ["S\u{0}1", "S\u{1b}1", "S\n1", "S\u{7f}1"] {
            assert!(matches!(code(text), Err(CellError::Control(_))), "{text:?}");
        }
    }

    #[test]
    fn quoted_cells_are_cut_and_visible() {
        assert_eq!(shown("S\u{0}1"), "S\\u{0}1");
        let long = "x".repeat(10 << 20);
        assert_eq!(shown(&long), format!("{}…", "x".repeat(SHOWN_CHARS)));
        assert_eq!(shown(&"я".repeat(80)), "я".repeat(80));
        let message = CellError::Number(long).to_string();
        assert!(message.len() < 200, "{message}");
    }
}
