//! End to end: draft an order from the route, lower a line with a reason,
//! mark it reviewed, send it, import a delivery for it, see the fill rate.

mod common;
use common::DataDir;

/// (sku, suggested qty) of the suggestion `rounds order suggest` prints.
fn suggestion(data: &DataDir, store: &str) -> Vec<(String, u32)> {
    let out = data.ok(&["order", "suggest", "--store", store, "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    reader
        .records()
        .map(|r| {
            let r = r.expect("csv row");
            (r[0].to_string(), r[6].parse().expect("qty"))
        })
        .collect()
}

#[test]
fn draft_edit_review_send_then_delivery_and_fill_rate() {
    let data = DataDir::with_demo();
    let lines = suggestion(&data, "S002");
    assert!(lines.len() >= 10, "{lines:?}");

    let mut tui = data.spawn_tui(&["--rep", "R01"], 100, 30);
    tui.wait_for("Today's route");
    tui.send("o");
    tui.wait_for("Order S002-20261124-01");
    // the screen shows the same totals as the command line suggestion
    let units: u32 = lines.iter().map(|l| l.1).sum();
    tui.wait_for(&format!("{} lines, {units} units", lines.len()));
    // lower the second line to 1 and say why
    tui.send("j");
    tui.send("\r");
    tui.wait_for("Quantity for");
    tui.send("\x7f\x7f\x7f");
    tui.type_text("1");
    tui.send("\r");
    tui.wait_for("Why did the decision maker lower");
    tui.send("2");
    tui.wait_for("Refusal recorded: no shelf space");
    tui.send("v");
    tui.wait_for("Reviewed: edited");
    tui.send("s");
    tui.wait_for("Send order S002-20261124-01");
    tui.send("y");
    tui.wait_for("Order S002-20261124-01 sent");
    tui.wait_for("no delivery yet");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);

    // the ERP delivers every line but the last five, and the lowered line in full
    let mut csv = String::from("order_id;sku;qty;date\n");
    for (i, (sku, qty)) in lines.iter().enumerate().take(lines.len() - 5) {
        let qty = if i == 1 { 1 } else { *qty };
        csv.push_str(&format!("S002-20261124-01;{sku};{qty};2026-11-25\n"));
    }
    let file = data.path().join("deliveries.csv");
    std::fs::write(&file, csv).expect("write csv");
    data.ok(&["import", "deliveries", file.to_str().expect("path")]);
    // a delivery against an order nobody sent is refused
    let bad = data.path().join("bad.csv");
    std::fs::write(
        &bad,
        "order_id;sku;qty;date\nS999-20261124-01;P0001;1;2026-11-25\n",
    )
    .expect("write csv");
    assert!(
        !data
            .run(&["import", "deliveries", bad.to_str().expect("path")])
            .status
            .success()
    );

    let n = lines.len();
    let rate = ((n - 5) as f64 / n as f64 * 100.0).round();
    let mut tui = data.spawn_tui(&["--rep", "R01"], 100, 30);
    tui.wait_for("Today's route");
    tui.send("o");
    tui.wait_for("Order S002-20261124-01");
    tui.wait_for(&format!(
        "Fill rate {rate} % ({}/{n} lines) — chase it",
        n - 5
    ));
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}
