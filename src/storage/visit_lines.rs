//! What is recorded during a visit: audit lines, batches and notes keyed by
//! visit id (one small record per line, so saving a line never rewrites the
//! visit), returns and problems keyed by store (the store card lists them
//! across visits), amendments keyed by visit, and the resume cursor.

use super::{Database, Result, codec, keys};
use crate::domain::visit::{
    Amendment, AuditLine, Batch, Note, Problem, ReturnLine, VisitCursor, VisitWrite,
};
use crate::domain::{RecordMeta, Stamp, Visit, VisitStatus};
use ulid::Ulid;

pub(super) const AUDIT: &str = "visit_audit";
pub(super) const BATCHES: &str = "visit_batches";
pub(super) const NOTES: &str = "visit_notes";
pub(super) const RETURNS: &str = "returns";
pub(super) const PROBLEMS: &str = "problems";
pub(super) const AMENDMENTS: &str = "amendments";
/// Local screen state, not a record: never synced.
const CURSOR: &str = "visit_cursor";

pub(super) fn by_visit(visit: Ulid, part: &[u8]) -> Vec<u8> {
    let mut key = visit.to_bytes().to_vec();
    key.extend_from_slice(part);
    key
}

pub(super) fn by_store(store: &str, id: Ulid) -> Vec<u8> {
    keys::join(&[store.as_bytes(), &id.to_bytes()])
}

pub(super) fn audit_key(a: &AuditLine) -> Vec<u8> {
    by_visit(a.visit_id, a.sku.as_bytes())
}

impl Database {
    pub fn audit_lines(&self, visit: Ulid) -> Result<Vec<AuditLine>> {
        self.tree(AUDIT)?
            .scan_prefix(visit.to_bytes())
            .map(|item| codec::decode_audit(&item?.1))
            .collect()
    }

    fn audit_line(&self, key: &[u8]) -> Result<Option<AuditLine>> {
        self.tree(AUDIT)?
            .get(key)?
            .map(|v| codec::decode_audit(&v))
            .transpose()
    }

