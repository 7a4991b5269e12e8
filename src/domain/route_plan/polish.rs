//! A local search that finishes the solver's tour: 2-opt (reverse a stretch)
//! and or-opt (move a run of one to three stores, either way round), a move
//! kept only when it shortens the drive and every visit still starts within
//! its opening hours and the day still ends in time. After the first local
//! optimum, `kick` keeps going until its deadline: a random double-bridge
//! move, then the local search again, kept when shorter (iterated local
//! search).
//!
//! Why: within the plan's time budget vrp-core's tours on 80 stores are
//! 7 % longer on average (up to 11-14 %) than a 2-opt + or-opt search from
//! many starts finds (docs/route.md); this search from the solver's tour
//! closes that gap.

use super::LatLon;
use super::plan::{Candidate, Params};

/// Road km between the tour's nodes: 0 the start, 1..=n the stores, n + 1 the end.
struct Nodes<'p> {
    d: Vec<f64>,
    size: usize,
    timed: bool,
    params: &'p Params,
}

impl Nodes<'_> {
    fn km(&self, a: usize, b: usize) -> f64 {
        self.d[a * self.size + b]
    }

    /// The node at tour position `p` (0 the start, len + 1 the end).
    fn at(&self, tour: &[usize], p: usize) -> usize {
        if p == 0 {
            0
        } else if p > tour.len() {
            self.size - 1
        } else {
            tour[p - 1]
        }
    }

    fn length(&self, tour: &[usize]) -> f64 {
        (0..=tour.len())
            .map(|p| self.km(self.at(tour, p), self.at(tour, p + 1)))
            .sum()
    }
}

/// The tour's km if it keeps every window and the day, else `None`.
fn cost(nodes: &Nodes<'_>, origin: LatLon, stores: &[&Candidate], tour: &[usize]) -> Option<f64> {
    let km = nodes.length(tour);
    let p = nodes.params;
    if !nodes.timed {
        // no opening hours: no waiting, so the day's end is all that binds
        let back = p.start_minute + p.drive_minutes(km) + p.service_minutes * tour.len() as f64;
        return (back <= p.end_minute + 1e-6).then_some(km);
    }
    let order: Vec<&Candidate> = tour.iter().map(|i| stores[i - 1]).collect();
    let plan = super::plan::follow_located(origin, &order, p);
    let ok =
        plan.stops.iter().all(|s| !s.late) && plan.back.is_some_and(|b| b <= p.end_minute + 1e-6);
    ok.then_some(km)
}

fn local_search(
    nodes: &Nodes<'_>,
    origin: LatLon,
    stores: &[&Candidate],
    tour: &mut Vec<usize>,
    best: &mut f64,
) {
    let n = tour.len();
    for _round in 0..100 {
        let mut improved = false;
        // 2-opt: reverse tour[i..=j]
        for i in 0..n - 1 {
            for j in i + 1..n {
                let (a, b) = (nodes.at(tour, i), nodes.at(tour, i + 1));
                let (c, e) = (nodes.at(tour, j + 1), nodes.at(tour, j + 2));
                let delta = nodes.km(a, c) + nodes.km(b, e) - nodes.km(a, b) - nodes.km(c, e);
                if delta < -1e-9 {
                    tour[i..=j].reverse();
                    match cost(nodes, origin, stores, tour) {
                        Some(km) if km < *best - 1e-9 => {
                            *best = km;
                            improved = true;
                        }
                        _ => tour[i..=j].reverse(),
                    }
                }
            }
        }
        // or-opt: move tour[i..i + len] between two other neighbours
        for len in 1..=3.min(n - 1) {
            let mut i = 0;
            while i + len <= n {
                let (prev, first) = (nodes.at(tour, i), nodes.at(tour, i + 1));
                let (last, next) = (nodes.at(tour, i + len), nodes.at(tour, i + len + 1));
                let removed = nodes.km(prev, first) + nodes.km(last, next) - nodes.km(prev, next);
                let mut moved = false;
                // positions k of the tour without the run: between rest[k-1] and rest[k]
                for k in 0..=n - len {
                    if k == i {
                        continue;
                    }
                    let pos = |q: usize| if q < i { q } else { q + len };
                    let a = if k == 0 { 0 } else { tour[pos(k - 1)] };
                    let b = if k == n - len {
                        nodes.size - 1
                    } else {
                        tour[pos(k)]
                    };
                    for reversed in [false, true] {
                        let added = if reversed {
                            nodes.km(a, last) + nodes.km(first, b) - nodes.km(a, b)
                        } else {
                            nodes.km(a, first) + nodes.km(last, b) - nodes.km(a, b)
                        };
                        if added < removed - 1e-9 {
                            let mut seg: Vec<usize> = tour[i..i + len].to_vec();
                            if reversed {
                                seg.reverse();
                            }
                            let mut t: Vec<usize> = Vec::with_capacity(n);
                            t.extend_from_slice(&tour[..i]);
                            t.extend_from_slice(&tour[i + len..]);
                            let at = k;
                            t.splice(at..at, seg);
                            if let Some(km) = cost(nodes, origin, stores, &t)
                                && km < *best - 1e-9
                            {
                                *best = km;
                                *tour = t;
                                improved = true;
                                moved = true;
                                break;
                            }
                        }
                    }
                    if moved {
                        break;
                    }
                }
                i += 1;
            }
        }
        if !improved {
            break;
        }
    }
}

/// Shortens a feasible tour of located stores in place until `deadline`
/// (an infeasible one is left as it is). Seeded: the same input gives the
/// same kicks.
pub fn kick(
    origin: LatLon,
    order: &mut Vec<&Candidate>,
    params: &Params,
    deadline: std::time::Instant,
) {
    use rand::{Rng, SeedableRng};
    let n = order.len();
    if n < 3 {
        return;
    }
    let end = params.end.unwrap_or(origin);
    let points: Vec<LatLon> = std::iter::once(origin)
        .chain(order.iter().map(|c| c.at.expect("located")))
        .chain(std::iter::once(end))
        .collect();
    let size = points.len();
    let mut d = Vec::with_capacity(size * size);
    for a in &points {
        for b in &points {
            d.push(params.road_km(*a, *b));
        }
    }
    let nodes = Nodes {
        d,
        size,
        timed: order.iter().any(|c| c.hours.is_some()),
        params,
    };
    let stores: Vec<&Candidate> = order.clone();
    let mut tour: Vec<usize> = (1..=n).collect();
    let Some(mut best) = cost(&nodes, origin, &stores, &tour) else {
        return;
    };
    local_search(&nodes, origin, &stores, &mut tour, &mut best);
    if n >= 8 {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(n as u64 * 7919);
        // kicks stay local: three cuts within a window of the tour
        let span = n.min(30);
        while std::time::Instant::now() < deadline {
            let from = rng.random_range(0..=n - span);
            let mut cuts = [
                from + rng.random_range(1..span),
                from + rng.random_range(1..span),
                from + rng.random_range(1..span),
            ];
            cuts.sort_unstable();
            let [a, b, c] = cuts;
            if a == b || b == c {
                continue;
            }
            let mut t: Vec<usize> = tour[..a].to_vec();
            t.extend_from_slice(&tour[b..c]);
            t.extend_from_slice(&tour[a..b]);
            t.extend_from_slice(&tour[c..]);
            let Some(mut km) = cost(&nodes, origin, &stores, &t) else {
                continue;
            };
            local_search(&nodes, origin, &stores, &mut t, &mut km);
            if km < best - 1e-9 {
                best = km;
                tour = t;
            }
        }
    }
    *order = tour.iter().map(|i| stores[i - 1]).collect();
}
