//! EAN-8 / EAN-13 (and UPC-A as 12 digits) barcodes with a checked check digit.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Ean(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EanError {
    #[error("an EAN has only digits, found {0:?}")]
    NotDigits(String),
    #[error("an EAN has 8, 12 or 13 digits, found {0}")]
    Length(usize),
    #[error("wrong check digit: expected {expected}, found {found}")]
    CheckDigit { expected: u8, found: u8 },
}

/// The GS1 check digit for the digits before it (weights 3,1,3,... from the right).
pub fn check_digit(body: &[u8]) -> u8 {
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| u32::from(*d) * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

impl Ean {
    pub fn parse(text: &str) -> Result<Self, EanError> {
        let text = text.trim();
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(EanError::NotDigits(text.to_string()));
        }
        if !matches!(text.len(), 8 | 12 | 13) {
            return Err(EanError::Length(text.len()));
        }
        let digits: Vec<u8> = text.bytes().map(|b| b - b'0').collect();
        let (body, last) = digits.split_at(digits.len() - 1);
        let expected = check_digit(body);
        if expected != last[0] {
            return Err(EanError::CheckDigit {
                expected,
                found: last[0],
            });
        }
        Ok(Self(text.to_string()))
    }

    /// Completes a 12-digit body into a valid EAN-13 (used by the demo generator).
    pub fn from_body(body12: &str) -> Result<Self, EanError> {
        let digits: Vec<u8> = body12.bytes().map(|b| b.wrapping_sub(b'0')).collect();
        if digits.len() != 12 || digits.iter().any(|d| *d > 9) {
            return Err(EanError::NotDigits(body12.to_string()));
        }
        Ok(Self(format!("{body12}{}", check_digit(&digits))))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Ean {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_barcodes() {
        for code in ["4006381333931", "5901234123457", "96385074", "036000291452"] {
            assert!(Ean::parse(code).is_ok(), "{code}");
        }
    }

    #[test]
    fn refuses_a_wrong_check_digit() {
        assert_eq!(
            Ean::parse("4006381333932"),
            Err(EanError::CheckDigit {
                expected: 1,
                found: 2
            })
        );
    }

    #[test]
    fn refuses_wrong_length_and_letters() {
        assert_eq!(Ean::parse("12345"), Err(EanError::Length(5)));
        assert!(matches!(
            Ean::parse("40063813339X1"),
            Err(EanError::NotDigits(_))
        ));
        assert!(matches!(Ean::parse(""), Err(EanError::NotDigits(_))));
    }

    #[test]
    fn check_digit_zero_case() {
        // sum divisible by 10 gives 0, not 10
        let ean = Ean::from_body("000000000000").unwrap();
        assert_eq!(ean.as_str(), "0000000000000");
        assert!(Ean::parse(ean.as_str()).is_ok());
    }

    #[test]
    fn from_body_makes_valid_codes() {
        let ean = Ean::from_body("460123456789").unwrap();
        assert!(Ean::parse(ean.as_str()).is_ok());
    }
}
