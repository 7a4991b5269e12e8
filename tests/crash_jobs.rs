//! Kill-9 harness over the real binary: imports (stores with new reps,
//! products, sales), `sync import` and `demo --reset`, each killed at a
//! random moment. After every kill: `check` passes, the record counts are
//! those before the job or those after it, and (every few cycles) a full
//! bundle of the survivor reproduces it in a fresh database.
//!
//! `ROUNDS_KILL_CYCLES` sets the number of cycles (default 100; the long run
//! in docs/reliability.md used scripts/kill9.sh).

mod common;

use rand::{Rng, SeedableRng};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

type Counts = BTreeMap<String, u64>;

fn rounds(dir: &Path) -> Command {
    let mut cmd = Command::new(common::bin());
    cmd.env("ROUNDS_DATA_DIR", dir)
        .env("ROUNDS_TODAY", common::TODAY)
        .env("LANG", "en_US.UTF-8")
        .env_remove("ROUNDS_USER")
        .stdin(Stdio::null());
    cmd
}

fn run_ok(dir: &Path, args: &[&str]) -> String {
    let out = rounds(dir).args(args).output().expect("run rounds");
    assert!(
        out.status.success(),
        "rounds {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Record counts per kind (the outbox count is left out: it is not a record).
fn counts(dir: &Path) -> Counts {
    let json = run_ok(dir, &["stats", "--format", "json"]);
    let mut c: Counts = serde_json::from_str(&json).expect("stats json");
    c.remove("outbox");
    c
}

struct Job {
    name: &'static str,
    args: Vec<String>,
    /// Counts before and after the job runs to its end on the base.
    before: Counts,
    after: Counts,
    /// How long the job takes when it is not killed.
    takes: Duration,
}

fn files(work: &Path, base: &Path) -> Vec<(&'static str, Vec<String>)> {
    let mut stores = String::from("code;name;city;rep;visit_every_days\n");
    for i in 0..3000 {
        writeln!(stores, "K{i:05};Магазин {i};Тверь;N{:02};7", i % 20).unwrap();
    }
    let mut products = String::from("sku;ean;name;case_pack;shelf_life_days;list_price\n");
    for i in 0..3000u64 {
        let body = format!("46{:010}", 10_000_000 + i);
        products.push_str(&format!(
            "Q{i:05};{};Товар {i};6;30;1,25\n",
            with_check(&body)
        ));
    }
    let mut sales = String::from("store_code;sku;date;qty\n");
    let stores_csv = run_ok(base, &["export", "stores"]);
    let products_csv = run_ok(base, &["export", "products"]);
    let codes: Vec<String> = first_column(&stores_csv).into_iter().take(20).collect();
    let skus: Vec<String> = first_column(&products_csv).into_iter().take(40).collect();
    for s in &codes {
        for p in &skus {
            for w in 0..20 {
                let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 6).unwrap()
                    + chrono::Duration::weeks(w);
                writeln!(sales, "{s};{p};{day};{}", (w * 7) % 11).unwrap();
            }
        }
    }
    let write = |name: &str, text: &str| {
        let p = work.join(name);
        std::fs::write(&p, text).expect("write file");
        p.display().to_string()
    };
    // a bundle from another laptop: its own demo, so new visits and KPI buckets
    // (a demo of an earlier day: the demo is seeded by its day, so these are new visits (not a later day: clocks ahead of the real one are refused))
    let other = work.join("other");
    let out = rounds(&other)
        .env("ROUNDS_TODAY", "2026-10-20")
        .arg("demo")
        .output()
        .expect("demo");
    assert!(out.status.success());
    let bundle = work.join("other.bundle");
    run_ok(
        &other,
        &[
            "sync",
            "export",
            "--all",
            "-o",
            &bundle.display().to_string(),
        ],
    );
    vec![
        (
            "import stores",
            vec![
                "import".into(),
                "stores".into(),
                write("stores.csv", &stores),
            ],
        ),
        (
            "import products",
            vec![
                "import".into(),
                "products".into(),
                write("products.csv", &products),
            ],
        ),
        (
            "import sales",
            vec!["import".into(), "sales".into(), write("sales.csv", &sales)],
        ),
        (
            "sync import",
            vec!["sync".into(), "import".into(), bundle.display().to_string()],
        ),
        ("demo --reset", vec!["demo".into(), "--reset".into()]),
    ]
}

fn first_column(csv: &str) -> Vec<String> {
    csv.lines()
        .skip(1)
        .filter_map(|l| l.split([',', ';']).next())
        .map(|c| c.trim_matches('"').to_string())
        .collect()
}

fn with_check(body12: &str) -> String {
    let sum: u32 = body12
        .bytes()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    format!("{body12}{}", (10 - sum % 10) % 10)
}

/// `sync export --all` of `dir` imported into a fresh database gives the same counts.
fn reproduces(dir: &Path, scratch: &Path) {
    let bundle = scratch.join("all.bundle");
    let _ = std::fs::remove_file(&bundle);
    run_ok(
        dir,
        &[
            "sync",
            "export",
            "--all",
            "-o",
            &bundle.display().to_string(),
        ],
    );
    let fresh = scratch.join("fresh");
    let _ = std::fs::remove_dir_all(&fresh);
    run_ok(&fresh, &["sync", "import", &bundle.display().to_string()]);
    let (mut a, mut b) = (counts(dir), counts(&fresh));
    // review history and comments travel; the fresh side has no local-only kinds
    for c in [&mut a, &mut b] {
        c.remove("store_trust");
    }
    assert_eq!(a, b, "a full bundle does not reproduce the database");
    run_ok(&fresh, &["check"]);
}

fn cycles() -> usize {
    std::env::var("ROUNDS_KILL_CYCLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100)
}

#[test]
fn kill_9_at_random_moments_leaves_before_or_after() {
    let seed: u64 = std::env::var("ROUNDS_KILL_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(rand::random);
    eprintln!("kill-9 harness seed {seed}");
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let work = tempfile::tempdir().expect("tempdir");
    let base = work.path().join("base");
    run_ok(&base, &["demo"]);
    let mut jobs = Vec::new();
    for (name, args) in files(work.path(), &base) {
        let probe = work.path().join("probe");
        let _ = std::fs::remove_dir_all(&probe);
        common::copy_dir(&base, &probe);
        let before = counts(&probe);
        let start = Instant::now();
        let strs: Vec<&str> = args.iter().map(String::as_str).collect();
        run_ok(&probe, &strs);
        let takes = start.elapsed();
        let after = counts(&probe);
        if name != "demo --reset" {
            assert_ne!(before, after, "{name} changes nothing: a weak test");
        }
        jobs.push(Job {
            name,
            args,
            before,
            after,
            takes,
        });
    }
    let mut tally: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    let n = cycles();
    for cycle in 0..n {
        let job = &jobs[cycle % jobs.len()];
        let dir: PathBuf = work.path().join("cycle");
        let _ = std::fs::remove_dir_all(&dir);
        common::copy_dir(&base, &dir);
        let mut child = rounds(&dir)
            .args(&job.args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn job");
        // from the very start to a little past the end of an unkilled run
        let max = (job.takes.as_micros() as u64 * 12 / 10).max(1000);
        std::thread::sleep(Duration::from_micros(rng.random_range(0..max)));
        let _ = child.kill();
        let status = child.wait().expect("reap");
        let out = rounds(&dir).arg("check").output().expect("check");
        assert!(
            out.status.success(),
            "cycle {cycle} ({}, seed {seed}): check failed after kill -9: {}{}",
            job.name,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let now = counts(&dir);
        let slot = if now == job.before {
            0
        } else if now == job.after {
            1
        } else {
            panic!(
                "cycle {cycle} ({}, seed {seed}): neither before nor after\nbefore {:?}\nafter  {:?}\nnow    {:?}",
                job.name, job.before, job.after, now
            );
        };
        let t = tally.entry(job.name).or_default();
        t[slot] += 1;
        if status.success() {
            t[2] += 1;
        }
        if cycle % 10 == 0 {
            reproduces(&dir, work.path());
        }
    }
    for (name, [before, after, finished]) in &tally {
        eprintln!("{name}: {before} before, {after} after ({finished} ran to the end)");
    }
}

/// "N of 20 left" on the visit screen: lines saved = 20 - N.
fn left_on_screen(screen: &str) -> Option<usize> {
    let at = screen.find(" of 20 left")?;
    let digits: String = screen[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok()
}

#[test]
fn kill_9_in_a_visit_on_screen_loses_no_saved_line() {
    let data = common::DataDir::with_demo();
    let mut rng = rand::rngs::StdRng::seed_from_u64(rand::random());
    let cycles = (cycles() / 10).max(5);
    for cycle in 0..cycles {
        let mut tui = data.spawn_tui(&["--rep", "R01"], 110, 30);
        tui.wait_for("Today's route");
        tui.send("/");
        tui.wait_for("Stores (");
        tui.type_text("S002");
        tui.send("\r");
        tui.wait_for("Decision maker");
        tui.send("v");
        tui.wait_for("of 20 left");
        let presses = rng.random_range(1..6);
        for _ in 0..presses {
            tui.send("y");
        }
        std::thread::sleep(Duration::from_micros(rng.random_range(0..60_000)));
        // what the screen said was saved, just before the kill
        let shown = left_on_screen(&tui.screen()).map(|left| 20 - left);
        tui.signal("KILL");
        tui.kill();
        let out = data.run(&["check"]);
        assert!(
            out.status.success(),
            "cycle {cycle}: check failed after kill -9 in a visit: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let db = rounds::storage::Database::open(data.path()).expect("open");
        let Some(visit) = db.open_visit_of_store("S002").expect("read") else {
            // all 20 lines done and the visit moved on: nothing to lose
            continue;
        };
        let saved = db.audit_lines(visit.meta.id).expect("lines").len();
        if let Some(shown) = shown {
            assert!(
                saved >= shown,
                "cycle {cycle}: the screen showed {shown} lines saved, {saved} survived"
            );
        }
    }
}
