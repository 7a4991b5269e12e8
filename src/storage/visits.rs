//! Visits, by id, with an index by store and date for "last visit" and history.

use super::tree_view::Batch;
use super::{Database, Result, keys};
use crate::domain::Visit;
use chrono::NaiveDate;
use std::collections::HashMap;
use ulid::Ulid;

fn store_key(v: &Visit) -> Vec<u8> {
    keys::join(&[
        v.store_code.as_bytes(),
        &keys::date(v.date),
        &v.meta.id.to_bytes(),
    ])
}

impl Database {
    /// Saves a visit durably: when this returns Ok, it survives a power cut.
    pub fn save_visit(&self, visit: &Visit) -> Result<()> {
        self.put_visits(std::slice::from_ref(visit))
    }

    /// Saves many visits in one batch with one flush (demo, imports).
    pub fn put_visits(&self, visits: &[Visit]) -> Result<()> {
        self.atomically(|| {
            let index = self.tree("visits_by_store")?;
            let mut index_batch = Batch::default();
            for v in visits {
                index_batch.insert(store_key(v), []);
            }
            // index first: a crash between the two leaves an index entry that
            // points nowhere (skipped), never a visit that cannot be found
            index.apply_batch(index_batch)?;
            // team KPI day buckets follow every visit write (flushed with it)
            self.update_kpis(visits)?;
            self.put_all(
                "visits",
                "visit",
                visits.iter().map(|v| (v.meta.id.to_bytes().to_vec(), v)),
            )
        })
    }

    pub fn visit(&self, id: Ulid) -> Result<Option<Visit>> {
        self.get("visits", "visit", &id.to_bytes())
    }

    /// A store's visits, newest first.
    pub fn visits_of_store(&self, store_code: &str) -> Result<Vec<Visit>> {
        let index = self.tree("visits_by_store")?;
        let mut out = Vec::new();
        for item in index.scan_prefix_rev(keys::prefix(store_code)) {
            let (key, _) = item?;
            let id_bytes: [u8; 16] = match key[key.len().saturating_sub(16)..].try_into() {
                Ok(b) => b,
                Err(_) => continue,
            };
            if let Some(v) = self.visit(Ulid::from_bytes(id_bytes))? {
                out.push(v);
            }
        }
        Ok(out)
    }

    /// The date of each store's most recent submitted visit. Only a submitted
    /// visit counts: checking in and walking away must not take a store off
    /// the overdue list.
    pub fn last_visit_dates(&self, store_codes: &[&str]) -> Result<HashMap<String, NaiveDate>> {
        Ok(self
            .visit_states(store_codes)?
            .into_iter()
            .filter_map(|(code, (last, _))| last.map(|d| (code, d)))
            .collect())
    }

    /// Per store: the date of its latest submitted visit, and whether a visit
    /// is open (in progress) there. Walks the store's index newest first and
    /// stops at the first submitted visit.
    pub fn visit_states(
        &self,
        store_codes: &[&str],
    ) -> Result<HashMap<String, (Option<NaiveDate>, bool)>> {
        let index = self.tree("visits_by_store")?;
        let mut out = HashMap::new();
        for code in store_codes {
            let mut last = None;
            let mut open = false;
            for item in index.scan_prefix_rev(keys::prefix(code)) {
                let (key, _) = item?;
                let Ok(id) = <[u8; 16]>::try_from(&key[key.len().saturating_sub(16)..]) else {
                    continue;
                };
                match self.visit(Ulid::from_bytes(id))? {
                    Some(v) if v.status == crate::domain::VisitStatus::Open => open = true,
                    Some(v) => {
                        last = Some(v.date);
                        break;
                    }
                    None => {}
                }
            }
            out.insert((*code).to_string(), (last, open));
        }
        Ok(out)
    }

    pub fn all_visits(&self) -> Result<Vec<Visit>> {
        self.scan("visits", "visit", b"")
    }
}

impl Database {
    /// Checks in at a store: a new open visit, saved durably, unless the
    /// store already has an open visit, which is resumed instead, or a visit
    /// submitted today, which is opened (read-only, to amend) rather than
    /// doubled.
    pub fn start_or_resume_visit(
        &self,
        store_code: &str,
        rep: &str,
        today: NaiveDate,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(Visit, bool)> {
        let visits = self.visits_of_store(store_code)?;
        if let Some(v) = visits
            .iter()
            .find(|v| v.status == crate::domain::VisitStatus::Open)
            .or_else(|| visits.iter().find(|v| v.date == today))
        {
            return Ok((v.clone(), true));
        }
        let visit = Visit {
            meta: crate::domain::RecordMeta::fresh(rep, self.device(), now),
            store_code: store_code.to_string(),
            rep: rep.to_string(),
            date: today,
            checked_in: now,
            submitted: None,
            status: crate::domain::VisitStatus::Open,
        };
        self.save_visit(&visit)?;
        Ok((visit, false))
    }

    /// Visits dated within `[from, to]` (either end open), oldest first.
    pub fn visits_between(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Visit>> {
        let mut out: Vec<Visit> = self
            .all_visits()?
            .into_iter()
            .filter(|v| from.is_none_or(|f| v.date >= f) && to.is_none_or(|t| v.date <= t))
            .collect();
        out.sort_by_key(|v| (v.date, v.meta.id));
        Ok(out)
    }
}
