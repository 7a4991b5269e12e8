//! Exports that are safe to open in a spreadsheet (OWASP's advice on CSV
//! injection): a text cell starting with `=`, `+`, `-`, `@`, tab or CR would
//! be read as a formula, so it gets a leading apostrophe, which spreadsheets
//! show as "this is text". The importer takes exactly that apostrophe off
//! again, so an export imports back to the same data.
//!
//! A cell that is a plain number (`-3`, `-1.5`, `1e-7`) is left alone: a
//! spreadsheet reads it as a constant, never as a formula, and a negative
//! amount must stay a number in a numeric column.
//!
//! [`Guarded`] wraps any `Serialize` value so that every string it serializes
//! goes through [`guard`]; numbers and everything else pass through untouched,
//! so the csv crate writes them exactly as before.

use serde::ser::{self, Serialize, Serializer};
use std::borrow::Cow;

/// The first characters that make a spreadsheet read a cell as a formula.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `-3`, `-1.5`, `2.5e-7`: what a number prints as (Rust's, ryu's, `Money`'s).
fn is_plain_number(text: &str) -> bool {
    let body = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(int)
        && frac.is_none_or(digits)
        && exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e)))
}

/// Does the importer take an apostrophe off the front of a cell followed by
/// this? When it starts with a trigger, or with more apostrophes and then one
/// (so that a text of its own starting with `'=` survives a round trip).
fn after_apostrophe(rest: &str) -> bool {
    rest.trim_start_matches('\'').starts_with(TRIGGERS)
}

/// Must this text cell get an apostrophe? When a spreadsheet would take it for
/// a formula, or when the importer would take its own apostrophe off.
fn needs_guard(text: &str) -> bool {
    match text.strip_prefix('\'') {
        Some(rest) => after_apostrophe(rest),
        None => text.starts_with(TRIGGERS) && !is_plain_number(text),
    }
}

/// The cell as it is written to a CSV export.
pub fn guard(text: &str) -> Cow<'_, str> {
    if needs_guard(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The cell as it was before [`guard`]: exactly one apostrophe comes off, and
/// only when what follows would have needed it.
pub fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if after_apostrophe(rest) => rest,
        _ => text,
    }
}

/// A value whose strings are guarded when it is serialized (one CSV row).
pub struct Guarded<'a, T: ?Sized>(pub &'a T);

impl<T: Serialize + ?Sized> Serialize for Guarded<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(Guard(serializer))
    }
}

/// A serializer (or one of its compound states) that guards strings and hands
/// everything else to the one inside.
pub struct Guard<S>(S);

macro_rules! forward {
    ($($method:ident: $ty:ty),* $(,)?) => {
        $(fn $method(self, v: $ty) -> Result<Self::Ok, Self::Error> {
            self.0.$method(v)
        })*
    };
}

impl<S: Serializer> Serializer for Guard<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Guard<S::SerializeSeq>;
    type SerializeTuple = Guard<S::SerializeTuple>;
    type SerializeTupleStruct = Guard<S::SerializeTupleStruct>;
    type SerializeTupleVariant = Guard<S::SerializeTupleVariant>;
    type SerializeMap = Guard<S::SerializeMap>;
    type SerializeStruct = Guard<S::SerializeStruct>;
    type SerializeStructVariant = Guard<S::SerializeStructVariant>;

    forward!(
        serialize_bool: bool,
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_i128: i128,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_u128: u128,
        serialize_f32: f32,
        serialize_f64: f64,
        serialize_bytes: &[u8],
    );

    fn serialize_char(self, v: char) -> Result<S::Ok, S::Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<S::Ok, S::Error> {
        self.0.serialize_str(&guard(v))
    }

    fn serialize_none(self) -> Result<S::Ok, S::Error> {
        self.0.serialize_none()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.0.serialize_some(&Guarded(value))
    }

    fn serialize_unit(self) -> Result<S::Ok, S::Error> {
        self.0.serialize_unit()
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<S::Ok, S::Error> {
        self.0.serialize_unit_struct(name)
    }

    fn serialize_unit_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_unit_variant(name, index, variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_newtype_struct(name, &Guarded(value))
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0
            .serialize_newtype_variant(name, index, variant, &Guarded(value))
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        self.0.serialize_seq(len).map(Guard)
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        self.0.serialize_tuple(len).map(Guard)
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        self.0.serialize_tuple_struct(name, len).map(Guard)
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        self.0
            .serialize_tuple_variant(name, index, variant, len)
            .map(Guard)
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        self.0.serialize_map(len).map(Guard)
    }

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        self.0.serialize_struct(name, len).map(Guard)
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        self.0
            .serialize_struct_variant(name, index, variant, len)
            .map(Guard)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// The compound states: each element or field is guarded in turn.
macro_rules! compound {
    ($trait:ident, $method:ident) => {
        impl<S: ser::$trait> ser::$trait for Guard<S> {
            type Ok = S::Ok;
            type Error = S::Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), S::Error> {
                self.0.$method(&Guarded(value))
            }

            fn end(self) -> Result<S::Ok, S::Error> {
                self.0.end()
            }
        }
    };
}

