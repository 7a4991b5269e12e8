//! The office hub against a real PostgreSQL (a throwaway cluster), through
//! the real binary: schema, ingest (twice, damaged), device bundles and
//! `sync hub` between a rep's laptop and a supervisor's terminal, the BI
//! views, and each bad connection with its message and exit code.

mod common;

use common::DataDir;
use common::pg::{PASSWORD, Pg};
use std::process::Output;

fn hub(d: &DataDir, url: &str, args: &[&str]) -> Output {
    d.command()
        .env("ROUNDS_HUB_URL", url)
        .args(args)
        .output()
        .expect("run rounds")
}

fn ok(d: &DataDir, url: &str, args: &[&str]) -> String {
    let out = hub(d, url, args);
    assert!(
        out.status.success(),
        "rounds {args:?} failed ({}): {}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn fails(d: &DataDir, url: &str, args: &[&str], code: i32, words: &str) {
    let out = hub(d, url, args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    assert!(err.contains(words), "{args:?}: {err:?} lacks {words:?}");
    assert!(!err.contains("panicked"), "{err}");
}

fn file(d: &DataDir, name: &str) -> String {
    d.path().join(name).display().to_string()
}

fn stats(d: &DataDir, url: &str) -> serde_json::Value {
    serde_json::from_str(&ok(d, url, &["hub", "stats", "--format", "json"])).unwrap()
}

fn count(stats: &serde_json::Value, tree: &str) -> i64 {
    stats["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r[0] == tree)
        .map(|r| r[1].as_i64().unwrap())
        .unwrap_or(0)
}

fn device_of(d: &DataDir) -> String {
    common::isolate_config();
    let db = rounds::storage::Database::open(d.path()).expect("open laptop");
    db.device().to_string()
}

fn stores(d: &DataDir) -> Vec<serde_json::Value> {
    let v: serde_json::Value =
        serde_json::from_str(&d.ok(&["export", "stores", "--format", "json"])).unwrap();
    v.as_array().unwrap().clone()
}

#[test]
fn ingest_bundles_and_sync_laptops_through_the_hub() {
    let pg = Pg::start();
    let url = pg.create_db("hub");
    let office = DataDir::with_demo();
    fails(&office, &url, &["hub", "stats"], 4, "rounds hub init");
    assert!(ok(&office, &url, &["hub", "init"]).contains("now version 2"));
    assert!(ok(&office, &url, &["hub", "init"]).contains("up to date"));

    // the office's full bundle in, twice: the second changes nothing
    let full = file(&office, "full.bundle");
    office.ok(&["sync", "export", "--all", "-o", &full]);
    let first = ok(&office, &url, &["hub", "ingest", &full]);
    assert!(first.contains("new changes"), "{first}");
    let before = stats(&office, &url);
    assert!(ok(&office, &url, &["hub", "ingest", &full]).contains("ingested before"));
    let after = stats(&office, &url);
    assert_eq!(before["changes"], after["changes"]);
    let all_stores = stores(&office);
    assert_eq!(count(&after, "stores"), all_stores.len() as i64);
    assert!(count(&after, "visits") > 0);

    // a damaged bundle is refused whole, naming why
    let mut bytes = std::fs::read(&full).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x40;
    let bad = file(&office, "bad.bundle");
    std::fs::write(&bad, bytes).unwrap();
    fails(&office, &url, &["hub", "ingest", &bad], 1, "refused");
    assert_eq!(stats(&office, &url)["changes"], after["changes"]);

    // a rep's laptop, new to the hub: refused until registered
    let laptop = DataDir::new();
    fails(&laptop, &url, &["sync", "hub"], 1, "rounds hub device");
    let rep = all_stores[0]["rep"].as_str().unwrap().to_string();
    let device = device_of(&laptop);
    ok(&office, &url, &["hub", "device", &device, "--rep", &rep]);
    let pulled = ok(&laptop, &url, &["sync", "hub"]);
    assert!(pulled.contains("pulled"), "{pulled}");
    let mine = stores(&laptop);
    assert!(!mine.is_empty() && mine.len() < all_stores.len());
    assert!(mine.iter().all(|s| s["rep"] == rep.as_str()));
    // nothing new: the next pull is empty
    assert!(ok(&laptop, &url, &["sync", "hub"]).contains("pulled 0 records"));

    // the laptop changes a phone; a supervisor's terminal gets it
    let code = mine[0]["code"].as_str().unwrap();
    let name = mine[0]["name"].as_str().unwrap();
    let csv = file(&laptop, "phone.csv");
    std::fs::write(&csv, format!("code;name;phone\n{code};{name};+359 777\n")).unwrap();
    laptop.ok(&["import", "stores", &csv]);
    assert!(ok(&laptop, &url, &["sync", "hub"]).contains("pushed"));
    let terminal = DataDir::new();
    let _ = hub(&terminal, &url, &["sync", "hub"]);
    ok(
        &office,
        &url,
        &["hub", "device", &device_of(&terminal), "--everything"],
    );
    ok(&terminal, &url, &["sync", "hub"]);
    let seen = stores(&terminal);
    assert_eq!(seen.len(), all_stores.len());
    let s = seen.iter().find(|s| s["code"] == code).unwrap();
    assert_eq!(s["phone"], "+359 777");

    // a device bundle by file, confirmed by hand
    let out = file(&office, "to-terminal.bundle");
    let text = ok(
        &office,
        &url,
        &[
            "hub",
            "bundle",
            "--device",
            &device_of(&terminal),
            "--all",
            "-o",
            &out,
        ],
    );
    assert!(text.contains("records for"), "{text}");
    terminal.ok(&["sync", "import", &out]);

    // the BI views answer
    let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let rows = c
        .query(
            "SELECT rep, day, visits, on_shelf_pct FROM rounds_bi.kpi_rep_day",
            &[],
        )
        .unwrap();
    assert!(!rows.is_empty());
    for view in [
        "stores",
        "products",
        "reps",
        "visits",
        "audit_lines",
        "expiry_batches",
        "returns",
        "orders",
        "order_lines",
        "conflicts",
        "devices",
    ] {
        c.query(&format!("SELECT * FROM rounds_bi.{view} LIMIT 5"), &[])
            .unwrap_or_else(|e| panic!("{view}: {e}"));
    }
    let s = stats(&office, &url);
    assert_eq!(s["devices"].as_array().unwrap().len(), 3, "{s}");
}

#[test]
fn bad_connections_and_schemas_are_named_with_an_exit_code() {
    let pg = Pg::start();
    let url = pg.create_db("hub");
    let d = DataDir::new();
    fails(&d, "", &["hub", "stats"], 2, "ROUNDS_HUB_URL");
    fails(
        &d,
        &url,
        &["hub", "stats", "--db", "postgresql://a:b@[::1"],
        2,
        "not a PostgreSQL",
    );
    fails(
        &d,
        &pg.tcp_url("hub", "wrong"),
        &["hub", "init"],
        3,
        "refused the login",
    );
    fails(
        &d,
        &pg.tcp_url("nothere", PASSWORD),
        &["hub", "init"],
        3,
        "no such database",
    );
    ok(&d, &pg.tcp_url("hub", PASSWORD), &["hub", "init"]);

    // a newer schema is refused, by init too
    let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    c.batch_execute(
        "INSERT INTO refinery_schema_history (version, name, applied_on, checksum)
         VALUES (99, 'future', 'now', '0')",
    )
    .unwrap();
    fails(&d, &url, &["hub", "init"], 4, "newer than this rounds");
    fails(&d, &url, &["hub", "stats"], 4, "upgrade rounds");
    c.batch_execute("DELETE FROM refinery_schema_history WHERE version = 99")
        .unwrap();
    // an older one is named, with what to do
    c.batch_execute("UPDATE refinery_schema_history SET version = -version WHERE version = 2")
        .unwrap();
    fails(&d, &url, &["hub", "stats"], 4, "run `rounds hub init`");
    c.batch_execute("UPDATE refinery_schema_history SET version = 2 WHERE version = -2")
        .unwrap();
    ok(&d, &url, &["hub", "stats"]);

    // the server down
    drop(c);
    pg.stop();
    fails(&d, &url, &["hub", "stats"], 3, "cannot reach the hub");
    fails(
        &d,
        &pg.tcp_url("hub", PASSWORD),
        &["hub", "stats"],
        3,
        "cannot reach the hub",
    );
}
