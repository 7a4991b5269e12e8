//! The command line: stats, export, settings, demo, errors and exit codes.

mod common;
use common::DataDir;

#[test]
fn stats_json_counts_every_kind() {
    let data = DataDir::with_demo();
    let stats: serde_json::Value =
        serde_json::from_str(&data.ok(&["stats", "--format", "json"])).unwrap();
    assert_eq!(stats["stores"], 32);
    assert_eq!(stats["reps"], 4);
    assert_eq!(stats["products"], 59);
    assert!(stats["visits"].as_u64().unwrap() > 100);
    assert!(stats["assortment"].as_u64().unwrap() > 300);
}

#[test]
fn export_products_csv_and_json_agree() {
    let data = DataDir::with_demo();
    let csv_text = data.ok(&["export", "products"]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "sku",
            "ean",
            "name",
            "brand",
            "category",
            "unit",
            "case_pack",
            "shelf_life_days",
            "list_price"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 59);
    // names with commas are quoted and survive
    assert!(rows.iter().any(|r| &r[2] == "Молоко 3,2% 1 л"));
    for r in &rows {
        assert!(rounds::domain::Ean::parse(&r[1]).is_ok(), "{}", &r[1]);
    }
    let json: serde_json::Value =
        serde_json::from_str(&data.ok(&["export", "products", "--format", "json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 59);
}

#[test]
fn export_stores_to_a_file() {
    let data = DataDir::with_demo();
    let out = data.path().join("stores.csv");
    data.ok(&["export", "stores", "-o", out.to_str().unwrap()]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("code,name,address,city,decision_maker"));
    assert_eq!(text.lines().count(), 33);
    assert!(
        text.contains("Mon,Wed,Fri"),
        "weekday plans are written as in the import"
    );
}

#[test]
fn demo_refuses_to_overwrite_without_reset() {
    let data = DataDir::with_demo();
    let out = data.run(&["demo"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("rounds demo --reset"));
    data.ok(&["demo", "--reset"]);
}

#[test]
fn bad_flags_say_what_to_do() {
    let data = DataDir::with_demo();
    let out = data.run(&["--today", "2026-13-01", "stats"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("use YYYY-MM-DD"));
    let out = data.run(&["--rep", "NOPE", "stats"]);
    assert!(out.status.success(), "--rep is only used by the screens");
    let out = data.run(&["settings", "--set", "price_tolerance=abc"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a number"));
}

#[test]
fn settings_change_and_persist() {
    let data = DataDir::new();
    data.ok(&["settings", "--set", "price_tolerance=0,05"]);
    let shown: serde_json::Value = serde_json::from_str(&data.ok(&["settings"])).unwrap();
    assert_eq!(shown["price_tolerance"], 0.05);
    assert_eq!(shown["returns_write_off_days"], 7);
    // text and yes/no settings; a currency is an ISO code
    data.ok(&[
        "settings",
        "--set",
        "currency=rub",
        "--set",
        "zero_when_stock_covers=no",
    ]);
    let shown: serde_json::Value = serde_json::from_str(&data.ok(&["settings"])).unwrap();
    assert_eq!(shown["currency"], "RUB");
    assert_eq!(shown["zero_when_stock_covers"], false);
    let out = data.run(&["settings", "--set", "currency=roubles"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ISO 4217"));
    let out = data.run(&["settings", "--set", "zero_when_stock_covers=maybe"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("true or false"));
}

#[test]
fn version_and_help() {
    let data = DataDir::new();
    assert!(data.ok(&["--version"]).starts_with("rounds "));
    let help = data.ok(&["--help"]);
    for word in ["--data-dir", "--lang", "--today", "demo", "stats", "export"] {
        assert!(help.contains(word), "{word}");
    }
}

#[test]
fn reading_commands_refuse_a_directory_without_a_database() {
    let data = DataDir::new();
    let missing = data.path().join("typo");
    for args in [&["export", "stores"][..], &["stats"][..]] {
        let out = data
            .command()
            .env("ROUNDS_DATA_DIR", &missing)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("there is no rounds database"));
    }
    assert!(!missing.exists(), "nothing was created");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let data = DataDir::with_demo();
    let mut child = data
        .command()
        .args(["export", "products"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away at once, like `| head -0`
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn store_and_rep_codes_are_taken_in_any_case() {
    let data = DataDir::with_demo();
    let upper = data.ok(&["order", "suggest", "--store", "S001", "--format", "csv"]);
    let lower = data.ok(&["order", "suggest", "--store", "s001", "--format", "csv"]);
    assert_eq!(upper, lower);
    assert!(upper.lines().count() > 1, "{upper}");
    let listed = |args: &[&str]| data.ok(&[&["review", "list"][..], args].concat());
    let exact = listed(&["--store", "S001", "--by-rep", "R01"]);
    assert_eq!(listed(&["--store", "s001", "--by-rep", "r01"]), exact);
    assert!(exact.lines().count() > 1, "{exact}");
    // an unknown code is still named
    let out = data.run(&["order", "suggest", "--store", "nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope"));
}
