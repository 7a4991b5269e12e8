//! The "large team" dataset of DESIGN.md for benchmarks: 1,000 stores,
//! 5,000 products, 1,000 must-stock lines per store, weekly sales, 100,000
//! visits. Generated, never stored in git; sizes can be scaled down.

use crate::domain::{
    AssortmentLine, Channel, Ean, Money, Product, RecordMeta, Rep, SalePoint, SalesSeries, Stamp,
    Store, Visit, VisitStatus, WeekdaySet,
};
use crate::storage::{Database, Result};
use chrono::{Duration, NaiveDate, TimeZone, Utc, Weekday};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use ulid::Ulid;

#[derive(Debug, Clone)]
pub struct LargeSpec {
    pub reps: usize,
    pub stores: usize,
    pub products: usize,
    pub lines_per_store: usize,
    /// Stores that get a sales history (all lines, `weeks` weeks).
    pub sales_stores: usize,
    pub weeks: usize,
    pub visits: usize,
}

impl Default for LargeSpec {
    /// The figures of DESIGN.md, but sales for 20 stores (a full two years for
    /// all 1,000 stores is 104 million points; per-store figures need one).
    fn default() -> Self {
        Self {
            reps: 40,
            stores: 1_000,
            products: 5_000,
            lines_per_store: 1_000,
            sales_stores: 20,
            weeks: 104,
            visits: 100_000,
        }
    }
}

const WORDS: &[&str] = &[
    "Молоко",
    "Кефир",
    "Хляб",
    "Сирене",
    "Pâine",
    "Lapte",
    "Brânză",
    "Juice",
    "Water",
    "Cola",
    "Чипсы",
    "Шоколад",
    "Вафла",
    "Biscuiți",
    "Crisps",
    "Tea",
    "Кафе",
    "Кофе",
    "Сок",
    "Вода",
    "Detergent",
    "Мыло",
    "Сапун",
    "Săpun",
    "Paste",
    "Макароны",
    "Ориз",
    "Orez",
    "Rice",
    "Йогурт",
];
const SIZES: &[&str] = &[
    "100 г",
    "200 g",
    "0,5 л",
    "1 l",
    "1,5 л",
    "400 g",
    "2 kg",
    "6 x 330 ml",
];

fn meta(rng: &mut ChaCha8Rng, at: chrono::DateTime<Utc>) -> RecordMeta {
    RecordMeta::new(
        Ulid::from_parts(at.timestamp_millis() as u64, rng.random()),
        Stamp {
            by: "bench".into(),
            device: "bench".into(),
            at,
        },
    )
}

/// Product names as the large dataset makes them (also used by the search bench).
pub fn product_name(i: usize) -> String {
    let w1 = WORDS[i % WORDS.len()];
    let w2 = WORDS[(i / WORDS.len() + 7) % WORDS.len()];
    format!("{w1} {w2} {} №{}", SIZES[i % SIZES.len()], i)
}

