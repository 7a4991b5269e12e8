//! The bundle file. Version 3 (written since issue 10) is a stream of
//! frames: see [`super::frames`]. Versions 1 and 2 are one blob: magic,
//! format version, payload length, payload (header + records, bincode),
//! CRC-32 of the payload; they are still read. A truncated or damaged file
//! is refused whole, before anything is written.

use crate::storage::RawRecord;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::frames::{BundleWriter, FrameReader};
pub use super::frames::{FORMAT_VERSION, FrameLimits};
use std::io::Read;

pub(super) const MAGIC: &[u8; 8] = b"RNDSSYNC";
/// The last blob format: 2, the header carries the writer's audit head
/// (version 1 bundles are still read, without a head).
const LEGACY_VERSION: u32 = 2;
const FIXED: usize = 8 + 4 + 8;
/// Records handed out at a time from a blob bundle (read whole).
const LEGACY_CHUNK: usize = 4096;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// Device that wrote the bundle.
    pub device: String,
    /// Destination name the export was for ("office", "all", ...).
    pub dest: String,
    /// Change-log range (from, to]; `from` 0 with `all` means every record.
    pub from_seq: u64,
    pub to_seq: u64,
    pub all: bool,
    pub created: DateTime<Utc>,
    /// Database schema the records are encoded with.
    pub schema_version: u32,
    /// The head of the writer's audit chain (None in version 1 bundles): the
    /// receiver keeps the heads it has seen, so a log cut or rewritten after
    /// an exchange is caught (docs/security.md).
    pub audit_head: Option<AuditHead>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditHead {
    pub seq: u64,
    /// Hex MAC (or hash) of entry `seq`.
    pub mac: String,
}

/// The layout of format version 1 (bincode is not self-describing: the
/// header without the audit head).
mod v1 {
    use super::*;

    #[derive(Deserialize)]
    pub struct Header {
        pub device: String,
        pub dest: String,
        pub from_seq: u64,
        pub to_seq: u64,
        pub all: bool,
        pub created: DateTime<Utc>,
        pub schema_version: u32,
    }

    #[derive(Deserialize)]
    pub struct Bundle {
        pub header: Header,
        pub records: Vec<RawRecord>,
    }

