//! Checks on what a rep types into a contact: each failure is a key the UI
//! translates, so the rep reads why a value was refused.

use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactError {
    NameRequired,
    NameTooLong,
    /// A phone may hold digits, spaces, dashes, dots, brackets and a leading +.
    PhoneChars,
    /// A + only at the start of a phone number.
    PhonePlus,
    /// Fewer than 7 digits: not a reachable number.
    PhoneTooShort,
    /// More than 15 digits: longer than any number in the world (E.164).
    PhoneTooLong,
    EmailNoAt,
    EmailSpaces,
    EmailLocal,
    EmailDomain,
    MessengerTooLong,
    /// Not one of YYYY-MM-DD, DD.MM.YYYY, DD.MM, DD/MM/YYYY.
    DateFormat,
    /// Looks like a date but is none (31.04, 29.02 of a common year).
    DateInvalid,
    /// A birthday after today.
    DateFuture,
    /// A year before 1900.
    DateTooOld,
    /// The preferred channel has no phone, e-mail or handle to use.
    ChannelUnreachable,
}

impl ContactError {
    /// The message key, `contact-error-<key>` in the locales.
    pub fn key(self) -> &'static str {
        match self {
            Self::NameRequired => "name_required",
            Self::NameTooLong => "name_too_long",
            Self::PhoneChars => "phone_chars",
            Self::PhonePlus => "phone_plus",
            Self::PhoneTooShort => "phone_too_short",
            Self::PhoneTooLong => "phone_too_long",
            Self::EmailNoAt => "email_no_at",
            Self::EmailSpaces => "email_spaces",
            Self::EmailLocal => "email_local",
            Self::EmailDomain => "email_domain",
            Self::MessengerTooLong => "messenger_too_long",
            Self::DateFormat => "date_format",
            Self::DateInvalid => "date_invalid",
            Self::DateFuture => "date_future",
            Self::DateTooOld => "date_too_old",
            Self::ChannelUnreachable => "channel_unreachable",
        }
    }
}

pub const MAX_NAME: usize = 80;
pub const MAX_MESSENGER: usize = 64;

/// The trimmed name, required.
pub fn check_name(text: &str) -> Result<String, ContactError> {
    let name = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        Err(ContactError::NameRequired)
    } else if name.chars().count() > MAX_NAME {
        Err(ContactError::NameTooLong)
    } else {
        Ok(name)
    }
}

/// The phone as typed (trimmed); empty is allowed (no phone known).
pub fn check_phone(text: &str) -> Result<String, ContactError> {
    let phone = text.trim();
    if phone.is_empty() {
        return Ok(String::new());
    }
    let mut digits = 0;
    for (i, c) in phone.chars().enumerate() {
        match c {
            '0'..='9' => digits += 1,
            '+' if i == 0 => {}
            '+' => return Err(ContactError::PhonePlus),
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return Err(ContactError::PhoneChars),
        }
    }
    match digits {
        0..7 => Err(ContactError::PhoneTooShort),
        7..=15 => Ok(phone.to_string()),
        _ => Err(ContactError::PhoneTooLong),
    }
}

/// The e-mail (trimmed); empty is allowed. Deliberately loose: one @, a
/// local part, a dotted domain of letters, digits and dashes. Cyrillic
/// domains (.рф, .бг) pass, since letters are any alphabet.
pub fn check_email(text: &str) -> Result<String, ContactError> {
    let email = text.trim();
    if email.is_empty() {
        return Ok(String::new());
    }
    if email.chars().any(char::is_whitespace) {
        return Err(ContactError::EmailSpaces);
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Err(ContactError::EmailNoAt);
    };
    if domain.contains('@') {
        return Err(ContactError::EmailDomain);
    }
    if local.is_empty() || local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(ContactError::EmailLocal);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    if labels.len() < 2 || !labels.iter().all(label_ok) {
        return Err(ContactError::EmailDomain);
    }
    Ok(email.to_string())
}

/// A messenger handle (@name, a phone, a link): free text, one line, short.
pub fn check_messenger(text: &str) -> Result<String, ContactError> {
    let handle = text.trim();
    if handle.chars().count() > MAX_MESSENGER {
        Err(ContactError::MessengerTooLong)
    } else {
        Ok(handle.to_string())
    }
}

