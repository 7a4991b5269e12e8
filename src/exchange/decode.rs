//! Turning an ERP file's bytes into UTF-8 text: encoding detection (UTF-8 with
//! or without BOM, else Windows-1251) and delimiter detection (`;`, `,`, tab).

use encoding_rs::{DecoderResult, Encoding, UTF_8, WINDOWS_1251};
use std::borrow::Cow;
use std::io::{self, Read};

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

/// The encoding of a file read as a stream (the same rule as [`to_utf8`]:
/// a forced encoding, else UTF-8 when the whole body is valid UTF-8, else
/// Windows-1251). Reads `source` to its end in small pieces.
pub fn detect<R: Read>(
    mut source: R,
    forced: Option<&'static Encoding>,
) -> io::Result<&'static Encoding> {
    if let Some(e) = forced {
        return Ok(e);
    }
    let mut decoder = UTF_8.new_decoder_without_bom_handling();
    let mut input = vec![0u8; 64 * 1024];
    let mut output = vec![0u8; 64 * 1024 + 16];
    loop {
        let n = read_some(&mut source, &mut input)?;
        let last = n == 0;
        let mut at = 0;
        loop {
            let (result, read, _) =
                decoder.decode_to_utf8_without_replacement(&input[at..n], &mut output, last);
            at += read;
            match result {
                DecoderResult::InputEmpty => break,
                DecoderResult::OutputFull => continue,
                DecoderResult::Malformed(..) => return Ok(WINDOWS_1251),
            }
        }
        if last {
            return Ok(UTF_8);
        }
    }
}

fn read_some<R: Read>(source: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match source.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// A file's bytes decoded to UTF-8 as they are read: the UTF-8 BOM dropped,
/// the rest decoded by `encoding` piece by piece (a character split between
/// two reads is kept whole; malformed bytes become U+FFFD, as in
/// [`to_utf8`]). `consumed` counts the file's bytes read.
pub struct DecodeReader<R> {
    source: R,
    decoder: encoding_rs::Decoder,
    input: Vec<u8>,
    start: usize,
    end: usize,
    out: Vec<u8>,
    out_start: usize,
    out_end: usize,
    eof: bool,
    done: bool,
    bom_checked: bool,
    consumed: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

const PIECE: usize = 64 * 1024;

impl<R: Read> DecodeReader<R> {
    pub fn new(source: R, encoding: &'static Encoding) -> Self {
        Self {
            source,
            decoder: encoding.new_decoder_without_bom_handling(),
            input: vec![0u8; PIECE],
            start: 0,
            end: 0,
            out: vec![0u8; 3 * PIECE + 16],
            out_start: 0,
            out_end: 0,
            eof: false,
            done: false,
            bom_checked: false,
            consumed: Default::default(),
        }
    }

    /// The count of the file's bytes read so far, shared with other threads.
    pub fn consumed(&self) -> std::sync::Arc<std::sync::atomic::AtomicU64> {
        self.consumed.clone()
    }

    fn read_input(&mut self) -> io::Result<()> {
        let n = read_some(&mut self.source, &mut self.input[self.end..])?;
        self.consumed
            .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        self.end += n;
        self.eof = n == 0;
        Ok(())
    }

    /// Decodes the next piece into `out`.
    fn decode_more(&mut self) -> io::Result<()> {
        if self.start == self.end && !self.eof {
            self.start = 0;
            self.end = 0;
            self.read_input()?;
            if !self.bom_checked {
                while self.end < BOM.len() && !self.eof {
                    self.read_input()?;
                }
                self.bom_checked = true;
                if self.input[..self.end].starts_with(BOM) {
                    self.start = BOM.len();
                }
            }
        }
        let (_, read, written, _) =
            self.decoder
                .decode_to_utf8(&self.input[self.start..self.end], &mut self.out, self.eof);
        self.start += read;
        self.out_start = 0;
        self.out_end = written;
        if self.eof && self.start == self.end {
            self.done = true;
        }
        Ok(())
    }
}

impl<R: Read> Read for DecodeReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_start == self.out_end {
            if self.done {
                return Ok(0);
            }
            self.decode_more()?;
        }
        let n = (self.out_end - self.out_start).min(buf.len());
        buf[..n].copy_from_slice(&self.out[self.out_start..self.out_start + n]);
        self.out_start += n;
        Ok(n)
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

    /// A reader that hands out one byte at a time (every split a file can have).
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(buf.len()).min(1);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn streamed_decoding_matches_whole_file_decoding() {
        let (cp, _, _) = WINDOWS_1251.encode("Магазин;Киев\nЁж;1");
        let files: Vec<Vec<u8>> = vec![
            "\u{feff}код;имя\nа;б".as_bytes().to_vec(),
            "код;имя".as_bytes().to_vec(),
            cp.into_owned(),
            vec![0xEF, 0xBB],
            Vec::new(),
        ];
        for file in files {
            let (whole, enc) = to_utf8(&file, None);
            assert_eq!(detect(Trickle(&file), None).unwrap(), enc);
            for piece in [true, false] {
                let mut out = Vec::new();
                if piece {
                    DecodeReader::new(Trickle(&file), enc)
                        .read_to_end(&mut out)
                        .unwrap();
                } else {
                    DecodeReader::new(&file[..], enc)
                        .read_to_end(&mut out)
                        .unwrap();
                }
                assert_eq!(out, &*whole, "{file:?}");
            }
        }
    }

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
