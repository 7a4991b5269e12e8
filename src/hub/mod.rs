//! The office hub: laptops' bundles ingested into PostgreSQL, merged by the
//! laptops' own rules (`exchange::sync::merge::resolve_fields`), and bundles
//! written back per device; a read side for BI tools in schema `rounds_bi`.
//! See docs/hub.md.

mod apply;
mod error;
mod ingest;
pub mod laptop;
mod outbound;
mod schema;
pub mod scope;
mod stats;

pub use error::HubError;
pub use ingest::{IngestReport, ingest_file};
pub use laptop::{SyncHubReport, sync_with_hub};
pub use outbound::{Outbound, confirm, register_device, write_device_bundle};
pub use schema::{Init, SCHEMA_VERSION, init, schema_version};
pub use stats::{DeviceStats, HubStats, stats};

use postgres::{Client, NoTls};

/// The environment variable read when `--db` is not given.
pub const URL_ENV: &str = "ROUNDS_HUB_URL";

/// The device name the hub writes into the bundles it sends.
pub const HUB_DEVICE: &str = "hub";

/// A connection to the hub.
pub struct Hub {
    client: Client,
}

impl Hub {
    /// Connects to `url` (a PostgreSQL connection string or URL); the
    /// schema is not checked (see [`Hub::open`]).
    pub fn connect(url: &str) -> Result<Self, HubError> {
        let config: postgres::Config = url
            .parse()
            .map_err(|e: postgres::Error| HubError::BadUrl(e.to_string().replace(url, "<url>")))?;
        let mut config = config;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(std::time::Duration::from_secs(10));
        }
        let client = config.connect(NoTls).map_err(HubError::from_connect)?;
        Ok(Self { client })
    }

    /// Connects and checks that the schema is this build's.
    pub fn open(url: &str) -> Result<Self, HubError> {
        let mut hub = Self::connect(url)?;
        let found = schema_version(&mut hub)?;
        match found {
            0 => Err(HubError::NoSchema),
            v if v < SCHEMA_VERSION => Err(HubError::OlderSchema {
                found: v,
                ours: SCHEMA_VERSION,
            }),
            v if v > SCHEMA_VERSION => Err(HubError::NewerSchema {
                found: v,
                ours: SCHEMA_VERSION,
            }),
            _ => Ok(hub),
        }
    }

    pub(crate) fn client(&mut self) -> &mut Client {
        &mut self.client
    }
}

/// The URL from `--db`, else from `ROUNDS_HUB_URL`.
pub fn url_from(flag: Option<&str>) -> Result<String, HubError> {
    flag.filter(|u| !u.trim().is_empty())
        .map(str::to_string)
        .or_else(|| std::env::var(URL_ENV).ok().filter(|u| !u.trim().is_empty()))
        .ok_or(HubError::NoUrl)
}

/// Who runs this command, for the ledger: the system user and the host.
pub fn who() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "someone".into());
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    format!("{user}@{host}")
}
