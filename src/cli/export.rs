//! `rounds export stores|products`: CSV with the same columns the import
//! reads, or JSON.

use super::args::{ExportFormat, ExportKind};
use super::{CliResult, Context};
use crate::exchange::spreadsheet::Guarded;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

#[derive(Serialize)]
struct StoreRecord {
    code: String,
    name: String,
    address: String,
    city: String,
    decision_maker: String,
    phone: String,
    email: String,
    preferred_channel: &'static str,
    visit_every_days: u16,
    visit_weekdays: String,
    rep: String,
    route_order: u32,
    deferral_days: u16,
    credit_limit: String,
}

#[derive(Serialize)]
struct ProductRecord {
    sku: String,
    ean: String,
    name: String,
    brand: String,
    category: String,
    unit: String,
    case_pack: u32,
    shelf_life_days: u32,
    list_price: String,
}

/// One store's loyalty and risk (`rounds export loyalty`).
#[derive(Serialize)]
pub struct LoyaltyRecord {
    pub store_code: String,
    pub name: String,
    /// 0–100.
    pub loyalty: u8,
    /// 0–1, rounded to three places.
    pub risk: f64,
    pub at_risk: bool,
    pub last_purchase: Option<chrono::NaiveDate>,
    pub usual_gap_days: Option<i64>,
    pub reason: String,
}

/// Every store's loyalty as of `today` (see `service::loyalty`).
pub fn loyalty_records(
    db: &crate::storage::Database,
    today: chrono::NaiveDate,
) -> anyhow::Result<Vec<LoyaltyRecord>> {
    let all = crate::service::loyalty::all_store_loyalty(db, today)?;
    Ok(all
        .into_iter()
        .map(|s| LoyaltyRecord {
            risk: (s.risk.risk * 1000.0).round() / 1000.0,
            at_risk: s.risk.at_risk,
            last_purchase: s.risk.last_purchase,
            usual_gap_days: s.risk.usual_gap_days(),
            reason: s.risk.reason_text(),
            loyalty: s.loyalty.index,
            store_code: s.store_code,
            name: s.name,
        })
        .collect())
}

/// Writes records as CSV (header from the field names) or as a JSON array.
/// Every CSV export goes through here, so this is where text cells are made
/// safe for a spreadsheet (see `exchange::spreadsheet`).
pub fn write_records<T: Serialize>(
    records: &[T],
    format: ExportFormat,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        ExportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, records)?;
            writeln!(out)?;
        }
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            for r in records {
                w.serialize(Guarded(r))?;
            }
            w.flush()?;
        }
    }
    Ok(())
}

/// Standard output, or a file written whole (temp file + rename: never half a file).
pub fn with_output(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    match path {
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            write(&mut lock)?;
            lock.flush()?;
        }
        Some(path) => {
            let tmp = path.with_extension("part");
            let mut file = std::io::BufWriter::new(
                std::fs::File::create(&tmp)
                    .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", tmp.display()))?,
            );
            write(&mut file)?;
            file.flush()?;
            file.get_ref().sync_all()?;
            std::fs::rename(&tmp, path)?;
        }
    }
    Ok(())
}

/// `with_output` that starts the text with a UTF-8 BOM when `bom` is set
/// (`--excel` with CSV: Excel then reads the file as UTF-8, not the ANSI code page).
pub fn with_output_bom(
    path: Option<&Path>,
    bom: bool,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    with_output(path, |w| {
        if bom {
            w.write_all("\u{feff}".as_bytes())?;
        }
        write(w)
    })
}

/// `--from/--to` for dated kinds, `--excel` for a BOM Excel recognises.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExportOptions {
    pub range: crate::exchange::export_rows::DateRange,
    pub excel: bool,
}

pub fn run(
    ctx: &Context,
    kind: ExportKind,
    format: ExportFormat,
    output: Option<&Path>,
    options: &ExportOptions,
) -> CliResult {
    let db = ctx.open()?;
    let bom = options.excel && format == ExportFormat::Csv;
    let with_output = |path: Option<&Path>,
                       write: &dyn Fn(&mut dyn Write) -> anyhow::Result<()>| {
        with_output(path, |w| {
            if bom {
                w.write_all("\u{feff}".as_bytes())?;
            }
            write(w)
        })
    };
    let range = options.range;
    match kind {
        ExportKind::Stores => {
            let rows: Vec<StoreRecord> = db
                .stores()?
                .into_iter()
                .map(|s| StoreRecord {
                    code: s.code,
                    name: s.name,
                    address: s.address,
                    city: s.city,
                    decision_maker: s.decision_maker,
                    phone: s.phone,
                    email: s.email,
                    preferred_channel: s.preferred_channel.key(),
                    visit_every_days: s.visit_every_days,
                    visit_weekdays: s.visit_weekdays.to_file_string(),
                    rep: s.rep,
                    route_order: s.route_order,
                    deferral_days: s.deferral_days,
                    credit_limit: s.credit_limit.to_string(),
                })
                .collect();
            with_output(output, &|w| write_records(&rows, format, w))?;
        }
        ExportKind::Products => {
            let rows: Vec<ProductRecord> = db
                .products()?
                .into_iter()
                .map(|p| ProductRecord {
                    sku: p.sku,
                    ean: p.ean.to_string(),
                    name: p.name,
                    brand: p.brand,
                    category: p.category,
                    unit: p.unit,
                    case_pack: p.case_pack,
                    shelf_life_days: p.shelf_life_days,
                    list_price: p.list_price.to_string(),
                })
                .collect();
            with_output(output, &|w| write_records(&rows, format, w))?;
        }
        ExportKind::Sales => {
            let rows = crate::exchange::export_rows::sales(&db, range)?;
            with_output(output, &|w| write_records(&rows, format, w))?;
        }
        ExportKind::Deliveries => {
            let rows = crate::exchange::export_rows::deliveries(&db, range)?;
            with_output(output, &|w| write_records(&rows, format, w))?;
        }
        ExportKind::Invoices => {
            let rows = crate::exchange::export_rows::invoices(&db, range)?;
            with_output(output, &|w| write_records(&rows, format, w))?;
        }
        ExportKind::Promotions => {
            let rows = crate::exchange::export_rows::promotions(&db, range)?;
            with_output(output, &|w| write_records(&rows, format, w))?;
        }
        ExportKind::Orders => {
            let prepared = super::export_orders::prepare(&db, range, format)?;
            with_output(output, &|w| {
                super::export_orders::write(&prepared, format, w)
            })?;
        }
        ExportKind::Loyalty => {
            let rows = loyalty_records(&db, ctx.clock.today())?;
            with_output(output, &|w| write_records(&rows, format, w))?;
        }
        ExportKind::Kpis => {
            drop(db);
            return super::kpis::export(
                ctx,
                None,
                None,
                Default::default(),
                format,
                output,
                options.excel,
            );
        }

        ExportKind::Visits => {
            drop(db);
            return super::export_visits::run(
                ctx,
                range.from,
                range.to,
                format,
                output,
                options.excel,
            );
        }
    }
    Ok(())
}
