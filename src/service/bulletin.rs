//! Bulletins out of the database: the recipients of a segment, the files
//! for sending (a mail-merge CSV, one `.eml` per e-mail recipient, a call
//! and messenger list) and a contact logged in each recipient's timeline.

use crate::clock::Clock;
use crate::domain::RecordMeta;
use crate::domain::client::{
    Bulletin, ContactOutcome, EntryKind, Recipient, Segment, SegmentFacts, TimelineEntry,
    recipients,
};
use crate::domain::store::Channel;
use crate::storage::{Database, Result};
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Who the bulletin would go to, as of today.
pub fn bulletin_recipients(
    db: &Database,
    clock: &Clock,
    segments: &[Segment],
) -> Result<Vec<Recipient>> {
    let settings = db.settings()?;
    let stores = db.stores()?;
    let standing = crate::service::loyalty::loyalty_of(db, clock.today(), None)?;
    let mut people: HashMap<String, Vec<crate::domain::client::Contact>> = HashMap::new();
    for c in db.all_contacts()?.into_iter().filter(|c| !c.removed) {
        people.entry(c.store_code.clone()).or_default().push(c);
    }
    let mut trusted = HashMap::new();
    for s in &stores {
        trusted.insert(s.code.clone(), db.is_trusted(&s.code)?);
    }
    let facts: Vec<SegmentFacts<'_>> = stores
        .iter()
        .map(|s| {
            let l = standing.get(&s.code);
            SegmentFacts {
                store: s,
                contacts: people.get(&s.code).map(Vec::as_slice).unwrap_or(&[]),
                loyal: l.is_some_and(|l| l.loyalty.is_loyal(&settings)),
                trusted: trusted.get(&s.code).copied().unwrap_or(false),
                at_risk: l.is_some_and(|l| l.risk.at_risk),
            }
        })
        .collect();
    Ok(recipients(&facts, segments))
}

/// One row of the mail-merge file.
#[derive(Serialize)]
struct MergeRow<'a> {
    store_code: &'a str,
    store_name: &'a str,
    person: &'a str,
    channel: &'a str,
    email: &'a str,
    phone: &'a str,
    messenger: &'a str,
    title: &'a str,
    text: &'a str,
    valid_from: chrono::NaiveDate,
    valid_to: chrono::NaiveDate,
    promo: &'a str,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub dir: PathBuf,
    pub recipients: usize,
    pub emails: usize,
    pub calls: usize,
}

/// The text of the message: the bulletin's text, its dates and its code.
pub fn body(b: &Bulletin) -> String {
    let mut out = b.text.clone();
    out.push_str("\n\n");
    out.push_str(&crate::t!(
        "bulletin-valid",
        from = crate::i18n::date(b.from),
        to = crate::i18n::date(b.to)
    ));
    if let Some(code) = &b.promo {
        out.push('\n');
        out.push_str(&crate::t!("bulletin-promo", code = code.clone()));
    }
    out.push('\n');
    out
}

/// The `.eml` for one recipient (RFC 5322, UTF-8).
pub fn eml(b: &Bulletin, to: &Recipient, sender: (&str, &str), at: i64) -> std::io::Result<String> {
    let name = if to.person.is_empty() {
        to.store_name.as_str()
    } else {
        to.person.as_str()
    };
    mail_builder::MessageBuilder::new()
        .from((sender.0, sender.1))
        .to((name, to.email.as_str()))
        .subject(b.title.as_str())
        .date(at)
        .text_body(body(b))
        .write_to_string()
}

fn file_name(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> crate::storage::StorageError {
    crate::storage::StorageError::Invalid(format!("{}: {e}", path.display()))
}

/// Writes the bulletin's files into `dir` (new, or empty) and logs a
/// contact in each recipient's timeline. The files are written into a
/// sibling folder first and moved into place whole; the log is one atomic
/// write after that, so a failure leaves either nothing logged or all.
pub fn write_bulletin(
    db: &Database,
    clock: &Clock,
    by: &str,
    b: &Bulletin,
    to: &[Recipient],
    dir: &Path,
    sender: (&str, &str),
) -> Result<Written> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map_err(|e| io_error(dir, e))?
            .next()
            .is_some()
    {
        return Err(io_error(dir, crate::t!("bulletin-dir-not-empty")));
    }
    let part = dir.with_extension(format!("part-{}", ulid::Ulid::new()));
    let result = write_files(b, to, &part, sender, clock.now().timestamp());
    let counts = match result {
        Ok(c) => c,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&part);
            return Err(e);
        }
    };
    if dir.exists() {
        std::fs::remove_dir(dir).map_err(|e| io_error(dir, e))?;
    }
    std::fs::rename(&part, dir).map_err(|e| io_error(dir, e))?;
    let today = clock.today();
    let entries: Vec<TimelineEntry> = to
        .iter()
        .map(|r| TimelineEntry {
            meta: RecordMeta::fresh(by, db.device(), clock.now()),
            store_code: r.store_code.clone(),
            date: today,
            kind: EntryKind::ContactMade {
                channel: r.channel,
                topic: b.topic,
                outcome: if r.channel == Channel::Email {
                    ContactOutcome::Sent
                } else {
                    ContactOutcome::Queued
                },
            },
            text: b.title.clone(),
            contact: r.contact,
        })
        .collect();
    db.put_timeline(&entries)?;
    Ok(Written {
        dir: dir.to_path_buf(),
        recipients: to.len(),
        emails: counts.0,
        calls: counts.1,
    })
}

fn write_files(
    b: &Bulletin,
    to: &[Recipient],
    dir: &Path,
    sender: (&str, &str),
    at: i64,
) -> Result<(usize, usize)> {
    let eml_dir = dir.join("eml");
    std::fs::create_dir_all(&eml_dir).map_err(|e| io_error(&eml_dir, e))?;
    let merge = dir.join("recipients.csv");
    let calls_path = dir.join("calls.csv");
    let csv_err = |p: &Path, e: csv::Error| io_error(p, e);
    let mut all = csv::Writer::from_path(&merge).map_err(|e| csv_err(&merge, e))?;
    let mut calls = csv::Writer::from_path(&calls_path).map_err(|e| csv_err(&calls_path, e))?;
    let (mut emails, mut called) = (0, 0);
    for r in to {
        let row = MergeRow {
            store_code: &r.store_code,
            store_name: &r.store_name,
            person: &r.person,
            channel: r.channel.key(),
            email: &r.email,
            phone: &r.phone,
            messenger: &r.messenger,
            title: &b.title,
            text: &b.text,
            valid_from: b.from,
            valid_to: b.to,
            promo: b.promo.as_deref().unwrap_or(""),
        };
        all.serialize(crate::exchange::spreadsheet::Guarded(&row))
            .map_err(|e| csv_err(&merge, e))?;
        if r.channel == Channel::Email {
            let path = eml_dir.join(format!("{}.eml", file_name(&r.store_code)));
            let text = eml(b, r, sender, at).map_err(|e| io_error(&path, e))?;
            std::fs::write(&path, text).map_err(|e| io_error(&path, e))?;
            emails += 1;
        } else {
            calls
                .serialize(crate::exchange::spreadsheet::Guarded(&row))
                .map_err(|e| csv_err(&calls_path, e))?;
            called += 1;
        }
    }
    all.flush().map_err(|e| io_error(&merge, e))?;
    calls.flush().map_err(|e| io_error(&calls_path, e))?;
    Ok((emails, called))
}
