//! Key layouts. Parts are joined with 0x00, which never appears in codes.

use chrono::NaiveDate;

pub fn join(parts: &[&[u8]]) -> Vec<u8> {
    let mut key = Vec::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            key.push(0);
        }
        key.extend_from_slice(part);
    }
    key
}

/// `part\0` — the prefix of every key that starts with `part`.
pub fn prefix(part: &str) -> Vec<u8> {
    let mut key = part.as_bytes().to_vec();
    key.push(0);
    key
}

/// Dates as YYYYMMDD so that byte order is date order.
pub fn date(date: NaiveDate) -> [u8; 8] {
    let text = date.format("%Y%m%d").to_string();
    let mut out = [b'0'; 8];
    out.copy_from_slice(&text.as_bytes()[..8]);
    out
}

pub fn parse_date(bytes: &[u8]) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(std::str::from_utf8(bytes).ok()?, "%Y%m%d").ok()
}
