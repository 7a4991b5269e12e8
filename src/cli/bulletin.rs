//! `rounds bulletin`: an offer, news or an event for a segment of stores,
//! written for sending (see `service::bulletin`). A rep's bulletin goes to
//! their own stores only.

use super::args::parse_date;
use super::{CliResult, Context, Failure};
use crate::domain::client::{Bulletin, BulletinError, ContactTopic, Segment};
use crate::t;
use chrono::NaiveDate;
use std::path::PathBuf;

/// `rounds bulletin` (its arguments, as clap reads them).
#[derive(Debug, clap::Args)]
pub struct Options {
    #[arg(long)]
    pub title: String,
    /// The message; or --text-file
    #[arg(long, required_unless_present = "text_file")]
    pub text: Option<String>,
    #[arg(long, value_name = "FILE", conflicts_with = "text")]
    pub text_file: Option<PathBuf>,
    /// First day it is valid (default: --today)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub valid_from: Option<NaiveDate>,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub valid_to: NaiveDate,
    /// A promotion code it announces
    #[arg(long, value_name = "CODE")]
    pub promo: Option<String>,
    /// offer, news or event
    #[arg(long, default_value = "offer")]
    pub topic: String,
    /// all, loyal, trusted, at-risk, city:NAME, rep:CODE, channel:KIND;
    /// repeat to narrow (loyal stores in one city). Required: `all` is
    /// never assumed
    #[arg(long = "segment", value_name = "SEGMENT", required = true)]
    pub segments: Vec<String>,
    /// The sender of the e-mails, "Name <address>"
    #[arg(
        long,
        value_name = "FROM",
        default_value = "rounds <office@example.com>"
    )]
    pub sender: String,
    /// List the recipients only; write and log nothing
    #[arg(long)]
    pub dry_run: bool,
    /// A new (or empty) folder for the files
    #[arg(short, long, value_name = "DIR", required_unless_present = "dry_run")]
    pub output: Option<PathBuf>,
}

fn fail(message: String) -> Failure {
    Failure { code: 2, message }
}

/// A refused bulletin in the user's words.
fn worded(e: BulletinError) -> Failure {
    fail(match e {
        BulletinError::NoTitle => t!("bulletin-no-title"),
        BulletinError::NoText => t!("bulletin-no-text"),
        BulletinError::EndsBeforeStart { from, to } => t!(
            "bulletin-ends-before",
            from = crate::i18n::date(from),
            to = crate::i18n::date(to)
        ),
        BulletinError::Topic => t!("bulletin-bad-topic", topic = String::new()),
        BulletinError::Segment(s) => t!("bulletin-bad-segment", segment = s),
    })
}

/// "Name <address>" or a bare address.
fn sender(text: &str) -> Result<(String, String), Failure> {
    let t = text.trim();
    let (name, addr) = match (t.rfind('<'), t.ends_with('>')) {
        (Some(i), true) => (t[..i].trim(), t[i + 1..t.len() - 1].trim()),
        _ => ("", t),
    };
    crate::domain::client::check_email(addr)
        .ok()
        .filter(|a| !a.is_empty())
        .ok_or(())
        .map_err(|_| fail(t!("bulletin-bad-sender", sender = t.to_string())))?;
    Ok((name.to_string(), addr.to_string()))
}

pub fn run(ctx: &Context, o: &Options) -> CliResult {
    let topic = match o.topic.trim().to_lowercase().as_str() {
        "offer" => ContactTopic::Offer,
        "news" => ContactTopic::News,
        "event" => ContactTopic::Event,
        other => return Err(fail(t!("bulletin-bad-topic", topic = other.to_string()))),
    };
    let text = match (&o.text, &o.text_file) {
        (Some(t), _) => t.clone(),
        (None, Some(path)) => {
            std::fs::read_to_string(path).map_err(|e| fail(format!("{}: {e}", path.display())))?
        }
        (None, None) => String::new(),
    };
    let from = o.valid_from.unwrap_or_else(|| ctx.clock.today());
    let bulletin = Bulletin::new(&o.title, &text, from, o.valid_to, o.promo.as_deref(), topic)
        .map_err(worded)?;
    let mut segments = o
        .segments
        .iter()
        .map(|s| Segment::parse(s))
        .collect::<Result<Vec<_>, _>>()
        .map_err(worded)?;
    let (from_name, from_addr) = sender(&o.sender)?;
    let db = ctx.open()?;
    if let Some(code) = &bulletin.promo
        && !db
            .promotions()?
            .iter()
            .any(|p| p.code.eq_ignore_ascii_case(code))
    {
        return Err(fail(t!("bulletin-unknown-promo", code = code.clone())));
    }
    let viewer = super::identity::viewer(ctx, &db)?;
    if let Some(rep) = viewer.only_rep() {
        segments.push(Segment::Rep(rep.to_string()));
    }
    let to = crate::service::bulletin::bulletin_recipients(&db, &ctx.clock, &segments)?;
    if o.dry_run {
        for r in &to {
            println!(
                "{}\t{}\t{}\t{}",
                r.store_code,
                r.person,
                r.channel.key(),
                match r.channel {
                    crate::domain::store::Channel::Email => r.email.as_str(),
                    crate::domain::store::Channel::Messenger if !r.messenger.is_empty() => {
                        r.messenger.as_str()
                    }
                    _ => r.phone.as_str(),
                }
            );
        }
        println!("{}", t!("bulletin-dry-run", count = to.len()));
        return Ok(());
    }
    if to.is_empty() {
        return Err(fail(t!("bulletin-no-recipients")));
    }
    let Some(dir) = &o.output else {
        return Err(fail(t!("bulletin-no-output")));
    };
    let written = crate::service::bulletin::write_bulletin(
        &db,
        &ctx.clock,
        viewer.actor(),
        &bulletin,
        &to,
        dir,
        (&from_name, &from_addr),
    )?;
    println!(
        "{}",
        t!(
            "bulletin-written",
            count = written.recipients,
            emails = written.emails,
            calls = written.calls,
            dir = written.dir.display().to_string()
        )
    );
    Ok(())
}
