//! The database half of `rounds check`: every stored record must decode as
//! its kind, and every visit must have its store index entry.

use super::tree_view::Batch;
use super::{Database, Result, codec, keys};
use crate::domain::review::{VisitComment, VisitReview};
use crate::domain::{
    AssortmentLine, DeliveryLine, Invoice, Product, Promotion, Rep, SalesSeries, Store, Visit,
    auth::User,
};
use serde::de::DeserializeOwned;
use std::collections::HashSet;

impl Database {
    fn first_undecodable<T: DeserializeOwned>(
        &self,
        tree: &str,
        kind: &'static str,
    ) -> Result<Option<String>> {
        for item in self.tree(tree)?.iter() {
            let (k, v) = item?;
            if let Err(e) = codec::decode::<T>(kind, &v) {
                let key = String::from_utf8_lossy(&k).replace('\0', "/");
                return Ok(Some(format!("{tree}: record {key:?}: {e}")));
            }
        }
        Ok(None)
    }

    /// Problems found in the stored records, in words for the person at the keyboard.
    pub fn check_records(&self) -> Result<Vec<String>> {
        let found = [
            self.first_undecodable::<Store>("stores", "store")?,
            self.first_undecodable::<Product>("products", "product")?,
            self.first_undecodable::<AssortmentLine>("assortment", "assortment line")?,
            self.first_undecodable::<Rep>("reps", "rep")?,
            self.first_undecodable::<Visit>("visits", "visit")?,
            self.first_undecodable::<SalesSeries>("sales", "sales series")?,
            self.first_undecodable::<DeliveryLine>("deliveries", "delivery")?,
            self.first_undecodable::<Invoice>("invoices", "invoice")?,
            self.first_undecodable::<Promotion>("promotions", "promotion")?,
            self.first_undecodable::<User>("users", "user")?,
            self.first_undecodable::<VisitReview>("reviews", "review")?,
            self.first_undecodable::<VisitComment>("comments", "comment")?,
            self.first_undecodable::<crate::domain::client::Contact>("contacts", "contact")?,
            self.first_undecodable::<crate::domain::client::TimelineEntry>(
                "timeline",
                "timeline entry",
            )?,
            self.first_undecodable::<crate::domain::client::StoreProfile>(
                "store_profiles",
                "store profile",
            )?,
            self.first_undecodable::<crate::domain::client::PlanSnooze>("plan_snoozes", "snooze")?,
            self.first_undecodable::<crate::domain::dates::CompanyDate>(
                "company_dates",
                "company date",
            )?,
            self.first_undecodable::<crate::domain::route_plan::StorePlace>(
                "store_places",
                "store place",
            )?,
        ];
        let mut out: Vec<String> = found.into_iter().flatten().collect();
        // a visit the store index does not know would vanish from the screens
        let index = self.tree("visits_by_store")?;
        for item in self.tree("visits")?.iter() {
            let (_, v) = item?;
            let Ok(visit) = codec::decode::<Visit>("visit", &v) else {
                continue;
            };
            let key = keys::join(&[
                visit.store_code.as_bytes(),
                &keys::date(visit.date),
                &visit.meta.id.to_bytes(),
            ]);
            if !index.contains_key(key)? {
                out.push(format!(
                    "visits: visit {} is missing from the store index",
                    visit.meta.id
                ));
                break;
            }
        }
        out.extend(self.unlogged_records()?);
        Ok(out)
    }

    /// Every `tree\0key` either change log carries.
    fn logged_entries(&self) -> Result<HashSet<Vec<u8>>> {
        let mut logged = HashSet::new();
        for log in [super::database::CHANGES_TREE, super::RELAYED_TREE] {
            for item in self.tree(log)?.iter() {
                let (_, entry) = item?;
                logged.insert(entry.to_vec());
            }
        }
        Ok(logged)
    }

    /// A record the change log does not carry would never sync: the first
    /// such record of each kind.
    fn unlogged_records(&self) -> Result<Vec<String>> {
        let logged = self.logged_entries()?;
        let mut out = Vec::new();
        for (_, tree) in super::KINDS {
            for item in self.tree(tree)?.iter() {
                let (k, _) = item?;
                if !logged.contains(&keys::join(&[tree.as_bytes(), &k])) {
                    let key = String::from_utf8_lossy(&k).replace('\0', "/");
                    out.push(format!(
                        "{tree}: record {key:?} is not in the change log, so it would never sync (rounds check --repair logs it again)"
                    ));
                    break;
                }
            }
        }
        Ok(out)
    }

    /// Logs every record as a change of this device (after `recover`), so
    /// all of it goes out with the next export.
    pub fn log_all_as_local(&self) -> Result<usize> {
        self.relog(None)
    }

    /// Logs every record the change log lacks (`check --repair`); how many.
    pub fn relog_unlogged(&self) -> Result<usize> {
        let logged = self.logged_entries()?;
        self.relog(Some(&logged))
    }

    /// Logs the records missing from `logged` (every record with `None`).
    fn relog(&self, logged: Option<&HashSet<Vec<u8>>>) -> Result<usize> {
        self.atomically(|| {
            let log = self.tree(super::database::CHANGES_TREE)?;
            let mut batch = Batch::default();
            let mut n = 0;
            for (_, tree) in super::KINDS {
                for item in self.tree(tree)?.iter() {
                    let (k, _) = item?;
                    let entry = keys::join(&[tree.as_bytes(), &k]);
                    if logged.is_none_or(|l| !l.contains(&entry)) {
                        let seq = self.sled.generate_id()? + 1;
                        batch.insert(seq.to_be_bytes(), entry);
                        n += 1;
                        if n % 10_000 == 0 {
                            log.apply_batch(std::mem::take(&mut batch))?;
                        }
                    }
                }
            }
            log.apply_batch(batch)?;
            Ok(n)
        })
    }
}
