//! The week's proposal: which weekdays each store is visited on, so that every
//! store's frequency is kept (no gap longer than its frequency, where five
//! working days allow it) and the days' drives are short.
//!
//! Stores are swept by their bearing from the start, so each day gets a
//! sector of the territory; then stores move between their allowed day
//! patterns while that shortens the days (estimated by a nearest-neighbour
//! tour; the day's real order comes from `plan_day`).

use super::geo::LatLon;
use super::hours::OpeningHours;
use crate::domain::WeekdaySet;
use chrono::Weekday;

#[derive(Debug, Clone, PartialEq)]
pub struct WeekStore {
    pub code: String,
    pub at: Option<LatLon>,
    pub every_days: u16,
    pub hours: Option<OpeningHours>,
    /// The weekdays planned now (a starting point when it keeps the frequency).
    pub current: WeekdaySet,
}

/// The working days a week proposal uses.
pub const WORKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

/// The day patterns (bit sets over `WORKDAYS`) that keep the frequency with
/// the fewest visits; when none can (every 1 or 2 days), every open workday.
pub fn patterns(store: &WeekStore) -> Vec<u8> {
    let open: u8 = WORKDAYS
        .iter()
        .enumerate()
        .filter(|(_, d)| store.hours.as_ref().is_none_or(|h| !h.on(**d).is_empty()))
        .fold(0, |acc, (i, _)| acc | 1 << i);
    if open == 0 {
        return vec![];
    }
    let every = u32::from(store.every_days.max(1));
    let subsets = (1u8..32).filter(|s| s & !open == 0);
    let keeping: Vec<u8> = subsets.clone().filter(|s| max_gap(*s) <= every).collect();
    match keeping.iter().map(|s| s.count_ones()).min() {
        Some(k) => keeping
            .into_iter()
            .filter(|s| s.count_ones() == k)
            .collect(),
        None => vec![open],
    }
}

/// The longest gap in days between visits on a weekly cycle.
fn max_gap(set: u8) -> u32 {
    let days: Vec<u32> = (0..5).filter(|i| set & (1 << i) != 0).collect();
    let mut gap = 0;
    for (i, d) in days.iter().enumerate() {
        let next = days.get(i + 1).copied().unwrap_or(days[0] + 7);
        gap = gap.max(next - d);
    }
    gap
}

fn to_weekdays(set: u8) -> WeekdaySet {
    let days: Vec<Weekday> = (0..5)
        .filter(|i| set & (1 << i) != 0)
        .map(|i| WORKDAYS[i])
        .collect();
    WeekdaySet::of(&days)
}

