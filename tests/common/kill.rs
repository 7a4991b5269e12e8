//! Crash tests: run a child test of this same test binary, let it acknowledge
//! durable writes, and kill it with SIGKILL at a random moment.

use rand::Rng;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs the ignored test `child` of this binary with `env` set, waits until it
/// printed a line starting with "ack " (a write it was told is saved), kills it
/// after a random pause of up to `max_pause`, and hands every line it printed
/// to `on_line`. Returns false when the child acknowledged nothing in time.
pub fn run_and_kill(
    child: &str,
    env: (&str, &Path),
    max_pause: Duration,
    rng: &mut impl Rng,
    mut on_line: impl FnMut(String),
) -> bool {
    let mut process = Command::new(std::env::current_exe().expect("test exe"))
        .args([
            "--exact",
            child,
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(env.0, env.1)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn child");
    let stdout = process.stdout.take().expect("child stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let start = Instant::now();
    let mut acked = false;
    while !acked && start.elapsed() < Duration::from_secs(60) {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(100)) {
            acked = line.starts_with("ack ");
            on_line(line);
        }
    }
    if acked {
        let max = max_pause.as_micros().max(1) as u64;
        std::thread::sleep(Duration::from_micros(rng.random_range(0..max)));
    }
    process.kill().expect("SIGKILL");
    process.wait().expect("reap");
    reader.join().expect("reader");
    // everything the child printed before it died was acknowledged
    while let Ok(line) = rx.try_recv() {
        on_line(line);
    }
    acked
}
