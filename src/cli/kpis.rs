//! `rounds export kpis`: the team dashboard's figures for spreadsheets.

use super::args::ExportFormat;
use super::export::write_records;
use super::identity::viewer;
use super::{CliResult, Context, Failure};
use crate::domain::kpi::KpiRow;
use chrono::{Duration, NaiveDate};
use clap::ValueEnum;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum KpiBy {
    #[default]
    Rep,
    Store,
}

pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{text:?} is not a date; use YYYY-MM-DD, e.g. 2026-03-12"))
}

#[derive(serde::Serialize)]
struct KpiRecord {
    who: String,
    from: NaiveDate,
    to: NaiveDate,
    visits: u32,
    planned: u32,
    compliance: Option<f64>,
    overdue_stores: u32,
    osa: Option<f64>,
    price_compliance: Option<f64>,
    expired_batches: u32,
    returns_pending: u32,
    fill_rate: Option<f64>,
    draft_acceptance: Option<f64>,
}

fn round(x: Option<f64>) -> Option<f64> {
    x.map(|v| (v * 10_000.0).round() / 10_000.0)
}

fn record(row: &KpiRow, who: &str, from: NaiveDate, to: NaiveDate) -> KpiRecord {
    KpiRecord {
        who: who.to_string(),
        from,
        to,
        visits: row.counts.visits,
        planned: row.planned,
        compliance: round(row.compliance()),
        overdue_stores: row.overdue_stores,
        osa: round(row.counts.osa()),
        price_compliance: round(row.counts.price_compliance()),
        expired_batches: row.counts.expired_batches,
        returns_pending: row.counts.returns_pending,
        fill_rate: round(row.counts.fill_rate()),
        draft_acceptance: round(row.counts.draft_acceptance()),
    }
}

/// `from` defaults to 27 days before `to`, `to` to today.
pub fn export(
    ctx: &Context,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    by: KpiBy,
    format: ExportFormat,
    output: Option<&Path>,
    excel: bool,
) -> CliResult {
    let db = ctx.open()?;
    let who = viewer(ctx, &db)?;
    let today = ctx.clock.today();
    let to = to.unwrap_or(today);
    let from = from.unwrap_or(to - Duration::days(27));
    if from > to {
        return Err(Failure {
            code: 1,
            message: crate::t!(
                "kpi-bad-period",
                from = from.to_string(),
                to = to.to_string()
            ),
        });
    }
    let table = db.kpi_table(from, to, today, by == KpiBy::Store, who.only_rep())?;
    let mut rows: Vec<KpiRecord> = table
        .rows
        .iter()
        .map(|r| record(r, &r.who, from, to))
        .collect();
    // a rep's export is their own row; the team total is for supervisors
    if who.only_rep().is_none() {
        rows.push(record(&table.team, "TEAM", from, to));
    }
    let bom = excel && format == ExportFormat::Csv;
    super::export::with_output_bom(output, bom, |w| write_records(&rows, format, w))?;
    Ok(())
}
