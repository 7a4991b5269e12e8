//! Migrations from older schema versions, run in order on open.
//! Each step rewrites the records it changes, then bumps the version; a step
//! reads both layouts so that a crash half-way through can simply run again.

use super::{Database, Result, StorageError, codec};
use crate::domain::{Channel, Money, RecordMeta, SalePoint, SalesSeries, Store, WeekdaySet};
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

    /// Schema 4: promotions had no audience (they were for every store).
    #[derive(Debug, Clone, Serialize, Deserialize)]
    pub struct PromotionV4 {
        pub meta: RecordMeta,
        pub code: String,
        pub name: String,
        pub sku: String,
        pub from: chrono::NaiveDate,
        pub to: chrono::NaiveDate,
        pub buy_qty: u32,
        pub bonus_qty: u32,
    }

    impl From<PromotionV4> for crate::domain::Promotion {
        fn from(old: PromotionV4) -> Self {
            Self {
                meta: old.meta,
                code: old.code,
                name: old.name,
                sku: old.sku,
                from: old.from,
                to: old.to,
                buy_qty: old.buy_qty,
                bonus_qty: old.bonus_qty,
                audience: crate::domain::Audience::All,
            }
        }
    }

    /// Schema 2: sales days had no import stamp.
    #[derive(Debug, Clone, Serialize, Deserialize)]
    pub struct SalesSeriesV2 {
        pub store_code: String,
        pub sku: String,
        pub points: Vec<(i32, f32)>,
    }

    impl From<SalesSeriesV2> for SalesSeries {
        fn from(old: SalesSeriesV2) -> Self {
            Self {
                store_code: old.store_code,
                sku: old.sku,
                points: old
                    .points
                    .into_iter()
                    .map(|(day, qty)| SalePoint {
                        day,
                        qty,
                        imported: 0,
                    })
                    .collect(),
            }
        }
    }
}

