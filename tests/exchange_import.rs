//! `rounds import`: every sample file, a Windows-1251 export with semicolons
//! and decimal commas, and a file with bad rows (nothing imported, every bad
//! line named).

mod common;

use common::DataDir;
use std::path::PathBuf;

const KINDS: [&str; 7] = [
    "stores",
    "products",
    "assortment",
    "sales",
    "deliveries",
    "invoices",
    "promotions",
];

fn sample(kind: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets/samples")
        .join(format!("{kind}.csv"))
        .display()
        .to_string()
}

fn stats(d: &DataDir) -> serde_json::Value {
    serde_json::from_str(&d.ok(&["stats", "--format", "json"])).expect("stats json")
}

/// The sent orders that the sample deliveries file is against (deliveries
/// are refused for orders this device does not know).
fn add_sample_orders(d: &DataDir) {
    use rounds::domain::RecordMeta;
    use rounds::domain::order::{Order, OrderLine};
    let db = rounds::storage::Database::open(d.path()).expect("open");
    for (number, store, day, skus) in [
        ("S201-20261109-01", "S201", 9, &["P2001", "P2002"][..]),
        ("S202-20261111-01", "S202", 11, &["P2004"][..]),
    ] {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, day).expect("date");
        let at = chrono::Utc::now();
        let lines = skus
            .iter()
            .map(|sku| OrderLine {
                sku: (*sku).into(),
                qty: 24,
                bonus_qty: 0,
                unit_price: rounds::domain::Money(100),
                reason: None,
                promo: None,
            })
            .collect();
        let order = Order::new(
            RecordMeta::fresh("R01", db.device(), at),
            number.into(),
            store,
            date,
            lines,
        );
        db.put_order(&order).expect("put order");
    }
}

#[test]
fn every_sample_imports_and_a_reimport_changes_nothing() {
    let d = DataDir::new();
    for kind in KINDS {
        if kind == "deliveries" {
            add_sample_orders(&d);
        }
        let out = d.ok(&["import", kind, &sample(kind)]);
        assert!(out.contains(" new,"), "{kind}: {out}");
    }
    let s = stats(&d);
    assert_eq!(s["stores"], 4);
    assert_eq!(s["products"], 5);
    assert_eq!(s["assortment"], 8);
    assert_eq!(s["sales_series"], 8);
    assert_eq!(s["deliveries"], 3);
    assert_eq!(s["invoices"], 3);
    assert_eq!(s["promotions"], 3);
    // reps named in the stores file were created
    assert_eq!(s["reps"], 2);
    let stores_before = d.ok(&["export", "stores", "--format", "json"]);
    let sync_before = d.ok(&["stats", "--format", "json"]);
    for kind in KINDS {
        let out = d.ok(&["import", kind, &sample(kind)]);
        assert!(out.contains("0 new, 0 changed"), "{kind}: {out}");
    }
    assert_eq!(
        d.ok(&["export", "stores", "--format", "json"]),
        stores_before
    );
    // no new sync traffic from a re-import
    assert_eq!(d.ok(&["stats", "--format", "json"]), sync_before);
}

#[test]
fn quoted_fields_keep_delimiters_and_line_breaks() {
    let d = DataDir::new();
    d.ok(&["import", "stores", &sample("stores")]);
    let json: serde_json::Value =
        serde_json::from_str(&d.ok(&["export", "stores", "--format", "json"])).unwrap();
    let s202 = json
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == "S202")
        .unwrap();
    assert_eq!(s202["address"], "пр-т Ленина, 101; корпус 2");
    assert_eq!(s202["visit_weekdays"], "Tue,Fri");
    let s203 = json
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == "S203")
        .unwrap();
    assert!(
        s203["address"]
            .as_str()
            .unwrap()
            .contains("(вход со двора)")
    );
    assert_eq!(s203["credit_limit"], "2500.00");
}

