//! Users, PIN lockout and the audit trail, through the storage API and the
//! real binary (`rounds user`, `rounds check`).

mod common;
use chrono::{DateTime, Duration, TimeZone, Utc};
use common::DataDir;
use rounds::domain::RecordMeta;
use rounds::domain::auth::{Role, User, hash_pin};
use rounds::domain::journal::JournalEvent;
use rounds::storage::{Database, Login};
use std::io::Write;
use std::process::Stdio;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap()
}

fn add_user(db: &Database, name: &str, role: Role, pin: &str) {
    db.put_user(&User {
        meta: RecordMeta::fresh("test", "dev", t0()),
        name: name.into(),
        role,
        rep_code: Some("R01".into()),
        pin: hash_pin(pin).unwrap(),
    })
    .unwrap();
}

#[test]
fn lockout_survives_a_restart_and_a_supervisor_unlocks() {
    common::isolate_config();
    let dir = tempfile::tempdir().unwrap();
    {
        let db = Database::open(dir.path()).unwrap();
        add_user(&db, "ivan", Role::Rep, "1111");
        assert!(matches!(
            db.login_at("ivan", "1111", t0()).unwrap(),
            Login::Ok(_)
        ));
        assert_eq!(
            db.login_at("ivan", "0000", t0()).unwrap(),
            Login::Refused { failures: 1 }
        );
        assert_eq!(
            db.login_at("IVAN", "0001", t0()).unwrap(),
            Login::Refused { failures: 2 }
        );
        assert_eq!(
            db.login_at("ivan", "0002", t0()).unwrap(),
            Login::Refused { failures: 3 }
        );
        // the third wrong PIN costs a second: even the right PIN waits
        assert_eq!(
            db.login_at("ivan", "1111", t0()).unwrap(),
            Login::Wait(t0() + Duration::seconds(1))
        );
    }
    // a restart does not reset the count
    let db = Database::open(dir.path()).unwrap();
    assert_eq!(db.attempts("ivan").unwrap().failures, 3);
    let mut now = t0();
    let mut last = Login::Refused { failures: 3 };
    for n in 4..=10 {
        now += Duration::seconds(1 << (n - 4));
        last = db.login_at("ivan", "9999", now).unwrap();
    }
    let until = now + Duration::minutes(30);
    assert_eq!(last, Login::Locked(until));
    assert_eq!(
        db.login_at("ivan", "1111", now + Duration::minutes(29))
            .unwrap(),
        Login::Locked(until),
        "the right PIN does not open a locked user"
    );
    db.unlock_user("ivan", "olga", now).unwrap();
    assert!(matches!(
        db.login_at("ivan", "1111", now).unwrap(),
        Login::Ok(_)
    ));
    // every login, wrong PIN, lock and unlock is in an intact chain
    let entries = db.journal_entries().unwrap();
    let kinds: Vec<_> = entries.iter().map(|e| e.event.describe()).collect();
    assert!(kinds.iter().any(|k| k == "ivan locked"), "{kinds:?}");
    assert!(kinds.iter().any(|k| k == "ivan unlocked"));
    assert_eq!(
        entries
            .iter()
            .filter(|e| matches!(e.event, JournalEvent::LoginFailed { .. }))
            .count(),
        10
    );
    assert_eq!(db.verify_journal().unwrap(), Ok(entries.len() as u64));
    // and the PIN is nowhere in the audit trail (its events and actors; the
    // hashes and ids are random hex and base32 that may hold any digits)
    for e in &entries {
        let text = format!("{} {:?}", e.actor, e.event);
        assert!(!text.contains("1111") && !text.contains("9999"), "{text}");
    }
}

#[test]
fn after_thirty_minutes_the_lock_lifts() {
    common::isolate_config();
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(dir.path()).unwrap();
    add_user(&db, "ivan", Role::Rep, "1111");
    let mut now = t0();
    for n in 1..=10 {
        if n > 3 {
            now += Duration::seconds(1 << (n - 4));
        }
        db.login_at("ivan", "0000", now).unwrap();
    }
    assert!(matches!(
        db.login_at("ivan", "1111", now).unwrap(),
        Login::Locked(_)
    ));
    assert!(matches!(
        db.login_at("ivan", "1111", now + Duration::minutes(30))
            .unwrap(),
        Login::Ok(_)
    ));
}

