//! End to end: a whole visit by keyboard in the real binary, with an EAN
//! typed as a scan, a refused date, a quit in the middle, a restart that
//! resumes where it was left, the submit, and the visit in the export.

mod common;
use common::{DataDir, Tui};
use rounds::domain::visit::AuditPlan;
use rounds::storage::Database;

const STORE: &str = "S002";

/// The EAN and name of the last line of the store's audit (far from the
/// first lines, so jumping to it is a real jump).
fn last_line_of_audit(data: &DataDir) -> (String, String) {
    let db = Database::open(data.path()).expect("open demo db");
    let settings = db.settings().expect("settings");
    let skus: Vec<String> = db
        .assortment(STORE)
        .expect("assortment")
        .into_iter()
        .map(|l| l.sku)
        .collect();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let from = today - chrono::Duration::weeks(8);
    let sales = db.sales_of_store(STORE).expect("sales");
    let units = |sku: &str| {
        sales
            .iter()
            .find(|s| s.sku == sku)
            .map(|s| s.units_between(from, today))
            .unwrap_or(0.0)
    };
    let plan = AuditPlan::new(&skus, units, &settings);
    let (sku, _) = plan.lines.last().expect("a must-stock line").clone();
    let p = db.product(&sku).expect("read").expect("product");
    (p.ean.to_string(), p.name)
}

fn open_store_visit(tui: &mut Tui) {
    tui.wait_for("Today's route");
    tui.send("/");
    tui.wait_for("Stores (");
    tui.type_text(STORE);
    tui.send("\r");
    tui.wait_for("Decision maker");
    tui.send("v");
    tui.wait_for(&format!("({STORE}) · checked in"));
}

#[test]
fn a_whole_visit_by_keyboard_survives_a_quit_and_is_exported() {
    let data = DataDir::with_demo();
    let (ean, name) = last_line_of_audit(&data);

    let mut tui = data.spawn_tui(&["--rep", "R01"], 110, 30);
    open_store_visit(&mut tui);
    tui.wait_for("Checked in.");
    tui.wait_for("of 20 left");
    // first line on the shelf, second missing (not delivered)
    tui.send("y");
    tui.wait_for("19 of 20 left");
    tui.send("n");
    tui.wait_for("Why is it missing?");
    tui.send("2");
    tui.wait_for("not delivered");
    // third: facings, a stock count and a price typed with a comma
    tui.send("\r");
    tui.wait_for("Shelf line");
    tui.type_text("3");
    tui.send("\r");
    tui.type_text("7");
    tui.send("\r");
    tui.type_text("12,50");
    tui.send("\r");
    tui.wait_for("17 of 20 left");
    tui.wait_for("12.50");
    // a barcode typed as a scanner does (digits, then Enter) jumps to its line
    tui.type_text(&ean);
    tui.send("\r");
    tui.wait_for(&format!("Scanned: {name}"));
    tui.send("y");
    tui.wait_for("16 of 20 left");
    // a wrong barcode is refused with the reason
    tui.type_text("4006381333932");
    tui.send("\r");
    tui.wait_for("is not a barcode");

    // expiry: an impossible date is refused in place, then a batch for tomorrow
    tui.send("\t");
    tui.wait_for("No batches yet");
    tui.send("a");
    tui.wait_for("Expiry batch");
    tui.type_text("31.02");
    tui.send("\r");
    tui.wait_for("no such day");
    for _ in 0..5 {
        tui.send("\x7f");
    }
    tui.type_text("+1");
    tui.send("\r");
    tui.type_text("-4");
    tui.send("\r");
    tui.wait_for("cannot be negative");
    tui.send("\x7f");
    tui.send("\x7f");
    tui.type_text("4");
    tui.send("\r");
    tui.wait_for("Pull list (1)");
    tui.wait_for("critical");
    // the batch becomes a return with one key (reason: expired)
    tui.send("r");
    tui.wait_for("Return saved");

    // quit in the middle of the visit
    tui.send("\x03");
    assert_eq!(tui.wait_exit(), 0);

    // restart: the visit resumes on the step it was left on
    let mut tui = data.spawn_tui(&["--rep", "R01"], 110, 30);
    open_store_visit(&mut tui);
    tui.wait_for("Unfinished visit resumed");
    // the batch went back as a return: it is no longer to be pulled
    tui.wait_for("returned");
    tui.send("\t");
    tui.wait_for("expired");
    tui.send("\t");
    tui.send("p");
    tui.wait_for("Problem");
    tui.type_text("Missed delivery on Monday");
    tui.send("\r");
    tui.send("\r");
    tui.wait_for("Missed delivery on Monday");
    tui.send("\t");
    tui.wait_for("Enter: submit the visit");
    tui.wait_for("Audit: 4 of 20 lines");
    tui.send("\r");
    tui.wait_for("Submit the visit?");
    tui.send("y");
    tui.wait_for("Visit submitted.");
    tui.wait_for("· submitted");
    // submitted is read-only
    tui.send("\t");
    tui.send("y");
    tui.wait_for("Submitted: read-only");
    tui.send("\x03");
    assert_eq!(tui.wait_exit(), 0);

    let json = data.ok(&[
        "export",
        "visits",
        "--format",
        "json",
        "--from",
        "2026-11-24",
    ]);
    let visits: serde_json::Value = serde_json::from_str(&json).expect("json");
    let visit = visits
        .as_array()
        .expect("array")
        .iter()
        .find(|v| v["store"] == STORE && v["date"] == "2026-11-24")
        .expect("today's visit to S002 in the export");
    assert_eq!(visit["status"], "submitted");
    let audit = visit["audit"].as_array().expect("audit lines");
    assert_eq!(audit.len(), 4);
    let scanned = audit
        .iter()
        .find(|a| a["ean"] == ean.as_str())
        .expect("scanned line");
    assert_eq!(scanned["on_shelf"], true);
    assert!(audit.iter().any(|a| a["missing_reason"] == "not_delivered"));
    assert!(
        audit
            .iter()
            .any(|a| a["facings"] == 3 && a["stock"] == 7 && a["price_seen"] == "12.50")
    );
    let batches = visit["batches"].as_array().expect("batches");
    assert_eq!(batches.len(), 1);
    assert_eq!(batches[0]["qty"], 4);
    assert_eq!(batches[0]["class"], "critical");
    let returns = visit["returns"].as_array().expect("returns");
    assert_eq!(returns.len(), 1);
    assert_eq!(returns[0]["reason"], "expired");
    assert_eq!(returns[0]["qty"], 4);
    assert_eq!(visit["problems"][0]["text"], "Missed delivery on Monday");
    assert_eq!(visit["problems"][0]["due"], "2026-12-01");
}
