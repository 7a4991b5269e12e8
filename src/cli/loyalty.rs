//! `rounds loyalty backtest`: our risk, cut at a calibration date, scored on
//! the lapses that follow (AUC, F1) against plain recency rules, on a
//! purchases CSV (customer,date[,amount]) or the database. `--export` writes
//! the per-customer scores for scripts/backtest_loyalty.py, which adds
//! BG/NBD and Pareto/NBD on the same split.

use super::args::BacktestFormat;
use super::{CliResult, Context};
use crate::domain::loyalty::{MethodScore, Purchase, Scored, Source, backtest, by_day, table};
use chrono::{Duration, NaiveDate};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

pub struct Options {
    pub purchases: Option<PathBuf>,
    pub cut: Option<NaiveDate>,
    pub horizon_days: i64,
    /// Keep the settings' lapse_horizon_days instead of the backtest's horizon.
    pub keep_horizon: bool,
    pub export: Option<PathBuf>,
    pub format: BacktestFormat,
}

fn parse_date(text: &str) -> anyhow::Result<NaiveDate> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y%m%d"))
        .map_err(|_| anyhow::anyhow!("{t:?} is not a date (YYYY-MM-DD or YYYYMMDD)"))
}

/// customer,date[,amount] with a header line; amounts in any unit (rounded
/// to hundredths), one purchase a day per customer.
fn read_csv(path: &PathBuf) -> anyhow::Result<Vec<(String, Vec<Purchase>)>> {
    let mut r = csv::ReaderBuilder::new().flexible(true).from_path(path)?;
    let mut by: BTreeMap<String, Vec<Purchase>> = BTreeMap::new();
    for (n, row) in r.records().enumerate() {
        let row = row?;
        let line = n + 2;
        let customer = row
            .get(0)
            .ok_or_else(|| anyhow::anyhow!("line {line}: no customer"))?;
        let date = parse_date(
            row.get(1)
                .ok_or_else(|| anyhow::anyhow!("line {line}: no date"))?,
        )
        .map_err(|e| anyhow::anyhow!("line {line}: {e}"))?;
        let amount = match row.get(2).map(str::trim) {
            None | Some("") => 100,
            Some(a) => (a
                .parse::<f64>()
                .map_err(|_| anyhow::anyhow!("line {line}: amount {a:?} is not a number"))?
                * 100.0)
                .round() as i64,
        };
        by.entry(customer.trim().to_string())
            .or_default()
            .push(Purchase {
                date,
                amount,
                source: Source::Erp,
            });
    }
    Ok(by.into_iter().map(|(c, ps)| (c, by_day(ps))).collect())
}

pub fn run(ctx: &Context, o: &Options) -> CliResult {
    let (histories, settings, last) = match &o.purchases {
        Some(path) => {
            let h = read_csv(path)?;
            let last = h
                .iter()
                .filter_map(|(_, ps)| ps.last().map(|p| p.date))
                .max()
                .ok_or_else(|| anyhow::anyhow!("{}: no purchases", path.display()))?;
            (h, crate::domain::Settings::default(), last)
        }
        None => {
            let db = ctx.open()?;
            let today = ctx.clock.today();
            let h = crate::service::loyalty::purchase_histories(&db)?;
            (h, db.settings()?, today)
        }
    };
    let mut settings = settings;
    let cut = o.cut.unwrap_or(last - Duration::days(o.horizon_days));
    // the risk answers the question the backtest asks: no purchase within the horizon
    if !o.keep_horizon {
        settings.lapse_horizon_days = o.horizon_days;
    }
    let rows = backtest(&histories, cut, o.horizon_days, &settings);
    let t = table(&rows, o.horizon_days);
    if let Some(path) = &o.export {
        write_scores(path, &rows)?;
    }
    match o.format {
        BacktestFormat::Json => {
            let out = serde_json::json!({
                "cut": cut,
                "horizon_days": o.horizon_days,
                "customers": rows.len(),
                "lapsed": rows.iter().filter(|r| r.lapsed).count(),
                "methods": t,
            });
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
        BacktestFormat::Text => print!("{}", text(&rows, &t, cut, o.horizon_days)),
    }
    Ok(())
}

fn write_scores(path: &PathBuf, rows: &[Scored]) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_path(path)?;
    for r in rows {
        w.serialize(r)?;
    }
    w.flush()?;
    Ok(())
}

fn text(rows: &[Scored], t: &[MethodScore], cut: NaiveDate, horizon: i64) -> String {
    let lapsed = rows.iter().filter(|r| r.lapsed).count();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "cut {cut}, horizon {horizon} days: {} customers, {lapsed} lapsed ({:.1} %)",
        rows.len(),
        100.0 * lapsed as f64 / rows.len().max(1) as f64
    );
    let _ = writeln!(
        s,
        "{:<28} {:>6} {:>6} {:>8} {:>10}",
        "method", "AUC", "F1", "best F1", "at"
    );
    for m in t {
        let _ = writeln!(
            s,
            "{:<28} {:>6.3} {:>6.3} {:>8.3} {:>10.3}",
            m.method, m.auc, m.f1, m.best_f1, m.best_threshold
        );
    }
    s
}
