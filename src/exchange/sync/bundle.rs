//! The bundle file: magic, format version, payload length, payload (header +
//! records, bincode), CRC-32 of the payload. A truncated or damaged file is
//! refused whole, before anything is written.

use crate::storage::RawRecord;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

const MAGIC: &[u8; 8] = b"RNDSSYNC";
/// 2: the header carries the writer's audit head. Version 1 bundles are
/// still read (without a head).
pub const FORMAT_VERSION: u32 = 2;
const FIXED: usize = 8 + 4 + 8;

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
}

fn config() -> bincode::config::Configuration {
    bincode::config::standard()
}

impl Bundle {
    pub fn to_bytes(&self) -> Vec<u8> {
        // encoding plain owned data into a Vec cannot fail
        let payload = bincode::serde::encode_to_vec(self, config()).unwrap_or_default();
        let mut out = Vec::with_capacity(FIXED + payload.len() + 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_be_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_be_bytes());
        out.extend_from_slice(&payload);
        out.extend_from_slice(&crc32fast::hash(&payload).to_be_bytes());
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, BundleError> {
        if bytes.len() < MAGIC.len() {
            return Err(if MAGIC.starts_with(bytes) {
                BundleError::Truncated
            } else {
                BundleError::NotABundle
            });
        }
        if &bytes[..8] != MAGIC {
            return Err(BundleError::NotABundle);
        }
        if bytes.len() < FIXED {
            return Err(BundleError::Truncated);
        }
        let version =
            u32::from_be_bytes(bytes[8..12].try_into().map_err(|_| BundleError::Damaged)?);
        if version > FORMAT_VERSION {
            return Err(BundleError::Newer(version, FORMAT_VERSION));
        }
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

    #[test]
    fn round_trip() {
        let b = sample();
        assert_eq!(Bundle::from_bytes(&b.to_bytes()), Ok(b));
    }

    #[test]
    fn every_truncation_is_refused() {
        let bytes = sample().to_bytes();
        for cut in 0..bytes.len() {
            assert!(Bundle::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn a_flipped_bit_is_refused() {
        let bytes = sample().to_bytes();
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0x10;
            assert!(Bundle::from_bytes(&damaged).is_err(), "flip at {i}");
        }
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