#[test]
fn unknown_user_is_refused_like_a_wrong_pin() {
    common::isolate_config();
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(dir.path()).unwrap();
    assert_eq!(
        db.login_at("nobody", "1234", t0()).unwrap(),
        Login::Refused { failures: 1 }
    );
}

fn run_with_stdin(data: &DataDir, args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = data
        .command()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn user_commands_read_the_pin_from_stdin_and_never_show_it() {
    let data = DataDir::with_demo();
    let out = run_with_stdin(
        &data,
        &["user", "add", "petra", "--role", "supervisor"],
        "80468046\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run_with_stdin(
        &data,
        &["user", "add", "bad", "--role", "rep", "--rep", "R01"],
        "12ab\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("4 to 8 digits") && !err.contains("12ab"),
        "{err}"
    );
    let out = run_with_stdin(&data, &["user", "add", "x", "--role", "rep"], "1234\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--rep CODE"));
    let list = data.ok(&["user", "list"]);
    assert!(list.contains("petra") && list.contains("supervisor"));
    assert!(!list.contains("argon2") && !list.contains("80468046"));
    // a rep cannot manage users
    let out = run_with_stdin(
        &data,
        &["--user", "ivan", "user", "remove", "petra"],
        "1111\n",
    );
    assert_eq!(out.status.code(), Some(1));
    // a supervisor changes a PIN (first line: their own PIN, second: the new one)
    let out = run_with_stdin(
        &data,
        &["--user", "petra", "user", "passwd", "ivan"],
        "80468046\n5555\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run_with_stdin(&data, &["--user", "ivan", "review", "list"], "5555\n");
    assert!(out.status.success(), "new PIN works");
    data.ok(&["user", "remove", "petra"]);
    assert!(!data.ok(&["user", "list"]).contains("petra"));
    // nothing of the PINs reached the log or the database files as text
    let log = std::fs::read_to_string(data.path().join("rounds.log")).unwrap_or_default();
    assert!(!log.contains("80468046") && !log.contains("5555"));
    assert!(data.ok(&["check"]).contains("intact"));
}

/// Opens the stored audit tree directly (no rounds running) to tamper with it.
fn with_audit_tree(data: &DataDir, f: impl FnOnce(&sled::Tree)) {
    let db = sled::open(data.path().join("db")).unwrap();
    let tree = db.open_tree("audit").unwrap();
    f(&tree);
    db.flush().unwrap();
}

fn decode(bytes: &[u8]) -> rounds::domain::journal::JournalEntry {
    bincode::serde::decode_from_slice(bytes, bincode::config::standard())
        .unwrap()
        .0
}

fn encode(e: &rounds::domain::journal::JournalEntry) -> Vec<u8> {
    bincode::serde::encode_to_vec(e, bincode::config::standard()).unwrap()
}

fn audited(data: &DataDir) {
    for pin in ["0000", "1111", "1111"] {
        run_with_stdin(
            data,
            &["--user", "ivan", "review", "list"],
            &format!("{pin}\n"),
        );
    }
    assert!(data.ok(&["check"]).contains("3 entries"));
}

#[test]
fn check_finds_a_changed_audit_entry() {
    let data = DataDir::with_demo();
    audited(&data);
    with_audit_tree(&data, |tree| {
        let key = 1u64.to_be_bytes();
        let mut e = decode(&tree.get(key).unwrap().unwrap());
        // hide the wrong PIN: say it was a login
        e.event = JournalEvent::Login {
            user: "ivan".into(),
        };
        tree.insert(key, encode(&e)).unwrap();
    });
    let out = data.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("broken at entry 1") && err.contains("changed"),
        "{err}"
    );
}

#[test]
fn check_finds_a_removed_audit_entry() {
    let data = DataDir::with_demo();
    audited(&data);
    with_audit_tree(&data, |tree| {
        tree.remove(2u64.to_be_bytes()).unwrap();
    });
    let out = data.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken at entry 2"));
}

