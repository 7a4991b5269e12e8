//! Role rules on the command line: a rep (logged in with --user) sees and
//! exports only their own visits and cannot review; a supervisor can.

mod common;
use common::DataDir;
use std::io::Write;
use std::process::{Output, Stdio};

fn as_user(data: &DataDir, user: &str, pin: &str, args: &[&str]) -> Output {
    let mut child = data
        .command()
        .args(["--user", user])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{pin}").unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// (id, rep) of every visit in a `review list` CSV.
fn ids(csv_text: &str) -> Vec<(String, String)> {
    csv_text
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut parts = l.split(',');
            Some((parts.next()?.to_string(), parts.nth(1)?.to_string()))
        })
        .collect()
}

#[test]
fn a_rep_sees_only_their_own_visits() {
    let data = DataDir::with_demo();
    let all = ids(&data.ok(&["review", "list", "--status", "submitted"]));
    let other = all
        .iter()
        .find(|(_, rep)| rep == "R02")
        .expect("R02 has visits")
        .0
        .clone();
    let own = all.iter().find(|(_, rep)| rep == "R01").unwrap().0.clone();

    let mine = ids(&stdout(&as_user(
        &data,
        "ivan",
        "1111",
        &["review", "list"],
    )));
    assert!(!mine.is_empty());
    assert!(mine.iter().all(|(_, rep)| rep == "R01"), "{mine:?}");

    let out = as_user(&data, "ivan", "1111", &["review", "show", &other]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("another rep"));
    let out = as_user(
        &data,
        "ivan",
        "1111",
        &["review", "list", "--by-rep", "R02"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&as_user(&data, "ivan", "1111", &["review", "show", &own])).contains("R01"));

    // a rep cannot review, not even their own visit
    let out = as_user(&data, "ivan", "1111", &["review", "approve", &own]);
    assert_eq!(out.status.code(), Some(1));
    // a rep's visit export holds only their own visits
    let visits = stdout(&as_user(
        &data,
        "ivan",
        "1111",
        &["export", "visits", "--format", "json"],
    ));
    let json: serde_json::Value = serde_json::from_str(&visits).unwrap();
    let reps: std::collections::HashSet<String> = json
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["rep"].as_str().map(str::to_string))
        .collect();
    assert_eq!(reps, ["R01".to_string()].into_iter().collect(), "{reps:?}");
    // a rep's KPI export is their own row, without the team
    let kpis = stdout(&as_user(&data, "ivan", "1111", &["export", "kpis"]));
    let rows: Vec<&str> = kpis.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{kpis}");
    assert!(rows[0].starts_with("R01,"));
}

#[test]
fn a_supervisor_comments_and_approves_and_the_rep_sees_it() {
    let data = DataDir::with_demo();
    let list = data.ok(&["review", "list", "--by-rep", "R01", "--status", "submitted"]);
    let (id, _) = ids(&list).into_iter().next().expect("a submitted visit");
    // without a login nobody reviews
    assert_eq!(data.run(&["review", "approve", &id]).status.code(), Some(1));
    stdout(&as_user(
        &data,
        "olga",
        "9999",
        &["review", "comment", &id, "Проверьте ценники"],
    ));
    stdout(&as_user(&data, "olga", "9999", &["review", "approve", &id]));
    let shown = stdout(&as_user(&data, "ivan", "1111", &["review", "show", &id]));
    assert!(shown.contains("Проверьте ценники"), "{shown}");
    assert!(shown.contains("reviewed by olga"));
    let reviewed = data.ok(&["review", "list", "--status", "reviewed"]);
    assert!(reviewed.contains(&id));
    // the export says what review says, with who and when
    let all: serde_json::Value =
        serde_json::from_str(&data.ok(&["export", "visits", "--format", "json"])).unwrap();
    let v = all
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == id.as_str())
        .expect("the reviewed visit exported");
    assert_eq!(v["status"], "reviewed");
    assert_eq!(v["reviewed_by"], "olga");
    assert!(
        v["reviewed_at"]
            .as_str()
            .is_some_and(|t| t.starts_with("20"))
    );
    let out = data.ok(&["check"]);
    assert!(out.contains("intact"), "{out}");
}

#[test]
fn an_open_visit_cannot_be_marked_reviewed() {
    let data = DataDir::with_demo();
    // a rep checks in at a store and has not submitted yet
    common::isolate_config();
    {
        let db = rounds::storage::Database::open(data.path()).unwrap();
        let store = db
            .stores()
            .unwrap()
            .into_iter()
            .find(|s| s.rep == "R01")
            .unwrap();
        let at = chrono::Utc::now();
        db.save_visit(&rounds::domain::Visit {
            meta: rounds::domain::RecordMeta::fresh("R01", db.device(), at),
            store_code: store.code,
            rep: "R01".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
            checked_in: at,
            submitted: None,
            status: rounds::domain::VisitStatus::Open,
        })
        .unwrap();
    }
    let open = ids(&data.ok(&["review", "list", "--status", "open"]));
    let (id, _) = open.first().expect("the open visit is listed").clone();
    let out = as_user(&data, "olga", "9999", &["review", "approve", &id]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("still open"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // nothing was recorded: the visit is still open and not in "reviewed"
    let reviewed = data.ok(&["review", "list", "--status", "reviewed"]);
    assert!(!reviewed.contains(&id));
    let shown = stdout(&as_user(&data, "olga", "9999", &["review", "show", &id]));
    assert!(!shown.contains("reviewed by"), "{shown}");
}

#[test]
fn a_wrong_pin_is_refused_with_exit_code_1() {
    let data = DataDir::with_demo();
    let out = as_user(&data, "ivan", "0000", &["review", "list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Wrong user or PIN") && !err.contains("0000"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    // every command run with --user checks the PIN, not only those that use the role
    for args in [
        &["stats"][..],
        &["export", "stores"],
        &["order", "suggest", "--store", "S001"],
    ] {
        let out = as_user(&data, "maria", "0000", args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        // refused, or told to wait after the first wrong PINs; never the PIN
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.trim().is_empty() && !err.contains("0000"), "{err}");
    }
    // the right PIN is asked once and the command runs
    assert!(
        as_user(&data, "andrei", "3333", &["stats"])
            .status
            .success()
    );
    let reviewed = as_user(&data, "olga", "9999", &["review", "list"]);
    assert!(reviewed.status.success());
}

#[test]
fn kpi_export_csv_and_json() {
    let data = DataDir::with_demo();
    let csv_text = data.ok(&[
        "export",
        "kpis",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-24",
    ]);
    let header = csv_text.lines().next().unwrap();
    assert!(header.starts_with("who,from,to,visits,planned,compliance,overdue_stores,osa"));
    assert!(csv_text.lines().any(|l| l.starts_with("TEAM,")));
    let json: serde_json::Value =
        serde_json::from_str(&data.ok(&["export", "kpis", "--by", "store", "--format", "json"]))
            .unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 33, "32 stores and the team");
    let team = rows.last().unwrap();
    let sum: u64 = rows[..32]
        .iter()
        .map(|r| r["visits"].as_u64().unwrap())
        .sum();
    assert_eq!(team["visits"].as_u64().unwrap(), sum);
    let out = data.run(&[
        "export",
        "kpis",
        "--from",
        "2026-11-24",
        "--to",
        "2026-11-01",
    ]);
    assert_eq!(out.status.code(), Some(1));
}
