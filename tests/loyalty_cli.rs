//! The loyalty index and stores at risk from the outside: `rounds export
//! loyalty` on the demo, the client file's complaints moving the index,
//! bulletins written for sending (the `.eml` files parse back), and
//! promotions kept for loyal stores.

mod common;
use chrono::{NaiveDate, TimeZone, Utc};
use common::DataDir;
use rounds::domain::client::{EntryKind, TimelineEntry, WhyLost};
use rounds::domain::{Audience, Promotion, RecordMeta};
use rounds::storage::Database;

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(common::TODAY, "%Y-%m-%d").unwrap()
}

fn records(data: &DataDir) -> Vec<serde_json::Value> {
    let text = data.ok(&["export", "loyalty", "--format", "json"]);
    serde_json::from_str::<serde_json::Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn export_loyalty_scores_every_store_and_flags_the_lapsed_ones() {
    let data = DataDir::with_demo();
    let all = records(&data);
    assert_eq!(all.len(), 32, "one record per store");
    for r in &all {
        let loyalty = r["loyalty"].as_u64().unwrap();
        let risk = r["risk"].as_f64().unwrap();
        assert!(loyalty <= 100, "{r}");
        assert!((0.0..=1.0).contains(&risk), "{r}");
        assert!(r["at_risk"].is_boolean(), "{r}");
        assert!(!r["reason"].as_str().unwrap().is_empty(), "{r}");
    }
    // the demo's second store of each rep stopped buying six weeks ago
    let flagged: Vec<&serde_json::Value> = all.iter().filter(|r| r["at_risk"] == true).collect();
    assert!(flagged.len() >= 3, "{} flagged", flagged.len());
    assert!(
        flagged
            .iter()
            .any(|r| r["reason"].as_str().unwrap().starts_with("no order for")),
        "{flagged:?}"
    );
    let steady = all.iter().filter(|r| r["at_risk"] == false).count();
    assert!(steady > flagged.len(), "most demo stores keep buying");
    // flagged stores are riskier than every steady one
    let min_flagged = flagged
        .iter()
        .map(|r| r["risk"].as_f64().unwrap())
        .fold(1.0, f64::min);
    let max_steady = all
        .iter()
        .filter(|r| r["at_risk"] == false)
        .map(|r| r["risk"].as_f64().unwrap())
        .fold(0.0, f64::max);
    assert!(min_flagged >= max_steady, "{min_flagged} < {max_steady}");

    let csv_text = data.ok(&["export", "loyalty"]);
    assert!(
        csv_text.starts_with(
            "store_code,name,loyalty,risk,at_risk,last_purchase,usual_gap_days,reason"
        )
    );
    assert_eq!(csv_text.lines().count(), 33);
}

#[test]
fn complaints_in_the_client_file_lower_the_index() {
    let data = DataDir::with_demo();
    let code = "S003";
    let before = records(&data)
        .into_iter()
        .find(|r| r["store_code"] == code)
        .unwrap()["loyalty"]
        .as_u64()
        .unwrap();
    {
        common::isolate_config();
        let db = Database::open(data.path()).unwrap();
        let at = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
        let entries: Vec<TimelineEntry> = (0..3)
            .map(|i| TimelineEntry {
                meta: RecordMeta::fresh("R01", "test", at),
                store_code: code.into(),
                date: today() - chrono::Duration::days(i * 3 + 1),
                kind: EntryKind::Complaint(WhyLost::Quality),
                text: format!("complaint {i}"),
                contact: None,
            })
            .collect();
        db.put_timeline(&entries).unwrap();
        let l = rounds::service::loyalty::store_loyalty(&db, code, today())
            .unwrap()
            .unwrap();
        let part = l
            .loyalty
            .components
            .iter()
            .find(|c| c.kind == rounds::domain::loyalty::ComponentKind::Complaints)
            .unwrap();
        assert!(part.score.unwrap() < 0.5, "{part:?}");
    }
    let after = records(&data)
        .into_iter()
        .find(|r| r["store_code"] == code)
        .unwrap()["loyalty"]
        .as_u64()
        .unwrap();
    assert!(after < before, "{after} !< {before}");
}

#[test]
fn a_bulletin_writes_mail_that_parses_back_and_is_logged_in_each_client_file() {
    let data = DataDir::with_demo();
    let out = data.path().join("winter");
    let text = "Dear partner,\nA case of tea comes with one pack free. Чай в подарок.";
    let said = data.ok(&[
        "bulletin",
        "--title",
        "Winter offer — чай",
        "--text",
        text,
        "--valid-to",
        "2026-12-31",
        "--promo",
        "WINTER",
        "--segment",
        "all",
        "--sender",
        "Sales office <office@example.com>",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(said.contains("32 stores"), "{said}");
    let mut merge = csv::Reader::from_path(out.join("recipients.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = merge.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 32);
    let emails: Vec<_> = std::fs::read_dir(out.join("eml"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let calls = csv::Reader::from_path(out.join("calls.csv"))
        .unwrap()
        .records()
        .count();
    assert!(!emails.is_empty(), "the demo has people reached by e-mail");
    assert_eq!(emails.len() + calls, 32);
    for path in &emails {
        let raw = std::fs::read(path).unwrap();
        let msg = mail_parser::MessageParser::default().parse(&raw).unwrap();
        assert_eq!(msg.subject(), Some("Winter offer — чай"));
        let from = msg.from().unwrap().first().unwrap();
        assert_eq!(from.address(), Some("office@example.com"));
        let to = msg.to().unwrap().first().unwrap().address().unwrap();
        assert!(to.contains('@'), "{to}");
        let body = msg.body_text(0).unwrap();
        assert!(body.contains("Чай в подарок."), "{body}");
        assert!(body.contains("WINTER"), "{body}");
        assert!(body.contains("2026-12-31"), "{body}");
        assert!(msg.date().is_some());
    }
    // each recipient's timeline says what was sent
    common::isolate_config();
    let db = Database::open(data.path()).unwrap();
    let logged: Vec<_> = db
        .all_timeline()
        .unwrap()
        .into_iter()
        .filter(|e| e.text == "Winter offer — чай")
        .collect();
    assert_eq!(logged.len(), 32);
    use rounds::domain::client::ContactOutcome;
    let outcome = |want: ContactOutcome| {
        logged
            .iter()
            .filter(|e| matches!(e.kind, EntryKind::ContactMade { outcome, .. } if outcome == want))
            .count()
    };
    // e-mailed ones are sent; the call list is only queued: nobody spoke yet
    assert_eq!(outcome(ContactOutcome::Sent), emails.len());
    assert_eq!(outcome(ContactOutcome::Queued), calls);
    drop(db);

    // the same folder again is refused, and nothing more is logged
    let again = data.run(&[
        "bulletin",
        "--title",
        "Again",
        "--text",
        "x",
        "--segment",
        "all",
        "--valid-to",
        "2026-12-31",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("not empty"));
}

/// `rounds bulletin --dry-run` with a title, a text and a last day, plus `args`.
fn dry_bulletin(data: &DataDir, args: &[&str]) -> std::process::Output {
    let mut a = vec![
        "bulletin",
        "--title",
        "t",
        "--text",
        "x",
        "--valid-to",
        "2026-12-31",
        "--dry-run",
    ];
    a.extend_from_slice(args);
    data.run(&a)
}

/// The refusal's message, after checking the command failed.
fn refused(out: std::process::Output) -> String {
    assert!(!out.status.success());
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn bulletin_segments_narrow_and_bad_ones_are_refused() {
    let data = DataDir::with_demo();
    let listed = |args: &[&str]| -> usize {
        let out = dry_bulletin(&data, args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).lines().count() - 1
    };
    let all = listed(&["--segment", "all"]);
    let at_risk = listed(&["--segment", "at-risk"]);
    let r01 = listed(&["--segment", "rep:R01"]);
    let r01_at_risk = listed(&["--segment", "rep:R01", "--segment", "at-risk"]);
    assert_eq!(all, 32);
    assert!(at_risk > 0 && at_risk < all, "{at_risk}");
    assert!(r01 > 0 && r01 < all);
    assert!(r01_at_risk <= r01.min(at_risk));
    let bad = refused(dry_bulletin(&data, &["--segment", "vip"]));
    assert!(bad.contains("unknown segment"), "{bad}");
    // starting after its last day (2026-12-31)
    let backwards = refused(dry_bulletin(
        &data,
        &["--valid-from", "2027-01-15", "--segment", "all"],
    ));
    assert!(backwards.contains("before it starts"), "{backwards}");
    // never every store by default, and never an unknown promotion
    refused(dry_bulletin(&data, &[]));
    let promo = refused(dry_bulletin(
        &data,
        &["--segment", "all", "--promo", "NOPE"],
    ));
    assert!(promo.contains("no promotion NOPE"), "{promo}");
}

#[test]
fn a_promotion_for_loyal_stores_reaches_only_loyal_stores() {
    let data = DataDir::with_demo();
    common::isolate_config();
    let db = Database::open(data.path()).unwrap();
    let settings = db.settings().unwrap();
    let all = rounds::service::loyalty::all_store_loyalty(&db, today()).unwrap();
    let loyal = all
        .iter()
        .find(|l| l.loyalty.is_loyal(&settings))
        .expect("a loyal demo store");
    let other = all
        .iter()
        .find(|l| !l.loyalty.is_loyal(&settings) && !db.is_trusted(&l.store_code).unwrap())
        .expect("a demo store neither loyal nor trusted");
    let at = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
    let promo = |code: &str, audience| Promotion {
        meta: RecordMeta::fresh("office", "test", at),
        code: code.into(),
        name: code.into(),
        sku: "P0001".into(),
        from: today(),
        to: today(),
        buy_qty: 4,
        bonus_qty: 1,
        audience,
    };
    db.put_promotions(&[
        promo("T-LOYAL", Audience::Loyal),
        promo("T-ALL", Audience::All),
    ])
    .unwrap();
    let codes = |store: &str| -> Vec<String> {
        rounds::service::views_order::promotions_for(&db, store, today())
            .unwrap()
            .into_iter()
            .map(|p| p.code)
            .filter(|c| c.starts_with("T-"))
            .collect()
    };
    assert_eq!(codes(&loyal.store_code), ["T-ALL", "T-LOYAL"]);
    assert_eq!(codes(&other.store_code), ["T-ALL"]);
}

#[test]
fn the_promotion_import_reads_an_audience_and_refuses_an_unknown_one() {
    let data = DataDir::with_demo();
    let file = data.path().join("promos.csv");
    std::fs::write(
        &file,
        "code,sku,from,to,buy_qty,bonus_qty,audience\n\
         W1,P0001,2026-11-01,2026-12-31,4,1,loyal\n\
         W2,P0002,2026-11-01,2026-12-31,4,1,\n",
    )
    .unwrap();
    data.ok(&["import", "promotions", file.to_str().unwrap()]);
    let bad = data.path().join("bad.csv");
    std::fs::write(
        &bad,
        "code,sku,from,to,audience\nW3,P0001,2026-11-01,2026-12-31,vip\n",
    )
    .unwrap();
    let out = data.run(&["import", "promotions", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 2") && err.contains("\"vip\" is not an audience"),
        "{err}"
    );
    common::isolate_config();
    let db = Database::open(data.path()).unwrap();
    let mut p: Vec<Promotion> = db
        .promotions()
        .unwrap()
        .into_iter()
        .filter(|p| p.code.starts_with('W') && p.code != "WINTER")
        .collect();
    p.sort_by(|a, b| a.code.cmp(&b.code));
    assert_eq!(
        p.iter()
            .map(|p| (p.code.as_str(), p.audience))
            .collect::<Vec<_>>(),
        [("W1", Audience::Loyal), ("W2", Audience::All)]
    );
}

#[test]
fn a_company_date_is_added_listed_greeted_and_removed() {
    let data = DataDir::with_demo();
    let added = data.ok(&["dates", "add", "Our 20th year", "--on", "11-26"]);
    let id = added.split('\t').next().unwrap().to_string();
    let twice = data.run(&["dates", "add", "our 20th YEAR", "--on", "11-26"]);
    assert!(!twice.status.success(), "the same date twice is refused");
    let leap = data.ok(&["dates", "add", "Leap day", "--on", "02-29"]);
    assert!(data.ok(&["dates"]).contains("2028-02-29"), "{leap}");
    let listed = data.ok(&["dates"]);
    assert!(
        listed.contains("2026-11-26") && listed.contains("Our 20th year"),
        "{listed}"
    );
    // refused with a reason, nothing written
    for bad in [
        vec!["dates", "add", "x", "--on", "13-40"],
        vec!["dates", "add", "x", "--on", "06-01", "--countries", "XX"],
        vec!["dates", "remove", "01NOSUCHID"],
    ] {
        let out = data.run(&bad);
        assert!(!out.status.success(), "{bad:?}");
        assert!(!out.stderr.is_empty());
    }
    {
        common::isolate_config();
        let db = Database::open(data.path()).unwrap();
        let clock = rounds::clock::Clock::fixed(today());
        let plan = rounds::service::client_file::contact_plan_of(&db, &clock, Some("R01")).unwrap();
        assert!(
            plan.iter().any(|i| matches!(
                &i.reason,
                rounds::domain::client::PlanReason::Greeting(
                    rounds::domain::dates::Occasion::Company { title }
                ) if title == "Our 20th year"
            )),
            "the company date is greeted from the plan"
        );
    }
    data.ok(&["dates", "remove", &id]);
    assert!(!data.ok(&["dates"]).contains("Our 20th year"));
}

#[test]
fn the_stores_import_sets_a_stores_country_and_opening_day_and_keeps_them() {
    let data = DataDir::with_demo();
    let file = data.path().join("stores.csv");
    std::fs::write(
        &file,
        "code,name,country,opened\nS001,Магазин «Ромашка»,bg,2019-03-01\nS002,Продукты у дома,,\n",
    )
    .unwrap();
    data.ok(&["import", "stores", file.to_str().unwrap()]);
    // a file without the columns keeps them
    let plain = data.path().join("plain.csv");
    std::fs::write(&plain, "code,name\nS001,Магазин «Ромашка»\n").unwrap();
    data.ok(&["import", "stores", plain.to_str().unwrap()]);
    let bad = data.path().join("bad.csv");
    std::fs::write(&bad, "code,name,country,opened\nS003,X,XX,2019-02-30\n").unwrap();
    let out = data.run(&["import", "stores", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 2") && err.contains("\"XX\" is not a country"),
        "{err}"
    );
    assert!(err.contains("opened"), "{err}");
    common::isolate_config();
    let db = Database::open(data.path()).unwrap();
    let p = db.store_profile("S001").unwrap().unwrap();
    assert_eq!(p.country, "BG");
    assert_eq!(p.opened, NaiveDate::from_ymd_opt(2019, 3, 1));
    // an empty cell: the company's country, no opening day
    let q = db.store_profile("S002").unwrap().unwrap();
    assert_eq!((q.country.as_str(), q.opened), ("", None));
    // S003 was not touched by the refused file
    assert_ne!(
        db.store_profile("S003").unwrap().map(|p| p.country),
        Some("XX".into())
    );
}