#[test]
fn check_finds_the_newest_entry_removed() {
    let data = DataDir::with_demo();
    audited(&data);
    with_audit_tree(&data, |tree| {
        tree.remove(3u64.to_be_bytes()).unwrap();
    });
    let out = data.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken at entry 3"));
}

// ---- the keyed, witnessed audit trail against the real binary -------------

/// Opens the stored database directly (no rounds running) to tamper with it
/// as someone with the data directory but not the audit key would.
fn with_db(data: &DataDir, f: impl FnOnce(&sled::Db)) {
    let db = sled::open(data.path().join("db")).unwrap();
    f(&db);
    db.flush().unwrap();
}

fn sha256_hash(e: &rounds::domain::journal::JournalEntry) -> String {
    rounds::domain::journal::entry_hash(&e.prev, e.meta.id, e.seq, e.at, &e.actor, &e.event)
}

fn write_head(db: &sled::Db, seq: u64, hash: &str) {
    let mut head = seq.to_be_bytes().to_vec();
    head.extend_from_slice(hash.as_bytes());
    db.open_tree("audit_head")
        .unwrap()
        .insert(b"head", head)
        .unwrap();
}

fn check_fails(data: &DataDir) -> String {
    let out = data.run(&["check"]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "check passed: {err}");
    err
}

#[test]
fn check_finds_an_entry_changed_with_every_hash_and_the_head_recomputed() {
    let data = DataDir::with_demo();
    audited(&data);
    with_db(&data, |db| {
        let tree = db.open_tree("audit").unwrap();
        let mut entries: Vec<_> = tree.iter().map(|kv| decode(&kv.unwrap().1)).collect();
        entries[0].event = JournalEvent::Login {
            user: "ivan".into(),
        };
        let mut prev = rounds::domain::journal::GENESIS.to_string();
        for e in &mut entries {
            e.prev = prev.clone();
            e.hash = sha256_hash(e);
            prev = e.hash.clone();
            tree.insert(e.seq.to_be_bytes(), encode(e)).unwrap();
        }
        write_head(db, entries.len() as u64, &prev);
    });
    let err = check_fails(&data);
    assert!(err.contains("broken at entry 1"), "{err}");
}

#[test]
fn check_finds_the_newest_entry_dropped_and_the_head_rewritten() {
    let data = DataDir::with_demo();
    audited(&data);
    with_db(&data, |db| {
        let tree = db.open_tree("audit").unwrap();
        let second = decode(&tree.get(2u64.to_be_bytes()).unwrap().unwrap());
        tree.remove(3u64.to_be_bytes()).unwrap();
        write_head(db, 2, &second.hash);
    });
    let err = check_fails(&data);
    assert!(
        err.contains("broken at entry 3") && err.contains("witness saw entry 3"),
        "{err}"
    );
}

#[test]
fn check_finds_a_wiped_log() {
    let data = DataDir::with_demo();
    audited(&data);
    with_db(&data, |db| {
        db.open_tree("audit").unwrap().clear().unwrap();
        db.open_tree("audit_head").unwrap().clear().unwrap();
    });
    let err = check_fails(&data);
    assert!(err.contains("broken at entry 1"), "{err}");
    // the next logins do not paper over it
    audited_again(&data);
    check_fails(&data);
}

fn audited_again(data: &DataDir) {
    for _ in 0..4 {
        run_with_stdin(data, &["--user", "ivan", "review", "list"], "1111\n");
    }
}

#[test]
fn the_key_and_witness_live_outside_the_data_dir_and_a_demo_reset_is_no_alarm() {
    let data = DataDir::with_demo();
    audited(&data);
    let witness = rounds::storage::witness_path(data.path()).unwrap();
    assert!(witness.starts_with(common::config_dir()), "{witness:?}");
    assert!(common::config_dir().join("audit.key").exists());
    data.ok(&["demo", "--reset"]);
    assert!(data.ok(&["check"]).contains("0 entries"));
    audited(&data);
}

