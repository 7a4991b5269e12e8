//! `rounds hub bundle`: what a device has not received yet, streamed from a
//! snapshot of the hub into a bundle file. The device's high-water mark
//! moves only when the device confirms it imported the bundle.

use super::{HUB_DEVICE, Hub, HubError, scope};
use crate::exchange::sync::Header;
use crate::exchange::sync::frames::BundleWriter;
use chrono::{DateTime, Utc};
use postgres::IsolationLevel;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Rows fetched from the hub at a time (memory stays a chunk's worth).
const FETCH: i32 = 4096;

/// What a bundle for a device holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outbound {
    pub device: String,
    pub records: u64,
    /// The record seqs it covers: after `from_seq`, up to `to_seq`.
    pub from_seq: u64,
    pub to_seq: u64,
}

/// Registers a device: a rep's laptop (`rep`: that rep's stores), or with
/// `None` a supervisor's terminal or kiosk that receives everything.
pub fn register_device(hub: &mut Hub, device: &str, rep: Option<&str>) -> Result<(), HubError> {
    hub.client().execute(
        "INSERT INTO rounds_hub.devices (device, rep) VALUES ($1, $2)
         ON CONFLICT (device) DO UPDATE SET rep = EXCLUDED.rep",
        &[&device, &rep],
    )?;
    Ok(())
}

/// The device confirms it imported everything up to `upto` (a bundle's
/// `to_seq`); the mark never moves back, nor past what was offered.
pub fn confirm(hub: &mut Hub, device: &str, upto: u64) -> Result<u64, HubError> {
    let upto = i64::try_from(upto).unwrap_or(i64::MAX);
    let row = hub.client().query_opt(
        "UPDATE rounds_hub.devices SET confirmed = greatest(confirmed, least($2, offered)),
           last_pull = now() WHERE device = $1 RETURNING confirmed",
        &[&device, &upto],
    )?;
    let row = row.ok_or_else(|| HubError::UnknownDevice(device.to_string()))?;
    Ok(row.get::<_, i64>(0) as u64)
}

const SELECT: &str = "SELECT r.tree, r.key, r.value FROM rounds_hub.records r
 WHERE r.seq > $1 AND r.seq <= $2 AND ($5 OR r.origin <> $3)
   AND ($4::text IS NULL
        OR r.tree = ANY($6)
        OR (r.tree = 'users' AND r.doc->>'rep_code' = $4)
        OR r.store_code IN (SELECT doc->>'code' FROM rounds_hub.records
                             WHERE tree = 'stores' AND doc->>'rep' = $4)
        OR r.visit_id IN (SELECT v.visit_id FROM rounds_hub.records v
                           WHERE v.tree = 'visits' AND (v.doc->>'rep' = $4 OR v.store_code IN
                             (SELECT doc->>'code' FROM rounds_hub.records
                               WHERE tree = 'stores' AND doc->>'rep' = $4))))
 ORDER BY r.seq";

fn part_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".part");
    path.with_file_name(name)
}

/// Writes the bundle for `device` into `path` whole (a part file, fsync,
/// rename): the records changed since its confirmed mark that it may see,
/// or with `all` every one of them.
pub fn write_device_bundle(
    hub: &mut Hub,
    device: &str,
    all: bool,
    path: &Path,
    now: DateTime<Utc>,
) -> Result<Outbound, HubError> {
    let tmp = part_path(path);
    let written = write_part(hub, device, all, &tmp, now);
    let io = |e: std::io::Error| HubError::Io(format!("{}: {e}", path.display()));
    let done = written.and_then(|out| {
        std::fs::rename(&tmp, path).map_err(io)?;
        Ok(out)
    });
    if done.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    done
}

fn write_part(
    hub: &mut Hub,
    device: &str,
    all: bool,
    tmp: &Path,
    now: DateTime<Utc>,
) -> Result<Outbound, HubError> {
    let io = |e: std::io::Error| HubError::Io(format!("{}: {e}", tmp.display()));
    let mut tx = hub
        .client()
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .start()?;
    let row = tx
        .query_opt(
            "SELECT rep, confirmed FROM rounds_hub.devices WHERE device = $1",
            &[&device],
        )?
        .ok_or_else(|| HubError::UnknownDevice(device.to_string()))?;
    let rep: Option<String> = row.get(0);
    let from: i64 = if all { 0 } else { row.get(1) };
    let to: i64 = tx
        .query_one("SELECT coalesce(max(seq), 0) FROM rounds_hub.records", &[])?
        .get(0);
    let header = Header {
        device: HUB_DEVICE.to_string(),
        dest: device.to_string(),
        from_seq: from as u64,
        to_seq: to.max(from) as u64,
        all,
        created: now,
        schema_version: crate::storage::SCHEMA_VERSION,
        audit_head: None,
    };
    let file = std::fs::File::create(tmp).map_err(io)?;
    let out = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut w = BundleWriter::new(out, &header).map_err(io)?;
    let every: Vec<&str> = scope::TO_EVERY_DEVICE.to_vec();
    let portal = tx.bind(SELECT, &[&from, &to, &device, &rep, &all, &every])?;
    loop {
        let rows = tx.query_portal(&portal, FETCH)?;
        if rows.is_empty() {
            break;
        }
        for row in &rows {
            let tree: &str = row.get(0);
            let value = crate::storage::current_layout(tree, row.get(2));
            w.push(tree, row.get(1), &value).map_err(io)?;
        }
    }
    let records = w.records();
    let out = w.finish().map_err(io)?;
    let mut file = out.into_inner().map_err(|e| io(e.into_error()))?;
    file.flush().map_err(io)?;
    file.sync_all().map_err(io)?;
    tx.execute(
        "UPDATE rounds_hub.devices SET offered = greatest(offered, $2) WHERE device = $1",
        &[&device, &to],
    )?;
    tx.commit()?;
    Ok(Outbound {
        device: device.to_string(),
        records,
        from_seq: header.from_seq,
        to_seq: header.to_seq,
    })
}
