//! The hub's schema: versioned migrations (refinery, SQL files embedded from
//! `migrations/hub/`), applied by `rounds hub init` in one transaction.

use super::{Hub, HubError};

mod embedded {
    refinery::embed_migrations!("migrations/hub");
}

/// The newest migration this build carries.
pub const SCHEMA_VERSION: i64 = 2;

/// Table refinery keeps the applied migrations in.
const HISTORY: &str = "refinery_schema_history";

/// The hub's schema version: 0 when no migration was ever applied.
pub fn schema_version(hub: &mut Hub) -> Result<i64, HubError> {
    let row = hub
        .client()
        .query_one("SELECT to_regclass($1) IS NOT NULL", &[&HISTORY])?;
    if !row.get::<_, bool>(0) {
        return Ok(0);
    }
    let row = hub
        .client()
        .query_one(&format!("SELECT max(version)::bigint FROM {HISTORY}"), &[])?;
    Ok(row.get::<_, Option<i64>>(0).unwrap_or(0))
}

/// What `rounds hub init` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Init {
    pub before: i64,
    pub after: i64,
}

/// Creates or migrates the schema; a hub already at this version is left
/// as it is, and a newer one is refused before anything is touched.
pub fn init(hub: &mut Hub) -> Result<Init, HubError> {
    let before = schema_version(hub)?;
    if before > SCHEMA_VERSION {
        return Err(HubError::NewerSchema {
            found: before,
            ours: SCHEMA_VERSION,
        });
    }
    embedded::migrations::runner()
        .set_grouped(true)
        .set_abort_divergent(true)
        .run(hub.client())
        .map_err(|e| HubError::Migration(e.to_string()))?;
    Ok(Init {
        before,
        after: schema_version(hub)?,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_version_is_the_newest_migration() {
        let newest = super::embedded::migrations::runner()
            .get_migrations()
            .iter()
            .map(|m| i64::from(m.version()))
            .max();
        assert_eq!(newest, Some(super::SCHEMA_VERSION));
    }
}
