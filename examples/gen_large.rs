//! Generates the large team dataset (`rounds::demo::large`, DESIGN.md) into
//! a data folder, once: `cargo run --release --example gen_large -- DIR`
//! (default `target/bench-data/large`, the folder the benches use).

use chrono::NaiveDate;
use rounds::demo::large::{self, LargeSpec};
use std::path::PathBuf;

fn main() {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/bench-data/large"));
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
    let t = std::time::Instant::now();
    drop(large::open_or_generate(&dir, &LargeSpec::default(), today).expect("large dataset"));
    eprintln!(
        "{}: ready in {:.1} s",
        dir.display(),
        t.elapsed().as_secs_f64()
    );
}
