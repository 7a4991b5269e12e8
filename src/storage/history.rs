//! Bulk writes of recorded visit lines (the demo's history): one batch and
//! one flush per kind, with the keys the visit screens read.

use super::visit_lines::{AMENDMENTS, BATCHES, RETURNS, by_store, by_visit};
use super::{Database, Result};
use crate::domain::visit::{Amendment, AuditLine, Batch, ReturnLine};

impl Database {
    pub fn put_visit_history(
        &self,
        audit: &[AuditLine],
        batches: &[Batch],
        returns: &[ReturnLine],
        amendments: &[Amendment],
    ) -> Result<()> {
        self.atomically(|| {
            self.put_audit_lines(audit)?;
            self.put_all(
                BATCHES,
                "batch",
                batches
                    .iter()
                    .map(|b| (by_visit(b.visit_id, &b.meta.id.to_bytes()), b)),
            )?;
            self.put_all(
                RETURNS,
                "return",
                returns
                    .iter()
                    .map(|r| (by_store(&r.store_code, r.meta.id), r)),
            )?;
            self.put_all(
                AMENDMENTS,
                "amendment",
                amendments
                    .iter()
                    .map(|a| (by_visit(a.visit_id, &a.meta.id.to_bytes()), a)),
            )?;
            // the visits were counted before their lines existed
            self.rebuild_kpis()
        })
    }
}
