//! Who made a record, on which device and when; ids are ULIDs (unique, time-ordered),
//! so records from many laptops merge without collisions.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ulid::Ulid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Rep or user code, or "import"/"demo" for machine-made records.
    pub by: String,
    pub device: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordMeta {
    pub id: Ulid,
    pub created: Stamp,
    pub changed: Stamp,
    /// Hybrid logical clock of the last change: physical ms << 16 | counter.
    /// Sync uses it to let the newer version of a catalog record win.
    pub hlc: u64,
}

impl RecordMeta {
    pub fn new(id: Ulid, stamp: Stamp) -> Self {
        let hlc = hlc_from_time(stamp.at);
        Self {
            id,
            created: stamp.clone(),
            changed: stamp,
            hlc,
        }
    }

    /// A fresh record made now by `by` on `device`.
    pub fn fresh(by: &str, device: &str, at: DateTime<Utc>) -> Self {
        let id = Ulid::from_parts(at.timestamp_millis().max(0) as u64, rand::random());
        Self::new(
            id,
            Stamp {
                by: by.to_string(),
                device: device.to_string(),
                at,
            },
        )
    }

    /// Marks a change; the clock never goes backwards even if the wall clock does.
    pub fn touch(&mut self, stamp: Stamp) {
        self.hlc = next_hlc(self.hlc, stamp.at);
        self.changed = stamp;
    }
}

pub fn hlc_from_time(at: DateTime<Utc>) -> u64 {
    (at.timestamp_millis().max(0) as u64) << 16
}

/// The next hybrid logical clock value after `prev` at wall time `at`.
pub fn next_hlc(prev: u64, at: DateTime<Utc>) -> u64 {
    let wall = hlc_from_time(at);
    if wall > prev { wall } else { prev + 1 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn hlc_is_monotonic_when_wall_clock_goes_back() {
        let t1 = Utc.with_ymd_and_hms(2026, 1, 2, 10, 0, 0).unwrap();
        let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 10, 0, 0).unwrap();
        let a = hlc_from_time(t1);
        let b = next_hlc(a, t0);
        assert!(b > a);
        let c = next_hlc(b, t1 + chrono::Duration::seconds(1));
        assert!(c > b);
    }

    #[test]
    fn fresh_ids_sort_by_time() {
        let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 10, 0, 0).unwrap();
        let a = RecordMeta::fresh("r1", "dev", t0);
        let b = RecordMeta::fresh("r1", "dev", t0 + chrono::Duration::milliseconds(5));
        assert!(a.id < b.id);
    }
}
