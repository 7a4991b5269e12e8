//! Money as a reader of each language writes it: the currency's sign where
//! that language puts it, its decimal comma or point and its thousands
//! separator ("€1,234.50", "1 234,50 €", "1.234,50 lei"). Exports keep the
//! plain `1234.50` of [`Money`]'s Display, which machines read.

use super::Money;

/// How one language writes amounts of one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyFormat {
    decimal: char,
    group: &'static str,
    sign: String,
    /// The sign before the amount ("€2.35"), else after it ("2,35 €").
    sign_first: bool,
    /// A space between the sign and the amount.
    spaced: bool,
}

/// The sign of an ISO 4217 code, when it has a common one; else the code.
fn sign_of(code: &str) -> &str {
    match code {
        "EUR" => "€",
        "GBP" => "£",
        "USD" => "$",
        "RUB" => "₽",
        "BGN" => "лв.",
        "RON" => "lei",
        "UAH" => "₴",
        "PLN" => "zł",
        "MDL" => "L",
        _ => code,
    }
}

/// An ISO 4217 code: three capital letters.
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

impl MoneyFormat {
    /// The format of `currency` (ISO 4217, e.g. "EUR"; empty: no sign) in
    /// language `lang` ("en", "ru", "bg", "ro"; others read as English).
    pub fn new(lang: &str, currency: &str) -> Self {
        let sign = sign_of(currency).to_string();
        let short_sign = sign.chars().count() == 1;
        match lang {
            "ru" | "bg" => Self {
                decimal: ',',
                group: "\u{a0}",
                sign,
                sign_first: false,
                spaced: true,
            },
            "ro" => Self {
                decimal: ',',
                group: ".",
                sign,
                sign_first: false,
                spaced: true,
            },
            // English: "€2.35", "£2.35", but a local word is written as
            // its code: "RON 2.35", "BGN 2.35"
            _ => Self {
                decimal: '.',
                group: ",",
                sign: if short_sign {
                    sign
                } else {
                    currency.to_string()
                },
                sign_first: true,
                spaced: !short_sign,
            },
        }
    }

    /// The amount alone, in this language's digits ("1 234,50").
    pub fn amount(&self, m: Money) -> String {
        let abs = m.0.unsigned_abs();
        let units = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in units.chars().enumerate() {
            if i > 0 && (units.len() - i).is_multiple_of(3) {
                grouped.push_str(self.group);
            }
            grouped.push(c);
        }
        let sign = if m.0 < 0 { "-" } else { "" };
        format!("{sign}{grouped}{}{:02}", self.decimal, abs % 100)
    }

    /// The amount with its currency ("€2.35", "2,35 €").
    pub fn money(&self, m: Money) -> String {
        if self.sign.is_empty() {
            return self.amount(m);
        }
        let space = if self.spaced { "\u{a0}" } else { "" };
        if self.sign_first {
            let amount = self.amount(Money(m.0.abs()));
            let minus = if m.0 < 0 { "-" } else { "" };
            format!("{minus}{}{space}{amount}", self.sign)
        } else {
            format!("{}{space}{}", self.amount(m), self.sign)
        }
    }

    /// The currency's sign, for a column heading ("Value, €").
    pub fn sign(&self) -> &str {
        &self.sign
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_writes_its_own_way() {
        let cases = [
            ("en", "EUR", 123450, "€1,234.50"),
            ("en", "GBP", 235, "£2.35"),
            ("en", "RON", 235, "RON\u{a0}2.35"),
            ("en", "BGN", 235, "BGN\u{a0}2.35"),
            ("en", "EUR", -235, "-€2.35"),
            ("ru", "RUB", 123450, "1\u{a0}234,50\u{a0}₽"),
            ("ru", "RUB", 235, "2,35\u{a0}₽"),
            ("bg", "EUR", 1234567, "12\u{a0}345,67\u{a0}€"),
            ("bg", "BGN", 5, "0,05\u{a0}лв."),
            ("ro", "RON", 123450, "1.234,50\u{a0}lei"),
            ("ro", "EUR", -100, "-1,00\u{a0}€"),
            ("en", "", 123450, "1,234.50"),
            ("de", "CHF", 100, "CHF\u{a0}1.00"),
            ("en", "EUR", 100_000_000, "€1,000,000.00"),
        ];
        for (lang, cur, minor, want) in cases {
            assert_eq!(
                MoneyFormat::new(lang, cur).money(Money(minor)),
                want,
                "{lang} {cur} {minor}"
            );
        }
    }

    #[test]
    fn an_amount_without_its_sign_keeps_the_language_digits() {
        assert_eq!(MoneyFormat::new("ru", "RUB").amount(Money(99)), "0,99");
        assert_eq!(MoneyFormat::new("en", "RUB").amount(Money(100)), "1.00");
        assert_eq!(MoneyFormat::new("ro", "RON").sign(), "lei");
    }

    #[test]
    fn what_a_language_writes_parses_back() {
        for lang in ["en", "ru", "bg", "ro"] {
            for minor in [0, 5, 99, 100, 123456, 98765432] {
                let text = MoneyFormat::new(lang, "EUR").amount(Money(minor));
                assert_eq!(Money::parse(&text), Ok(Money(minor)), "{lang} {text}");
            }
        }
    }

    #[test]
    fn currency_codes() {
        assert!(is_currency_code("EUR"));
        for bad in ["eur", "EURO", "E1R", ""] {
            assert!(!is_currency_code(bad), "{bad}");
        }
    }
}
