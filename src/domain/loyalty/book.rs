//! The book's prior, fitted on all its stores as of a day: their rhythm
//! (`rhythm::book_prior`) and how likely a store is to stop after a
//! purchase (a beta prior, fitted by maximum a posteriori on every store's
//! gaps and current silence, as BG/NBD fits its own on the whole book).

use super::gaps::gaps;
use super::purchases::Purchase;
use super::rhythm::{RhythmPrior, book_prior, rhythm, survival};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The prior for every store of the book, from the purchases up to `today`.
pub fn book(histories: &[&[Purchase]], today: NaiveDate) -> RhythmPrior {
    let past: Vec<Vec<Purchase>> = histories
        .iter()
        .map(|ps| ps.iter().copied().filter(|p| p.date <= today).collect())
        .collect();
    let all_gaps: Vec<Vec<i64>> = past.iter().map(|ps| gaps(ps)).collect();
    let prior = book_prior(&all_gaps);
    let stores: Vec<(usize, f64)> = past
        .iter()
        .zip(&all_gaps)
        .filter_map(|(ps, g)| {
            let last = ps.last()?.date;
            let silence = (today - last).num_days() as f64;
            Some((g.len(), survival(&rhythm(g, prior), silence)))
        })
        .collect();
    let (drop_a, drop_b) = fit_drop(&stores, (prior.drop_a, prior.drop_b));
    RhythmPrior {
        drop_a,
        drop_b,
        ..prior
    }
}

/// ln Γ(x) for x > 0 (Lanczos, g = 7: ~15 digits).
pub(super) fn ln_gamma(x: f64) -> f64 {
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + 7.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// Log posterior of the beta prior (a, b) on "stops after a purchase", for
/// stores given as (gaps seen, P(a live store is this silent)). A store
/// that came back n times and is now silent has likelihood
/// ∫ (1−p)ⁿ (p + (1−p)·S) dBeta(p; a, b)
///   = B(a, b+n)/B(a, b) · (a + (b+n)·S)/(a+b+n).
/// The hyperprior, ln a ~ N(0, 1) and ln b ~ N(ln 4, 1), only speaks for a
/// small book.
fn log_posterior(stores: &[(usize, f64)], by_n: &BTreeMap<usize, usize>, a: f64, b: f64) -> f64 {
    let ln_b = |x: f64, y: f64| ln_gamma(x) + ln_gamma(y) - ln_gamma(x + y);
    let base = ln_b(a, b);
    let mut ll: f64 = by_n
        .iter()
        .map(|(&n, &count)| count as f64 * (ln_b(a, b + n as f64) - base))
        .sum();
    ll += stores
        .iter()
        .map(|&(n, s)| ((a + (b + n as f64) * s) / (a + b + n as f64)).ln())
        .sum::<f64>();
    let (u, v) = (a.ln(), b.ln() - 4f64.ln());
    ll - 0.5 * (u * u + v * v)
}

/// (a, b) of the most likely beta prior, by pattern search on ln a, ln b.
fn fit_drop(stores: &[(usize, f64)], start: (f64, f64)) -> (f64, f64) {
    if stores.is_empty() {
        return start;
    }
    let mut by_n: BTreeMap<usize, usize> = BTreeMap::new();
    for &(n, _) in stores {
        *by_n.entry(n).or_default() += 1;
    }
    let f = |u: f64, v: f64| log_posterior(stores, &by_n, u.exp(), v.exp());
    let (mut u, mut v) = (start.0.ln(), start.1.ln());
    let mut best = f(u, v);
    let mut step = 1.0;
    while step > 0.01 {
        let mut moved = false;
        for (du, dv) in [(step, 0.0), (-step, 0.0), (0.0, step), (0.0, -step)] {
            let (nu, nv) = ((u + du).clamp(-5.0, 5.0), (v + dv).clamp(-5.0, 8.0));
            let x = f(nu, nv);
            if x > best {
                (u, v, best, moved) = (nu, nv, x, true);
            }
        }
        if !moved {
            step /= 2.0;
        }
    }
    (u.exp(), v.exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ln_gamma_matches_factorials() {
        for (x, want) in [
            (1.0, 0.0),
            (2.0, 0.0),
            (5.0, 24f64.ln()),
            (10.5, 13.940_625_219_403_763),
        ] {
            assert!((ln_gamma(x) - want).abs() < 1e-9, "{x}: {}", ln_gamma(x));
        }
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-9);
    }

    #[test]
    fn drop_prior_follows_the_book() {
        // A book where every store came back 10 times and buys on: stopping is rare.
        let loyal: Vec<(usize, f64)> = vec![(10, 0.9); 500];
        let (a, b) = fit_drop(&loyal, (1.0, 4.0));
        // A book where half the stores bought once and have been silent long.
        let mut fickle: Vec<(usize, f64)> = vec![(0, 0.01); 500];
        fickle.extend(vec![(3, 0.8); 500]);
        let (fa, fb) = fit_drop(&fickle, (1.0, 4.0));
        assert!(a / (a + b) < fa / (fa + fb), "{a},{b} vs {fa},{fb}");
        assert!(fa / (fa + fb) > 0.3, "{fa},{fb}");
    }
}
