//! The reference the planned tours are judged against: 2-opt plus or-opt
//! local search from many starts (nearest neighbour from every store, and
//! random orders), on the same road distances. Test and bench code only: the
//! app plans with vrp-core.
#![allow(dead_code)]

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rounds::domain::route_plan::{Candidate, LatLon, Params};

/// Random located stores around a city, no opening hours.
pub fn instance(seed: u64, n: usize) -> Vec<Candidate> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    // a town with a few dense neighbourhoods and stores in between
    let centres: Vec<(f64, f64)> = (0..rng.random_range(2..6))
        .map(|_| (rng.random_range(-0.15..0.15), rng.random_range(-0.2..0.2)))
        .collect();
    (0..n)
        .map(|i| {
            let (dlat, dlon) = if rng.random_bool(0.7) {
                let c = centres[rng.random_range(0..centres.len())];
                (
                    c.0 + rng.random_range(-0.03..0.03),
                    c.1 + rng.random_range(-0.04..0.04),
                )
            } else {
                (rng.random_range(-0.2..0.2), rng.random_range(-0.28..0.28))
            };
            Candidate {
                code: format!("S{i:03}"),
                at: Some(LatLon {
                    lat: 44.43 + dlat,
                    lon: 26.10 + dlon,
                }),
                hours: None,
            }
        })
        .collect()
}

/// Road km matrix: 0 is the start, store i is i + 1.
pub fn matrix(start: LatLon, stores: &[Candidate], params: &Params) -> Vec<Vec<f64>> {
    let pts: Vec<LatLon> = std::iter::once(start)
        .chain(stores.iter().map(|c| c.at.unwrap()))
        .collect();
    pts.iter()
        .map(|a| pts.iter().map(|b| params.road_km(*a, *b)).collect())
        .collect()
}

/// Length of a closed tour over matrix nodes (node 0 first).
pub fn length(d: &[Vec<f64>], tour: &[usize]) -> f64 {
    let mut total = 0.0;
    for i in 0..tour.len() {
        total += d[tour[i]][tour[(i + 1) % tour.len()]];
    }
    total
}

fn two_opt(d: &[Vec<f64>], tour: &mut [usize]) -> bool {
    let n = tour.len();
    let mut improved = false;
    for i in 0..n - 1 {
        for j in i + 2..n {
            let (a, b) = (tour[i], tour[i + 1]);
            let (c, e) = (tour[j], tour[(j + 1) % n]);
            if a == e {
                continue;
            }
            let delta = d[a][c] + d[b][e] - d[a][b] - d[c][e];
            if delta < -1e-9 {
                tour[i + 1..=j].reverse();
                improved = true;
            }
        }
    }
    improved
}

/// Moves a segment of 1-3 nodes elsewhere (either way round).
fn or_opt(d: &[Vec<f64>], tour: &mut Vec<usize>) -> bool {
    let n = tour.len();
    for len in 1..=3 {
        for i in 1..n.saturating_sub(len) + 1 {
            if i + len > n {
                break;
            }
            let prev = tour[i - 1];
            let next = tour[(i + len) % n];
            let (first, last) = (tour[i], tour[i + len - 1]);
            let removed = d[prev][first] + d[last][next] - d[prev][next];
            let seg: Vec<usize> = tour[i..i + len].to_vec();
            let mut rest: Vec<usize> = tour[..i].to_vec();
            rest.extend_from_slice(&tour[i + len..]);
            for k in 0..rest.len() {
                let (a, b) = (rest[k], rest[(k + 1) % rest.len()]);
                let fwd = d[a][first] + d[last][b] - d[a][b];
                let rev = d[a][last] + d[first][b] - d[a][b];
                let (gain, reversed) = if fwd <= rev {
                    (fwd, false)
                } else {
                    (rev, true)
                };
                if gain < removed - 1e-9 {
                    let mut s = seg.clone();
                    if reversed {
                        s.reverse();
                    }
                    let mut t = rest[..=k].to_vec();
                    t.extend(s);
                    t.extend_from_slice(&rest[k + 1..]);
                    // keep the start first
                    let zero = t.iter().position(|x| *x == 0).unwrap();
                    t.rotate_left(zero);
                    *tour = t;
                    return true;
                }
            }
        }
    }
    false
}

fn local_search(d: &[Vec<f64>], mut tour: Vec<usize>) -> Vec<usize> {
    loop {
        let a = two_opt(d, &mut tour);
        let b = or_opt(d, &mut tour);
        if !a && !b {
            return tour;
        }
    }
}

fn nearest_neighbour(d: &[Vec<f64>], first: usize) -> Vec<usize> {
    let n = d.len();
    let mut tour = vec![0];
    let mut used = vec![false; n];
    used[0] = true;
    if first != 0 {
        tour.push(first);
        used[first] = true;
    }
    while tour.len() < n {
        let here = *tour.last().unwrap();
        let next = (0..n)
            .filter(|j| !used[*j])
            .min_by(|a, b| d[here][*a].total_cmp(&d[here][*b]))
            .unwrap();
        used[next] = true;
        tour.push(next);
    }
    tour
}

/// The best closed tour found from `starts` starting tours; its length in km.
pub fn best_tour(d: &[Vec<f64>], starts: usize, seed: u64) -> f64 {
    let n = d.len();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut best = f64::MAX;
    for s in 0..starts {
        let tour = if s < n {
            nearest_neighbour(d, s)
        } else {
            let mut t: Vec<usize> = (1..n).collect();
            t.shuffle(&mut rng);
            t.insert(0, 0);
            t
        };
        let t = local_search(d, tour);
        best = best.min(length(d, &t));
    }
    best
}
