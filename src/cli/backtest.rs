//! `rounds order backtest`: the screen's estimate and quantity scored at
//! weekly origins on the database's sales (or a sales CSV), daily or weekly,
//! with an optional short history; the split can be exported so that other
//! tools (scripts/backtest_statsforecast.py) run on exactly the same data.

use super::args::BacktestFormat;
use super::{CliResult, Context};
use crate::domain::SalePoint;
use crate::domain::SalesSeries;
use crate::domain::forecast::evaluate::{LineResult, Scores, Split, StoreLines, run_split};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;

pub struct Options {
    pub origins: usize,
    pub cover_days: i64,
    pub history_days: Option<i64>,
    pub sales: Option<PathBuf>,
    pub export: Option<PathBuf>,
    pub format: BacktestFormat,
}

fn read_csv(path: &PathBuf) -> anyhow::Result<Vec<SalesSeries>> {
    let mut r = csv::Reader::from_path(path)?;
    let mut by: BTreeMap<(String, String), BTreeMap<i32, f32>> = BTreeMap::new();
    for row in r.records() {
        let row = row?;
        let (store, sku, date, qty) = (&row[0], &row[1], &row[2], &row[3]);
        let day = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")?.num_days_from_ce();
        let qty: f32 = qty.trim().parse()?;
        *by.entry((store.to_string(), sku.to_string()))
            .or_default()
            .entry(day)
            .or_default() += qty;
    }
    Ok(by
        .into_iter()
        .map(|((store_code, sku), days)| SalesSeries {
            store_code,
            sku,
            points: days
                .into_iter()
                .map(|(day, qty)| SalePoint {
                    day,
                    qty,
                    imported: 0,
                })
                .collect(),
        })
        .collect())
}

pub fn run(ctx: &Context, o: &Options) -> CliResult {
    let (all, categories, service, end) = match &o.sales {
        Some(path) => {
            let all = read_csv(path)?;
            let last = all
                .iter()
                .filter_map(|s| s.points.last().map(|p| p.day))
                .max()
                .unwrap_or(0);
            (all, HashMap::new(), 0.95, last + 1)
        }
        None => {
            let db = ctx.open()?;
            let cats = db
                .products()?
                .into_iter()
                .map(|p| (p.sku, p.category))
                .collect();
            let today = ctx.clock.today().num_days_from_ce();
            (db.all_sales()?, cats, db.settings()?.service_level, today)
        }
    };
    let category = |sku: &str| categories.get(sku).cloned().unwrap_or_default();
    let mut by_store: BTreeMap<&str, Vec<&SalesSeries>> = BTreeMap::new();
    for s in &all {
        by_store.entry(&s.store_code).or_default().push(s);
    }
    let stores: Vec<StoreLines> = by_store
        .iter()
        .map(|(code, series)| StoreLines {
            code,
            series: series.clone(),
            category: &category,
        })
        .collect();
    let cover = o.cover_days.max(1) as i32;
    let (mut ours, mut prev, mut lines) = (Scores::default(), Scores::default(), Vec::new());
    for k in 0..o.origins.max(1) {
        let origin = end - cover - 7 * k as i32;
        let split = Split {
            origin,
            history_days: o.history_days.map(|d| d as i32),
            cover_days: cover,
            service_level: service,
        };
        let (a, b, l) = run_split(&stores, &split);
        merge(&mut ours, &a);
        merge(&mut prev, &b);
        lines.extend(l);
    }
    if let Some(dir) = &o.export {
        export(
            dir,
            &stores,
            &lines,
            o.history_days.map(|d| d as i32),
            cover,
        )?;
    }
    print(o, &ours, &prev, lines.len());
    if o.sales.is_none() && o.format == BacktestFormat::Text && o.history_days.is_none() {
        println!("\nweekly baselines (seasonal origins):");
        super::order::backtest(ctx, o.origins, o.cover_days, o.format)?;
    }
    Ok(())
}

