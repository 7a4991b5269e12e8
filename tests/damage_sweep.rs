//! Damage sweep: every file of the data directory truncated, deleted or
//! with bytes flipped; `check` and `stats` on each copy must neither panic
//! nor hang, and a failure must say what is wrong in words.

mod common;

use rand::{Rng, SeedableRng};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let p = entry.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Damage {
    Delete,
    Empty,
    Half,
    LastByte,
    Flip(u64),
}

fn damage(file: &Path, how: Damage) {
    let len = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    let cut = |to: u64| {
        std::fs::OpenOptions::new()
            .write(true)
            .open(file)
            .expect("open")
            .set_len(to)
            .expect("truncate")
    };
    match how {
        Damage::Delete => std::fs::remove_file(file).expect("delete"),
        Damage::Empty => cut(0),
        Damage::Half => cut(len / 2),
        Damage::LastByte => cut(len.saturating_sub(1)),
        Damage::Flip(seed) => {
            let mut bytes = std::fs::read(file).expect("read");
            if bytes.is_empty() {
                return;
            }
            let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
            for _ in 0..8 {
                let at = rng.random_range(0..bytes.len());
                bytes[at] ^= 1 << rng.random_range(0..8);
            }
            std::fs::write(file, bytes).expect("write");
        }
    }
}

/// Runs a command with a time bound; (finished in time, exit code, stderr).
fn bounded(dir: &Path, args: &[&str], bound: Duration) -> (bool, Option<i32>, String) {
    let err_path = dir.with_extension("stderr");
    let err = std::fs::File::create(&err_path).expect("stderr file");
    let mut child = Command::new(common::bin())
        .args(args)
        .env("ROUNDS_DATA_DIR", dir)
        .env("ROUNDS_TODAY", common::TODAY)
        .env("ROUNDS_OPEN_TIMEOUT_SECS", "5")
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(err)
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let text = std::fs::read_to_string(&err_path).unwrap_or_default();
            return (true, status.code(), text);
        }
        if start.elapsed() > bound {
            let _ = child.kill();
            let _ = child.wait();
            return (false, None, String::new());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn damaged_files_never_panic_or_hang() {
    let work = tempfile::tempdir().expect("tempdir");
    let base = work.path().join("base");
    let out = Command::new(common::bin())
        .arg("demo")
        .env("ROUNDS_DATA_DIR", &base)
        .env("ROUNDS_TODAY", common::TODAY)
        .output()
        .expect("demo");
    assert!(out.status.success());
    let mut files = Vec::new();
    files_under(&base, &mut files);
    // ROUNDS_DAMAGE_FLIPS: how many byte-flip variants per file (long runs)
    let flips: u64 = std::env::var("ROUNDS_DAMAGE_FLIPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let mut ways = vec![
        Damage::Delete,
        Damage::Empty,
        Damage::Half,
        Damage::LastByte,
    ];
    ways.extend((1..=flips).map(Damage::Flip));
    let (mut runs, mut refused) = (0, 0);
    let mut bad = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let rel = file.strip_prefix(&base).expect("inside").to_path_buf();
        for &how in &ways {
            let copy = work.path().join(format!("copy{i}"));
            let _ = std::fs::remove_dir_all(&copy);
            common::copy_dir(&base, &copy);
            damage(&copy.join(&rel), how);
            for args in [&["check"][..], &["stats"][..]] {
                runs += 1;
                let (in_time, code, stderr) = bounded(&copy, args, Duration::from_secs(30));
                let what = format!("{args:?} on {} {how:?}", rel.display());
                if !in_time {
                    bad.push(format!("{what}: hung"));
                } else if code == Some(101) || stderr.contains("panicked") {
                    bad.push(format!("{what}: panicked: {stderr}"));
                } else if code != Some(0) {
                    refused += 1;
                    if !stderr.starts_with("rounds: ") || stderr.len() > 2000 {
                        bad.push(format!("{what}: unclear message: {stderr}"));
                    }
                }
            }
        }
    }
    eprintln!(
        "damage sweep: {runs} runs over {} files, {refused} refused with a message",
        files.len()
    );
    assert!(
        bad.is_empty(),
        "{} bad outcomes:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
