//! `rounds order suggest` proposes exactly what the order screen drafts:
//! the same lines (every must-stock line that sold nothing included, at its
//! quantity) and the same quantities.

mod common;
use chrono::NaiveDate;
use common::DataDir;
use rounds::clock::Clock;
use rounds::service::views_order;
use rounds::storage::Database;

#[test]
fn the_command_line_suggestion_equals_the_screen() {
    let data = DataDir::with_demo();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    for store in ["S001", "S002", "S007"] {
        let screen: Vec<(String, u64)> = {
            let db = Database::open(data.path()).unwrap();
            let view = views_order::order_view(&db, &Clock::fixed(today), store)
                .unwrap()
                .unwrap();
            view.order
                .lines
                .iter()
                .map(|l| (l.sku.clone(), u64::from(l.qty)))
                .collect()
        };
        let json: serde_json::Value = serde_json::from_str(
            &data.ok(&["order", "suggest", "--store", store, "--format", "json"]),
        )
        .unwrap();
        let cli: Vec<(String, u64)> = json["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["sku"].as_str().unwrap().to_string(),
                    l["suggested_qty"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(cli, screen, "{store}");
        assert!(!cli.is_empty());
    }
}