    impl From<Bundle> for super::Bundle {
        fn from(b: Bundle) -> Self {
            let h = b.header;
            Self {
                header: super::Header {
                    device: h.device,
                    dest: h.dest,
                    from_seq: h.from_seq,
                    to_seq: h.to_seq,
                    all: h.all,
                    created: h.created,
                    schema_version: h.schema_version,
                    audit_head: None,
                },
                records: b.records,
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub header: Header,
    pub records: Vec<RawRecord>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BundleError {
    #[error("{}", crate::t!("sync-not-bundle"))]
    NotABundle,
    #[error("{}", crate::t!("sync-truncated"))]
    Truncated,
    #[error("{}", crate::t!("sync-damaged"))]
    Damaged,
    #[error("{}", crate::t!("sync-newer-format", found = *.0, supported = *.1))]
    Newer(u32, u32),
    /// The file could not be read (an I/O error other than its end).
    #[error("{0}")]
    Unreadable(String),
}

fn config() -> bincode::config::Configuration {
    bincode::config::standard()
}

impl Bundle {
    /// The bundle in the current (framed) format.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.to_bytes_with(FrameLimits::default())
    }

    /// [`Bundle::to_bytes`] with frames closed at other limits.
    pub fn to_bytes_with(&self, limits: FrameLimits) -> Vec<u8> {
        let write = || -> std::io::Result<Vec<u8>> {
            let mut w = BundleWriter::with_limits(Vec::new(), &self.header, limits)?;
            for r in &self.records {
                w.push(&r.tree, &r.key, &r.value)?;
            }
            w.finish()
        };
        // writing into a Vec only fails for a record larger than a frame may be
        write().unwrap_or_default()
    }

    /// The bundle in the last blob format (version 2), as rounds wrote it
    /// before issue 10: for tests that old bundles still import.
    #[doc(hidden)]
    pub fn to_legacy_bytes(&self) -> Vec<u8> {
        // encoding plain owned data into a Vec cannot fail
        let payload = bincode::serde::encode_to_vec(self, config()).unwrap_or_default();
        let mut out = Vec::with_capacity(FIXED + payload.len() + 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&LEGACY_VERSION.to_be_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_be_bytes());
        out.extend_from_slice(&payload);
        out.extend_from_slice(&crc32fast::hash(&payload).to_be_bytes());
        out
    }

    /// Reads a whole bundle of any version into memory (tests and small
    /// bundles; imports stream with [`BundleStream`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, BundleError> {
        let mut stream = BundleStream::open(bytes)?;
        let header = stream.header().clone();
        let mut records = Vec::new();
        while let Some(chunk) = stream.next_chunk()? {
            records.extend(chunk);
        }
        Ok(Bundle { header, records })
    }

    fn from_legacy_bytes(bytes: &[u8]) -> Result<Self, BundleError> {
        if bytes.len() < FIXED {
            return Err(BundleError::Truncated);
        }
        let version =
            u32::from_be_bytes(bytes[8..12].try_into().map_err(|_| BundleError::Damaged)?);
        let len = u64::from_be_bytes(bytes[12..20].try_into().map_err(|_| BundleError::Damaged)?);
        let len = usize::try_from(len).map_err(|_| BundleError::Damaged)?;
        let end = FIXED.checked_add(len).ok_or(BundleError::Damaged)?;
        let total = end.checked_add(4).ok_or(BundleError::Damaged)?;
        if bytes.len() < total {
            return Err(BundleError::Truncated);
        }
        if bytes.len() > total {
            return Err(BundleError::Damaged);
        }
        let payload = &bytes[FIXED..end];
        let crc = u32::from_be_bytes(
            bytes[end..total]
                .try_into()
                .map_err(|_| BundleError::Damaged)?,
        );
        if crc32fast::hash(payload) != crc {
            return Err(BundleError::Damaged);
        }
        let (bundle, used): (Bundle, usize) = if version == 1 {
            let (b, used): (v1::Bundle, usize) =
                bincode::serde::decode_from_slice(payload, config())
                    .map_err(|_| BundleError::Damaged)?;
            (b.into(), used)
        } else {
            bincode::serde::decode_from_slice(payload, config())
                .map_err(|_| BundleError::Damaged)?
        };
        if used != payload.len() {
            return Err(BundleError::Damaged);
        }
        Ok(bundle)
    }
}

/// A bundle being read: its header at once, then its records a chunk at a
/// time. A framed bundle (version 3) is read frame by frame from `R`, each
/// frame checked as it comes and the trailer at the end; a blob bundle
/// (versions 1 and 2) is read and checked whole when opened.
pub enum BundleStream<R: Read> {
    Framed(FrameReader<R>),
    Whole {
        header: Header,
        records: std::vec::IntoIter<RawRecord>,
        size: u64,
    },
}

/// Reads into `buf` until it is full or the input ends; returns the count.
fn read_up_to(input: &mut impl Read, buf: &mut [u8]) -> Result<usize, BundleError> {
    let mut n = 0;
    while n < buf.len() {
        match input.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(BundleError::Unreadable(e.to_string())),
        }
    }
    Ok(n)
}

impl<R: Read> BundleStream<R> {
    /// Reads the magic, the version and the header (for a blob bundle, the
    /// whole file).
    pub fn open(mut input: R) -> Result<Self, BundleError> {
        let mut start = [0u8; 12];
        let n = read_up_to(&mut input, &mut start)?;
        if n < MAGIC.len() {
            return Err(if MAGIC.starts_with(&start[..n]) {
                BundleError::Truncated
            } else {
                BundleError::NotABundle
            });
        }
        if &start[..8] != MAGIC {
            return Err(BundleError::NotABundle);
        }
        if n < start.len() {
            return Err(BundleError::Truncated);
        }
        let version = u32::from_be_bytes([start[8], start[9], start[10], start[11]]);
        if version > FORMAT_VERSION {
            return Err(BundleError::Newer(version, FORMAT_VERSION));
        }
        if version == FORMAT_VERSION {
            return Ok(Self::Framed(FrameReader::open(input, &start)?));
        }
        let mut bytes = start.to_vec();
        input
            .read_to_end(&mut bytes)
            .map_err(|e| BundleError::Unreadable(e.to_string()))?;
        let bundle = Bundle::from_legacy_bytes(&bytes)?;
        Ok(Self::Whole {
            header: bundle.header,
            records: bundle.records.into_iter(),
            size: bytes.len() as u64,
        })
    }

    pub fn header(&self) -> &Header {
        match self {
            Self::Framed(r) => r.header(),
            Self::Whole { header, .. } => header,
        }
    }

    /// The next records (a frame's worth); `None` at the end, once the whole
    /// file has been checked.
    pub fn next_chunk(&mut self) -> Result<Option<Vec<RawRecord>>, BundleError> {
        match self {
            Self::Framed(r) => r.next_chunk(),
            Self::Whole { records, .. } => {
                let chunk: Vec<RawRecord> = records.by_ref().take(LEGACY_CHUNK).collect();
                Ok((!chunk.is_empty()).then_some(chunk))
            }
        }
    }

    /// What identifies the file read (its frames' CRC), once it is read to
    /// the end; None for a blob bundle.
    pub fn digest(&self) -> Option<u32> {
        match self {
            Self::Framed(r) => r.digest(),
            Self::Whole { .. } => None,
        }
    }

