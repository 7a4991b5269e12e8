//! The client file's records, each keyed by store then id so one prefix
//! scan gives a store's whole file: people (`contacts`), hand-logged
//! timeline entries (`timeline`), the store's country and opening
//! (`store_profiles`) and snoozed contact-plan items (`plan_snoozes`).
//! Edits keep the key and move the record's clock, so sync keeps the
//! newest version (each is a record of its own, merged like the rest).

use super::{Database, Result, StorageError, keys};
use crate::domain::client::{Contact, PlanSnooze, StoreProfile, TimelineEntry};
use crate::domain::dates::CompanyDate;

pub(super) const CONTACTS: &str = "contacts";
pub(super) const TIMELINE: &str = "timeline";
pub(super) const PROFILES: &str = "store_profiles";
pub(super) const SNOOZES: &str = "plan_snoozes";
pub(super) const COMPANY_DATES: &str = "company_dates";

pub(super) fn contact_key(c: &Contact) -> Vec<u8> {
    keys::join(&[c.store_code.as_bytes(), &c.meta.id.to_bytes()])
}

pub(super) fn entry_key(e: &TimelineEntry) -> Vec<u8> {
    keys::join(&[e.store_code.as_bytes(), &e.meta.id.to_bytes()])
}

pub(super) fn snooze_key(z: &PlanSnooze) -> Vec<u8> {
    keys::join(&[z.store_code.as_bytes(), z.item.as_bytes()])
}

fn unknown_store(code: &str) -> StorageError {
    StorageError::Invalid(format!("there is no store {code}"))
}

impl Database {
    fn known_store(&self, code: &str) -> Result<()> {
        self.store(code)?
            .map(|_| ())
            .ok_or_else(|| unknown_store(code))
    }

    /// A store's people, removed ones included (the screens leave them out).
    pub fn contacts_of(&self, store: &str) -> Result<Vec<Contact>> {
        self.scan(CONTACTS, "contact", &keys::prefix(store))
    }

    pub fn all_contacts(&self) -> Result<Vec<Contact>> {
        self.scan(CONTACTS, "contact", b"")
    }

    /// Adds or replaces people (an edit keeps the id; removal is a flag).
    pub fn put_contacts(&self, contacts: &[Contact]) -> Result<()> {
        for c in contacts {
            self.known_store(&c.store_code)?;
        }
        self.put_all(
            CONTACTS,
            "contact",
            contacts.iter().map(|c| (contact_key(c), c)),
        )
    }

    /// A store's hand-logged entries, oldest first.
    pub fn timeline_of(&self, store: &str) -> Result<Vec<TimelineEntry>> {
        let mut out: Vec<TimelineEntry> =
            self.scan(TIMELINE, "timeline entry", &keys::prefix(store))?;
        out.sort_by_key(|e| (e.date, e.meta.id));
        Ok(out)
    }

    pub fn all_timeline(&self) -> Result<Vec<TimelineEntry>> {
        self.scan(TIMELINE, "timeline entry", b"")
    }

    pub fn put_timeline(&self, entries: &[TimelineEntry]) -> Result<()> {
        for e in entries {
            self.known_store(&e.store_code)?;
        }
        self.put_all(
            TIMELINE,
            "timeline entry",
            entries.iter().map(|e| (entry_key(e), e)),
        )
    }

    pub fn store_profile(&self, store: &str) -> Result<Option<StoreProfile>> {
        self.get(PROFILES, "store profile", store.as_bytes())
    }

    pub fn store_profiles(&self) -> Result<Vec<StoreProfile>> {
        self.scan(PROFILES, "store profile", b"")
    }

    pub fn put_store_profiles(&self, profiles: &[StoreProfile]) -> Result<()> {
        self.put_all(
            PROFILES,
            "store profile",
            profiles
                .iter()
                .map(|p| (p.store_code.as_bytes().to_vec(), p)),
        )
    }

    pub fn plan_snoozes(&self) -> Result<Vec<PlanSnooze>> {
        self.scan(SNOOZES, "snooze", b"")
    }

    pub fn put_snooze(&self, snooze: &PlanSnooze) -> Result<()> {
        self.put_all(SNOOZES, "snooze", [(snooze_key(snooze), snooze)])
    }

    pub fn company_dates(&self) -> Result<Vec<CompanyDate>> {
        self.scan(COMPANY_DATES, "company date", b"")
    }

    pub fn put_company_dates(&self, dates: &[CompanyDate]) -> Result<()> {
        self.put_all(
            COMPANY_DATES,
            "company date",
            dates.iter().map(|d| (d.meta.id.to_bytes().to_vec(), d)),
        )
    }
}

#[cfg(test)]
#[path = "client_file_tests.rs"]
mod tests;