#[test]
fn windows_1251_semicolons_and_decimal_commas() {
    let d = DataDir::new();
    let csv = "SKU;EAN;NAME;Brand;Category;Unit;Case_Pack;Shelf_Life_Days;List_Price;Комментарий\r\n\
               P7001;4601000300013;Сыр «Российский» 200 г;Сырный двор;dairy;pcs;10;60;219,90;новинка\r\n\
               P7002;4601000300020;Масло сливочное 82,5% 180 г;Вологодское;dairy;pcs;20;35;1 249,50;\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(csv);
    assert!(!unmappable);
    let file = d.path().join("products-1251.csv");
    std::fs::write(&file, &bytes).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the file really is not UTF-8"
    );
    let out = d.ok(&["import", "products", file.to_str().unwrap()]);
    assert!(out.contains("2 new"), "{out}");
    let json: serde_json::Value =
        serde_json::from_str(&d.ok(&["export", "products", "--format", "json"])).unwrap();
    assert_eq!(json[0]["name"], "Сыр «Российский» 200 г");
    assert_eq!(json[0]["list_price"], "219.90");
    assert_eq!(json[1]["name"], "Масло сливочное 82,5% 180 г");
    assert_eq!(json[1]["list_price"], "1249.50");

    // sales in the same style: DD.MM.YYYY and decimal commas, forced options work too
    d.ok(&["import", "stores", &sample("stores")]);
    let sales =
        "store_code;sku;date;qty\r\nS201;P7001;02.11.2026;2,5\r\nS201;P7001;09.11.2026;1\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(sales);
    let file = d.path().join("sales-1251.csv");
    std::fs::write(&file, &bytes).unwrap();
    let out = d.ok(&[
        "import",
        "sales",
        file.to_str().unwrap(),
        "--encoding",
        "windows-1251",
        "--delimiter",
        ";",
    ]);
    assert!(out.contains("2 rows read; 1 new"), "{out}");
}