pub(super) fn run(db: &Database, from: u32) -> Result<()> {
    let mut version = from;
    while version < super::SCHEMA_VERSION {
        match version {
            1 => v1_to_v2(db)?,
            2 => v2_to_v3(db)?,
            3 => {
                v3_to_v4::<Store>(db)?;
                v3_to_v4::<crate::domain::Product>(db)?;
                v3_to_v4::<crate::domain::Rep>(db)?;
            }
            4 => v4_to_v5(db)?,
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

/// Schema 3 stamps each sales day with the import that set it (0: unknown,
/// so any later import wins). A schema-3 value is the schema-2 layout with
/// the stamps appended, so a schema-2 value never reads as schema 3: a step
/// interrupted half-way can run again.
fn v2_to_v3(db: &Database) -> Result<()> {
    let tree = db.tree("sales")?;
    for item in tree.iter() {
        let (key, bytes) = item?;
        if codec::decode::<SalesSeries>("sales series", &bytes).is_ok() {
            continue; // already migrated by an interrupted earlier run
        }
        let old: legacy::SalesSeriesV2 = codec::decode("sales series (schema 2)", &bytes)?;
        tree.insert(key, codec::encode("sales series", &SalesSeries::from(old))?)?;
    }
    Ok(())
}

/// Schema 4 keeps a clock per field after the value of stores, products
/// and reps: each field takes the record's clock. A value that already has
/// its clocks is left as it is, so an interrupted step can run again.
fn v3_to_v4<T: super::Stored>(db: &Database) -> Result<()> {
    let tree = db.tree(T::TREE)?;
    for item in tree.iter() {
        let (key, bytes) = item?;
        let (value, used): (T, usize) =
            bincode::serde::decode_from_slice(&bytes, bincode::config::standard()).map_err(
                |e| StorageError::Corrupt {
                    kind: T::KIND,
                    detail: e.to_string(),
                },
            )?;
        if used < bytes.len() {
            continue; // already migrated by an interrupted earlier run
        }
        let v = crate::domain::merge::Versioned::new(value);
        tree.insert(key, codec::encode_versioned(T::KIND, &v)?)?;
    }
    Ok(())
}

/// Schema 5: promotions gain an audience (all, as before).
fn v4_to_v5(db: &Database) -> Result<()> {
    let tree = db.tree("promotions")?;
    for item in tree.iter() {
        let (key, bytes) = item?;
        let decoded: std::result::Result<(legacy::PromotionV4, usize), _> =
            bincode::serde::decode_from_slice(&bytes, bincode::config::standard());
        match decoded {
            Ok((old, used)) if used == bytes.len() => {
                let new = crate::domain::Promotion::from(old);
                tree.insert(key, codec::encode("promotion", &new)?)?;
            }
            // the audience follows: migrated by an interrupted earlier run
            _ => continue,
        }
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
    fn migrates_schema_3_stores_to_field_clocks() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = v1_store("S1", "r1");
        store.meta.hlc += 5;
        let v1 = store.clone();
        let store = Store {
            meta: v1.meta,
            code: v1.code,
            name: v1.name,
            address: v1.address,
            city: v1.city,
            decision_maker: v1.decision_maker,
            phone: v1.phone,
            email: v1.email,
            preferred_channel: v1.preferred_channel,
            visit_every_days: v1.visit_every_days,
            visit_weekdays: v1.visit_weekdays,
            rep: v1.rep,
            route_order: 1,
            deferral_days: v1.deferral_days,
            credit_limit: v1.credit_limit,
        };
        {
            let sled = sled::open(dir.path().join("db")).unwrap();
            sled.open_tree("meta")
                .unwrap()
                .insert(b"schema_version", &3u32.to_be_bytes())
                .unwrap();
            let plain = codec::encode("store", &store).unwrap();
            sled.open_tree("stores")
                .unwrap()
                .insert("S1", plain)
                .unwrap();
            sled.flush().unwrap();
        }
        let db = Database::open(dir.path()).unwrap();
        let raw = db.raw_records("stores").unwrap().remove(0).value;
        let plain_len = codec::encode("store", &store).unwrap().len();
        assert!(raw.len() > plain_len, "the clocks follow the value");
        let v = db.versioned::<Store>(b"S1").unwrap().unwrap();
        assert_eq!(v.value, store);
        assert_eq!(
            v.clocks.fields.len(),
            <Store as crate::domain::merge::Fields>::FIELDS.len()
        );
        assert!(v.clocks.fields.iter().all(|f| f.hlc == store.meta.hlc));
        assert_eq!(db.store("S1").unwrap(), Some(store));
    }

    #[test]
    fn migrates_schema_2_sales_without_import_stamps() {
        let dir = tempfile::tempdir().unwrap();
        let old = legacy::SalesSeriesV2 {
            store_code: "S1".into(),
            sku: "P1".into(),
            points: vec![(739_000, 3.0), (739_007, 0.5)],
        };
        {
            let sled = sled::open(dir.path().join("db")).unwrap();
            sled.open_tree("meta")
                .unwrap()
                .insert(b"schema_version", &2u32.to_be_bytes())
                .unwrap();
            let sales = sled.open_tree("sales").unwrap();
            sales
                .insert(b"S1\0P1", codec::encode("sales", &old).unwrap())
                .unwrap();
            // one already migrated by an interrupted earlier run
            let done = SalesSeries::from(legacy::SalesSeriesV2 {
                sku: "P2".into(),
                ..old.clone()
            });
            sales
                .insert(b"S1\0P2", codec::encode("sales", &done).unwrap())
                .unwrap();
            sled.flush().unwrap();
        }
        let db = Database::open(dir.path()).unwrap();
        assert_eq!(db.schema_version().unwrap(), super::super::SCHEMA_VERSION);
        let s = db.sales_series("S1", "P1").unwrap().unwrap();
        assert_eq!(s.points.len(), 2);
        assert_eq!(
            (s.points[1].day, s.points[1].qty, s.points[1].imported),
            (739_007, 0.5, 0)
        );
        assert_eq!(
            db.sales_series("S1", "P2").unwrap().unwrap().points.len(),
            2
        );
    }

    #[test]
    fn a_schema_2_sales_value_never_reads_as_schema_3() {
        for n in 0..40 {
            let old = legacy::SalesSeriesV2 {
                store_code: "S1".into(),
                sku: "P1".into(),
                points: (0..n).map(|i| (739_000 + i * 7, i as f32)).collect(),
            };
            let bytes = codec::encode("sales", &old).unwrap();
            assert!(
                codec::decode::<SalesSeries>("sales", &bytes).is_err(),
                "{n}"
            );
        }
    }

    #[test]
    fn migrates_schema_4_promotions_to_an_audience_of_all() {
        let dir = tempfile::tempdir().unwrap();
        let d = |day| chrono::NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let old = legacy::PromotionV4 {
            meta: RecordMeta::fresh(
                "t",
                "dev",
                Utc.with_ymd_and_hms(2025, 5, 1, 0, 0, 0).unwrap(),
            ),
            code: "PR1".into(),
            name: "Two for one".into(),
            sku: "P1".into(),
            from: d(1),
            to: d(30),
            buy_qty: 2,
            bonus_qty: 1,
        };
        let bytes = codec::encode("promotion", &old).unwrap();
        // the old layout never reads as the new one
        assert!(codec::decode::<crate::domain::Promotion>("promotion", &bytes).is_err());
        {
            let sled = sled::open(dir.path().join("db")).unwrap();
            sled.open_tree("meta")
                .unwrap()
                .insert(b"schema_version", &4u32.to_be_bytes())
                .unwrap();
            let promos = sled.open_tree("promotions").unwrap();
            promos.insert(b"PR1\0P1", bytes).unwrap();
            // one already migrated by an interrupted earlier run
            let mut done = crate::domain::Promotion::from(legacy::PromotionV4 {
                sku: "P2".into(),
                ..old.clone()
            });
            done.audience = crate::domain::Audience::Loyal;
            promos
                .insert(b"PR1\0P2", codec::encode("promotion", &done).unwrap())
                .unwrap();
            sled.flush().unwrap();
        }
        let db = Database::open(dir.path()).unwrap();
        assert_eq!(db.schema_version().unwrap(), super::super::SCHEMA_VERSION);
        let mut all = db.promotions().unwrap();
        all.sort_by(|a, b| a.sku.cmp(&b.sku));
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].audience, crate::domain::Audience::All);
        assert_eq!((all[0].buy_qty, all[0].bonus_qty), (2, 1));
        assert_eq!(all[1].audience, crate::domain::Audience::Loyal);
        // a schema-4 value kept elsewhere (the hub) reads in today's layout
        let old_bytes = codec::encode("promotion", &old).unwrap();
        let now = super::super::current_layout("promotions", &old_bytes);
        let p: crate::domain::Promotion = codec::decode("promotion", &now).unwrap();
        assert_eq!(
            (p.code.as_str(), p.audience),
            ("PR1", crate::domain::Audience::All)
        );
        let current = codec::encode("promotion", &all[1]).unwrap();
        assert_eq!(
            super::super::current_layout("promotions", &current),
            current
        );
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
