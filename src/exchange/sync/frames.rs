//! Format version 3: a bundle as a stream of frames, written as records are
//! read and read back frame by frame, so neither side holds the whole file.
//!
//! ```text
//! "RNDSSYNC" | version u32 BE (3)
//! frame*     : kind u8 | len u32 BE | payload[len] | crc32(kind, len, payload) u32 BE
//!   'H' header   (exactly one, first)  payload = bincode(Header)
//!   'R' records  (zero or more)        payload = count u32 BE | raw_len u32 BE | zstd(raw)
//!                raw = count × (uvarint tree_len, tree, uvarint key_len, key, uvarint value_len, value)
//!   'T' trailer  (exactly one, last)   payload = records u64 BE | record frames u64 BE
//!                                                | crc32 of every byte before the trailer u32 BE
//! ```
//!
//! Every byte is covered by a check: each frame's own CRC (so a reader
//! stops at the first damaged frame), and the trailer's count and CRC over
//! all that came before (a frame dropped, repeated or reordered, or a file
//! cut between frames). Nothing may follow the trailer. The header frame
//! comes first and stands alone, so a reader (the office hub) learns who
//! sent the bundle without reading the rest.

use super::bundle::{BundleError, Header, MAGIC};
use crate::storage::RawRecord;
use std::io::{Read, Write};

pub const FORMAT_VERSION: u32 = 3;

const KIND_HEADER: u8 = b'H';
const KIND_RECORDS: u8 = b'R';
const KIND_TRAILER: u8 = b'T';
/// No frame payload (compressed or not) is larger: a damaged length is
/// refused before anything is allocated for it.
const MAX_FRAME: usize = 64 << 20;
/// zstd level: 1 is several hundred MB/s and still shrinks records ~4x.
const ZSTD_LEVEL: i32 = 1;

/// When a record frame is closed: after this many records or raw bytes,
/// whichever comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameLimits {
    pub records: usize,
    pub bytes: usize,
}

impl Default for FrameLimits {
    fn default() -> Self {
        Self {
            records: 4096,
            bytes: 1 << 20,
        }
    }
}

fn config() -> bincode::config::Configuration {
    bincode::config::standard()
}

fn put_uvarint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn get_uvarint(buf: &[u8], at: &mut usize) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *buf.get(*at)?;
        *at += 1;
        n |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}

fn get_bytes<'a>(buf: &'a [u8], at: &mut usize) -> Option<&'a [u8]> {
    let len = usize::try_from(get_uvarint(buf, at)?).ok()?;
    let end = at.checked_add(len)?;
    let out = buf.get(*at..end)?;
    *at = end;
    Some(out)
}

/// Writes a version 3 bundle to `out` as records are pushed.
pub struct BundleWriter<W: Write> {
    out: W,
    running: crc32fast::Hasher,
    raw: Vec<u8>,
    raw_records: usize,
    records: u64,
    frames: u64,
    limits: FrameLimits,
}

impl<W: Write> BundleWriter<W> {
    pub fn new(out: W, header: &Header) -> std::io::Result<Self> {
        Self::with_limits(out, header, FrameLimits::default())
    }

    pub fn with_limits(out: W, header: &Header, limits: FrameLimits) -> std::io::Result<Self> {
        let mut w = Self {
            out,
            running: crc32fast::Hasher::new(),
            raw: Vec::new(),
            raw_records: 0,
            records: 0,
            frames: 0,
            limits: FrameLimits {
                records: limits.records.max(1),
                bytes: limits.bytes.clamp(1, MAX_FRAME / 2),
            },
        };
        let mut start = MAGIC.to_vec();
        start.extend_from_slice(&FORMAT_VERSION.to_be_bytes());
        w.write_raw(&start)?;
        // encoding plain owned data into a Vec cannot fail
        let payload = bincode::serde::encode_to_vec(header, config()).unwrap_or_default();
        w.frame(KIND_HEADER, &payload)?;
        Ok(w)
    }

    fn write_raw(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.running.update(bytes);
        self.out.write_all(bytes)
    }

    fn frame(&mut self, kind: u8, payload: &[u8]) -> std::io::Result<()> {
        let len = u32::try_from(payload.len())
            .ok()
            .filter(|l| (*l as usize) <= MAX_FRAME)
            .ok_or_else(|| std::io::Error::other("a bundle frame is too large"))?;
        let mut head = [0u8; 5];
        head[0] = kind;
        head[1..].copy_from_slice(&len.to_be_bytes());
        let mut crc = crc32fast::Hasher::new();
        crc.update(&head);
        crc.update(payload);
        self.write_raw(&head)?;
        self.write_raw(payload)?;
        self.write_raw(&crc.finalize().to_be_bytes())
    }