/// A date as reps write it: `YYYY-MM-DD`, `DD.MM.YYYY` or `DD/MM/YYYY`; the
/// year may be left out (`DD.MM`, `--MM-DD`), giving `None` for it.
/// Returns (year, month, day) checked against the calendar (29.02 without a
/// year is allowed: it is a real birthday).
pub fn parse_date(text: &str) -> Result<(Option<i32>, u32, u32), ContactError> {
    let text = text.trim();
    // `max`: 2 digits for a day or month, 4 for a year.
    let num = |s: &str, max: usize| -> Result<u32, ContactError> {
        if s.is_empty() || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ContactError::DateFormat);
        }
        s.parse().map_err(|_| ContactError::DateFormat)
    };
    let (year, month, day) = if let Some(md) = text.strip_prefix("--") {
        let (m, d) = md.split_once('-').ok_or(ContactError::DateFormat)?;
        (None, num(m, 2)?, num(d, 2)?)
    } else if text.contains('-') {
        let parts: Vec<&str> = text.split('-').collect();
        if parts.len() != 3 || parts[0].len() != 4 {
            return Err(ContactError::DateFormat);
        }
        (
            Some(num(parts[0], 4)? as i32),
            num(parts[1], 2)?,
            num(parts[2], 2)?,
        )
    } else {
        let sep = if text.contains('/') { '/' } else { '.' };
        let parts: Vec<&str> = text.split(sep).filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [d, m] => (None, num(m, 2)?, num(d, 2)?),
            [d, m, y] if y.len() == 4 => (Some(num(y, 4)? as i32), num(m, 2)?, num(d, 2)?),
            _ => return Err(ContactError::DateFormat),
        }
    };
    // A leap year stands in when the year is unknown, so 29.02 passes.
    if NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day).is_none() {
        return Err(ContactError::DateInvalid);
    }
    if year.is_some_and(|y| y < 1900) {
        return Err(ContactError::DateTooOld);
    }
    Ok((year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ContactError::*;

    #[test]
    fn phones() {
        let cases: [(&str, Result<&str, ContactError>); 9] = [
            ("", Ok("")),
            (" +7 (912) 345-67-89 ", Ok("+7 (912) 345-67-89")),
            ("+359 88 123 4567", Ok("+359 88 123 4567")),
            ("0721.123.456", Ok("0721.123.456")),
            ("12345", Err(PhoneTooShort)),
            ("1234567", Ok("1234567")),
            ("+1234567890123456", Err(PhoneTooLong)),
            ("8 912 x45", Err(PhoneChars)),
            ("7+912345678", Err(PhonePlus)),
        ];
        for (text, want) in cases {
            assert_eq!(check_phone(text), want.map(String::from), "{text}");
        }
    }

    #[test]
    fn emails() {
        let cases: [(&str, Result<&str, ContactError>); 10] = [
            ("", Ok("")),
            ("ivan@shop.ru", Ok("ivan@shop.ru")),
            ("магазин@пример.рф", Ok("магазин@пример.рф")),
            ("a.b+c@mail.co.uk", Ok("a.b+c@mail.co.uk")),
            ("ivan.shop.ru", Err(EmailNoAt)),
            ("ivan @shop.ru", Err(EmailSpaces)),
            ("@shop.ru", Err(EmailLocal)),
            ("a..b@shop.ru", Err(EmailLocal)),
            ("ivan@shop", Err(EmailDomain)),
            ("ivan@-shop.ru", Err(EmailDomain)),
        ];
        for (text, want) in cases {
            assert_eq!(check_email(text), want.map(String::from), "{text}");
        }
    }

    #[test]
    fn names_and_messengers() {
        assert_eq!(check_name("  Иван   Петров "), Ok("Иван Петров".into()));
        assert_eq!(check_name("   "), Err(NameRequired));
        assert_eq!(check_name(&"я".repeat(81)), Err(NameTooLong));
        assert_eq!(check_messenger(" @ivan "), Ok("@ivan".into()));
        assert_eq!(check_messenger(&"x".repeat(65)), Err(MessengerTooLong));
    }

    #[test]
    fn dates() {
        type Ymd = (Option<i32>, u32, u32);
        let cases: [(&str, Result<Ymd, ContactError>); 11] = [
            ("1985-03-08", Ok((Some(1985), 3, 8))),
            ("08.03.1985", Ok((Some(1985), 3, 8))),
            ("8/3/1985", Ok((Some(1985), 3, 8))),
            ("08.03", Ok((None, 3, 8))),
            ("--03-08", Ok((None, 3, 8))),
            ("29.02", Ok((None, 2, 29))),
            ("29.02.1988", Ok((Some(1988), 2, 29))),
            ("29.02.1987", Err(DateInvalid)),
            ("31.04.1990", Err(DateInvalid)),
            ("1985/03", Err(DateFormat)),
            ("01.01.1850", Err(DateTooOld)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text), want, "{text}");
        }
    }
}