compound!(SerializeSeq, serialize_element);
compound!(SerializeTuple, serialize_element);
compound!(SerializeTupleStruct, serialize_field);
compound!(SerializeTupleVariant, serialize_field);

impl<S: ser::SerializeMap> ser::SerializeMap for Guard<S> {
    type Ok = S::Ok;
    type Error = S::Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), S::Error> {
        self.0.serialize_key(&Guarded(key))
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), S::Error> {
        self.0.serialize_value(&Guarded(value))
    }

    fn end(self) -> Result<S::Ok, S::Error> {
        self.0.end()
    }
}

macro_rules! fields {
    ($trait:ident) => {
        impl<S: ser::$trait> ser::$trait for Guard<S> {
            type Ok = S::Ok;
            type Error = S::Error;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), S::Error> {
                self.0.serialize_field(key, &Guarded(value))
            }

            fn skip_field(&mut self, key: &'static str) -> Result<(), S::Error> {
                self.0.skip_field(key)
            }

            fn end(self) -> Result<S::Ok, S::Error> {
                self.0.end()
            }
        }
    };
}

fields!(SerializeStruct);
fields!(SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_get_an_apostrophe() {
        let cases = [
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
            ("+1+2", "'+1+2"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("-", "'-"),
            ("'=x", "''=x"),
            ("Shop", "Shop"),
            ("", ""),
            ("'plain", "'plain"),
            ("a=b", "a=b"),
        ];
        for (text, want) in cases {
            assert_eq!(guard(text), want, "{text:?}");
        }
    }

    #[test]
    fn numbers_stay_numbers() {
        for text in ["-3", "-1.5", "-0.25", "1e-7", "-1e29", "12", "-3.50"] {
            assert_eq!(guard(text), text, "{text}");
        }
        for text in ["-1,5", "-1.", "-.5", "-1e", "-e5", "--1", "-1 000"] {
            assert_eq!(guard(text), format!("'{text}"), "{text}");
        }
    }

    #[test]
    fn unguard_undoes_guard_exactly() {
        let texts = [
            "=cmd|' /C calc'!A0",
            "'=x",
            "''=x",
            "'",
            "''",
            "'plain",
            "-3",
            "'-3",
            "-x",
            "@",
            "\t",
            "Shop",
            "",
        ];
        for text in texts {
            assert_eq!(unguard(&guard(text)), text, "{text:?}");
        }
        // a file typed by hand: the apostrophe a spreadsheet shows is taken off
        assert_eq!(unguard("'=x"), "=x");
        assert_eq!(unguard("'plain"), "'plain");
        assert_eq!(unguard("'-3"), "-3");
        assert_eq!(guard("'-3"), "''-3");
    }

    #[derive(serde::Serialize)]
    struct Row {
        name: String,
        kind: &'static str,
        qty: i32,
        price: f64,
        amount: String,
        note: Option<String>,
        day: chrono::NaiveDate,
    }

    #[test]
    fn rows_guard_text_and_keep_numbers() {
        let row = Row {
            name: "=HYPERLINK(\"x\")".into(),
            kind: "@kind",
            qty: -3,
            price: -1.5,
            amount: "-3.50".into(),
            note: Some("+note".into()),
            day: chrono::NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
        };
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(Guarded(&row)).unwrap();
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(
            text,
            "name,kind,qty,price,amount,note,day\n\
             \"'=HYPERLINK(\"\"x\"\")\",'@kind,-3,-1.5,-3.50,'+note,2026-03-12\n"
        );
    }
}