/// Nearest-neighbour tour length from `origin` through `points` and back (an estimate).
fn day_len(origin: LatLon, points: &[LatLon]) -> f64 {
    let mut left: Vec<LatLon> = points.to_vec();
    let mut here = origin;
    let mut total = 0.0;
    while !left.is_empty() {
        let (i, d) = left
            .iter()
            .enumerate()
            .map(|(i, p)| (i, here.km_to(*p)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .expect("not empty");
        total += d;
        here = left.swap_remove(i);
    }
    total + here.km_to(origin)
}

type Located = (usize, LatLon, Vec<u8>);

fn members(located: &[Located], pick: &[u8], d: usize, skip: Option<usize>) -> Vec<LatLon> {
    located
        .iter()
        .enumerate()
        .filter(|(j, _)| pick[*j] & (1 << d) != 0 && Some(*j) != skip)
        .map(|(_, l)| l.1)
        .collect()
}

fn week_len(located: &[Located], origin: LatLon, pick: &[u8]) -> f64 {
    (0..5)
        .map(|d| day_len(origin, &members(located, pick, d, None)))
        .sum()
}

/// Moves stores to another of their patterns while the week gets shorter and
/// no day grows past `cap` stores (or past its size now).
fn improve(located: &[Located], origin: LatLon, cap: usize, mut pick: Vec<u8>) -> Vec<u8> {
    let mut lens: Vec<f64> = (0..5)
        .map(|d| day_len(origin, &members(located, &pick, d, None)))
        .collect();
    for _ in 0..6 {
        let mut better = false;
        for i in 0..located.len() {
            let (_, at, pats) = &located[i];
            let old = pick[i];
            for &p in pats {
                if p == old {
                    continue;
                }
                let mut new_lens = lens.clone();
                let mut fits = true;
                for d in (0..5).filter(|d| (old | p) & (1 << d) != 0) {
                    let mut pts = members(located, &pick, d, Some(i));
                    if p & (1 << d) != 0 {
                        let size = pts.len() + 1;
                        fits &= size <= cap.max(members(located, &pick, d, None).len());
                        pts.push(*at);
                    }
                    new_lens[d] = day_len(origin, &pts);
                }
                if fits && new_lens.iter().sum::<f64>() < lens.iter().sum::<f64>() - 1e-9 {
                    pick[i] = p;
                    lens = new_lens;
                    better = true;
                    break;
                }
            }
        }
        if !better {
            break;
        }
    }
    pick
}

/// Proposes the weekdays of each store. Stores without coordinates or closed
/// on every workday keep no proposal (`None`).
pub fn propose_week(
    stores: &[WeekStore],
    start: Option<LatLon>,
) -> Vec<(String, Option<WeekdaySet>)> {
    let located: Vec<(usize, LatLon, Vec<u8>)> = stores
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((i, s.at?, patterns(s))))
        .filter(|(_, _, p)| !p.is_empty())
        .collect();
    let mut chosen: Vec<Option<u8>> = vec![None; stores.len()];
    if located.is_empty() {
        return stores.iter().map(|s| (s.code.clone(), None)).collect();
    }
    let origin = start.unwrap_or_else(|| {
        let n = located.len() as f64;
        LatLon {
            lat: located.iter().map(|l| l.1.lat).sum::<f64>() / n,
            lon: located.iter().map(|l| l.1.lon).sum::<f64>() / n,
        }
    });
    let visits: u32 = located.iter().map(|l| l.2[0].count_ones()).sum();
    let cap = (f64::from(visits) / 5.0 * 1.2).ceil().max(1.0) as usize;
    let bearing = |p: LatLon| {
        (p.lat - origin.lat).atan2((p.lon - origin.lon) * origin.lat.to_radians().cos())
    };
    let mut order: Vec<usize> = (0..located.len()).collect();
    // constrained stores (more visits, fewer choices) first, then by bearing
    order.sort_by(|a, b| {
        let (la, lb) = (&located[*a], &located[*b]);
        lb.2[0]
            .count_ones()
            .cmp(&la.2[0].count_ones())
            .then(bearing(la.1).total_cmp(&bearing(lb.1)))
    });
    let mut days: [Vec<LatLon>; 5] = Default::default();
    let mut sweep: Vec<u8> = vec![0; located.len()];
    // sweep: each store into the allowed pattern closest to what its days
    // already hold, full days avoided while others have room
    for &i in &order {
        let (_, at, pats) = &located[i];
        let cost = |p: u8, days: &[Vec<LatLon>; 5]| -> f64 {
            (0..5)
                .filter(|d| p & (1 << d) != 0)
                .map(|d| {
                    let near = days[d]
                        .iter()
                        .map(|q| q.km_to(*at))
                        .fold(at.km_to(origin), f64::min);
                    let full = if days[d].len() >= cap { 1e6 } else { 0.0 };
                    near + full + days[d].len() as f64 * 0.01
                })
                .sum()
        };
        let best = *pats
            .iter()
            .min_by(|a, b| cost(**a, &days).total_cmp(&cost(**b, &days)))
            .expect("patterns");
        for (d, day) in days.iter_mut().enumerate() {
            if best & (1 << d) != 0 {
                day.push(*at);
            }
        }
        sweep[i] = best;
    }
    // the current plan, where it keeps the frequency, is the other start
    let current: Vec<u8> = located
        .iter()
        .zip(&sweep)
        .map(|((i, _, pats), fallback)| {
            let now = stores[*i].current.0 & 0b11111;
            if pats.contains(&now) { now } else { *fallback }
        })
        .collect();
    let a = improve(&located, origin, cap, sweep);
    let b = improve(&located, origin, cap, current);
    let pick = if week_len(&located, origin, &a) <= week_len(&located, origin, &b) {
        a
    } else {
        b
    };
    for (k, (i, _, _)) in located.iter().enumerate() {
        chosen[*i] = Some(pick[k]);
    }
    stores
        .iter()
        .zip(chosen)
        .map(|(s, c)| (s.code.clone(), c.map(to_weekdays)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(code: &str, lat: f64, lon: f64, every: u16) -> WeekStore {
        WeekStore {
            code: code.into(),
            at: Some(LatLon { lat, lon }),
            every_days: every,
            hours: None,
            current: WeekdaySet::default(),
        }
    }

    #[test]
    fn patterns_keep_the_frequency_with_fewest_visits() {
        let weekly = patterns(&store("a", 0.0, 0.0, 7));
        assert_eq!(weekly.len(), 5);
        assert!(weekly.iter().all(|p| p.count_ones() == 1));
        // every 4 days: two visits, three or four days apart
        for p in patterns(&store("a", 0.0, 0.0, 4)) {
            assert_eq!(p.count_ones(), 2);
            assert!(max_gap(p) <= 4, "{p:b}");
        }
        // every 3 days: three visits (Mon, Wed, Fri among them), no gap over 3
        let three = patterns(&store("a", 0.0, 0.0, 3));
        assert!(three.contains(&0b10101));
        assert!(
            three
                .iter()
                .all(|p| p.count_ones() == 3 && max_gap(*p) <= 3)
        );
        // every day: all five workdays
        assert_eq!(patterns(&store("a", 0.0, 0.0, 1)), vec![0b11111]);
        // closed on Mondays: weekly stores never get a Monday
        let mut s = store("a", 0.0, 0.0, 7);
        s.hours = Some(OpeningHours::parse("Tue-Sat 09:00-18:00").unwrap());
        assert!(patterns(&s).iter().all(|p| p & 1 == 0));
    }

    #[test]
    fn the_week_splits_the_territory_and_keeps_frequencies() {
        // four clusters of five weekly stores around the start, two twice-weekly
        let mut stores = Vec::new();
        for (c, (dl, dn)) in [(0.1, 0.0), (-0.1, 0.0), (0.0, 0.1), (0.0, -0.1)]
            .iter()
            .enumerate()
        {
            for k in 0..5 {
                let f = k as f64 * 0.004;
                stores.push(store(&format!("C{c}{k}"), 42.0 + dl + f, 23.0 + dn + f, 7));
            }
        }
        stores.push(store("T1", 42.02, 23.02, 4));
        let start = Some(LatLon {
            lat: 42.0,
            lon: 23.0,
        });
        let week = propose_week(&stores, start);
        for ((code, set), s) in week.iter().zip(&stores) {
            let set = set.expect(code);
            let n = set.days().count();
            assert_eq!(n, if s.every_days == 7 { 1 } else { 2 }, "{code}");
        }
        // a cluster shares its day
        for c in 0..4 {
            let days: std::collections::HashSet<_> = week
                .iter()
                .filter(|(code, _)| code.starts_with(&format!("C{c}")))
                .map(|(_, s)| s.unwrap().0)
                .collect();
            assert_eq!(days.len(), 1, "cluster {c}: {days:?}");
        }
    }
}