fn merge(a: &mut Scores, b: &Scores) {
    a.forecasts += b.forecasts;
    a.actual += b.actual;
    a.abs_error += b.abs_error;
    a.error += b.error;
    a.filled += b.filled;
    a.overstock += b.overstock;
    a.pinball += b.pinball;
}

fn print(o: &Options, ours: &Scores, prev: &Scores, n: usize) {
    if o.format == BacktestFormat::Json {
        let row = |s: &Scores| {
            serde_json::json!({
                "mae": s.mae(), "wape": s.wape(), "bias": s.bias(),
                "filled": s.fill(), "overstock": s.overstock_share(), "pinball": s.mean_pinball(),
                "forecasts": s.forecasts,
            })
        };
        let out = serde_json::json!({
            "lines": n, "origins": o.origins, "cover_days": o.cover_days,
            "history_days": o.history_days, "ours": row(ours), "previous": row(prev),
        });
        println!("{out}");
        return;
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{n} line forecasts, {} weekly origins, {}-day cover, history {}\n",
        o.origins,
        o.cover_days,
        o.history_days
            .map_or("all".to_string(), |d| format!("{d} days"))
    );
    let _ = writeln!(
        out,
        "| method | MAE | WAPE | bias | units filled | overstock | pinball (τ 0.95) |\n|---|---|---|---|---|---|---|"
    );
    for (name, s) in [("ours", ours), ("previous method", prev)] {
        let _ = writeln!(
            out,
            "| {name} | {:.3} | {:.1} % | {:+.1} % | {:.1} % | {:.1} % | {:.3} |",
            s.mae(),
            s.wape() * 100.0,
            s.bias() * 100.0,
            s.fill() * 100.0,
            s.overstock_share() * 100.0,
            s.mean_pinball()
        );
    }
    print!("{out}");
}

/// train.csv (unique_id, ds, y: every day of history before the origin),
/// ours.csv (unique_id, actual, and ours and the previous method's expected
/// demand and quantity). unique_id = store|sku|origin date.
fn export(
    dir: &PathBuf,
    stores: &[StoreLines<'_>],
    lines: &[LineResult],
    history_days: Option<i32>,
    cover: i32,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let date = |d: i32| NaiveDate::from_num_days_from_ce_opt(d).unwrap_or_default();
    let mut train = csv::Writer::from_path(dir.join("train.csv"))?;
    train.write_record(["unique_id", "ds", "y"])?;
    let mut origins: Vec<i32> = lines.iter().map(|l| l.origin).collect();
    origins.sort_unstable();
    origins.dedup();
    for &origin in &origins {
        for st in stores {
            let first = st
                .series
                .iter()
                .filter_map(|s| s.points.iter().find(|p| p.day < origin).map(|p| p.day))
                .min()
                .unwrap_or(origin);
            let from = history_days.map_or(first, |d| (origin - d).max(first));
            for s in &st.series {
                let id = format!("{}|{}|{}", st.code, s.sku, date(origin));
                let qty: HashMap<i32, f32> = s.points.iter().map(|p| (p.day, p.qty)).collect();
                for day in from..origin {
                    let y = qty.get(&day).copied().unwrap_or(0.0);
                    train.write_record([&id, &date(day).to_string(), &y.to_string()])?;
                }
            }
        }
    }
    train.flush()?;
    let mut w = csv::Writer::from_path(dir.join("ours.csv"))?;
    w.write_record([
        "unique_id",
        "actual",
        "ours_expected",
        "ours_qty",
        "previous_expected",
        "previous_qty",
        "method",
        "cover_days",
    ])?;
    for l in lines {
        w.write_record([
            format!("{}|{}|{}", l.store, l.sku, date(l.origin)),
            l.actual.to_string(),
            l.ours.0.to_string(),
            l.ours.1.to_string(),
            l.previous.0.to_string(),
            l.previous.1.to_string(),
            l.method.to_string(),
            cover.to_string(),
        ])?;
    }
    w.flush()?;
    Ok(())
}