#[test]
fn a_peer_log_cut_after_an_exchange_is_caught_by_the_office() {
    let laptop = DataDir::with_demo();
    let office = DataDir::new();
    audited(&laptop);
    let bundle = laptop.path().join("to-office-1.rounds");
    let bundle = bundle.to_str().unwrap();
    laptop.ok(&["sync", "export", "-o", bundle]);
    office.ok(&["sync", "import", bundle]);
    office.ok(&["check"]);
    // someone with the laptop's key and witness wipes its log and starts again
    with_db(&laptop, |db| {
        db.open_tree("audit").unwrap().clear().unwrap();
        db.open_tree("audit_head").unwrap().clear().unwrap();
    });
    std::fs::remove_file(rounds::storage::witness_path(laptop.path()).unwrap()).unwrap();
    run_with_stdin(&laptop, &["--user", "ivan", "review", "list"], "1111\n");
    assert!(laptop.ok(&["check"]).contains("1 entry"));
    let bundle2 = laptop.path().join("to-office-2.rounds");
    let bundle2 = bundle2.to_str().unwrap();
    laptop.ok(&["sync", "export", "-o", bundle2]);
    office.ok(&["sync", "import", bundle2]);
    let err = check_fails(&office);
    assert!(err.contains("went back from entry 3 to 1"), "{err}");
}

// ---- the security clock -----------------------------------------------------

fn locked_supervisor(data: &DataDir, failures: u32) {
    common::isolate_config();
    let db = Database::open(data.path()).unwrap();
    add_user(&db, "petra", Role::Supervisor, "8046");
    // wrong PINs as fast as the back-off allows, the last one just now, on
    // the real clock
    let delay = rounds::domain::auth::lockout::delay_after;
    let total: Duration = (0..failures).map(delay).sum();
    let mut t = Utc::now() - total;
    for n in 1..=failures {
        t += delay(n - 1);
        assert!(matches!(
            db.login_at("petra", "0000", t).unwrap(),
            Login::Refused { .. } | Login::Locked(_)
        ));
    }
}

fn tomorrow() -> String {
    (chrono::Local::now().date_naive() + Duration::days(1)).to_string()
}

#[test]
fn today_pinned_a_day_later_does_not_lift_a_lock() {
    let data = DataDir::new();
    locked_supervisor(&data, 10);
    for args in [
        &["--today", &tomorrow(), "--user", "petra", "review", "list"][..],
        &["--user", "petra", "review", "list"][..],
    ] {
        let out = run_with_stdin(&data, args, "8046\n");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("locked"), "{err}");
    }
    let out = data
        .command()
        .env("ROUNDS_TODAY", tomorrow())
        .args(["--user", "petra", "review", "list"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin.take().unwrap().write_all(b"8046\n")?;
            c.wait_with_output()
        })
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "ROUNDS_TODAY too");
}

#[test]
fn today_pinned_a_day_later_does_not_skip_the_back_off() {
    let data = DataDir::new();
    // the 9th wrong PIN costs a wait of over a minute
    locked_supervisor(&data, 9);
    let out = run_with_stdin(
        &data,
        &["--today", &tomorrow(), "--user", "petra", "review", "list"],
        "8046\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.to_lowercase().contains("again"), "{err}");
}

#[test]
fn a_pin_typed_as_the_user_name_reaches_neither_the_audit_log_nor_the_attempts() {
    let data = DataDir::with_demo();
    let out = run_with_stdin(&data, &["--user", "48151623", "review", "list"], "1111\n");
    assert_eq!(out.status.code(), Some(1));
    common::isolate_config();
    let db = Database::open(data.path()).unwrap();
    let entries = db.journal_entries().unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e.event.describe().contains("looks like a PIN")),
        "{entries:?}"
    );
    for e in &entries {
        assert!(!format!("{} {:?}", e.actor, e.event).contains("48151623"));
    }
    assert_eq!(db.attempts("48151623").unwrap().failures, 0);
    drop(db);
    // nor the database files as bytes (the key would be there in plain text)
    for f in std::fs::read_dir(data.path().join("db")).unwrap() {
        let path = f.unwrap().path();
        if path.is_file() {
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                !bytes.windows(8).any(|w| w == b"48151623"),
                "{}",
                path.display()
            );
        }
    }
}
