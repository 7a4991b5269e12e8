//! Checks of a record that comes from elsewhere (a sync bundle), made before
//! anything is written: its bytes are one whole value of its kind's type, its
//! key is the key this build's own writes give that value, and the clock that
//! ranks it in a merge is read out so the caller can refuse one from the future.
//!
//! One table, one row per record tree, using the key layouts of the modules
//! that write the records; `every_stored_record_passes` checks that the two
//! never drift apart.

use super::visit_lines::{audit_key, by_store, by_visit};
use super::{client_file, keys, reviews};
use crate::domain::auth::User;
use crate::domain::client::{Contact, PlanSnooze, StoreProfile, TimelineEntry};
use crate::domain::dates::CompanyDate;
use crate::domain::merge::{FieldClocks, FieldConflict, Versioned};
use crate::domain::order::Order;
use crate::domain::review::{VisitComment, VisitReview};
use crate::domain::visit::{Amendment, AuditLine, Batch, Note, Problem, ReturnLine};
use crate::domain::{
    AssortmentLine, DeliveryLine, Invoice, Product, Promotion, RecordMeta, Rep, SalesSeries, Store,
    Visit,
};
use serde::de::DeserializeOwned;

/// What a valid record says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Checked {
    /// The key its content gives it.
    pub key: Vec<u8>,
    /// The latest wall time (ms since 1970) among the clocks that rank it in a
    /// merge: the hybrid logical clock of its meta, or a sales day's import stamp.
    pub clock_ms: u64,
}

/// Why a record is not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Invalid {
    /// No kind of record lives in this tree.
    UnknownTree,
    /// The bytes are not one value of the tree's type (the decoder's words).
    Undecodable(String),
    /// The value decodes but breaks a rule its kind keeps.
    Inconsistent(String),
}

type Check = fn(&[u8]) -> Result<Checked, Invalid>;

/// Decodes exactly one value: bytes left over mean it is not one.
fn whole<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Invalid> {
    let (value, used): (T, usize) =
        bincode::serde::decode_from_slice(bytes, bincode::config::standard())
            .map_err(|e| Invalid::Undecodable(e.to_string()))?;
    if used != bytes.len() {
        return Err(Invalid::Undecodable(format!(
            "{} bytes left over after the record",
            bytes.len() - used
        )));
    }
    Ok(value)
}

fn hlc_ms(meta: &RecordMeta) -> u64 {
    meta.hlc >> 16
}

/// A record with a `RecordMeta`: decoded, keyed by `key`, ranked by its HLC.
fn with_meta<T: DeserializeOwned>(
    bytes: &[u8],
    meta: fn(&T) -> &RecordMeta,
    key: fn(&T) -> Vec<u8>,
) -> Result<Checked, Invalid> {
    let value: T = whole(bytes)?;
    Ok(Checked {
        key: key(&value),
        clock_ms: hlc_ms(meta(&value)),
    })
}

/// An audit line, alone or followed by its counted stock.
fn audit_line(bytes: &[u8]) -> Result<Checked, Invalid> {
    let (line, used): (AuditLine, usize) =
        bincode::serde::decode_from_slice(bytes, bincode::config::standard())
            .map_err(|e| Invalid::Undecodable(e.to_string()))?;
    if used < bytes.len() {
        let _stock: u32 = whole(&bytes[used..])?;
    }
    Ok(Checked {
        key: audit_key(&line),
        clock_ms: hlc_ms(&line.meta),
    })
}

/// A record that merges field by field: its value and then its clocks, one
/// per field, none of them from the future.
fn versioned<T: super::Stored>(bytes: &[u8]) -> Result<Checked, Invalid> {
    let (value, clocks): (T, FieldClocks) = whole(bytes)?;
    if clocks.fields.len() != T::FIELDS.len() {
        return Err(Invalid::Inconsistent(format!(
            "{} field clocks for {} fields",
            clocks.fields.len(),
            T::FIELDS.len()
        )));
    }
    let newest = clocks
        .fields
        .iter()
        .map(|f| f.hlc)
        .chain(clocks.removal.stamp.iter().map(|s| s.hlc))
        .chain(clocks.seen.values().copied())
        .chain([value.meta().hlc])
        .max()
        .unwrap_or(0);
    Ok(Checked {
        key: value.key(),
        clock_ms: newest >> 16,
    })
}

fn sales(bytes: &[u8]) -> Result<Checked, Invalid> {
    let s: SalesSeries = whole(bytes)?;
    // merging looks days up by binary search: one point per day, in order
    if let Some(w) = s.points.windows(2).find(|w| w[0].day >= w[1].day) {
        return Err(Invalid::Inconsistent(format!(
            "sales days out of order ({} after {})",
            w[1].date(),
            w[0].date()
        )));
    }
    if let Some(p) = s.points.iter().find(|p| !p.qty.is_finite()) {
        return Err(Invalid::Inconsistent(format!(
            "sales quantity {} on {}",
            p.qty,
            p.date()
        )));
    }
    Ok(Checked {
        key: keys::join(&[s.store_code.as_bytes(), s.sku.as_bytes()]),
        clock_ms: s.points.iter().map(|p| p.imported).max().unwrap_or(0),
    })
}

