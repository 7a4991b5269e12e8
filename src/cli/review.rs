//! `rounds review list|show|comment|approve`: supervisor review on the
//! command line. With `--user` a rep lists and shows only their own visits.

use super::args::ExportFormat;
use super::identity::viewer;
use super::{CliResult, Context, Failure};
use crate::domain::review::{ReviewFilter, ReviewStatus};
use crate::t;
use chrono::NaiveDate;
use clap::Subcommand;
use ulid::Ulid;

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Visits by rep, store, date range and status
    List {
        #[arg(long = "by-rep", value_name = "CODE")]
        rep: Option<String>,
        #[arg(long, value_name = "CODE")]
        store: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::kpis::parse_day)]
        from: Option<NaiveDate>,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::kpis::parse_day)]
        to: Option<NaiveDate>,
        /// open, submitted, amended or reviewed
        #[arg(long, value_parser = parse_status)]
        status: Option<ReviewStatus>,
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
    },
    /// One visit, read-only, with its reviews and comments
    Show { id: String },
    /// Add a supervisor's comment to a visit
    Comment { id: String, text: String },
    /// Mark a visit reviewed
    Approve { id: String },
}

fn parse_status(text: &str) -> Result<ReviewStatus, String> {
    ReviewStatus::parse(text).ok_or_else(|| {
        format!("{text:?} is not a status; use open, submitted, amended or reviewed")
    })
}

fn parse_id(text: &str) -> Result<Ulid, Failure> {
    Ulid::from_string(text.trim()).map_err(|_| Failure {
        code: 1,
        message: t!("review-bad-id", id = text.to_string()),
    })
}

#[derive(serde::Serialize)]
struct ListRow {
    id: String,
    date: NaiveDate,
    rep: String,
    store: String,
    status: &'static str,
    comments: usize,
}

pub fn run(ctx: &Context, action: ReviewCommand) -> CliResult {
    let db = ctx.open()?;
    let who = viewer(ctx, &db)?;
    let now = ctx.clock.now();
    match action {
        ReviewCommand::List {
            rep,
            store,
            from,
            to,
            status,
            format,
        } => {
            // codes as typed: `--store s001` is S001 (an unknown code matches nothing)
            let rep = match rep {
                Some(r) => Some(db.rep_code_like(&r)?.unwrap_or(r)),
                None => None,
            };
            let store = match store {
                Some(s) => Some(db.store_code_like(&s)?.unwrap_or(s)),
                None => None,
            };
            if let Some(r) = &rep
                && !who.can_see_rep(r)
            {
                return Err(Failure {
                    code: 1,
                    message: t!("error-own-visits-only"),
                });
            }
            let filter = ReviewFilter {
                rep,
                store,
                from,
                to,
                status,
            };
            let rows: Vec<ListRow> = db
                .review_list(&who, &filter)?
                .into_iter()
                .map(|i| ListRow {
                    id: i.visit.meta.id.to_string(),
                    date: i.visit.date,
                    rep: i.visit.rep,
                    store: i.visit.store_code,
                    status: i.status.key(),
                    comments: i.comments,
                })
                .collect();
            super::export::write_records(&rows, format, &mut std::io::stdout().lock())?;
        }
        ReviewCommand::Show { id } => {
            let id = parse_id(&id)?;
            let v = db.visit_for(&who, id)?;
            let store = db.store(&v.store_code)?.map(|s| s.name).unwrap_or_default();
            println!("{} {}", t!("review-visit"), v.meta.id);
            println!("{}: {} {}", t!("col-store"), v.store_code, store);
            println!("{}: {}", t!("review-rep"), v.rep);
            println!("{}: {}", t!("review-date"), v.date);
            println!("{}: {:?}", t!("col-status"), v.status);
            for r in db.reviews_of(id)? {
                println!(
                    "{}",
                    t!("review-reviewed-by", by = r.by, at = r.at.to_rfc3339())
                );
            }
            for c in db.comments_of(id)? {
                println!("{} ({}): {}", c.by, c.at.to_rfc3339(), c.text);
            }
        }
        ReviewCommand::Comment { id, text } => {
            let id = parse_id(&id)?;
            db.add_comment(&who, id, &text, now)?;
            println!("{}", t!("review-comment-saved"));
        }
        ReviewCommand::Approve { id } => {
            let id = parse_id(&id)?;
            db.mark_reviewed(&who, id, now)?;
            println!("{}", t!("review-marked"));
        }
    }
    Ok(())
}
