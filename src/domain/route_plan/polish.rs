//! A local search that finishes the solver's tour: 2-opt (reverse a stretch)
//! and or-opt (move a run of one to three stores, either way round), a move
//! kept only when it shortens the drive and every visit still starts within
//! its opening hours and the day still ends in time.
//!
//! After the first local optimum, `kick` keeps going until its deadline: a
//! random double-bridge move, then the local search again, kept when shorter
//! (iterated local search).
//!
//! Why: within the plan's time budget vrp-core's tours on 80 stores are
//! 2-7 % longer than a 2-opt + or-opt search from many starts finds
//! (docs/route.md); this search from the solver's tour closes that gap.

use super::plan::{Candidate, Params};

/// The tour over `order` (located stores), its km and whether it keeps every window and the day.
fn cost(origin: super::LatLon, order: &[&Candidate], params: &Params) -> Option<f64> {
    let plan = super::plan::follow_located(origin, order, params);
    let ok = plan.stops.iter().all(|s| !s.late)
        && plan.back.is_some_and(|b| b <= params.end_minute + 1e-6);
    ok.then_some(plan.total_km)
}

/// Shortens a feasible tour in place (an infeasible one is left as it is).
pub fn polish<'a>(origin: super::LatLon, order: &mut Vec<&'a Candidate>, params: &Params) {
    let n = order.len();
    if n < 3 {
        return;
    }
    let Some(mut best) = cost(origin, order, params) else {
        return;
    };
    let end = params.end.unwrap_or(origin);
    let at = |c: &Candidate| c.at.expect("located");
    let d = |a: super::LatLon, b: super::LatLon| params.road_km(a, b);
    // node i of the closed path: 0 the start, 1..=n the stores, n + 1 the end
    let node = |order: &[&Candidate], i: usize| -> super::LatLon {
        if i == 0 {
            origin
        } else if i > order.len() {
            end
        } else {
            at(order[i - 1])
        }
    };
    for _round in 0..50 {
        let mut improved = false;
        // 2-opt: reverse order[i..=j]
        for i in 0..n - 1 {
            for j in i + 1..n {
                let (a, b) = (node(order, i), node(order, i + 1));
                let (c, e) = (node(order, j + 1), node(order, j + 2));
                let delta = d(a, c) + d(b, e) - d(a, b) - d(c, e);
                if delta < -1e-9 {
                    order[i..=j].reverse();
                    match cost(origin, order, params) {
                        Some(km) if km < best - 1e-9 => {
                            best = km;
                            improved = true;
                        }
                        _ => order[i..=j].reverse(),
                    }
                }
            }
        }
        // or-opt: move order[i..i+len] to after position k (either way round)
        for len in 1..=3.min(n - 1) {
            let mut i = 0;
            while i + len <= n {
                let removed = d(node(order, i), node(order, i + 1))
                    + d(node(order, i + len), node(order, i + len + 1))
                    - d(node(order, i), node(order, i + len + 1));
                let seg: Vec<&Candidate> = order[i..i + len].to_vec();
                let mut rest: Vec<&Candidate> = order[..i].to_vec();
                rest.extend_from_slice(&order[i + len..]);
                let mut moved = false;
                for k in 0..=rest.len() {
                    if k == i {
                        continue;
                    }
                    let a = node(&rest, k);
                    let b = node(&rest, k + 1);
                    let (first, last) = (at(seg[0]), at(seg[len - 1]));
                    for reversed in [false, true] {
                        let added = if reversed {
                            d(a, last) + d(first, b) - d(a, b)
                        } else {
                            d(a, first) + d(last, b) - d(a, b)
                        };
                        if added < removed - 1e-9 {
                            let mut s = seg.clone();
                            if reversed {
                                s.reverse();
                            }
                            let mut t = rest[..k].to_vec();
                            t.extend(s);
                            t.extend_from_slice(&rest[k..]);
                            if let Some(km) = cost(origin, &t, params)
                                && km < best - 1e-9
                            {
                                best = km;
                                *order = t;
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

/// Iterated local search from `order` until `deadline`: a double-bridge
/// kick (three cuts, the middle stretches swapped), `polish`, kept if shorter
/// and still within every window and the day. Seeded: the same input gives
/// the same kicks.
pub fn kick<'a>(
    origin: super::LatLon,
    order: &mut Vec<&'a Candidate>,
    params: &Params,
    deadline: std::time::Instant,
) {
    use rand::{Rng, SeedableRng};
    polish(origin, order, params);
    let n = order.len();
    let Some(mut best) = cost(origin, order, params) else {
        return;
    };
    if n < 8 {
        return;
    }
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(n as u64 * 7919);
    while std::time::Instant::now() < deadline {
        let mut cuts = [
            rng.random_range(1..n),
            rng.random_range(1..n),
            rng.random_range(1..n),
        ];
        cuts.sort_unstable();
        let [a, b, c] = cuts;
        if a == b || b == c {
            continue;
        }
        let mut t: Vec<&Candidate> = order[..a].to_vec();
        t.extend_from_slice(&order[b..c]);
        t.extend_from_slice(&order[a..b]);
        t.extend_from_slice(&order[c..]);
        polish(origin, &mut t, params);
        if let Some(km) = cost(origin, &t, params)
            && km < best - 1e-9
        {
            best = km;
            *order = t;
        }
    }
}
