//! `rounds order suggest` (the suggestion as of a date, as the order screen
//! computes it) and `rounds order backtest` (forecast quality against baselines).

use super::args::{BacktestFormat, SuggestFormat};
use super::{CliResult, Context, Failure};
use crate::domain::forecast::backtest::Backtest;
use crate::service::views_order::{self, HISTORY_WEEKS};
use crate::t;
use chrono::{Datelike, NaiveDate};
use std::fmt::Write;

pub fn suggest(
    ctx: &Context,
    store: &str,
    date: Option<NaiveDate>,
    cover_days: Option<i64>,
    all: bool,
    format: SuggestFormat,
) -> CliResult {
    let db = ctx.open()?;
    let date = date.unwrap_or_else(|| ctx.clock.today());
    let store = db
        .store_code_like(store)?
        .unwrap_or_else(|| store.trim().to_string());
    let store = store.as_str();
    // the same loader as the screen: the audit of a visit on that day counts
    let s =
        views_order::store_suggestion(&db, store.trim(), date, cover_days)?.ok_or_else(|| {
            Failure {
                code: 1,
                message: t!("cli-order-no-store", code = store.trim().to_string()),
            }
        })?;
    let rows: Vec<_> = s
        .rows
        .iter()
        .filter(|r| all || r.line.suggested_qty > 0 || r.line.is_no_sales())
        .collect();
    match format {
        SuggestFormat::Json => {
            let lines: Vec<_> = rows
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "sku": r.product.sku,
                        "ean": r.product.ean.as_str(),
                        "name": r.product.name,
                        "case_pack": r.product.case_pack,
                        "method": r.line.forecast.method.key(),
                        "per_week": round2(r.line.forecast.per_week),
                        "expected_demand": round2(r.line.expected_demand),
                        "safety_stock": round2(r.line.safety_stock),
                        "stock_seen": r.line.stock_seen,
                        "suggested_qty": r.line.suggested_qty,
                        "bonus_qty": r.line.bonus_qty,
                        "reason": crate::service::words::reason_text(&r.line.reason),
                    })
                })
                .collect();
            let out = serde_json::json!({
                "store": s.store.code,
                "date": date.to_string(),
                "next_visit": s.next_visit.to_string(),
                "cover_days": s.cover_days,
                "lines": lines,
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&out).map_err(anyhow::Error::from)?
            );
        }
        SuggestFormat::Csv | SuggestFormat::Text => {
            let mut w = csv::WriterBuilder::new()
                .delimiter(if format == SuggestFormat::Csv {
                    b','
                } else {
                    b'\t'
                })
                .from_writer(std::io::stdout());
            w.write_record([
                "sku",
                "ean",
                "name",
                "expected_demand",
                "safety_stock",
                "stock_seen",
                "suggested_qty",
                "bonus_qty",
                "reason",
            ])
            .map_err(anyhow::Error::from)?;
            // names come from the ERP: safe to open in a spreadsheet
            let text = |t: &str| crate::exchange::spreadsheet::guard(t).into_owned();
            for r in rows {
                w.write_record([
                    text(&r.product.sku),
                    r.product.ean.as_str().to_string(),
                    text(&r.product.name),
                    format!("{:.2}", r.line.expected_demand),
                    format!("{:.2}", r.line.safety_stock),
                    r.line
                        .stock_seen
                        .map(|q| format!("{q:.0}"))
                        .unwrap_or_default(),
                    r.line.suggested_qty.to_string(),
                    r.line.bonus_qty.to_string(),
                    text(&crate::service::words::reason_text(&r.line.reason)),
                ])
                .map_err(anyhow::Error::from)?;
            }
            w.flush().map_err(anyhow::Error::from)?;
        }
    }
    Ok(())
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

pub fn backtest(
    ctx: &Context,
    origins: usize,
    cover_days: i64,
    format: BacktestFormat,
) -> CliResult {
    let db = ctx.open()?;
    let today = ctx.clock.today();
    let horizon = (cover_days.max(1) as usize).div_ceil(7);
    let mut total = Backtest::default();
    let mut series_count = 0usize;
    for store in db.stores()? {
        for series in db.sales_of_store(&store.code)? {
            let weekly = series.weekly(today, HISTORY_WEEKS);
            let end = today.num_days_from_ce();
            let first = series
                .points
                .iter()
                .find(|p| p.day >= end - 7 * HISTORY_WEEKS as i32 && p.day < end)
                .map(|p| ((p.day - (end - 7 * HISTORY_WEEKS as i32)) / 7) as usize)
                .unwrap_or(0);
            let before = total.ours.forecasts;
            total.add_series(&weekly, first, origins, horizon);
            if total.ours.forecasts > before {
                series_count += 1;
            }
        }
    }
    match format {
        BacktestFormat::Json => {
            let row = |s: &crate::domain::forecast::backtest::Score| serde_json::json!({"wape": round2(s.wape() * 100.0), "bias": round2(s.bias() * 100.0), "forecasts": s.forecasts});
            let out = serde_json::json!({
                "series": series_count,
                "origins": origins,
                "horizon_weeks": horizon,
                "ours": row(&total.ours),
                "moving_average_4w": row(&total.moving_average),
                "seasonal_naive": row(&total.seasonal_naive),
            });
            println!("{out}");
        }
        BacktestFormat::Text => {
            let mut out = String::new();
            let _ = writeln!(
                out,
                "{series_count} series, last {origins} weekly origins, {horizon}-week cover ({} forecasts each)\n",
                total.ours.forecasts
            );
            let _ = writeln!(out, "| method | WAPE | bias |\n|---|---|---|");
            for (name, s) in [
                (
                    "ours (TSB / SES / damped trend, by ADI/CV² class)",
                    &total.ours,
                ),
                ("naive moving average, 4 weeks", &total.moving_average),
                (
                    "seasonal naive, same weeks last year",
                    &total.seasonal_naive,
                ),
            ] {
                let _ = writeln!(
                    out,
                    "| {name} | {:.1} % | {:+.1} % |",
                    s.wape() * 100.0,
                    s.bias() * 100.0
                );
            }
            let (i_ours, i_ma) = &total.intermittent;
            let _ = writeln!(
                out,
                "\nintermittent series only ({} forecasts, {:.0} % of units): ours WAPE {:.1} % bias {:+.1} %, moving average WAPE {:.1} % bias {:+.1} %",
                i_ours.forecasts,
                i_ours.actual / total.ours.actual.max(1.0) * 100.0,
                i_ours.wape() * 100.0,
                i_ours.bias() * 100.0,
                i_ma.wape() * 100.0,
                i_ma.bias() * 100.0
            );
            print!("{out}");
        }
    }
    Ok(())
}
