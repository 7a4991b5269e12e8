//! Convergence of laptops through the hub, in the style of the public Jepsen
//! tests of offline sync: 20 laptops (two per rep) and a supervisor's
//! terminal make random store imports, visits, orders and amendments; their
//! bundles reach the hub duplicated, reordered and delayed; some ingests are
//! a hub process killed with SIGKILL part-way; the PostgreSQL server is
//! restarted once in each run. At the end every acknowledged change is in the
//! hub exactly once, and every laptop holds exactly what the hub would send
//! it for what it may see.
//!
//! `ROUNDS_CONVERGE_RUNS` (default 50) and `ROUNDS_CONVERGE_SEED` set the
//! number of runs and the first seed (scripts/converge.sh runs more).

mod common;

use chrono::{Duration, Utc};
use common::pg::Pg;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rounds::domain::order::{Order, OrderLine};
use rounds::domain::{Channel, Money, RecordMeta, Stamp, Store, Visit, VisitStatus, WeekdaySet};
use rounds::exchange::sync::{self, Source};
use rounds::hub::laptop::{HUB_DEST, pull};
use rounds::hub::{Hub, ingest_file, init, register_device, scope, write_device_bundle};
use rounds::storage::Database;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

const LAPTOPS: usize = 20;
const STORES_PER_REP: usize = 3;

struct Laptop {
    _dir: tempfile::TempDir,
    db: Database,
    rep: String,
}

/// A bundle on its way to the hub.
struct InFlight {
    path: PathBuf,
    ids: Vec<Vec<u8>>,
}

type Records = BTreeMap<(String, Vec<u8>), Vec<u8>>;

fn records_of(path: &Path) -> Records {
    let now = Utc::now() + Duration::minutes(5);
    let verified = sync::verify(Source::File(path), now, None).expect("a bundle we wrote");
    let mut out = Records::new();
    sync::for_each_verified_chunk(Source::File(path), &verified, |chunk, _| {
        for r in chunk {
            out.insert((r.tree.clone(), r.key.clone()), r.value.clone());
        }
        Ok::<_, sync::SyncError>(())
    })
    .expect("read the bundle");
    out
}

fn change_ids(path: &Path) -> Vec<Vec<u8>> {
    records_of(path)
        .iter()
        .map(|((tree, key), value)| scope::change_id(tree, key, value))
        .collect()
}

fn stamp(l: &Laptop) -> Stamp {
    Stamp {
        by: l.rep.clone(),
        device: l.db.device().to_string(),
        at: Utc::now(),
    }
}

fn store_code(rep: &str, k: usize) -> String {
    format!("S{rep}{k}")
}

/// An import of one store row: a new store, or one field of it changed.
fn import_store(l: &Laptop, rng: &mut StdRng) {
    let code = store_code(&l.rep, rng.random_range(0..STORES_PER_REP));
    let mut store = match l.db.store(&code).unwrap() {
        Some(s) => s,
        None => Store {
            meta: RecordMeta::fresh(&l.rep, l.db.device(), Utc::now()),
            code: code.clone(),
            name: format!("Store {code}"),
            address: String::new(),
            city: "Sofia".into(),
            decision_maker: String::new(),
            phone: String::new(),
            email: String::new(),
            preferred_channel: Channel::Visit,
            visit_every_days: 7,
            visit_weekdays: WeekdaySet::default(),
            rep: l.rep.clone(),
            route_order: 1,
            deferral_days: 0,
            credit_limit: Money(0),
        },
    };
    let v = rng.random_range(0..1000);
    match rng.random_range(0..3) {
        0 => store.phone = format!("+359 {v}"),
        1 => store.address = format!("street {v}"),
        _ => store.decision_maker = format!("person {v}"),
    }
    store.meta.touch(stamp(l));
    l.db.put_stores(&[store]).unwrap();
}

fn my_stores(l: &Laptop) -> Vec<Store> {
    l.db.stores()
        .unwrap()
        .into_iter()
        .filter(|s| s.rep == l.rep)
        .collect()
}

fn new_visit(l: &Laptop, rng: &mut StdRng) {
    let stores = my_stores(l);
    if stores.is_empty() {
        return import_store(l, rng);
    }
    let s = &stores[rng.random_range(0..stores.len())];
    let now = Utc::now();
    l.db.save_visit(&Visit {
        meta: RecordMeta::fresh(&l.rep, l.db.device(), now),
        store_code: s.code.clone(),
        rep: l.rep.clone(),
        date: now.date_naive(),
        checked_in: now,
        submitted: None,
        status: VisitStatus::Open,
    })
    .unwrap();
}

