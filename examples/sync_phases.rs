//! Where the time of a `sync import` goes: pass 1 (read and check), pass 2
//! (merge into the unit), and the commit, printed as they happen.
//! `cargo run --release --example sync_phases -- BUNDLE DATA_DIR`

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use rounds::exchange::sync::{self, Source, Step};
use rounds::storage::Database;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(bundle), Some(dir)) = (args.next(), args.next()) else {
        eprintln!("usage: sync_phases BUNDLE DATA_DIR");
        std::process::exit(2);
    };
    let cache: u64 = std::env::var("CACHE_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    let db = Database::open_with(
        &dir,
        &rounds::storage::OpenOptions {
            cache_bytes: cache << 20,
        },
    )
    .expect("open");
    let t = Instant::now();
    let last = std::cell::Cell::new(0u64);
    let step = |s: Step| {
        if let Step::Applying { records, .. } = s
            && records / 100_000 != last.get() / 100_000
        {
            eprintln!("{:7.2} s  merged {records}", t.elapsed().as_secs_f64());
            last.set(records);
        }
    };
    let now = chrono::Utc::now();
    let verified = sync::verify(Source::File(&bundle), now, None).expect("verify");
    eprintln!(
        "{:7.2} s  pass 1: {} records checked",
        t.elapsed().as_secs_f64(),
        verified.records
    );
    let report = db
        .atomically_with(|| {
            let r = sync::apply_verified(&db, Source::File(&bundle), &verified, Some(&step));
            eprintln!(
                "{:7.2} s  pass 2 done (KPIs included), committing",
                t.elapsed().as_secs_f64()
            );
            r
        })
        .expect("apply");
    eprintln!("{:7.2} s  committed: {report:?}", t.elapsed().as_secs_f64());
}
