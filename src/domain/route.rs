//! Today's route: the stores planned for a weekday, and the overdue ones.
//! A store is overdue when its last visit is older than its visit frequency;
//! irregular visits are the first reason stores leave, so overdue stores are
//! shown on the route even on days they are not planned.

use super::Store;
use chrono::NaiveDate;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteStop {
    pub store_code: String,
    pub planned_today: bool,
    pub last_visit: Option<NaiveDate>,
    /// Days past the visit frequency; `None` when not overdue.
    pub overdue_days: Option<i64>,
}

impl RouteStop {
    pub fn is_overdue(&self) -> bool {
        self.overdue_days.is_some()
    }
}

/// Days a store is overdue: `Some(n)` with n ≥ 1 once the last visit is more than
/// `every_days` ago; a store never visited is overdue by its whole frequency.
pub fn overdue_days(
    last_visit: Option<NaiveDate>,
    every_days: u16,
    today: NaiveDate,
) -> Option<i64> {
    let every = i64::from(every_days.max(1));
    match last_visit {
        None => Some(every),
        Some(last) if last >= overdue_cutoff(every_days, today) => None,
        Some(last) => Some((today - last).num_days() - every),
    }
}

/// The first day a submitted visit keeps a store off the overdue list: a
/// visit on or after it is within the frequency (the route and the
/// dashboard both count from here).
pub fn overdue_cutoff(every_days: u16, today: NaiveDate) -> NaiveDate {
    today - chrono::Duration::days(i64::from(every_days.max(1)))
}

/// The next day the store should be visited: last visit + frequency (today if never).
pub fn next_due(last_visit: Option<NaiveDate>, every_days: u16, today: NaiveDate) -> NaiveDate {
    last_visit
        .map(|l| l + chrono::Duration::days(i64::from(every_days.max(1))))
        .unwrap_or(today)
}

/// The rep's stops for `today`: planned stores in route order, then overdue
/// stores planned on other days, most overdue first. A planned store already
/// visited today stays on the route (not overdue) so the rep sees the day's
/// work; an overdue store from another day leaves it once visited.
pub fn todays_route<'a>(
    stores: impl IntoIterator<Item = &'a Store>,
    last_visits: &HashMap<String, NaiveDate>,
    today: NaiveDate,
) -> Vec<RouteStop> {
    let mut planned = Vec::new();
    let mut extra = Vec::new();
    for store in stores {
        let last = last_visits.get(&store.code).copied();
        let overdue = overdue_days(last, store.visit_every_days, today);
        let planned_today = store.visit_weekdays.contains_date(today);
        let stop = RouteStop {
            store_code: store.code.clone(),
            planned_today,
            last_visit: last,
            overdue_days: overdue,
        };
        if planned_today {
            planned.push((store.route_order, store.code.clone(), stop));
        } else if overdue.is_some() {
            extra.push((overdue.unwrap_or(0), store.code.clone(), stop));
        }
    }
    planned.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    extra.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    planned
        .into_iter()
        .map(|p| p.2)
        .chain(extra.into_iter().map(|e| e.2))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Channel, Money, RecordMeta, WeekdaySet};
    use chrono::{TimeZone, Utc, Weekday};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn store(code: &str, order: u32, days: &[Weekday], every: u16) -> Store {
        Store {
            meta: RecordMeta::fresh("t", "t", Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()),
            code: code.into(),
            name: code.into(),
            address: String::new(),
            city: String::new(),
            decision_maker: String::new(),
            phone: String::new(),
            email: String::new(),
            preferred_channel: Channel::Visit,
            visit_every_days: every,
            visit_weekdays: WeekdaySet::of(days),
            rep: "r1".into(),
            route_order: order,
            deferral_days: 0,
            credit_limit: Money(0),
        }
    }

    #[test]
    fn overdue_boundaries() {
        // (last visit, every, today, expected)
        let cases = [
            (Some(d(3, 1)), 7, d(3, 8), None), // exactly the frequency: due, not overdue
            (Some(d(3, 1)), 7, d(3, 9), Some(1)), // one day past
            (Some(d(3, 1)), 7, d(3, 1), None), // visited today
            (None, 7, d(3, 1), Some(7)),       // never visited
            (Some(d(3, 1)), 0, d(3, 3), Some(1)), // a zero frequency counts as daily
            (Some(d(3, 10)), 7, d(3, 1), None), // a future date (clock skew) is not overdue
        ];
        for (last, every, today, expected) in cases {
            assert_eq!(
                overdue_days(last, every, today),
                expected,
                "{last:?} {every} {today}"
            );
        }
    }

    #[test]
    fn route_orders_planned_then_overdue() {
        let today = d(11, 24); // a Tuesday
        assert_eq!(today.format("%a").to_string(), "Tue");
        let stores = [
            store("B", 2, &[Weekday::Tue], 7),
            store("A", 1, &[Weekday::Tue, Weekday::Fri], 7),
            store("C", 3, &[Weekday::Mon], 7), // not planned, overdue by 3
            store("D", 4, &[Weekday::Wed], 14), // not planned, not overdue
            store("E", 5, &[Weekday::Thu], 7), // not planned, overdue by 10
        ];
        let last: HashMap<String, NaiveDate> = [
            ("A".to_string(), d(11, 20)),
            ("B".to_string(), d(11, 10)),
            ("C".to_string(), d(11, 14)),
            ("D".to_string(), d(11, 18)),
            ("E".to_string(), d(11, 7)),
        ]
        .into();
        let route = todays_route(&stores, &last, today);
        let codes: Vec<_> = route.iter().map(|s| s.store_code.as_str()).collect();
        assert_eq!(codes, ["A", "B", "E", "C"]);
        assert_eq!(route[0].overdue_days, None);
        assert_eq!(route[1].overdue_days, Some(7));
        assert_eq!(route[2].overdue_days, Some(10));
        assert!(!route[2].planned_today);
    }
}
