//! Reading one cell of an ERP file: dates in two spellings, numbers with a
//! decimal comma or dot, whole counts. Pure functions, fast on the sales path.

use chrono::NaiveDate;

/// What is wrong with a cell, worded for the person who fixes the file.
#[derive(Debug, Clone, PartialEq)]
pub enum CellError {
    Empty,
    Date(String),
    Number(String),
    Negative(String),
    Whole(String),
    Other(String),
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Self::Empty => crate::t!("import-empty"),
            Self::Date(v) => crate::t!("import-bad-date", value = v.as_str()),
            Self::Number(v) => crate::t!("import-bad-number", value = v.as_str()),
            Self::Negative(v) => crate::t!("import-negative", value = v.as_str()),
            Self::Whole(v) => crate::t!("import-not-whole", value = v.as_str()),
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

/// A quantity: a number that is not negative.
pub fn quantity(text: &str) -> Result<f64, CellError> {
    let value = number(text)?;
    if value < 0.0 {
        return Err(CellError::Negative(text.trim().to_string()));
    }
    Ok(value)
}

/// An amount of money, comma or dot as the decimal separator, not negative.
pub fn money(text: &str) -> Result<crate::domain::Money, CellError> {
    if text.is_empty() {
        return Err(CellError::Empty);
    }
    let m = crate::domain::Money::parse(text).map_err(|e| CellError::Other(e.to_string()))?;
    if m.0 < 0 {
        return Err(CellError::Negative(text.to_string()));
    }
    Ok(m)
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
}