#[test]
fn bad_rows_are_all_named_and_nothing_is_imported() {
    let d = DataDir::new();
    d.ok(&["import", "stores", &sample("stores")]);
    let file = d.path().join("bad-products.csv");
    std::fs::write(
        &file,
        "sku,ean,name,case_pack,shelf_life_days,list_price\n\
         P1,4601000200009,Good,6,10,1.00\n\
         P2,4601000200008,Bad check digit,6,10,1.00\n\
         P3,4601000200016,Negative pack,-6,10,1.00\n\
         P4,4601000200023,,6,10,1.00\n\
         P5,4601000200030,Bad price,6,10,abc\n",
    )
    .unwrap();
    let out = d.run(&["import", "products", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("4 bad rows; nothing was imported"), "{err}");
    assert!(
        err.contains("line 3: column ean: wrong check digit"),
        "{err}"
    );
    assert!(err.contains("line 4: column case_pack: negative"), "{err}");
    assert!(err.contains("line 5: column name: empty"), "{err}");
    assert!(
        err.contains("line 6: column list_price: not an amount"),
        "{err}"
    );
    assert!(!err.contains("line 2:"), "{err}");
    assert_eq!(stats(&d)["products"], 0);

    // a missing required column is named too, and --dry-run writes nothing
    let file = d.path().join("no-qty.csv");
    std::fs::write(&file, "store_code;sku;date\nS201;P1;2026-11-01\n").unwrap();
    let out = d.run(&["import", "sales", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 1: column qty: missing required column"),
        "{err}"
    );

    let out = d.ok(&["import", "products", &sample("products"), "--dry-run"]);
    assert!(out.contains("5 new") && out.contains("dry run"), "{out}");
    assert_eq!(stats(&d)["products"], 0);
}

#[test]
fn unknown_codes_and_bad_dates_in_sales() {
    let d = DataDir::new();
    d.ok(&["import", "stores", &sample("stores")]);
    d.ok(&["import", "products", &sample("products")]);
    let file = d.path().join("sales.csv");
    std::fs::write(
        &file,
        "store_code\tsku\tdate\tqty\n\
         S201\tP2001\t2026-11-02\t3\n\
         S999\tP2001\t2026-11-02\t3\n\
         S201\tP9999\t31.02.2026\t-1\n",
    )
    .unwrap();
    let out = d.run(&["import", "sales", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2 bad rows"), "{err}");
    assert!(
        err.contains("line 3: column store_code: unknown store code \"S999\""),
        "{err}"
    );
    assert!(
        err.contains("line 4: column sku: unknown product code \"P9999\""),
        "{err}"
    );
    assert!(err.contains("line 4: column date: not a date"), "{err}");
    assert!(err.contains("line 4: column qty: negative"), "{err}");
    assert_eq!(stats(&d)["sales_series"], 0);
}

#[test]
fn deliveries_against_unknown_orders_are_refused() {
    let d = DataDir::new();
    d.ok(&["import", "stores", &sample("stores")]);
    d.ok(&["import", "products", &sample("products")]);
    let out = d.run(&["import", "deliveries", &sample("deliveries")]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 2: column order_id: unknown order \"S201-20261109-01\""),
        "{err}"
    );
    assert!(err.contains("line 4: column order_id"), "{err}");
    add_sample_orders(&d);
    let out = d.ok(&["import", "deliveries", &sample("deliveries")]);
    assert!(out.contains("3 new"), "{out}");
}

#[test]
fn exports_filter_by_dates_and_import_back() {
    let d = DataDir::new();
    for kind in ["stores", "products", "sales", "invoices", "promotions"] {
        d.ok(&["import", kind, &sample(kind)]);
    }
    let invoices = d.ok(&["export", "invoices", "--from", "2026-11-05"]);
    assert!(!invoices.contains("INV-1001"), "{invoices}");
    assert!(invoices.contains("INV-1017") && invoices.contains("INV-1020"));
    let sales = d.ok(&[
        "export",
        "sales",
        "--from",
        "2026-11-09",
        "--to",
        "2026-11-15",
    ]);
    assert_eq!(
        sales.lines().count(),
        1 + 8,
        "one week of 8 series:\n{sales}"
    );
    assert!(sales.lines().skip(1).all(|l| l.contains(",2026-11-09,")));
    let promos = d.ok(&["export", "promotions", "--to", "2026-11-10"]);
    assert!(promos.contains("PR-WINTER") && !promos.contains("PR-JUICE"));

    // --excel starts the CSV with a byte order mark; JSON never has one
    let out = d.run(&["export", "stores", "--excel"]);
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBFcode,name"));
    let out = d.run(&["export", "stores", "--excel", "--format", "json"]);
    assert!(out.stdout.starts_with(b"["));

    // what is exported imports back without a change
    for kind in ["stores", "products", "sales", "invoices", "promotions"] {
        let file = d.path().join(format!("{kind}-export.csv"));
        d.ok(&["export", kind, "--excel", "-o", file.to_str().unwrap()]);
        let out = d.ok(&["import", kind, file.to_str().unwrap()]);
        assert!(out.contains("0 new, 0 changed"), "{kind}: {out}");
    }
}

#[test]
fn a_file_with_fewer_columns_leaves_the_others_alone() {
    let d = DataDir::new();
    d.ok(&["import", "stores", &sample("stores")]);
    d.ok(&["import", "products", &sample("products")]);
    let before: serde_json::Value =
        serde_json::from_str(&d.ok(&["export", "stores", "--format", "json"])).unwrap();

    // names and new phones only: addresses, routes, terms and reps stay as they were
    let file = d.path().join("phones.csv");
    std::fs::write(
        &file,
        "code;name;phone\nS201;Магазин «Колос»;+7 4822 55-09-09\n",
    )
    .unwrap();
    let out = d.ok(&["import", "stores", file.to_str().unwrap()]);
    assert!(out.contains("0 new, 1 changed"), "{out}");
    let after: serde_json::Value =
        serde_json::from_str(&d.ok(&["export", "stores", "--format", "json"])).unwrap();
    let (b, a) = (&before[0], &after[0]);
    assert_eq!(a["code"], "S201");
    assert_eq!(a["phone"], "+7 4822 55-09-09");
    for field in [
        "name",
        "address",
        "city",
        "decision_maker",
        "email",
        "preferred_channel",
        "visit_every_days",
        "visit_weekdays",
        "rep",
        "route_order",
        "deferral_days",
        "credit_limit",
    ] {
        assert_eq!(a[field], b[field], "{field} must be kept");
    }

    // a price list (sku, ean, name, list_price) keeps pack sizes and shelf life
    let file = d.path().join("prices.csv");
    std::fs::write(
        &file,
        "sku;ean;name;list_price\nP2004;4601000200030;Гречка 900 г;129,00\n",
    )
    .unwrap();
    d.ok(&["import", "products", file.to_str().unwrap()]);
    let products: serde_json::Value =
        serde_json::from_str(&d.ok(&["export", "products", "--format", "json"])).unwrap();
    let p = products
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["sku"] == "P2004")
        .unwrap();
    assert_eq!(p["list_price"], "129.00");
    assert_eq!(p["case_pack"], 8);
    assert_eq!(p["shelf_life_days"], 365);
    assert_eq!(p["brand"], "Урожай");
}

#[test]
fn new_products_need_every_figure_and_unique_codes() {
    let d = DataDir::new();
    d.ok(&["import", "products", &sample("products")]);
    let file = d.path().join("short.csv");
    std::fs::write(
        &file,
        "sku;ean;name;brand;category;unit;case_pack;shelf_life_days;list_price\n\
         P0103;4601000100033;Айран\n\
         P0104;4601000100040;Zero life;;;pcs;6;0;1,00\n\
         P0105;4601000200009;Same EAN as P2001;;;pcs;6;10;1,00\n\
         P0106;4601000100057;First;;;pcs;6;10;1,00\n\
         P0107;4601000100057;Same EAN as line 5;;;pcs;6;10;1,00\n\
         P0106;4601000100064;Same sku as line 5;;;pcs;6;10;1,00\n\
         P2001;;;;;;;;\n",
    )
    .unwrap();
    let out = d.run(&["import", "products", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    for want in [
        "line 2: column case_pack: empty",
        "line 2: column shelf_life_days: empty",
        "line 2: column list_price: empty",
        "line 3: column shelf_life_days: a shelf life of 0 days",
        "line 4: column ean: already used by P2001",
        "line 6: column ean: already used by P0106",
        "line 7: column sku: the same code as line 5",
        "line 8: column ean: empty",
        "line 8: column name: empty",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
    assert!(!err.contains("line 5:"), "{err}");
    assert_eq!(stats(&d)["products"], 5);

    // an existing product may leave figures empty: it keeps the stored ones
    std::fs::write(
        &file,
        "sku;ean;name;case_pack;shelf_life_days;list_price\nP2001;4601000200009;Milk;;;95,00\n",
    )
    .unwrap();
    d.ok(&["import", "products", file.to_str().unwrap()]);
    let products: serde_json::Value =
        serde_json::from_str(&d.ok(&["export", "products", "--format", "json"])).unwrap();
    let p = products
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["sku"] == "P2001")
        .unwrap();
    assert_eq!(p["case_pack"], 12);
    assert_eq!(p["shelf_life_days"], 10);
    assert_eq!(p["list_price"], "95.00");
}

#[test]
fn a_store_code_twice_and_a_promotion_without_purchase_are_refused() {
    let d = DataDir::new();
    d.ok(&["import", "products", &sample("products")]);
    let file = d.path().join("stores.csv");
    std::fs::write(&file, "code,name\nS1,One\nS2,Two\nS1,One again\nS3,\n").unwrap();
    let out = d.run(&["import", "stores", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 4: column code: the same code as line 2"),
        "{err}"
    );
    assert!(err.contains("line 5: column name: empty"), "{err}");

    std::fs::write(
        &file,
        "code,sku,from,to,buy_qty,bonus_qty\nX1,P2001,2026-11-01,2026-11-30,0,1\n\
         X2,P2001,2026-11-30,2026-11-01,2,1\n",
    )
    .unwrap();
    let out = d.run(&["import", "promotions", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 2: column buy_qty: a buy quantity of 0"),
        "{err}"
    );
    assert!(
        err.contains("line 3: column to: the promotion ends before it starts"),
        "{err}"
    );
}

#[test]
fn short_rows_of_every_kind_name_each_empty_column() {
    let d = DataDir::new();
    d.ok(&["import", "stores", &sample("stores")]);
    d.ok(&["import", "products", &sample("products")]);
    let cases = [
        (
            "invoices",
            "store_code,number,date,due_date,amount,paid\nS201,INV9\n",
            &["line 2: column date: empty", "line 2: column amount: empty"][..],
        ),
        (
            "promotions",
            "code,name,sku,from,to,buy_qty,bonus_qty\nPX,Promo\n",
            &["line 2: column sku: empty", "line 2: column from: empty"][..],
        ),
        (
            "sales",
            "store_code,sku,date,qty\nS201\n",
            &["line 2: column sku: empty", "line 2: column qty: empty"][..],
        ),
        (
            "assortment",
            "store_code,sku,facings\nS201\n",
            &["line 2: column sku: empty"][..],
        ),
        (
            "stores",
            "code,name,city\nS777\n",
            &["line 2: column name: empty"][..],
        ),
    ];
    for (kind, text, wants) in cases {
        let file = d.path().join(format!("short-{kind}.csv"));
        std::fs::write(&file, text).unwrap();
        let out = d.run(&["import", kind, file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{kind}");
        let err = String::from_utf8_lossy(&out.stderr);
        for want in wants {
            assert!(err.contains(want), "{kind}: {want}\n{err}");
        }
    }
}

/// The value of `field` of the store `code` in `export stores --format json`.
fn store_field(d: &DataDir, code: &str, field: &str) -> String {
    let stores: serde_json::Value =
        serde_json::from_str(&d.ok(&["export", "stores", "--format", "json"])).expect("json");
    let store = stores
        .as_array()
        .expect("array")
        .iter()
        .find(|s| s["code"] == code)
        .unwrap_or_else(|| panic!("no store {code} in {stores}"));
    store[field].as_str().expect("a text field").to_string()
}

#[test]
fn formulas_are_exported_as_text_and_import_back_unchanged() {
    let d = DataDir::new();
    let file = d.path().join("stores.csv");
    // (code, the name as the ERP file has it, the name as stored)
    let names = [
        ("S1", "=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"),
        ("S2", "+SUM(A1:A9)", "+SUM(A1:A9)"),
        ("S3", "-2+3", "-2+3"),
        ("S4", "@A1", "@A1"),
        // a spreadsheet's own apostrophe comes off, a doubled one leaves one
        ("S5", "''=already quoted", "'=already quoted"),
        ("S6", "Plain shop", "Plain shop"),
        ("S7", "-3", "-3"),
        ("S8", "'@typed in a spreadsheet", "@typed in a spreadsheet"),
    ];
    let mut text = String::from("code;name;phone;visit_every_days;credit_limit\n");
    for (code, name, _) in names {
        text.push_str(&format!("{code};\"{name}\";+7 4822 55-01-01;7;1500\n"));
    }
    std::fs::write(&file, text).unwrap();
    d.ok(&["import", "stores", file.to_str().unwrap()]);
    for (code, _, stored) in names {
        assert_eq!(store_field(&d, code, "name"), stored);
    }

    let csv = d.ok(&["export", "stores"]);
    let row = |code: &str| {
        csv.lines()
            .find(|l| l.starts_with(&format!("{code},")))
            .unwrap_or_else(|| panic!("no {code} in\n{csv}"))
            .to_string()
    };
    assert!(
        row("S1").starts_with("S1,'=cmd|' /C calc'!A0,,,,'+7 4822 55-01-01,"),
        "{csv}"
    );
    assert!(row("S2").starts_with("S2,'+SUM(A1:A9),"), "{csv}");
    assert!(row("S3").starts_with("S3,'-2+3,"), "{csv}");
    assert!(row("S4").starts_with("S4,'@A1,"), "{csv}");
    assert!(row("S5").starts_with("S5,''=already quoted,"), "{csv}");
    assert!(row("S6").starts_with("S6,Plain shop,"), "{csv}");
    // numbers stay numbers, in text columns and numeric ones
    assert!(row("S7").starts_with("S7,-3,"), "{csv}");
    assert!(
        row("S1").contains(",7,") && row("S1").ends_with(",1500.00"),
        "{csv}"
    );
    // --excel writes the same cells after its byte order mark
    let excel = d.run(&["export", "stores", "--excel"]).stdout;
    assert_eq!(&excel[3..], csv.as_bytes());

    // the export imports back unchanged, here and into a fresh database
    let export = d.path().join("stores-export.csv");
    d.ok(&[
        "export",
        "stores",
        "--excel",
        "-o",
        export.to_str().unwrap(),
    ]);
    let out = d.ok(&["import", "stores", export.to_str().unwrap()]);
    assert!(out.contains("0 new, 0 changed, 8 unchanged"), "{out}");
    let fresh = DataDir::new();
    fresh.ok(&["import", "stores", export.to_str().unwrap()]);
    for (code, _, stored) in names {
        assert_eq!(store_field(&fresh, code, "name"), stored);
        assert_eq!(store_field(&fresh, code, "phone"), "+7 4822 55-01-01");
    }
    assert_eq!(fresh.ok(&["export", "stores"]), csv);
}

#[test]
fn absurd_values_are_refused_naming_line_and_column() {
    let d = DataDir::new();
    d.ok(&["import", "stores", &sample("stores")]);
    d.ok(&["import", "products", &sample("products")]);
    let refused = |name: &str, text: &str| {
        let file = d.path().join(format!("{name}.csv"));
        std::fs::write(&file, text).unwrap();
        let out = d.run(&[
            "import",
            name.split('-').next().unwrap(),
            file.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(1), "{name} was accepted");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };

    // a quantity far beyond any real row (it exported as 1e29, and the order
    // suggestion proposed 4294967295 units)
    let err = refused(
        "sales",
        "store_code,sku,date,qty\n\
         S201,P2001,2026-11-02,3\n\
         S201,P2001,2026-11-03,99999999999999999999999999999\n\
         S201,P2001,2026-11-04,1000001\n\
         S201,P2001,2026-11-05,1000000\n",
    );
    assert!(
        err.contains(
            "line 3: column qty: too large: \"99999999999999999999999999999\" (at most 1,000,000)"
        ),
        "{err}"
    );
    assert!(err.contains("line 4: column qty: too large"), "{err}");
    assert!(
        err.contains("2 bad rows") && !err.contains("line 5"),
        "{err}"
    );
    assert_eq!(stats(&d)["sales_series"], 0);

    let err = refused(
        "stores-absurd",
        "code,name,visit_every_days,credit_limit,rep\n\
         S301,Zero days,0,0,R01\n\
         S3\u{0}02,Nul in code,7,0,R01\n\
         S303,Rich,7,1000000000.01,R01\n\
         S304,Nul in rep,7,0,R\u{0}1\n\
         S305,Fine,7,1000000000,R01\n",
    );
    assert!(
        err.contains("line 2: column visit_every_days: a visit every 0 days"),
        "{err}"
    );
    assert!(
        err.contains("line 3: column code: a control character in a code: \"S3\\u{0}02\""),
        "{err}"
    );
    assert!(
        err.contains(
            "line 4: column credit_limit: too large: \"1000000000.01\" (at most 1,000,000,000)"
        ),
        "{err}"
    );
    assert!(
        err.contains("line 5: column rep: a control character"),
        "{err}"
    );
    assert!(
        err.contains("4 bad rows") && !err.contains("line 6"),
        "{err}"
    );

    let err = refused(
        "products-absurd",
        "sku,ean,name,case_pack,shelf_life_days,list_price\n\
         P\u{1b}9,4601000200009,Escape in sku,6,10,1.00\n\
         P9002,4601000200016,Huge pack,2000000,10,1.00\n\
         P9003,4601000200023,Huge price,6,10,5000000000\n",
    );
    assert!(
        err.contains("line 2: column sku: a control character"),
        "{err}"
    );
    assert!(err.contains("line 3: column case_pack: too large"), "{err}");
    assert!(
        err.contains("line 4: column list_price: too large"),
        "{err}"
    );

    let err = refused(
        "invoices-absurd",
        "store_code,number,date,amount\n\
         S201,INV\u{7}1,2026-11-02,10\n\
         S2\u{0}1,INV-2,2026-11-02,10\n",
    );
    assert!(
        err.contains("line 2: column number: a control character"),
        "{err}"
    );
    assert!(
        err.contains("line 3: column store_code: a control character"),
        "{err}"
    );

    // a column twice: which one the ERP meant is not ours to guess
    let err = refused(
        "stores-twice",
        "code,name,City,city\nS201,Kolos,Tver,Moscow\n",
    );
    assert!(
        err.contains("line 1: column city: the column appears twice, as columns 3 and 4"),
        "{err}"
    );
    let err = refused(
        "sales-twice",
        "store_code;sku;date;qty;qty\nS201;P2001;2026-11-02;3;4\n",
    );
    assert!(
        err.contains("line 1: column qty: the column appears twice"),
        "{err}"
    );
    // a repeated column the importer does not read is still ignored
    d.ok(&["import", "stores", &{
        let file = d.path().join("extra-twice.csv");
        std::fs::write(&file, "code,name,note,note\nS201,Kolos,a,b\n").unwrap();
        file.display().to_string()
    }]);
    assert_eq!(stats(&d)["sales_series"], 0);
}

#[test]
fn a_refusal_of_two_hundred_thousand_rows_stays_short() {
    let d = DataDir::new();
    let file = d.path().join("bad-stores.csv");
    let mut text = String::with_capacity(14 << 20);
    text.push_str("code,name,visit_every_days\n");
    // the first bad cell is a 10 MB field: it must not be echoed whole
    text.push_str("S0,Shop,");
    text.push_str(&"9x".repeat(5 << 20));
    text.push('\n');
    for i in 1..199_999 {
        text.push_str(&format!("S{i},Shop {i},weekly\n"));
    }
    std::fs::write(&file, text).unwrap();
    let out = d.run(&["import", "stores", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.len() < 20_000, "{} bytes of errors", err.len());
    assert!(err.contains("the file has 199999 bad rows"), "{err}");
    let cut = format!(
        "line 2: column visit_every_days: not a number: \"{}…\"\n",
        "9x".repeat(40)
    );
    assert!(err.contains(&cut), "{err}");
    assert!(err.contains("line 101: column visit_every_days"), "{err}");
    assert!(!err.contains("line 102:"), "{err}");
    assert!(err.contains("… and 199,899 more errors"), "{err}");
    assert_eq!(err.matches("line ").count(), 100, "{err}");
    assert_eq!(stats(&d)["stores"], 0);
}