    /// Bytes of the file read so far.
    pub fn bytes_read(&self) -> u64 {
        match self {
            Self::Framed(r) => r.read,
            Self::Whole { size, .. } => *size,
        }
    }
}

/// The header of a bundle, reading no further than it (for a blob bundle,
/// the whole file is read and checked).
pub fn read_header(input: impl Read) -> Result<Header, BundleError> {
    BundleStream::open(input).map(|s| s.header().clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Bundle {
        Bundle {
            header: Header {
                device: "dev1".into(),
                dest: "office".into(),
                from_seq: 0,
                to_seq: 9,
                all: false,
                created: DateTime::<Utc>::from_timestamp(1_700_000_000, 0).unwrap_or_default(),
                schema_version: 2,
                audit_head: Some(AuditHead {
                    seq: 3,
                    mac: "ab".repeat(32),
                }),
            },
            records: vec![RawRecord {
                tree: "stores".into(),
                key: b"S001".to_vec(),
                value: vec![1, 2, 3, 255],
            }],
        }
    }

    fn several() -> Bundle {
        let mut b = sample();
        for i in 0..7u8 {
            b.records.push(RawRecord {
                tree: if i % 2 == 0 { "visits" } else { "stores" }.into(),
                key: vec![i; 1 + usize::from(i)],
                value: vec![i ^ 0x5a; 3 * usize::from(i)],
            });
        }
        b
    }

    const SMALL: FrameLimits = FrameLimits {
        records: 3,
        bytes: 1 << 20,
    };

    #[test]
    fn round_trip() {
        let b = sample();
        assert_eq!(Bundle::from_bytes(&b.to_bytes()), Ok(b));
        let b = several();
        for records in 1..10 {
            let limits = FrameLimits { records, bytes: 16 };
            assert_eq!(
                Bundle::from_bytes(&b.to_bytes_with(limits)).as_ref(),
                Ok(&b)
            );
            let limits = FrameLimits {
                records,
                bytes: 1 << 20,
            };
            assert_eq!(
                Bundle::from_bytes(&b.to_bytes_with(limits)).as_ref(),
                Ok(&b)
            );
        }
        let empty = Bundle {
            records: vec![],
            ..sample()
        };
        assert_eq!(Bundle::from_bytes(&empty.to_bytes()), Ok(empty));
    }

    #[test]
    fn every_truncation_is_refused() {
        for bytes in [
            sample().to_bytes(),
            several().to_bytes_with(SMALL),
            several().to_legacy_bytes(),
        ] {
            for cut in 0..bytes.len() {
                assert!(Bundle::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
            }
        }
    }

    #[test]
    fn a_flipped_bit_or_a_byte_more_is_refused() {
        for bytes in [
            sample().to_bytes(),
            several().to_bytes_with(SMALL),
            several().to_legacy_bytes(),
        ] {
            for i in 0..bytes.len() {
                for mask in [0x01, 0x10, 0x80] {
                    let mut damaged = bytes.clone();
                    damaged[i] ^= mask;
                    assert!(Bundle::from_bytes(&damaged).is_err(), "flip at {i}");
                }
            }
            let mut longer = bytes.clone();
            longer.push(0);
            assert!(Bundle::from_bytes(&longer).is_err());
        }
    }

    #[test]
    fn version_2_bundles_are_still_read() {
        let b = several();
        assert_eq!(Bundle::from_bytes(&b.to_legacy_bytes()), Ok(b));
    }

    #[test]
    fn the_header_reads_without_the_rest() {
        let b = several();
        let bytes = b.to_bytes_with(SMALL);
        // magic, version, and the header frame: 5 bytes of frame head, the
        // payload, the CRC
        let len = u32::from_be_bytes(bytes[13..17].try_into().unwrap()) as usize;
        let end = 12 + 5 + len + 4;
        assert_eq!(read_header(&bytes[..end]), Ok(b.header.clone()));
        assert!(read_header(&bytes[..end - 1]).is_err());
        // the stream hands out one frame at a time
        let mut s = BundleStream::open(&bytes[..]).unwrap();
        assert_eq!(s.next_chunk().unwrap().map(|c| c.len()), Some(3));
    }

    #[test]
    fn a_newer_format_is_named() {
        let mut bytes = sample().to_bytes();
        bytes[11] = 9;
        assert_eq!(
            Bundle::from_bytes(&bytes),
            Err(BundleError::Newer(9, FORMAT_VERSION))
        );
    }

    #[test]
    fn version_1_bundles_are_still_read() {
        #[derive(Serialize)]
        struct HeaderV1<'a> {
            device: &'a str,
            dest: &'a str,
            from_seq: u64,
            to_seq: u64,
            all: bool,
            created: DateTime<Utc>,
            schema_version: u32,
        }
        let b = sample();
        let h = &b.header;
        let old = (
            HeaderV1 {
                device: &h.device,
                dest: &h.dest,
                from_seq: h.from_seq,
                to_seq: h.to_seq,
                all: h.all,
                created: h.created,
                schema_version: h.schema_version,
            },
            &b.records,
        );
        let payload = bincode::serde::encode_to_vec(&old, config()).unwrap();
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&1u32.to_be_bytes());
        bytes.extend_from_slice(&(payload.len() as u64).to_be_bytes());
        bytes.extend_from_slice(&payload);
        bytes.extend_from_slice(&crc32fast::hash(&payload).to_be_bytes());
        let read = Bundle::from_bytes(&bytes).unwrap();
        assert_eq!(read.header.audit_head, None);
        assert_eq!(read.records, b.records);
        assert_eq!(read.header.device, "dev1");
    }

    #[test]
    fn other_files_are_not_bundles() {
        assert_eq!(
            Bundle::from_bytes(b"code;name\n"),
            Err(BundleError::NotABundle)
        );
    }
}
