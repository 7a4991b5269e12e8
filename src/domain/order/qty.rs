//! Checking a quantity the rep typed: whole units, not negative, not absurd
//! (more than `MAX_CASES` cases of the product), and whether it breaks a case.

/// A typed quantity above this many cases of the product is taken for a typo.
pub const MAX_CASES: u32 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QtyError {
    Empty,
    /// Letters, a decimal point, spaces inside: not whole units.
    NotWhole,
    Negative,
    /// More than `max` units (`MAX_CASES` cases of the pack).
    TooLarge {
        max: u32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QtyOk {
    pub qty: u32,
    /// Not a whole number of cases: allowed, but worth a hint.
    pub breaks_case: bool,
}

/// The largest quantity accepted for a product with this case pack.
pub fn max_qty(case_pack: u32) -> u32 {
    MAX_CASES.saturating_mul(case_pack.max(1))
}

pub fn check_qty(text: &str, case_pack: u32) -> Result<QtyOk, QtyError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(QtyError::Empty);
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(QtyError::NotWhole);
    }
    // all zeros is zero, however it is signed
    if negative && digits.chars().any(|c| c != '0') {
        return Err(QtyError::Negative);
    }
    let max = max_qty(case_pack);
    // digits only, so a parse failure is an overflow: too large as well
    let qty = match digits.parse::<u64>() {
        Ok(q) if q <= u64::from(max) => q as u32,
        _ => return Err(QtyError::TooLarge { max }),
    };
    let pack = case_pack.max(1);
    Ok(QtyOk {
        qty,
        breaks_case: qty % pack != 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_quantities() {
        let ok = |qty, breaks_case| Ok(QtyOk { qty, breaks_case });
        let cases: &[(&str, u32, Result<QtyOk, QtyError>)] = &[
            ("12", 6, ok(12, false)),
            (" 12 ", 6, ok(12, false)),
            ("0", 6, ok(0, false)),
            ("-0", 6, ok(0, false)),
            ("7", 6, ok(7, true)),
            ("5", 1, ok(5, false)),
            ("5", 0, ok(5, false)),
            // boundary: exactly 100 cases passes, one unit more does not
            ("600", 6, ok(600, false)),
            ("601", 6, Err(QtyError::TooLarge { max: 600 })),
            (
                "99999999999999999999",
                6,
                Err(QtyError::TooLarge { max: 600 }),
            ),
            ("-5", 6, Err(QtyError::Negative)),
            ("- 5", 6, Err(QtyError::Negative)),
            ("", 6, Err(QtyError::Empty)),
            ("   ", 6, Err(QtyError::Empty)),
            ("-", 6, Err(QtyError::NotWhole)),
            ("2.5", 6, Err(QtyError::NotWhole)),
            ("2,5", 6, Err(QtyError::NotWhole)),
            ("12a", 6, Err(QtyError::NotWhole)),
            ("+5", 6, Err(QtyError::NotWhole)),
            ("1 000", 6, Err(QtyError::NotWhole)),
            ("١٢", 6, Err(QtyError::NotWhole)),
        ];
        for (text, pack, want) in cases {
            assert_eq!(check_qty(text, *pack), *want, "{text:?} with case {pack}");
        }
    }

    #[test]
    fn the_limit_never_overflows() {
        assert_eq!(max_qty(u32::MAX), u32::MAX);
        assert_eq!(max_qty(0), MAX_CASES);
    }
}
