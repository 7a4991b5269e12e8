//! Generates the demo records from the lists and a seeded random source.

use super::lists;
use crate::clock::Clock;
use crate::domain::{
    AssortmentLine, Channel, Ean, Money, Product, RecordMeta, Rep, SalePoint, SalesSeries, Stamp,
    Store, Visit, VisitStatus, WeekdaySet,
};
use crate::storage::{Database, Result};
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Poisson};
use ulid::Ulid;

const SEED: u64 = 0x524f_554e_4453; // "ROUNDS"
/// The recent year of weekly sales; the year before it is generated too.
const WEEKS_OF_SALES: i64 = 52;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSummary {
    pub reps: usize,
    pub stores: usize,
    pub products: usize,
    pub assortment: usize,
    pub sales_series: usize,
    pub visits: usize,
}

/// Every record a generated demo holds, before it is written.
pub struct DemoRecords {
    pub reps: Vec<Rep>,
    pub stores: Vec<Store>,
    pub products: Vec<Product>,
    pub assortment: Vec<AssortmentLine>,
    pub sales: Vec<SalesSeries>,
    pub visits: Vec<Visit>,
}

struct Maker<'a> {
    rng: ChaCha8Rng,
    device: &'a str,
}

impl Maker<'_> {
    fn meta(&mut self, at: DateTime<Utc>) -> RecordMeta {
        let id = Ulid::from_parts(at.timestamp_millis().max(0) as u64, self.rng.random());
        RecordMeta::new(
            id,
            Stamp {
                by: "demo".into(),
                device: self.device.to_string(),
                at,
            },
        )
    }
}

fn noon(date: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_hms_opt(9, 0, 0).unwrap_or_default())
}