    /// Audit lines, each with its count when counted (see `codec::encode_audit`).
    pub(super) fn put_audit_lines<'a>(
        &self,
        lines: impl IntoIterator<Item = &'a AuditLine>,
    ) -> Result<()> {
        let encoded = lines
            .into_iter()
            .map(|a| Ok((audit_key(a), codec::encode_audit(a)?)))
            .collect::<Result<Vec<_>>>()?;
        self.put_all_encoded(AUDIT, encoded)
    }

    pub fn batches(&self, visit: Ulid) -> Result<Vec<Batch>> {
        self.scan(BATCHES, "batch", &visit.to_bytes())
    }

    pub fn notes(&self, visit: Ulid) -> Result<Vec<Note>> {
        self.scan(NOTES, "note", &visit.to_bytes())
    }

    pub fn amendments(&self, visit: Ulid) -> Result<Vec<Amendment>> {
        Ok(crate::domain::visit::amendment::history(self.scan(
            AMENDMENTS,
            "amendment",
            &visit.to_bytes(),
        )?))
    }

    /// A store's returns, oldest first.
    pub fn returns_of_store(&self, store: &str) -> Result<Vec<ReturnLine>> {
        self.scan(RETURNS, "return", &keys::prefix(store))
    }

    /// A store's problems, oldest first.
    pub fn problems_of_store(&self, store: &str) -> Result<Vec<Problem>> {
        self.scan(PROBLEMS, "problem", &keys::prefix(store))
    }

    /// Where the rep left the visit (default: the start of the audit).
    pub fn visit_cursor(&self, visit: Ulid) -> Result<VisitCursor> {
        Ok(self
            .tree(CURSOR)?
            .get(visit.to_bytes())?
            .map(|v| codec::decode("visit cursor", &v))
            .transpose()?
            .unwrap_or_default())
    }

    /// The store's visit that is still open, if any (newest first).
    pub fn open_visit_of_store(&self, store: &str) -> Result<Option<Visit>> {
        Ok(self
            .visits_of_store(store)?
            .into_iter()
            .find(|v| v.status == VisitStatus::Open))
    }

    /// Applies the changes of a visit screen, in order. Each record change is
    /// durable when this returns. A change to a submitted visit is an
    /// amendment: the amendment (with the value before) is written first, so
    /// the original is never lost, then the new value.
    pub fn apply_visit_writes(
        &self,
        visit: Ulid,
        writes: &[VisitWrite],
        stamp: &Stamp,
    ) -> Result<()> {
        self.atomically(|| {
            for write in writes {
                match write {
                    VisitWrite::Cursor(_) => {}
                    VisitWrite::Submit { at } => {
                        if let Some(mut v) = self.visit(visit)?
                            && v.status == VisitStatus::Open
                        {
                            v.status = VisitStatus::Submitted;
                            v.submitted = Some(*at);
                            v.meta.touch(stamp.clone());
                            self.save_visit(&v)?;
                        }
                    }
                    change => {
                        let before = self.amendment_needed(change)?;
                        // amending a line to what it already says changes nothing
                        if before.as_deref() == Some(change.describe().as_str()) {
                            continue;
                        }
                        let amended = before.is_some().then(|| change.target());
                        if let Some(before) = before {
                            let owner = change.record_visit().unwrap_or(visit);
                            let amendment = Amendment {
                                meta: RecordMeta::fresh(&stamp.by, &stamp.device, stamp.at),
                                visit_id: owner,
                                target: change.target(),
                                before,
                                after: change.describe(),
                            };
                            self.put_all(
                                AMENDMENTS,
                                "amendment",
                                [(by_visit(owner, &amendment.meta.id.to_bytes()), &amendment)],
                            )?;
                        }
                        self.put_record(change)?;
                        // team KPIs and the audit trail follow changes to submitted visits
                        if let Some(owner) = change.record_visit() {
                            self.visit_part_changed(owner, amended.as_deref(), stamp)?;
                        }
                    }
                }
            }
            // a cursor-only change is flushed here
            if writes.iter().all(|w| matches!(w, VisitWrite::Cursor(_))) {
                self.flush()?;
            }
            Ok(())
        })?;
        // the cursor is not worth a flush of its own: it is written after the
        // lines it points at and becomes durable with the next saved line
        for write in writes {
            if let VisitWrite::Cursor(c) = write {
                self.volatile_tree(CURSOR)?
                    .insert(visit.to_bytes(), codec::encode("visit cursor", c)?)?;
            }
        }
        Ok(())
    }

    /// `Some(value before)` when the change touches a submitted visit in a
    /// way that needs an amendment. Moving a return or a problem along its
    /// status (written off, resolved) is follow-up work, not a correction.
    fn amendment_needed(&self, change: &VisitWrite) -> Result<Option<String>> {
        let Some(owner) = change.record_visit() else {
            return Ok(None);
        };
        match self.visit(owner)? {
            Some(v) if v.status == VisitStatus::Submitted => {}
            _ => return Ok(None),
        }
        let none = || "—".to_string();
        let before = match change {
            VisitWrite::Audit(a) => self
                .audit_line(&audit_key(a))?
                .map(|old| crate::domain::visit::write::describe_audit(&old)),
            VisitWrite::Batch(b) => self
                .get::<Batch>(
                    BATCHES,
                    "batch",
                    &by_visit(b.visit_id, &b.meta.id.to_bytes()),
                )?
                .map(|old| crate::domain::visit::write::describe_batch(&old)),
            VisitWrite::Note(n) => self
                .get::<Note>(NOTES, "note", &by_visit(n.visit_id, &n.meta.id.to_bytes()))?
                .map(|old| old.text),
            VisitWrite::Return(r) => {
                match self.get::<ReturnLine>(
                    RETURNS,
                    "return",
                    &by_store(&r.store_code, r.meta.id),
                )? {
                    Some(old) if old.sku == r.sku && old.qty == r.qty && old.reason == r.reason => {
                        return Ok(None);
                    }
                    old => old.map(|o| crate::domain::visit::write::describe_return(&o)),
                }
            }
            VisitWrite::Problem(p) => {
                match self.get::<Problem>(
                    PROBLEMS,
                    "problem",
                    &by_store(&p.store_code, p.meta.id),
                )? {
                    Some(old) if old.text == p.text && old.due == p.due => return Ok(None),
                    old => old.map(|o| format!("{} due {}", o.text, o.due)),
                }
            }
            VisitWrite::Submit { .. } | VisitWrite::Cursor(_) => return Ok(None),
        };
        Ok(Some(before.unwrap_or_else(none)))
    }

    fn put_record(&self, change: &VisitWrite) -> Result<()> {
        match change {
            VisitWrite::Audit(a) => self.put_audit_lines([a]),
            VisitWrite::Batch(b) => self.put_all(
                BATCHES,
                "batch",
                [(by_visit(b.visit_id, &b.meta.id.to_bytes()), b)],
            ),
            VisitWrite::Note(n) => self.put_all(
                NOTES,
                "note",
                [(by_visit(n.visit_id, &n.meta.id.to_bytes()), n)],
            ),
            VisitWrite::Return(r) => {
                self.put_all(RETURNS, "return", [(by_store(&r.store_code, r.meta.id), r)])
            }
            VisitWrite::Problem(p) => self.put_all(
                PROBLEMS,
                "problem",
                [(by_store(&p.store_code, p.meta.id), p)],
            ),
            VisitWrite::Submit { .. } | VisitWrite::Cursor(_) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::visit::VisitCursor;
    use chrono::{TimeZone, Utc};

    #[test]
    fn a_cursor_move_is_written_but_not_flushed() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(dir.path()).unwrap();
        let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        let stamp = Stamp {
            by: "R01".into(),
            device: db.device().into(),
            at,
        };
        let visit = Ulid::from_parts(1, 2);
        db.flush().unwrap();
        let cursor = VisitCursor {
            audit_sku: Some("P1".into()),
            ..Default::default()
        };
        db.apply_visit_writes(visit, &[VisitWrite::Cursor(cursor.clone())], &stamp)
            .unwrap();
        assert_eq!(db.visit_cursor(visit).unwrap(), cursor);
        // something was left to flush: the move itself did not flush
        assert!(db.sled.flush().unwrap() > 0, "a cursor move flushed");
    }
}
