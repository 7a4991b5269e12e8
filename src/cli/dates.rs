//! `rounds dates`: the company's own dates to remember (its anniversary, a
//! trade fair), greeted from the contact plan like the holidays. Listing is
//! for everyone; adding and removing for a supervisor or the local owner.

use super::args::DatesCommand;
use super::{CliResult, Context, Failure};
use crate::domain::RecordMeta;
use crate::domain::dates::{Calendar, CompanyDate, DateRule};
use chrono::Duration;

fn fail(message: String) -> Failure {
    Failure { code: 2, message }
}

pub fn run(ctx: &Context, action: Option<DatesCommand>) -> CliResult {
    let db = ctx.open()?;
    match action {
        None => {
            let today = ctx.clock.today();
            let mut dates: Vec<CompanyDate> = db
                .company_dates()?
                .into_iter()
                .filter(|d| !d.removed)
                .collect();
            dates.sort_by(|a, b| a.title.cmp(&b.title));
            if dates.is_empty() {
                println!("{}", crate::t!("dates-none"));
            }
            for d in dates {
                let next = d
                    .rule
                    // 29 February: up to four years ahead
                    .between(today, today + Duration::days(4 * 366))
                    .next()
                    .map(|n| n.to_string())
                    .unwrap_or_default();
                let countries = if d.countries.is_empty() {
                    "*".to_string()
                } else {
                    d.countries.join(",")
                };
                println!(
                    "{}\t{}\t{next}\t{countries}\t{}",
                    d.meta.id, d.rule, d.title
                );
            }
            Ok(())
        }
        Some(DatesCommand::Add {
            title,
            on,
            countries,
        }) => {
            let by = super::identity::admin(ctx, &db)?;
            let title = title.trim().to_string();
            if title.is_empty() {
                return Err(fail(crate::t!("dates-no-title")));
            }
            let rule = DateRule::parse(&on).map_err(fail)?;
            let mut codes = Vec::new();
            for c in countries.iter().map(|c| c.trim().to_uppercase()) {
                if c.is_empty() {
                    continue;
                }
                if Calendar::of(&c).is_none() {
                    return Err(fail(crate::t!("dates-bad-country", country = c)));
                }
                codes.push(c);
            }
            if db
                .company_dates()?
                .iter()
                .any(|d| !d.removed && d.rule == rule && d.title.eq_ignore_ascii_case(&title))
            {
                return Err(fail(crate::t!("dates-duplicate", title = title)));
            }
            let date = CompanyDate {
                meta: RecordMeta::fresh(by.actor(), db.device(), ctx.clock.now()),
                title,
                rule,
                countries: codes,
                removed: false,
            };
            db.put_company_dates(std::slice::from_ref(&date))?;
            println!("{}\t{}\t{}", date.meta.id, date.rule, date.title);
            Ok(())
        }
        Some(DatesCommand::Remove { id }) => {
            let by = super::identity::admin(ctx, &db)?;
            let Some(mut date) = db
                .company_dates()?
                .into_iter()
                .find(|d| d.meta.id.to_string().eq_ignore_ascii_case(id.trim()) && !d.removed)
            else {
                return Err(fail(crate::t!("dates-unknown", id = id)));
            };
            date.removed = true;
            date.meta.touch(crate::domain::Stamp {
                by: by.actor().to_string(),
                device: db.device().to_string(),
                at: ctx.clock.now(),
            });
            db.put_company_dates(&[date])?;
            Ok(())
        }
    }
}