/// Writes the dataset into an empty database, in chunks.
pub fn generate(db: &Database, spec: &LargeSpec, today: NaiveDate) -> Result<()> {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let at = Utc.from_utc_datetime(
        &(today - Duration::days(800))
            .and_hms_opt(8, 0, 0)
            .unwrap_or_default(),
    );
    let reps: Vec<Rep> = (0..spec.reps)
        .map(|i| Rep {
            meta: meta(&mut rng, at),
            code: format!("R{:03}", i + 1),
            name: format!("Rep {}", i + 1),
            phone: String::new(),
        })
        .collect();
    db.put_reps(&reps)?;
    let products: Vec<Product> = (0..spec.products)
        .map(|i| Product {
            meta: meta(&mut rng, at),
            sku: format!("P{:05}", i + 1),
            ean: Ean::from_body(&format!("460{:09}", i + 1)).expect("12-digit body"),
            name: product_name(i),
            brand: "Brand".into(),
            category: "dairy".into(),
            unit: "pcs".into(),
            case_pack: [1, 6, 10, 12, 24][i % 5],
            shelf_life_days: [5, 14, 30, 180, 365][i % 5],
            list_price: Money(100 + (i as i64 * 37) % 5_000),
        })
        .collect();
    for chunk in products.chunks(5_000) {
        db.put_products(chunk)?;
    }
    let days = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];
    let stores: Vec<Store> = (0..spec.stores)
        .map(|i| Store {
            meta: meta(&mut rng, at),
            code: format!("S{:04}", i + 1),
            name: format!("Магазин «{}» {}", WORDS[i % WORDS.len()], i + 1),
            address: format!("ул. Ленина, {}", i + 1),
            city: ["Москва", "София", "București", "London"][i % 4].into(),
            decision_maker: "Иван".into(),
            phone: String::new(),
            email: String::new(),
            preferred_channel: Channel::Visit,
            visit_every_days: 7,
            visit_weekdays: WeekdaySet::of(&[days[i % days.len()]]),
            rep: reps[i % reps.len().max(1)].code.clone(),
            route_order: (i / reps.len().max(1)) as u32,
            deferral_days: 14,
            credit_limit: Money(500_000),
        })
        .collect();
    db.put_stores(&stores)?;
    for store in &stores {
        let start = rng.random_range(0..spec.products.max(1));
        let lines: Vec<AssortmentLine> = (0..spec.lines_per_store.min(spec.products))
            .map(|k| AssortmentLine {
                meta: meta(&mut rng, at),
                store_code: store.code.clone(),
                sku: products[(start + k) % products.len()].sku.clone(),
                facings: 2,
            })
            .collect();
        db.put_assortment(&lines)?;
    }
    let first_week = today - Duration::weeks(spec.weeks as i64);
    for store in stores.iter().take(spec.sales_stores) {
        let lines = db.assortment(&store.code)?;
        let series: Vec<SalesSeries> = lines
            .iter()
            .map(|l| {
                let rate: f64 = rng.random_range(0.1..12.0);
                let points = (0..spec.weeks)
                    .filter_map(|w| {
                        let qty = if rate < 2.0 {
                            if rng.random_bool(rate / 2.0) {
                                rng.random_range(1..4) as f32
                            } else {
                                0.0
                            }
                        } else {
                            (rate * rng.random_range(0.6..1.4)).round() as f32
                        };
                        (qty > 0.0)
                            .then(|| SalePoint::new(first_week + Duration::weeks(w as i64), qty))
                    })
                    .collect();
                SalesSeries {
                    store_code: store.code.clone(),
                    sku: l.sku.clone(),
                    points,
                }
            })
            .collect();
        db.put_sales(&series)?;
    }
    let mut visits = Vec::with_capacity(10_000);
    for i in 0..spec.visits {
        let store = &stores[i % stores.len()];
        let date = today - Duration::days((i / stores.len()) as i64 % 730);
        let at = Utc.from_utc_datetime(&date.and_hms_opt(10, 0, 0).unwrap_or_default());
        visits.push(Visit {
            meta: meta(&mut rng, at),
            store_code: store.code.clone(),
            rep: store.rep.clone(),
            date,
            checked_in: at,
            submitted: Some(at + Duration::minutes(20)),
            status: VisitStatus::Submitted,
        });
        if visits.len() == 10_000 {
            db.put_visits(&visits)?;
            visits.clear();
        }
    }
    db.put_visits(&visits)?;
    Ok(())
}

/// Opens (generating on first use) the large dataset under `dir`.
pub fn open_or_generate(
    dir: &std::path::Path,
    spec: &LargeSpec,
    today: NaiveDate,
) -> Result<Database> {
    let marker = dir.join("complete");
    if !marker.exists() {
        let _ = std::fs::remove_dir_all(dir);
        let db = Database::open(dir)?;
        generate(&db, spec, today)?;
        db.flush()?;
        std::fs::write(&marker, b"ok").map_err(|e| crate::storage::StorageError::Dir {
            path: marker.clone(),
            source: e,
        })?;
        return Ok(db);
    }
    Database::open(dir)
}