/// Builds the dataset for `today` (no storage involved: deterministic).
pub fn build(today: NaiveDate, device: &str) -> DemoRecords {
    let mut mk = Maker {
        rng: ChaCha8Rng::seed_from_u64(SEED),
        device,
    };
    let created = noon(today - Duration::days(400));
    let markets = lists::markets();
    let market_of = |rep: &str| {
        markets
            .iter()
            .find(|m| m.rep == rep)
            .map(|m| (m.market, m.ean_prefix))
            .unwrap_or(("en", "500"))
    };

    let reps: Vec<Rep> = lists::reps()
        .into_iter()
        .map(|r| Rep {
            meta: mk.meta(created),
            code: r.code.into(),
            name: r.name.into(),
            phone: r.phone.into(),
        })
        .collect();

    // products: EANs with the market's GS1 prefix and a valid check digit
    let product_rows = lists::products();
    let mut products = Vec::new();
    for (i, p) in product_rows.iter().enumerate() {
        let prefix = markets
            .iter()
            .find(|m| m.market == p.market)
            .map(|m| m.ean_prefix)
            .unwrap_or("500");
        let body = format!("{prefix}{:04}{:05}", 1000 + i * 7 % 1000, 10_000 + i * 37);
        products.push(Product {
            meta: mk.meta(created),
            sku: format!("P{:04}", i + 1),
            ean: Ean::from_body(&body[..12]).expect("generated EAN body is 12 digits"),
            name: p.name.into(),
            brand: p.brand.into(),
            category: p.category.into(),
            unit: p.unit.into(),
            case_pack: p.case_pack,
            shelf_life_days: p.shelf_life_days,
            list_price: Money::parse(p.price).unwrap_or_default(),
        });
    }

    // stores: each rep's stores spread over Mon..Sat so every day has a route
    let plan = [
        (7u16, &[Weekday::Mon][..]),
        (7, &[Weekday::Tue]),
        (3, &[Weekday::Mon, Weekday::Wed, Weekday::Fri]),
        (7, &[Weekday::Wed]),
        (7, &[Weekday::Thu]),
        (14, &[Weekday::Fri]),
        (4, &[Weekday::Tue, Weekday::Sat]),
        (7, &[Weekday::Sat]),
        (7, &[Weekday::Mon, Weekday::Thu]),
        (14, &[Weekday::Tue]),
    ];
    let mut stores = Vec::new();
    let mut per_rep: std::collections::HashMap<&str, u32> = Default::default();
    for (i, s) in lists::stores().iter().enumerate() {
        let n = per_rep.entry(s.rep).or_insert(0);
        let (every, days) = plan[*n as usize % plan.len()];
        *n += 1;
        stores.push(Store {
            meta: mk.meta(created),
            code: format!("S{:03}", i + 1),
            name: s.name.into(),
            address: s.address.into(),
            city: s.city.into(),
            decision_maker: s.decision_maker.into(),
            phone: s.phone.into(),
            email: s.email.into(),
            preferred_channel: Channel::parse(s.channel).unwrap_or_default(),
            visit_every_days: every,
            visit_weekdays: WeekdaySet::of(days),
            rep: s.rep.into(),
            route_order: *n,
            deferral_days: [0, 7, 14, 30][i % 4],
            credit_limit: Money([0, 50_000, 150_000, 300_000][i % 4]),
        });
    }

    // must-stock lines and a year of weekly sales with intermittent demand
    let mut assortment = Vec::new();
    let mut sales = Vec::new();
    let this_monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    for (si, store) in stores.iter().enumerate() {
        let (market, _) = market_of(&store.rep);
        let size: f64 = mk.rng.random_range(0.4..1.8);
        for (pi, (p, row)) in products.iter().zip(&product_rows).enumerate() {
            if row.market != market && row.market != "*" {
                continue;
            }
            // a few products are not on every store's list
            if mk.rng.random_bool(0.12) {
                continue;
            }
            assortment.push(AssortmentLine {
                meta: mk.meta(created),
                store_code: store.code.clone(),
                sku: p.sku.clone(),
                facings: mk.rng.random_range(1..=4),
            });
            let weekly_rate = f64::from(row.popularity).powi(2) * size * 0.12;
            let trend: f64 = mk.rng.random_range(-0.004..0.006);
            let mut series = SalesSeries {
                store_code: store.code.clone(),
                sku: p.sku.clone(),
                points: Vec::new(),
            };
            // the year before: its own random stream, so the recent year (and
            // everything generated after it) stays as it always was
            let mut older = ChaCha8Rng::seed_from_u64(
                SEED ^ ((si as u64) << 32 | pi as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
            );
            for w in (WEEKS_OF_SALES + 1..=2 * WEEKS_OF_SALES).rev() {
                let week = this_monday - Duration::weeks(w);
                let age = (WEEKS_OF_SALES - w) as f64;
                let qty = weekly_sale(&mut older, weekly_rate, trend, age, week);
                if qty > 0.0 {
                    series.points.push(SalePoint::new(week, qty as f32));
                }
            }
            for w in (1..=WEEKS_OF_SALES).rev() {
                let week = this_monday - Duration::weeks(w);
                let age = (WEEKS_OF_SALES - w) as f64;
                let qty = weekly_sale(&mut mk.rng, weekly_rate, trend, age, week);
                if qty > 0.0 {
                    series.points.push(SalePoint::new(week, qty as f32));
                }
            }
            sales.push(series);
        }
    }

    // visit history: regular, but some stores overdue
    let mut visits = Vec::new();
    for (i, store) in stores.iter().enumerate() {
        let every = i64::from(store.visit_every_days);
        let overdue = i % 5 == 3;
        let mut date = if overdue {
            today - Duration::days(every + mk.rng.random_range(2..=9))
        } else {
            today - Duration::days(mk.rng.random_range(1..=every))
        };
        let oldest = today - Duration::weeks(12);
        while date > oldest {
            let at = noon(date) + Duration::minutes(mk.rng.random_range(0..480));
            visits.push(Visit {
                meta: mk.meta(at),
                store_code: store.code.clone(),
                rep: store.rep.clone(),
                date,
                checked_in: at,
                submitted: Some(at + Duration::minutes(mk.rng.random_range(8..40))),
                status: VisitStatus::Submitted,
            });
            date -= Duration::days(every);
        }
    }

    DemoRecords {
        reps,
        stores,
        products,
        assortment,
        sales,
        visits,
    }
}

/// Units sold in one week: a yearly season and the product's trend on top of
/// its rate; slow lines sell intermittently (most weeks nothing).
fn weekly_sale(
    rng: &mut ChaCha8Rng,
    weekly_rate: f64,
    trend: f64,
    age: f64,
    week: NaiveDate,
) -> f64 {
    let season = 1.0 + 0.15 * ((week.ordinal() as f64) / 58.0).sin();
    let rate = (weekly_rate * season * (1.0 + trend * age)).max(0.05);
    if rate < 2.0 {
        if rng.random_bool((rate / 2.0).min(0.9)) {
            rng.random_range(1..=3) as f64
        } else {
            0.0
        }
    } else {
        Poisson::new(rate).map(|d| d.sample(rng)).unwrap_or(rate)
    }
}

/// Writes the demo into the database (which the caller has cleared or found empty).
pub fn load(db: &Database, clock: &Clock) -> Result<DemoSummary> {
    // one unit: a demo killed while loading leaves nothing half there
    db.atomically(|| load_in_unit(db, clock))
}

fn load_in_unit(db: &Database, clock: &Clock) -> Result<DemoSummary> {
    let data = build(clock.today(), db.device());
    db.put_reps(&data.reps)?;
    db.put_products(&data.products)?;
    db.put_stores(&data.stores)?;
    db.put_store_places(&super::places::places(
        &data.stores,
        db.device(),
        noon(clock.today() - Duration::days(400)),
    ))?;
    db.put_assortment(&data.assortment)?;
    db.put_sales(&data.sales)?;
    db.put_visits(&data.visits)?;
    // users with known PINs and a review history (src/demo/users.rs)
    for user in super::users::users(db.device(), noon(clock.today() - Duration::days(400))) {
        db.put_user(&user)?;
    }
    let (reviews, comments) = super::users::reviews(&data.visits, clock.today(), db.device());
    db.put_review_history(&reviews, &comments)?;
    let lines = super::history::build(&data, clock.today(), db.device());
    db.put_visit_history(
        &lines.audit,
        &lines.batches,
        &lines.returns,
        &lines.amendments,
    )?;
    let files = super::client_file::build(&data.stores, clock.today(), db.device());
    db.put_store_profiles(&files.profiles)?;
    db.put_contacts(&files.contacts)?;
    db.put_invoices(&files.invoices)?;
    db.put_timeline(&files.entries)?;
    db.put_promotions(&promotions(&data, clock.today(), db.device()))?;
    // the demo is no rep's work waiting to be sent: the outbox starts empty
    db.set_sent_mark("demo", db.last_change_seq()?)?;
    Ok(DemoSummary {
        reps: data.reps.len(),
        stores: data.stores.len(),
        products: data.products.len(),
        assortment: data.assortment.len(),
        sales_series: data.sales.len(),
        visits: data.visits.len(),
    })
}

/// Two promotions on the lines most stores carry: one for every store, one
/// for loyal stores only (the bonus rule and its audience on the order screen).
fn promotions(data: &DemoRecords, today: NaiveDate, device: &str) -> Vec<crate::domain::Promotion> {
    use crate::domain::{Audience, Promotion};
    let mut carried: std::collections::BTreeMap<&str, usize> = Default::default();
    for a in &data.assortment {
        *carried.entry(a.sku.as_str()).or_default() += 1;
    }
    let mut common: Vec<(&str, usize)> = carried.into_iter().collect();
    common.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let meta = crate::domain::RecordMeta::fresh("office", device, noon(today - Duration::days(10)));
    let promo = |code: &str, name: &str, sku: &str, buy, audience| Promotion {
        meta: meta.clone(),
        code: code.into(),
        name: name.into(),
        sku: sku.into(),
        from: today - Duration::days(7),
        to: today + Duration::days(21),
        buy_qty: buy,
        bonus_qty: 1,
        audience,
    };
    let mut out = Vec::new();
    if let Some((sku, _)) = common.first() {
        out.push(promo("WINTER", "Winter: 6 + 1", sku, 6, Audience::All));
    }
    if let Some((sku, _)) = common.get(1) {
        out.push(promo(
            "LOYAL",
            "Loyal stores: 4 + 1",
            sku,
            4,
            Audience::Loyal,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_valid() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let a = build(today, "dev");
        let b = build(today, "dev");
        assert_eq!(a.stores, b.stores);
        assert_eq!(a.sales, b.sales);
        for p in &a.products {
            assert!(Ean::parse(p.ean.as_str()).is_ok(), "{}", p.ean);
        }
        let eans: std::collections::HashSet<_> = a.products.iter().map(|p| &p.ean).collect();
        assert_eq!(eans.len(), a.products.len(), "EANs are unique");
        // every rep has stores planned today, and some stores are overdue
        for rep in &a.reps {
            assert!(
                a.stores
                    .iter()
                    .any(|s| s.rep == rep.code && s.visit_weekdays.contains_date(today)),
                "{} has no route on {today}",
                rep.code
            );
        }
        let last: std::collections::HashMap<String, NaiveDate> =
            a.visits.iter().fold(Default::default(), |mut m, v| {
                let e = m.entry(v.store_code.clone()).or_insert(v.date);
                *e = (*e).max(v.date);
                m
            });
        let overdue = a
            .stores
            .iter()
            .filter(|s| {
                crate::domain::route::overdue_days(
                    last.get(&s.code).copied(),
                    s.visit_every_days,
                    today,
                )
                .is_some()
            })
            .count();
        assert!(
            overdue >= 3 && overdue < a.stores.len() / 2,
            "{overdue} overdue"
        );
        // intermittent demand: some series have many zero weeks
        assert!(a.sales.iter().any(|s| s.points.len() < 26));
        assert!(a.sales.iter().any(|s| s.points.len() >= 50));
    }
}
