//! Generates the large team dataset (`rounds::demo::large`, DESIGN.md) into
//! a data folder, once: `cargo run --release --example gen_large -- DIR`
//! (default `target/bench-data/large`, the folder the benches use).
//!
//! `gen_large --hub [DIR]` (default `target/bench-data/hub`) makes the office
//! hub's scale dataset of issue 13 instead: 40 reps, 200 stores (5 a rep)
//! with 50 must-stock lines each, 2,000 products, and one year of weekly
//! visits (10,000) with a full audit of 50 lines each (500,000 lines).

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rounds::demo::large::{self, LargeSpec};
use rounds::domain::visit::{AuditLine, MissingReason};
use rounds::domain::{Money, RecordMeta, Stamp, Visit, VisitStatus};
use rounds::storage::Database;
use std::path::{Path, PathBuf};
use ulid::Ulid;

/// The hub dataset's shape (weekly visits of every store for `WEEKS` weeks).
const WEEKS: i64 = 50;

fn hub_spec() -> LargeSpec {
    LargeSpec {
        reps: 40,
        stores: 200,
        products: 2_000,
        lines_per_store: 50,
        sales_stores: 0,
        weeks: 0,
        visits: 0,
    }
}

/// The catalog of `hub_spec`, then a year of audited visits.
fn generate_hub(dir: &Path, today: NaiveDate) {
    let marker = dir.join("complete");
    if marker.exists() {
        return;
    }
    let _ = std::fs::remove_dir_all(dir);
    let db = Database::open(dir).expect("open the hub dataset");
    large::generate(&db, &hub_spec(), today).expect("catalog");
    let mut rng = ChaCha8Rng::seed_from_u64(13);
    let stores = db.stores().expect("stores");
    let mut visits = Vec::new();
    let mut audit = Vec::new();
    for (s, store) in stores.iter().enumerate() {
        let lines = db.assortment(&store.code).expect("assortment");
        for w in 0..WEEKS {
            let date = today - Duration::days(7 * w + (s % 5) as i64 + 1);
            let at = Utc.from_utc_datetime(&date.and_hms_opt(9, 0, 0).unwrap_or_default())
                + Duration::minutes(rng.random_range(0..480));
            let stamp = Stamp {
                by: store.rep.clone(),
                device: "bench".into(),
                at,
            };
            let meta = |rng: &mut ChaCha8Rng, at: chrono::DateTime<Utc>| {
                RecordMeta::new(
                    Ulid::from_parts(at.timestamp_millis() as u64, rng.random()),
                    Stamp {
                        at,
                        ..stamp.clone()
                    },
                )
            };
            let visit = Visit {
                meta: meta(&mut rng, at),
                store_code: store.code.clone(),
                rep: store.rep.clone(),
                date,
                checked_in: at,
                submitted: Some(at + Duration::minutes(25)),
                status: VisitStatus::Submitted,
            };
            for (k, line) in lines.iter().enumerate() {
                let on_shelf = rng.random_bool(0.9);
                audit.push(AuditLine {
                    meta: meta(&mut rng, at + Duration::seconds(20 * k as i64)),
                    visit_id: visit.meta.id,
                    sku: line.sku.clone(),
                    on_shelf,
                    facings: on_shelf.then(|| rng.random_range(1..=4)),
                    price_seen: (on_shelf && k % 3 == 0)
                        .then(|| Money(rng.random_range(100..5_000))),
                    missing: (!on_shelf).then(|| MissingReason::ALL[k % 4]),
                    stock: (on_shelf && k % 2 == 0).then(|| rng.random_range(0..40)),
                });
            }
            visits.push(visit);
        }
    }
    for chunk in visits.chunks(10_000) {
        db.put_visits(chunk).expect("visits");
    }
    db.put_visit_history(&audit, &[], &[], &[])
        .expect("audit lines");
    db.flush().expect("flush");
    eprintln!(
        "{}: {} visits, {} audit lines",
        dir.display(),
        visits.len(),
        audit.len()
    );
    std::fs::write(&marker, b"ok").expect("marker");
}

fn main() {
    let mut args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let hub = args.first().is_some_and(|a| a.as_os_str() == "--hub");
    if hub {
        args.remove(0);
    }
    let dir = args.into_iter().next().unwrap_or_else(|| {
        PathBuf::from(if hub {
            "target/bench-data/hub"
        } else {
            "target/bench-data/large"
        })
    });
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
    let t = std::time::Instant::now();
    if hub {
        generate_hub(&dir, today);
    } else {
        drop(large::open_or_generate(&dir, &LargeSpec::default(), today).expect("large dataset"));
    }
    eprintln!(
        "{}: ready in {:.1} s",
        dir.display(),
        t.elapsed().as_secs_f64()
    );
}