/// Every record tree (the trees of `super::KINDS`) and how to check its records.
const TABLE: &[(&str, Check)] = &[
    ("stores", versioned::<Store>),
    ("products", versioned::<Product>),
    ("assortment", |b| {
        with_meta::<AssortmentLine>(
            b,
            |l| &l.meta,
            |l| keys::join(&[l.store_code.as_bytes(), l.sku.as_bytes()]),
        )
    }),
    ("reps", versioned::<Rep>),
    ("conflicts", |b| {
        with_meta::<FieldConflict>(b, |c| &c.meta, |c| c.meta.id.to_bytes().to_vec())
    }),
    ("visits", |b| {
        with_meta::<Visit>(b, |v| &v.meta, |v| v.meta.id.to_bytes().to_vec())
    }),
    ("sales", sales),
    ("deliveries", |b| {
        with_meta::<DeliveryLine>(
            b,
            |l| &l.meta,
            |l| keys::join(&[l.order_id.as_bytes(), l.sku.as_bytes(), &keys::date(l.date)]),
        )
    }),
    ("invoices", |b| {
        with_meta::<Invoice>(
            b,
            |i| &i.meta,
            |i| keys::join(&[i.store_code.as_bytes(), i.number.as_bytes()]),
        )
    }),
    ("promotions", |b| {
        with_meta::<Promotion>(
            b,
            |p| &p.meta,
            |p| keys::join(&[p.code.as_bytes(), p.sku.as_bytes()]),
        )
    }),
    ("users", |b| {
        with_meta::<User>(b, |u| &u.meta, |u| User::key_of(&u.name).into_bytes())
    }),
    ("reviews", |b| {
        with_meta::<VisitReview>(b, |r| &r.meta, |r| reviews::key(r.visit, r.meta.id))
    }),
    ("comments", |b| {
        with_meta::<VisitComment>(b, |c| &c.meta, |c| reviews::key(c.visit, c.meta.id))
    }),
    ("orders", |b| {
        with_meta::<Order>(b, |o| &o.meta, |o| o.number.as_bytes().to_vec())
    }),
    ("store_trust", |b| {
        with_meta::<super::StoreTrust>(b, |t| &t.meta, |t| t.store_code.as_bytes().to_vec())
    }),
    ("visit_audit", audit_line),
    ("visit_batches", |b| {
        with_meta::<Batch>(
            b,
            |x| &x.meta,
            |x| by_visit(x.visit_id, &x.meta.id.to_bytes()),
        )
    }),
    ("returns", |b| {
        with_meta::<ReturnLine>(b, |r| &r.meta, |r| by_store(&r.store_code, r.meta.id))
    }),
    ("problems", |b| {
        with_meta::<Problem>(b, |p| &p.meta, |p| by_store(&p.store_code, p.meta.id))
    }),
    ("visit_notes", |b| {
        with_meta::<Note>(
            b,
            |n| &n.meta,
            |n| by_visit(n.visit_id, &n.meta.id.to_bytes()),
        )
    }),
    ("amendments", |b| {
        with_meta::<Amendment>(
            b,
            |a| &a.meta,
            |a| by_visit(a.visit_id, &a.meta.id.to_bytes()),
        )
    }),
    ("contacts", |b| {
        with_meta::<Contact>(b, |c| &c.meta, client_file::contact_key)
    }),
    ("timeline", |b| {
        with_meta::<TimelineEntry>(b, |e| &e.meta, client_file::entry_key)
    }),
    ("store_profiles", |b| {
        with_meta::<StoreProfile>(b, |p| &p.meta, |p| p.store_code.as_bytes().to_vec())
    }),
    ("plan_snoozes", |b| {
        with_meta::<PlanSnooze>(b, |z| &z.meta, client_file::snooze_key)
    }),
    ("company_dates", |b| {
        with_meta::<CompanyDate>(b, |d| &d.meta, |d| d.meta.id.to_bytes().to_vec())
    }),
    ("store_places", |b| {
        with_meta::<crate::domain::route_plan::StorePlace>(
            b,
            |p| &p.meta,
            |p| p.store_code.as_bytes().to_vec(),
        )
    }),
];

/// Decodes a value of `tree` as this build's schema and recomputes its key.
pub(crate) fn check_record(tree: &str, value: &[u8]) -> Result<Checked, Invalid> {
    let (_, check) = TABLE
        .iter()
        .find(|(t, _)| *t == tree)
        .ok_or(Invalid::UnknownTree)?;
    check(value)
}

