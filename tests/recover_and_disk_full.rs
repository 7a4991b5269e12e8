//! Backups, `rounds recover`, and a full disk (a small tmpfs; needs root to
//! mount it, and says so when it cannot).

mod common;

use common::DataDir;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

fn counts(d: &DataDir) -> BTreeMap<String, u64> {
    let mut c: BTreeMap<String, u64> =
        serde_json::from_str(&d.ok(&["stats", "--format", "json"])).expect("stats json");
    c.remove("outbox");
    c
}

fn stores_csv(prefix: &str, n: usize) -> String {
    let mut s = String::from("code;name;city;rep\n");
    for i in 0..n {
        writeln!(
            s,
            "{prefix}{i:05};Магазин номер {i} с длинным названием;Тверь;R01"
        )
        .unwrap();
    }
    s
}

#[test]
fn an_import_makes_a_backup_first_and_keeps_the_setting_deep() {
    let d = DataDir::with_demo();
    d.ok(&["settings", "--set", "backups_keep=2"]);
    for i in 0..3 {
        let file = d.path().join(format!("s{i}.csv"));
        std::fs::write(&file, stores_csv(&format!("B{i}"), 3)).unwrap();
        d.ok(&["import", "stores", file.to_str().unwrap()]);
    }
    let backups: Vec<_> = std::fs::read_dir(d.path().join("backups"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "bundle"))
        .collect();
    assert_eq!(backups.len(), 2, "backups_keep=2 keeps two");
}

#[test]
fn recover_restores_the_backup_and_the_unsent_changes() {
    let d = DataDir::with_demo();
    d.ok(&["backup"]);
    let before = counts(&d);
    // an unsent change made after the backup
    let file = d.path().join("new.csv");
    std::fs::write(&file, stores_csv("N", 1)).unwrap();
    d.ok(&["import", "stores", file.to_str().unwrap()]);
    let out = d.ok(&["recover"]);
    assert!(out.contains("Restored"), "{out}");
    assert!(out.contains("Recovered 1 unsent changes"), "{out}");
    let after = counts(&d);
    assert_eq!(after["stores"], before["stores"] + 1, "{out}");
    assert_eq!(after["visits"], before["visits"]);
    d.ok(&["check"]);
    // everything goes out again with the next export, the new store with it
    let bundle = d.path().join("out.bundle");
    d.ok(&["sync", "export", "-o", bundle.to_str().unwrap()]);
    let fresh = DataDir::new();
    fresh.ok(&["sync", "import", bundle.to_str().unwrap()]);
    assert_eq!(counts(&fresh)["stores"], after["stores"]);
}

#[test]
fn recover_from_a_database_that_cannot_be_read_says_what_was_lost() {
    let d = DataDir::with_demo();
    d.ok(&["backup"]);
    let before = counts(&d);
    let db = d.path().join("db").join("db");
    std::fs::write(&db, b"not a database").unwrap();
    let broken = d.run(&["stats"]);
    assert!(!broken.status.success());
    let said = String::from_utf8_lossy(&broken.stderr);
    assert!(
        said.contains("damaged") && said.contains("rounds recover"),
        "{said}"
    );
    let out = d.ok(&["recover"]);
    assert!(
        out.contains("could not be read") || out.contains("Recovered 0"),
        "{out}"
    );
    assert_eq!(counts(&d), before);
    d.ok(&["check"]);
}

/// A tmpfs of `mib` MiB at `at`; false (with a message) where it cannot be had.
fn mount_tmpfs(at: &Path, mib: u32) -> bool {
    let ok = Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={mib}m"), "tmpfs"])
        .arg(at)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("SKIPPED: the disk-full test needs root to mount a tmpfs");
    }
    ok
}

struct Unmount<'a>(&'a Path);
impl Drop for Unmount<'_> {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0).status();
    }
}

fn fill(dir: &Path) -> std::path::PathBuf {
    let filler = dir.join("filler");
    let mut f = std::fs::File::create(&filler).unwrap();
    let chunk = vec![0u8; 64 * 1024];
    use std::io::Write;
    while f.write_all(&chunk).is_ok() {}
    let _ = f.sync_all();
    filler
}

#[test]
fn a_full_disk_refuses_the_import_and_loses_nothing() {
    let mnt = tempfile::tempdir().unwrap();
    if !mount_tmpfs(mnt.path(), 96) {
        return;
    }
    let _unmount = Unmount(mnt.path());
    let d = DataDir {
        dir: tempfile::tempdir_in(mnt.path()).unwrap(),
    };
    d.ok(&["demo"]);
    let before = counts(&d);
    let file = d.path().join("big.csv");
    std::fs::write(&file, stores_csv("F", 40_000)).unwrap();
    let filler = fill(mnt.path());
    // the early check refuses before anything is written
    let out = d.run(&["import", "stores", file.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success());
    assert!(
        said.contains("not enough free disk space") || said.contains("the disk is full"),
        "{said}"
    );
    // free a little, then let the engine itself run into the full disk
    std::fs::OpenOptions::new()
        .write(true)
        .open(&filler)
        .unwrap()
        .set_len(std::fs::metadata(&filler).unwrap().len() - 3 * 1024 * 1024)
        .unwrap();
    for _ in 0..3 {
        let out = d
            .command()
            .env("ROUNDS_NO_SPACE_CHECK", "1")
            .args(["import", "stores", file.to_str().unwrap()])
            .output()
            .unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !out.status.success(),
            "an import on a full disk said: {all}"
        );
        assert!(!all.contains("Imported"), "{all}");
        assert!(
            !all.contains("tracing"),
            "tracing errors on the terminal: {all}"
        );
        assert!(all.lines().count() < 5, "{all}");
        // a second command while the disk is still full: a message, no damage
        let again = d.run(&["stats"]);
        let text = String::from_utf8_lossy(&again.stderr);
        assert!(
            again.status.success() || text.starts_with("rounds: "),
            "{text}"
        );
    }
    std::fs::remove_file(&filler).unwrap();
    d.ok(&["check"]);
    assert_eq!(counts(&d), before, "a refused import left something behind");
    // and with space, an import goes through
    let small = d.path().join("small.csv");
    std::fs::write(&small, stores_csv("G", 2_000)).unwrap();
    d.ok(&["import", "stores", small.to_str().unwrap()]);
    assert_eq!(counts(&d)["stores"], before["stores"] + 2_000);
    d.ok(&["check"]);
}
