//! `rounds hub stats`: what the hub holds, and when each device last
//! exchanged with it.

use super::{Hub, HubError};
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeviceStats {
    pub device: String,
    /// None: the device receives everything.
    pub rep: Option<String>,
    pub registered: bool,
    pub bundles: i64,
    pub last_push: Option<DateTime<Utc>>,
    pub last_pull: Option<DateTime<Utc>>,
    pub confirmed: i64,
    /// Neither pushed nor pulled for more than a day.
    pub stale: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HubStats {
    pub schema_version: i64,
    /// (tree, current records), every tree that has any.
    pub records: Vec<(String, i64)>,
    pub changes: i64,
    pub bundles: i64,
    pub devices: Vec<DeviceStats>,
}

pub fn stats(hub: &mut Hub, now: DateTime<Utc>) -> Result<HubStats, HubError> {
    let schema_version = super::schema_version(hub)?;
    let c = hub.client();
    let records = c
        .query(
            "SELECT tree, count(*) FROM rounds_hub.records GROUP BY tree ORDER BY tree",
            &[],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let changes = c
        .query_one("SELECT count(*) FROM rounds_hub.changes", &[])?
        .get(0);
    let bundles = c
        .query_one("SELECT count(*) FROM rounds_hub.bundles", &[])?
        .get(0);
    let rows = c.query(
        "WITH b AS (SELECT device, count(*) n, max(received_at) last FROM rounds_hub.bundles GROUP BY device)
         SELECT coalesce(d.device, b.device), d.rep, d.device IS NOT NULL, coalesce(b.n, 0),
                coalesce(d.last_push, b.last), d.last_pull, coalesce(d.confirmed, 0)
         FROM rounds_hub.devices d FULL JOIN b ON b.device = d.device ORDER BY 1",
        &[],
    )?;
    let day_ago = now - chrono::Duration::days(1);
    let devices = rows
        .iter()
        .map(|r| {
            let last_push: Option<DateTime<Utc>> = r.get(4);
            let last_pull: Option<DateTime<Utc>> = r.get(5);
            let last = last_push.max(last_pull);
            DeviceStats {
                device: r.get(0),
                rep: r.get(1),
                registered: r.get(2),
                bundles: r.get(3),
                last_push,
                last_pull,
                confirmed: r.get(6),
                stale: last.is_none_or(|t| t < day_ago),
            }
        })
        .collect();
    Ok(HubStats {
        schema_version,
        records,
        changes,
        bundles,
        devices,
    })
}
