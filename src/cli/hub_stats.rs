//! `rounds hub stats` as text or JSON.

use super::CliResult;
use super::args::StatsFormat;
use crate::hub::HubStats;

fn when(t: Option<chrono::DateTime<chrono::Utc>>) -> String {
    t.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|| "never".into())
}

pub fn print(stats: &HubStats, format: StatsFormat) -> CliResult {
    if format == StatsFormat::Json {
        println!("{}", serde_json::to_string_pretty(stats)?);
        return Ok(());
    }
    println!("schema version {}", stats.schema_version);
    println!("{} changes from {} bundles", stats.changes, stats.bundles);
    for (tree, n) in &stats.records {
        println!("{tree:<16} {n:>10}");
    }
    for d in &stats.devices {
        let scope = match (&d.rep, d.registered) {
            (_, false) => "not registered".to_string(),
            (Some(rep), true) => format!("rep {rep}"),
            (None, true) => "everything".to_string(),
        };
        println!(
            "{:<20} {:<16} {:>4} bundles  last push {}  last pull {}{}",
            d.device,
            scope,
            d.bundles,
            when(d.last_push),
            when(d.last_pull),
            if d.stale {
                "  (not synced for over a day)"
            } else {
                ""
            }
        );
    }
    Ok(())
}
