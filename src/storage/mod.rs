//! The one layer over sled: screens and commands ask it, never sled itself.
//! One tree per kind of record; keys are built for the scans the screens need.

mod atomic;
#[cfg(test)]
mod atomic_tests;
mod audit_key;
mod catalog;
mod check;
mod client_file;
mod codec;
mod commerce;
mod conflicts;
mod damage;
mod database;
mod error;
mod history;
mod journal;
mod keys;
mod kpis;
mod lookups;
mod migrate;
mod orders;
mod places;
mod record_json;
mod reviews;
mod sales;
mod sync_log;
mod tree_view;
mod users;
pub(crate) mod validate;
pub use validate::current_layout;
mod versioned;
mod visit_lines;
mod visits;

pub use audit_key::{CONFIG_ENV, config_dir, key_path, set_config_dir, witness_path};
pub use codec::{decode_versioned, encode_versioned};
pub use conflicts::Choice;
pub use damage::{from_storage_engine, panic_text};
pub use database::{Database, OpenOptions, SCHEMA_VERSION, default_data_dir, lock_data_dir};
pub use error::StorageError;
pub use kpis::KpiTable;
pub use orders::StoreTrust;
pub use record_json::record_json;
pub use reviews::ReviewItem;
pub use sync_log::{RELAYED_TREE, RawRecord, ReceivedTouched, decode_value, encode_value};
pub use users::Login;
pub use versioned::{Stored, is_versioned};

pub type Result<T> = std::result::Result<T, StorageError>;

/// Every kind of record, with the tree that holds it (used by `rounds stats`).
pub const KINDS: &[(&str, &str)] = &[
    ("stores", "stores"),
    ("products", "products"),
    ("assortment", "assortment"),
    ("reps", "reps"),
    ("visits", "visits"),
    ("sales_series", "sales"),
    ("deliveries", "deliveries"),
    ("invoices", "invoices"),
    ("promotions", "promotions"),
    ("users", "users"),
    ("reviews", "reviews"),
    ("comments", "comments"),
    ("orders", "orders"),
    ("store_trust", "store_trust"),
    ("audit_lines", "visit_audit"),
    ("batches", "visit_batches"),
    ("returns", "returns"),
    ("problems", "problems"),
    ("visit_notes", "visit_notes"),
    ("amendments", "amendments"),
    ("conflicts", "conflicts"),
    ("store_places", "store_places"),
    ("contacts", "contacts"),
    ("timeline", "timeline"),
    ("store_profiles", "store_profiles"),
    ("plan_snoozes", "plan_snoozes"),
    ("company_dates", "company_dates"),
];
