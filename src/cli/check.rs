//! `rounds check`: the audit chain, every stored record, the visit index and
//! the KPI buckets. Reports the first problem of each; exit code 1 if any.

use super::{CliResult, Context, Failure};
use crate::t;

pub fn run(ctx: &Context, repair: bool) -> CliResult {
    let db = ctx.open()?;
    let mut problems = Vec::new();
    match db.verify_journal()? {
        Ok(n) => println!("{}", t!("check-audit-ok", count = n)),
        Err(b) => problems.push(t!("check-audit-broken", seq = b.seq, reason = b.reason)),
    }
    // heads of other devices' audit logs that did not fit (seen in bundles)
    problems.extend(db.peer_journal_alarms()?);
    if repair {
        let relogged = db.relog_unlogged()?;
        if relogged > 0 {
            println!(
                "Logged {relogged} records the change log lacked; they go out with the next sync export."
            );
        }
    }
    for issue in db.check_records()? {
        problems.push(issue);
    }
    // buckets kept by an older build's rules are counted again first
    db.ensure_kpi_rules()?;
    let kpis_ok = db.kpi_buckets(false)? == db.kpi_recount(false)?
        && db.kpi_buckets(true)? == db.kpi_recount(true)?;
    if !kpis_ok {
        if repair {
            db.rebuild_kpis()?;
            println!("{}", t!("check-kpis-repaired"));
        } else {
            problems.push(t!("check-kpis-off"));
        }
    }
    if problems.is_empty() {
        println!("{}", t!("check-ok"));
        return Ok(());
    }
    for p in &problems {
        eprintln!("{p}");
    }
    Err(Failure {
        code: 1,
        message: t!("check-failed", count = problems.len()),
    })
}
