//! `rounds export visits|kpis` as CSV: the visit row's times in their own
//! columns, and `--excel` writing the byte order mark for these kinds too.

mod common;
use common::DataDir;

fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("row").iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[test]
fn the_visit_row_has_checked_in_and_submitted_columns() {
    let data = DataDir::with_demo();
    let text = data.ok(&["export", "visits", "--to", "2026-11-23"]);
    let (header, rows) = csv_rows(&text);
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
    };
    let (line, status, checked_in, submitted, line_status, at) = (
        col("line"),
        col("status"),
        col("checked_in"),
        col("submitted"),
        col("line_status"),
        col("at"),
    );
    let visits: Vec<&Vec<String>> = rows.iter().filter(|r| r[line] == "visit").collect();
    assert!(!visits.is_empty());
    for v in &visits {
        assert!(!v[checked_in].is_empty(), "{v:?}");
        // times are in their own columns, never in the line columns
        assert!(v[line_status].is_empty() && v[at].is_empty(), "{v:?}");
        if v[status] == "submitted" {
            assert!(v[submitted] >= v[checked_in], "{v:?}");
        }
    }
    assert!(visits.iter().any(|v| !v[submitted].is_empty()));
    // line rows leave the visit's times empty
    for r in rows.iter().filter(|r| r[line] != "visit") {
        assert!(r[checked_in].is_empty() && r[submitted].is_empty(), "{r:?}");
    }
}

#[test]
fn excel_writes_a_bom_for_visits_and_kpis() {
    let data = DataDir::with_demo();
    for kind in ["visits", "kpis"] {
        let out = data.run(&["export", kind, "--excel"]);
        assert!(out.status.success(), "{kind}");
        assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"), "{kind}");
        let out = data.run(&["export", kind]);
        assert!(!out.stdout.starts_with(b"\xEF\xBB\xBF"), "{kind}");
        let out = data.run(&["export", kind, "--excel", "--format", "json"]);
        assert!(out.stdout.starts_with(b"["), "{kind}");
        // also to a file
        let file = data.path().join(format!("{kind}.csv"));
        data.ok(&["export", kind, "--excel", "-o", file.to_str().unwrap()]);
        let bytes = std::fs::read(&file).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{kind}");
    }
}
