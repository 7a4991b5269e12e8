//! The editable fields of the records that merge field by field: each field
//! is numbered, compared, copied and shown on its own, so two devices that
//! changed different fields of one store both keep their change.

use crate::domain::{Product, RecordMeta, Rep, Store};
use serde_json::Value;

/// A record whose fields merge one by one. The identity (code, sku) and the
/// meta are not fields: they never change once made.
pub trait Fields: Sized + Clone + PartialEq {
    /// Field names, in a fixed order that never changes (clocks are by index).
    const FIELDS: &'static [&'static str];
    /// What a person calls this kind of record ("store").
    const KIND: &'static str;
    fn meta(&self) -> &RecordMeta;
    fn meta_mut(&mut self) -> &mut RecordMeta;
    /// The record's code (what a person reads in the conflict log).
    fn code(&self) -> &str;
    fn field_eq(&self, other: &Self, field: usize) -> bool;
    /// Copies field `field` from `other`.
    fn take_field(&mut self, other: &Self, field: usize);
    /// The field's value as JSON (what the conflict log keeps).
    fn field_json(&self, field: usize) -> Value;
    /// Sets the field from JSON; the reason when it does not fit the field.
    fn set_field_json(&mut self, field: usize, value: Value) -> Result<(), String>;

    fn field_index(name: &str) -> Option<usize> {
        Self::FIELDS.iter().position(|f| *f == name)
    }
}

macro_rules! fields {
    ($t:ty, $kind:literal, $code:ident, [$($f:ident),* $(,)?]) => {
        impl Fields for $t {
            const FIELDS: &'static [&'static str] = &[$(stringify!($f)),*];
            const KIND: &'static str = $kind;
            fn meta(&self) -> &RecordMeta {
                &self.meta
            }
            fn meta_mut(&mut self) -> &mut RecordMeta {
                &mut self.meta
            }
            fn code(&self) -> &str {
                &self.$code
            }
            fn field_eq(&self, other: &Self, field: usize) -> bool {
                match Self::FIELDS.get(field).copied() {
                    $(Some(stringify!($f)) => self.$f == other.$f,)*
                    _ => true,
                }
            }
            fn take_field(&mut self, other: &Self, field: usize) {
                match Self::FIELDS.get(field).copied() {
                    $(Some(stringify!($f)) => self.$f = other.$f.clone(),)*
                    _ => {}
                }
            }
            fn field_json(&self, field: usize) -> Value {
                match Self::FIELDS.get(field).copied() {
                    $(Some(stringify!($f)) => serde_json::to_value(&self.$f).unwrap_or(Value::Null),)*
                    _ => Value::Null,
                }
            }
            fn set_field_json(&mut self, field: usize, value: Value) -> Result<(), String> {
                match Self::FIELDS.get(field).copied() {
                    $(Some(stringify!($f)) => {
                        self.$f = serde_json::from_value(value).map_err(|e| e.to_string())?;
                        Ok(())
                    })*
                    _ => Err(format!("no field number {field}")),
                }
            }
        }
    };
}

fields!(
    Store,
    "store",
    code,
    [
        name,
        address,
        city,
        decision_maker,
        phone,
        email,
        preferred_channel,
        visit_every_days,
        visit_weekdays,
        rep,
        route_order,
        deferral_days,
        credit_limit,
    ]
);

fields!(
    Product,
    "product",
    sku,
    [
        ean,
        name,
        brand,
        category,
        unit,
        case_pack,
        shelf_life_days,
        list_price,
    ]
);

fields!(Rep, "rep", code, [name, phone]);

/// Reads what a person typed for a field: JSON of the field's type (a number,
/// `true`), else the text itself as a string.
pub fn set_field_text<T: Fields>(record: &mut T, field: usize, text: &str) -> Result<(), String> {
    if let Ok(value) = serde_json::from_str::<Value>(text)
        && record.set_field_json(field, value).is_ok()
    {
        return Ok(());
    }
    record.set_field_json(field, Value::String(text.to_string()))
}

/// A field's value as a person reads it (strings without quotes).
pub fn field_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}