/// A value of `tree` written under an older schema, re-encoded as this
/// build's (sync accepts bundles from the schema before, see `sync`).
/// A stored value in today's layout: as it is when it reads, else upgraded
/// from the newest older schema it reads as (the hub keeps values that older
/// laptops sent); unchanged when nothing reads.
pub fn current_layout(tree: &str, value: &[u8]) -> Vec<u8> {
    if check_record(tree, value).is_ok() {
        return value.to_vec();
    }
    // 2: the oldest layout `upgrade_step` reads
    for schema in (2..super::SCHEMA_VERSION).rev() {
        if let Ok(v) = upgrade_record(tree, schema, value)
            && check_record(tree, &v).is_ok()
        {
            return v;
        }
    }
    value.to_vec()
}

pub(crate) fn upgrade_record(
    tree: &str,
    from_schema: u32,
    value: &[u8],
) -> Result<Vec<u8>, Invalid> {
    let mut value = value.to_vec();
    for schema in from_schema..super::SCHEMA_VERSION {
        value = upgrade_step(tree, schema, &value)?;
    }
    Ok(value)
}

fn upgrade_step(tree: &str, from_schema: u32, value: &[u8]) -> Result<Vec<u8>, Invalid> {
    let encoded = |r: super::Result<Vec<u8>>| r.map_err(|e| Invalid::Undecodable(e.to_string()));
    fn legacy<T: super::Stored>(value: &[u8]) -> super::Result<Vec<u8>> {
        let old: T = super::codec::decode(T::KIND, value)?;
        super::codec::encode_versioned(T::KIND, &Versioned::new(old))
    }
    match (from_schema, tree) {
        (2, "sales") => {
            let old: super::migrate::legacy::SalesSeriesV2 = whole(value)?;
            encoded(super::codec::encode(
                "sales series",
                &SalesSeries::from(old),
            ))
        }
        // schema 4: stores, products and reps carry a clock per field (each
        // takes the record's clock)
        (3, "stores") => {
            whole::<Store>(value)?;
            encoded(legacy::<Store>(value))
        }
        (3, "products") => {
            whole::<Product>(value)?;
            encoded(legacy::<Product>(value))
        }
        (3, "reps") => {
            whole::<Rep>(value)?;
            encoded(legacy::<Rep>(value))
        }
        // schema 5: promotions name their audience (all, as before)
        (4, "promotions") => {
            let old: super::migrate::legacy::PromotionV4 = whole(value)?;
            encoded(super::codec::encode(
                "promotion",
                &crate::domain::Promotion::from(old),
            ))
        }
        // every other record kept its layout
        (2..=4, _) => Ok(value.to_vec()),
        _ => Err(Invalid::Undecodable(format!(
            "no reading of schema {from_schema}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;
    use crate::storage::{Database, KINDS};

    #[test]
    fn the_table_covers_every_kind() {
        for (_, tree) in KINDS {
            assert!(TABLE.iter().any(|(t, _)| t == tree), "{tree} has no check");
        }
        assert_eq!(TABLE.len(), KINDS.len());
    }

    #[test]
    fn every_stored_record_passes() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(dir.path()).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        crate::demo::load(&db, &Clock::fixed(today)).unwrap();
        let mut checked = 0;
        for (_, tree) in KINDS {
            for r in db.raw_records(tree).unwrap() {
                let c = check_record(tree, &r.value)
                    .unwrap_or_else(|e| panic!("{tree} {:?}: {e:?}", r.key));
                assert_eq!(c.key, r.key, "{tree}: the key does not match its content");
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn trailing_bytes_and_other_kinds_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(dir.path()).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        crate::demo::load(&db, &Clock::fixed(today)).unwrap();
        let store = db.raw_records("stores").unwrap().remove(0);
        let mut longer = store.value.clone();
        longer.push(0);
        assert!(matches!(
            check_record("stores", &longer),
            Err(Invalid::Undecodable(_))
        ));
        assert!(check_record("visits", &store.value).is_err());
        assert_eq!(
            check_record("meta", &store.value),
            Err(Invalid::UnknownTree)
        );
    }

    #[test]
    fn an_audit_line_reads_with_and_without_its_count() {
        let at = chrono::DateTime::from_timestamp(1_780_000_000, 0).unwrap();
        let mut line = AuditLine {
            meta: RecordMeta::fresh("R01", "dev", at),
            visit_id: ulid::Ulid::nil(),
            sku: "P1".into(),
            on_shelf: true,
            facings: Some(2),
            price_seen: None,
            missing: None,
            stock: None,
        };
        let plain = super::super::codec::encode_audit(&line).unwrap();
        // no count: the bytes every earlier build wrote and reads
        assert_eq!(
            plain,
            super::super::codec::encode("audit line", &line).unwrap()
        );
        line.stock = Some(14);
        let counted = super::super::codec::encode_audit(&line).unwrap();
        assert_eq!(super::super::codec::decode_audit(&counted).unwrap(), line);
        assert_eq!(
            super::super::codec::decode_audit(&plain).unwrap().stock,
            None
        );
        for bytes in [&plain, &counted] {
            assert_eq!(
                check_record("visit_audit", bytes).unwrap().key,
                audit_key(&line)
            );
        }
        let mut bad = counted.clone();
        bad.push(7);
        assert!(check_record("visit_audit", &bad).is_err());
    }
}
