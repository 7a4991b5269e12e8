//! `rounds stats`: how many records of each kind.

use super::args::StatsFormat;
use super::{CliResult, Context};
use crate::storage::KINDS;

pub fn run(ctx: &Context, format: StatsFormat) -> CliResult {
    let db = ctx.open()?;
    let mut counts = serde_json::Map::new();
    for (kind, tree) in KINDS {
        counts.insert((*kind).to_string(), db.count(tree)?.into());
    }
    // records made here and not yet in a sync bundle
    let outbox = crate::exchange::sync::outbox_count(&db, usize::MAX)?;
    counts.insert("outbox".to_string(), outbox.into());
    match format {
        StatsFormat::Json => println!("{}", serde_json::Value::Object(counts)),
        StatsFormat::Text => {
            for (kind, n) in &counts {
                println!("{kind:<14} {n}");
            }
        }
    }
    Ok(())
}
