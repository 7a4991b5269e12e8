//! Properties of the ERP cell readers: every real date reads back in both
//! spellings, decimal commas and dots read the same, and no input panics.

use chrono::NaiveDate;
use proptest::prelude::*;
use rounds::exchange::cells;

proptest! {
    #[test]
    fn dates_read_back_in_both_spellings(days in 0i32..40_000) {
        let date = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Duration::days(i64::from(days));
        prop_assert_eq!(cells::date(&date.format("%Y-%m-%d").to_string()), Ok(date));
        prop_assert_eq!(cells::date(&date.format("%d.%m.%Y").to_string()), Ok(date));
    }

    #[test]
    fn decimal_comma_and_dot_agree(whole in 0u32..1_000_000, frac in 0u32..1000) {
        let dot = format!("{whole}.{frac:03}");
        let comma = format!("{whole},{frac:03}");
        prop_assert_eq!(cells::number(&dot), cells::number(&comma));
        prop_assert!(cells::quantity(&comma).is_ok());
    }

    #[test]
    fn nothing_panics(text in "\\PC{0,20}") {
        let _ = cells::date(&text);
        let _ = cells::number(&text);
        let _ = cells::count(&text);
    }
}