fn submit_a_visit(l: &Laptop, rng: &mut StdRng) {
    let open: Vec<Visit> = my_stores(l)
        .iter()
        .flat_map(|s| l.db.visits_of_store(&s.code).unwrap())
        .filter(|v| v.status == VisitStatus::Open)
        .collect();
    if open.is_empty() {
        return new_visit(l, rng);
    }
    let mut v = open[rng.random_range(0..open.len())].clone();
    v.status = VisitStatus::Submitted;
    v.submitted = Some(Utc::now());
    v.meta.touch(stamp(l));
    l.db.save_visit(&v).unwrap();
}

fn line(sku: &str, qty: u32) -> OrderLine {
    OrderLine {
        sku: sku.into(),
        qty,
        bonus_qty: 0,
        unit_price: Money(250),
        reason: None,
        promo: None,
    }
}

/// A new order, or a line of an existing one changed (another laptop of the
/// same rep may change the same order: the merge decides).
fn order(l: &Laptop, rng: &mut StdRng) {
    let stores = my_stores(l);
    if stores.is_empty() {
        return import_store(l, rng);
    }
    let s = &stores[rng.random_range(0..stores.len())];
    let qty = rng.random_range(1..50);
    let existing = l.db.orders_of_store(&s.code).unwrap();
    if let Some(mut o) = existing.into_iter().next().filter(|_| rng.random_bool(0.5)) {
        o.lines = vec![line("P1", qty), line("P2", qty / 2)];
        o.meta.touch(stamp(l));
        l.db.put_order(&o).unwrap();
        return;
    }
    let now = Utc::now();
    let n = rng.random_range(1..99);
    l.db.put_order(&Order::new(
        RecordMeta::fresh(&l.rep, l.db.device(), now),
        format!("{}-{}-{n:02}", s.code, now.format("%Y%m%d")),
        &s.code,
        now.date_naive(),
        vec![line("P1", qty)],
    ))
    .unwrap();
}

/// The laptop writes what it has not sent into a bundle for the network.
fn send(l: &Laptop, out: &Path, n: &mut usize) -> Option<InFlight> {
    *n += 1;
    let path = out.join(format!("b{n}.bundle"));
    let exported =
        sync::write_bundle_file(&l.db, HUB_DEST, false, &path, Utc::now(), None).unwrap();
    if exported.records == 0 {
        let _ = std::fs::remove_file(&path);
        return None;
    }
    l.db.set_sent_mark(HUB_DEST, exported.header.to_seq)
        .unwrap();
    Some(InFlight {
        ids: change_ids(&path),
        path,
    })
}

/// A hub process killed with SIGKILL part-way through an ingest.
fn killed_ingest(url: &str, path: &Path, rng: &mut StdRng) {
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(common::bin())
        .env("ROUNDS_DATA_DIR", data.path())
        .env("ROUNDS_CONFIG_DIR", common::config_dir())
        .args(["hub", "ingest", "--db", url])
        .arg(path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(rng.random_range(0..60)));
    let _ = child.kill();
    let _ = child.wait();
}

