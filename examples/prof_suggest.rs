use rounds::storage::Database;
use std::time::Instant;
fn main() {
    let db = Database::open(std::path::Path::new("target/bench-data/large")).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    for _ in 0..3 {
        let t = Instant::now();
        let a = db.assortment("S0001").unwrap();
        let t1 = t.elapsed();
        let t = Instant::now();
        let mut n = 0;
        for l in &a {
            if db.product(&l.sku).unwrap().is_some() {
                n += 1;
            }
        }
        let t2 = t.elapsed();
        let t = Instant::now();
        let s = db.sales_of_store("S0001").unwrap();
        let t3 = t.elapsed();
        let t = Instant::now();
        let o = db.orders_of_store("S0001").unwrap();
        let t4 = t.elapsed();
        let t = Instant::now();
        let p = db.promotions().unwrap();
        let t5 = t.elapsed();
        let t = Instant::now();
        let sug = rounds::tui::views_order::store_suggestion(
            &db,
            "S0001",
            today,
            None,
            &Default::default(),
        )
        .unwrap();
        let t6 = t.elapsed();
        let t = Instant::now();
        let hw: Vec<Vec<f64>> = s
            .iter()
            .map(|x| rounds::tui::views_order::history_weeks(x, today))
            .collect();
        let t7 = t.elapsed();
        let t = Instant::now();
        for w in &hw {
            std::hint::black_box(rounds::domain::forecast::estimate(w));
        }
        let t8 = t.elapsed();
        println!(
            "history_weeks {:?} estimate {:?} lens {}",
            t7,
            t8,
            hw.iter().map(|w| w.len()).sum::<usize>()
        );
        println!(
            "assortment {} {:?}; products {n} {:?}; sales {} {:?}; orders {} {:?}; promos {} {:?}; total {:?} {}",
            a.len(),
            t1,
            t2,
            s.len(),
            t3,
            o.len(),
            t4,
            p.len(),
            t5,
            t6,
            sug.is_some()
        );
    }
}
#[allow(dead_code)]
fn unused() {}
