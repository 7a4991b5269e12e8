//! Turning an ERP file's bytes into UTF-8 text: encoding detection (UTF-8 with
//! or without BOM, else Windows-1251) and delimiter detection (`;`, `,`, tab).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1251};
use std::borrow::Cow;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The file's text as UTF-8 and the encoding it was read as.
pub fn to_utf8<'a>(
    bytes: &'a [u8],
    forced: Option<&'static Encoding>,
) -> (Cow<'a, [u8]>, &'static Encoding) {
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let encoding = match forced {
        Some(e) => e,
        // valid UTF-8 is almost never an accident in a Cyrillic file
        None if std::str::from_utf8(body).is_ok() => UTF_8,
        None => WINDOWS_1251,
    };
    if encoding == UTF_8 && std::str::from_utf8(body).is_ok() {
        return (Cow::Borrowed(body), UTF_8);
    }
    let (text, _, _) = encoding.decode(body);
    match text {
        Cow::Borrowed(s) => (Cow::Borrowed(s.as_bytes()), encoding),
        Cow::Owned(s) => (Cow::Owned(s.into_bytes()), encoding),
    }
}

/// An encoding by its usual names ("utf-8", "cp1251", "windows-1251", "1251").
pub fn encoding_by_name(name: &str) -> Option<&'static Encoding> {
    let name = name.trim().to_lowercase();
    match name.as_str() {
        "1251" | "cp1251" | "win1251" | "win-1251" => Some(WINDOWS_1251),
        "utf8" => Some(UTF_8),
        _ => Encoding::for_label(name.as_bytes()),
    }
}

/// A delimiter by name or character: ";", ",", "tab" or "\t".
pub fn delimiter_by_name(name: &str) -> Option<u8> {
    match name {
        "tab" | "\\t" | "\t" => Some(b'\t'),
        "semicolon" | ";" => Some(b';'),
        "comma" | "," => Some(b','),
        "pipe" | "|" => Some(b'|'),
        _ => None,
    }
}

/// The delimiter of the header line: the candidate that occurs most often
/// outside quotes (ties go to `;`, then tab: a comma may be a decimal comma).
pub fn detect_delimiter(text: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let candidates = [b';', b'\t', b','];
    let mut quoted = false;
    for &b in text {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = candidates.iter().position(|c| *c == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    if counts[best] == 0 {
        b','
    } else {
        candidates[best]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let (text, enc) = to_utf8("\u{feff}код;имя".as_bytes(), None);
        assert_eq!(enc, UTF_8);
        assert_eq!(&*text, "код;имя".as_bytes());
        let (text, _) = to_utf8("код".as_bytes(), None);
        assert_eq!(&*text, "код".as_bytes());
    }

    #[test]
    fn windows_1251_is_detected() {
        let (bytes, _, _) = WINDOWS_1251.encode("Магазин;Киев");
        let (text, enc) = to_utf8(&bytes, None);
        assert_eq!(enc, WINDOWS_1251);
        assert_eq!(std::str::from_utf8(&text).unwrap(), "Магазин;Киев");
    }

    #[test]
    fn forced_encoding_wins() {
        let (bytes, _, _) = WINDOWS_1251.encode("Ёж");
        let (text, enc) = to_utf8(&bytes, encoding_by_name("cp1251"));
        assert_eq!(enc, WINDOWS_1251);
        assert_eq!(std::str::from_utf8(&text).unwrap(), "Ёж");
    }

    #[test]
    fn delimiters() {
        let cases: [(&str, u8); 6] = [
            ("a,b,c\n1,2,3", b','),
            ("a;b;c\n1,5;2;3", b';'),
            ("a\tb\tc", b'\t'),
            ("\"a;x\",b,c", b','),
            ("single", b','),
            ("a;b,c", b';'),
        ];
        for (text, want) in cases {
            assert_eq!(detect_delimiter(text.as_bytes()), want, "{text}");
        }
    }
}
