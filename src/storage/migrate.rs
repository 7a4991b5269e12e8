//! Migrations from older schema versions, run in order on open.
//! Each step rewrites the records it changes, then bumps the version; a step
//! reads both layouts so that a crash half-way through can simply run again.

use super::{Database, Result, StorageError, codec};
use crate::domain::{Channel, Money, RecordMeta, Store, WeekdaySet};
use serde::{Deserialize, Serialize};

/// Layouts of earlier schema versions.
pub(super) mod legacy {
    use super::*;

    /// Schema 1: stores had no route order; the route followed the store code.
    #[derive(Debug, Clone, Serialize, Deserialize)]
    pub struct StoreV1 {
        pub meta: RecordMeta,
        pub code: String,
        pub name: String,
        pub address: String,
        pub city: String,
        pub decision_maker: String,
        pub phone: String,
        pub email: String,
        pub preferred_channel: Channel,
        pub visit_every_days: u16,
        pub visit_weekdays: WeekdaySet,
        pub rep: String,
        pub deferral_days: u16,
        pub credit_limit: Money,
    }
}

pub(super) fn run(db: &Database, from: u32) -> Result<()> {
    let mut version = from;
    while version < super::SCHEMA_VERSION {
        match version {
            1 => v1_to_v2(db)?,
            other => {
                return Err(StorageError::Invalid(format!(
                    "no migration from schema version {other}"
                )));
            }
        }
        version += 1;
        db.set_schema_version(version)?;
        db.flush()?;
        tracing::info!(version, "database migrated");
    }
    Ok(())
}

/// Schema 2 adds `route_order`: numbered per rep in the old (code) order.
fn v1_to_v2(db: &Database) -> Result<()> {
    let tree = db.tree("stores")?;
    let mut per_rep: std::collections::HashMap<String, u32> = Default::default();
    for item in tree.iter() {
        let (key, bytes) = item?;
        if codec::decode::<Store>("store", &bytes).is_ok() {
            continue; // already migrated by an interrupted earlier run
        }
        let old: legacy::StoreV1 = codec::decode("store (schema 1)", &bytes)?;
        let order = per_rep.entry(old.rep.clone()).or_insert(0);
        *order += 1;
        let new = Store {
            meta: old.meta,
            code: old.code,
            name: old.name,
            address: old.address,
            city: old.city,
            decision_maker: old.decision_maker,
            phone: old.phone,
            email: old.email,
            preferred_channel: old.preferred_channel,
            visit_every_days: old.visit_every_days,
            visit_weekdays: old.visit_weekdays,
            rep: old.rep,
            route_order: *order,
            deferral_days: old.deferral_days,
            credit_limit: old.credit_limit,
        };
        tree.insert(key, codec::encode("store", &new)?)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn v1_store(code: &str, rep: &str) -> legacy::StoreV1 {
        legacy::StoreV1 {
            meta: RecordMeta::fresh(
                "t",
                "dev",
                Utc.with_ymd_and_hms(2025, 5, 1, 0, 0, 0).unwrap(),
            ),
            code: code.into(),
            name: format!("Магазин {code}"),
            address: "ул. Ленина 1".into(),
            city: "Москва".into(),
            decision_maker: "Иван".into(),
            phone: String::new(),
            email: String::new(),
            preferred_channel: Channel::Phone,
            visit_every_days: 7,
            visit_weekdays: WeekdaySet(1),
            rep: rep.into(),
            deferral_days: 14,
            credit_limit: Money(100_000),
        }
    }

    #[test]
    fn migrates_a_schema_1_database() {
        let dir = tempfile::tempdir().unwrap();
        {
            // a database as schema 1 wrote it
            let sled = sled::open(dir.path().join("db")).unwrap();
            sled.open_tree("meta")
                .unwrap()
                .insert(b"schema_version", &1u32.to_be_bytes())
                .unwrap();
            let stores = sled.open_tree("stores").unwrap();
            for (code, rep) in [("S1", "r1"), ("S2", "r1"), ("S3", "r2")] {
                stores
                    .insert(code, codec::encode("store", &v1_store(code, rep)).unwrap())
                    .unwrap();
            }
            sled.flush().unwrap();
        }
        let db = Database::open(dir.path()).unwrap();
        assert_eq!(db.schema_version().unwrap(), super::super::SCHEMA_VERSION);
        let s2 = db.store("S2").unwrap().unwrap();
        assert_eq!(s2.name, "Магазин S2");
        assert_eq!(s2.route_order, 2);
        assert_eq!(s2.credit_limit, Money(100_000));
        assert_eq!(db.store("S3").unwrap().unwrap().route_order, 1);
    }

    #[test]
    fn refuses_a_newer_schema() {
        let dir = tempfile::tempdir().unwrap();
        {
            let sled = sled::open(dir.path().join("db")).unwrap();
            sled.open_tree("meta")
                .unwrap()
                .insert(b"schema_version", &99u32.to_be_bytes())
                .unwrap();
            sled.flush().unwrap();
        }
        let err = Database::open(dir.path()).err().expect("must refuse");
        assert!(matches!(err, StorageError::NewerSchema { found: 99, .. }));
        assert!(
            err.to_string()
                .contains("newer than this rounds understands")
        );
    }
}
