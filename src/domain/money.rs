//! Money in minor units (cents, stotinki, kopecks), so sums never drift.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Money(pub i64);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("not an amount: {0:?} (use digits with a comma or a dot, e.g. 12,50)")]
    Invalid(String),
    #[error("more than two decimals: {0:?}")]
    TooPrecise(String),
}

impl Money {
    pub fn from_minor(minor: i64) -> Self {
        Self(minor)
    }

    pub fn minor(self) -> i64 {
        self.0
    }

    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// Parses "12.50", "12,50", "1 234,5", "-3" — a comma or a dot as the decimal separator.
    pub fn parse(text: &str) -> Result<Self, MoneyError> {
        let cleaned: String = text
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\'')
            .collect();
        let invalid = || MoneyError::Invalid(text.to_string());
        let (neg, body) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.as_str()),
        };
        if body.is_empty() {
            return Err(invalid());
        }
        let sep = body.rfind([',', '.']);
        let (int_part, frac_part) = match sep {
            Some(i) => (&body[..i], &body[i + 1..]),
            None => (body, ""),
        };
        // "1.234,50": the earlier separators are thousands separators.
        let int_digits: String = int_part
            .chars()
            .filter(|c| *c != '.' && *c != ',')
            .collect();
        if int_digits.is_empty() && frac_part.is_empty() {
            return Err(invalid());
        }
        if !int_digits.chars().all(|c| c.is_ascii_digit())
            || !frac_part.chars().all(|c| c.is_ascii_digit())
        {
            return Err(invalid());
        }
        if frac_part.len() > 2 {
            return Err(MoneyError::TooPrecise(text.to_string()));
        }
        let int: i64 = if int_digits.is_empty() {
            0
        } else {
            int_digits.parse().map_err(|_| invalid())?
        };
        let frac: i64 = match frac_part.len() {
            0 => 0,
            1 => frac_part.parse::<i64>().map_err(|_| invalid())? * 10,
            _ => frac_part.parse().map_err(|_| invalid())?,
        };
        let minor = int
            .checked_mul(100)
            .and_then(|v| v.checked_add(frac))
            .ok_or_else(invalid)?;
        Ok(Self(if neg { -minor } else { minor }))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        Money(iter.map(|m| m.0).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_decimal_separators() {
        let cases = [
            ("12.50", 1250),
            ("12,50", 1250),
            ("12,5", 1250),
            ("12", 1200),
            ("0,99", 99),
            (",5", 50),
            ("1 234,50", 123450),
            ("1.234,50", 123450),
            ("1,234.50", 123450),
            ("-3", -300),
        ];
        for (text, minor) in cases {
            assert_eq!(Money::parse(text), Ok(Money(minor)), "{text}");
        }
    }

    #[test]
    fn refuses_garbage() {
        for text in ["", "abc", "12,5x", "-", "1.2.3a"] {
            assert!(Money::parse(text).is_err(), "{text}");
        }
        assert!(matches!(
            Money::parse("1,234"),
            Err(MoneyError::TooPrecise(_))
        ));
    }

    #[test]
    fn displays_two_decimals() {
        assert_eq!(Money(1205).to_string(), "12.05");
        assert_eq!(Money(-5).to_string(), "-0.05");
    }
}