    /// Adds one record (written out when its frame is full).
    pub fn push(&mut self, tree: &str, key: &[u8], value: &[u8]) -> std::io::Result<()> {
        for part in [tree.as_bytes(), key, value] {
            put_uvarint(&mut self.raw, part.len() as u64);
            self.raw.extend_from_slice(part);
        }
        self.raw_records += 1;
        self.records += 1;
        if self.raw_records >= self.limits.records || self.raw.len() >= self.limits.bytes {
            self.close_frame()?;
        }
        Ok(())
    }

    pub fn records(&self) -> u64 {
        self.records
    }

    fn close_frame(&mut self) -> std::io::Result<()> {
        if self.raw_records == 0 {
            return Ok(());
        }
        let packed = zstd::bulk::compress(&self.raw, ZSTD_LEVEL)?;
        let mut payload = Vec::with_capacity(packed.len() + 8);
        payload.extend_from_slice(&(self.raw_records as u32).to_be_bytes());
        payload.extend_from_slice(&(self.raw.len() as u32).to_be_bytes());
        payload.extend_from_slice(&packed);
        self.frame(KIND_RECORDS, &payload)?;
        self.frames += 1;
        self.raw.clear();
        self.raw_records = 0;
        Ok(())
    }

    /// Writes the last frame and the trailer; returns the output (not
    /// flushed to disk: the caller syncs it).
    pub fn finish(mut self) -> std::io::Result<W> {
        self.close_frame()?;
        let mut payload = Vec::with_capacity(20);
        payload.extend_from_slice(&self.records.to_be_bytes());
        payload.extend_from_slice(&self.frames.to_be_bytes());
        payload.extend_from_slice(&self.running.clone().finalize().to_be_bytes());
        self.frame(KIND_TRAILER, &payload)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

fn read_err(e: std::io::Error) -> BundleError {
    if e.kind() == std::io::ErrorKind::UnexpectedEof {
        BundleError::Truncated
    } else {
        BundleError::Unreadable(e.to_string())
    }
}

/// Reads a version 3 bundle frame by frame (after the magic and version,
/// which [`super::BundleStream`] has read). Every frame's checksum is
/// verified as it is read, the trailer at the end.
pub struct FrameReader<R: Read> {
    input: R,
    running: crc32fast::Hasher,
    header: Header,
    records: u64,
    frames: u64,
    done: bool,
    /// Bytes read so far (for a progress bar).
    pub(super) read: u64,
}

impl<R: Read> FrameReader<R> {
    /// `start` is the magic and version already read from `input`.
    pub(super) fn open(input: R, start: &[u8]) -> Result<Self, BundleError> {
        let mut running = crc32fast::Hasher::new();
        running.update(start);
        let mut r = Self {
            input,
            running,
            header: placeholder_header(),
            records: 0,
            frames: 0,
            done: false,
            read: start.len() as u64,
        };
        let (kind, payload) = r.frame()?;
        if kind != KIND_HEADER {
            return Err(BundleError::Damaged);
        }
        let (header, used): (Header, usize) = bincode::serde::decode_from_slice(&payload, config())
            .map_err(|_| BundleError::Damaged)?;
        if used != payload.len() {
            return Err(BundleError::Damaged);
        }
        r.header = header;
        Ok(r)
    }

    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The CRC over every frame, once the trailer has been read and matched.
    pub fn digest(&self) -> Option<u32> {
        self.done.then(|| self.running.clone().finalize())
    }

    fn exact(&mut self, buf: &mut [u8]) -> Result<(), BundleError> {
        self.input.read_exact(buf).map_err(read_err)?;
        self.read += buf.len() as u64;
        Ok(())
    }

    /// The next frame, its checksum verified (and added to the running one).
    fn frame(&mut self) -> Result<(u8, Vec<u8>), BundleError> {
        let mut head = [0u8; 5];
        self.exact(&mut head)?;
        let len = u32::from_be_bytes([head[1], head[2], head[3], head[4]]) as usize;
        if len > MAX_FRAME || ![KIND_HEADER, KIND_RECORDS, KIND_TRAILER].contains(&head[0]) {
            return Err(BundleError::Damaged);
        }
        let mut payload = vec![0u8; len];
        self.exact(&mut payload)?;
        let mut crc = [0u8; 4];
        self.exact(&mut crc)?;
        let mut h = crc32fast::Hasher::new();
        h.update(&head);
        h.update(&payload);
        if h.finalize() != u32::from_be_bytes(crc) {
            return Err(BundleError::Damaged);
        }
        if head[0] != KIND_TRAILER {
            self.running.update(&head);
            self.running.update(&payload);
            self.running.update(&crc);
        }
        Ok((head[0], payload))
    }

    /// The next frame's records; `None` once the trailer has been read and
    /// checked (and nothing follows it).
    pub fn next_chunk(&mut self) -> Result<Option<Vec<RawRecord>>, BundleError> {
        if self.done {
            return Ok(None);
        }
        let (kind, payload) = self.frame()?;
        match kind {
            KIND_RECORDS => {
                let records = decode_records(&payload)?;
                self.records += records.len() as u64;
                self.frames += 1;
                Ok(Some(records))
            }
            KIND_TRAILER => {
                self.check_trailer(&payload)?;
                self.done = true;
                Ok(None)
            }
            _ => Err(BundleError::Damaged),
        }
    }

    fn check_trailer(&mut self, payload: &[u8]) -> Result<(), BundleError> {
        let (records, rest) = payload
            .split_first_chunk::<8>()
            .ok_or(BundleError::Damaged)?;
        let (frames, rest) = rest.split_first_chunk::<8>().ok_or(BundleError::Damaged)?;
        let crc: [u8; 4] = rest.try_into().map_err(|_| BundleError::Damaged)?;
        if u64::from_be_bytes(*records) != self.records
            || u64::from_be_bytes(*frames) != self.frames
            || u32::from_be_bytes(crc) != self.running.clone().finalize()
        {
            return Err(BundleError::Damaged);
        }
        let mut more = [0u8; 1];
        loop {
            match self.input.read(&mut more) {
                Ok(0) => return Ok(()),
                Ok(_) => return Err(BundleError::Damaged),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(read_err(e)),
            }
        }
    }
}

fn decode_records(payload: &[u8]) -> Result<Vec<RawRecord>, BundleError> {
    let (count, rest) = payload
        .split_first_chunk::<4>()
        .ok_or(BundleError::Damaged)?;
    let (raw_len, packed) = rest.split_first_chunk::<4>().ok_or(BundleError::Damaged)?;
    let count = u32::from_be_bytes(*count) as usize;
    let raw_len = u32::from_be_bytes(*raw_len) as usize;
    if raw_len > MAX_FRAME || count > raw_len {
        return Err(BundleError::Damaged);
    }
    let raw = zstd::bulk::decompress(packed, raw_len).map_err(|_| BundleError::Damaged)?;
    if raw.len() != raw_len {
        return Err(BundleError::Damaged);
    }
    let mut out = Vec::with_capacity(count);
    let mut at = 0;
    for _ in 0..count {
        let tree = get_bytes(&raw, &mut at).ok_or(BundleError::Damaged)?;
        let tree = std::str::from_utf8(tree).map_err(|_| BundleError::Damaged)?;
        let key = get_bytes(&raw, &mut at).ok_or(BundleError::Damaged)?;
        let value = get_bytes(&raw, &mut at).ok_or(BundleError::Damaged)?;
        out.push(RawRecord {
            tree: tree.to_string(),
            key: key.to_vec(),
            value: value.to_vec(),
        });
    }
    if at != raw.len() {
        return Err(BundleError::Damaged);
    }
    Ok(out)
}

fn placeholder_header() -> Header {
    Header {
        device: String::new(),
        dest: String::new(),
        from_seq: 0,
        to_seq: 0,
        all: false,
        created: chrono::DateTime::<chrono::Utc>::UNIX_EPOCH,
        schema_version: 0,
        audit_head: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uvarints_round_trip() {
        for n in [0u64, 1, 127, 128, 300, 1 << 35, u64::MAX] {
            let mut buf = Vec::new();
            put_uvarint(&mut buf, n);
            let mut at = 0;
            assert_eq!(get_uvarint(&buf, &mut at), Some(n));
            assert_eq!(at, buf.len());
        }
        let mut at = 0;
        assert_eq!(get_uvarint(&[0x80; 11], &mut at), None);
    }
}