fn connect(url: &str) -> Hub {
    // the server may still be coming up after its restart
    for _ in 0..100 {
        if let Ok(h) = Hub::open(url) {
            return h;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    Hub::open(url).expect("the hub after its restart")
}

fn deliver(hub: &mut Hub, b: &InFlight, acked: &mut BTreeSet<Vec<u8>>) {
    ingest_file(hub, &b.path, "network", Utc::now()).expect("a laptop's bundle is taken");
    acked.extend(b.ids.iter().cloned());
}

fn run(pg: &Pg, seed: u64) {
    let mut rng = StdRng::seed_from_u64(seed);
    let url = pg.create_db(&format!("converge_{seed}"));
    let mut hub = Hub::connect(&url).unwrap();
    init(&mut hub).unwrap();
    let net = tempfile::tempdir().unwrap();
    let mut laptops: Vec<Laptop> = (0..LAPTOPS)
        .map(|i| {
            let dir = tempfile::tempdir().unwrap();
            let db = Database::open(dir.path()).unwrap();
            Laptop {
                _dir: dir,
                db,
                rep: format!("R{:02}", i / 2 + 1),
            }
        })
        .collect();
    for l in &laptops {
        register_device(&mut hub, l.db.device(), Some(&l.rep)).unwrap();
    }
    let terminal_dir = tempfile::tempdir().unwrap();
    let terminal = Database::open(terminal_dir.path()).unwrap();
    register_device(&mut hub, terminal.device(), None).unwrap();

    let mut queue: Vec<InFlight> = Vec::new();
    let mut acked = BTreeSet::new();
    let mut sent = 0;
    let steps = 120;
    let restart_at = rng.random_range(10..steps - 10);
    for step in 0..steps {
        if step == restart_at {
            pg.restart();
            hub = connect(&url);
        }
        let i = rng.random_range(0..laptops.len());
        let l = &laptops[i];
        match rng.random_range(0..100) {
            0..20 => import_store(l, &mut rng),
            20..35 => new_visit(l, &mut rng),
            35..45 => submit_a_visit(l, &mut rng),
            45..58 => order(l, &mut rng),
            58..72 => queue.extend(send(l, net.path(), &mut sent)),
            72..90 if !queue.is_empty() => {
                // reordered: any bundle in flight; duplicated: it may stay
                let k = rng.random_range(0..queue.len());
                if rng.random_bool(0.12) {
                    killed_ingest(&url, &queue[k].path, &mut rng);
                } else {
                    deliver(&mut hub, &queue[k], &mut acked);
                    if rng.random_bool(0.7) {
                        queue.swap_remove(k);
                    }
                }
            }
            _ => {
                pull(&l.db, &mut hub, Utc::now()).expect("a laptop pulls");
            }
        }
    }
    // everything in flight arrives, some twice, in any order
    while !queue.is_empty() {
        let k = rng.random_range(0..queue.len());
        deliver(&mut hub, &queue[k], &mut acked);
        if rng.random_bool(0.8) {
            queue.swap_remove(k);
        }
    }
    // the last sends and pulls, until nothing moves
    for _ in 0..3 {
        for l in &laptops {
            if let Some(b) = send(l, net.path(), &mut sent) {
                deliver(&mut hub, &b, &mut acked);
            }
        }
        for l in &laptops {
            pull(&l.db, &mut hub, Utc::now()).unwrap();
        }
    }
    pull(&terminal, &mut hub, Utc::now()).unwrap();
    laptops.push(Laptop {
        _dir: terminal_dir,
        db: terminal,
        rep: "supervisor".into(),
    });

    // every acknowledged change is in the hub exactly once, and nothing else
    let mut pgc = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let rows = pgc.query("SELECT id FROM rounds_hub.changes", &[]).unwrap();
    let mut in_hub: BTreeMap<Vec<u8>, usize> = BTreeMap::new();
    for r in rows {
        *in_hub.entry(r.get::<_, Vec<u8>>(0)).or_default() += 1;
    }
    for id in &acked {
        assert_eq!(
            in_hub.get(id),
            Some(&1),
            "seed {seed}: an acknowledged change is in the hub {} times",
            in_hub.get(id).copied().unwrap_or(0)
        );
    }
    assert_eq!(
        in_hub.len(),
        acked.len(),
        "seed {seed}: the hub holds changes nobody acknowledged"
    );
    assert!(
        in_hub.values().all(|n| *n == 1),
        "seed {seed}: a change twice"
    );

    // each device holds exactly what the hub would send it whole
    let mut stores = 0;
    for l in &laptops {
        let path = net.path().join(format!("all-{}.bundle", l.db.device()));
        write_device_bundle(&mut hub, l.db.device(), true, &path, Utc::now()).unwrap();
        let want = records_of(&path);
        let had = net.path().join(format!("had-{}.bundle", l.db.device()));
        sync::write_bundle_file(&l.db, "compare", true, &had, Utc::now(), None).unwrap();
        let have = records_of(&had);
        let differ: Vec<_> = want
            .keys()
            .chain(have.keys())
            .filter(|k| want.get(*k) != have.get(*k))
            .map(|(t, k)| format!("{t}/{}", String::from_utf8_lossy(k)))
            .collect();
        assert!(
            differ.is_empty(),
            "seed {seed}: {} ({}) differs from the hub on {} records, e.g. {:?}",
            l.db.device(),
            l.rep,
            differ.len(),
            &differ[..differ.len().min(5)]
        );
        stores += want.keys().filter(|(t, _)| t == "stores").count();
    }
    assert!(stores > 0, "seed {seed}: the run made no stores");
}

#[test]
fn laptops_converge_through_the_hub_under_duplicates_reorders_kills_and_a_restart() {
    common::isolate_config();
    let runs: u64 = std::env::var("ROUNDS_CONVERGE_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let first: u64 = std::env::var("ROUNDS_CONVERGE_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let pg = Pg::start();
    for seed in first..first + runs {
        run(&pg, seed);
    }
}
