#!/usr/bin/env python3
"""A realistic daily store x item sales history for the order backtest
(docs/ordering.md): stores of different sizes, items whose popularity is
shared across stores, weekly seasonality, overdispersed (negative binomial)
demand, and the awkward shapes: intermittent, lumpy, obsolete (stops
selling), new (starts part-way), one-off spikes and stock-out runs (zeros
that are not demand). Not run by CI.

    python3 scripts/generate_daily_sales.py --stores 10 --items 200 --days 120 > /tmp/sales.csv
"""
import argparse
import datetime as dt
import math
import random


def negbin(rng, mean, k):
    """Negative binomial with mean `mean` and shape k (gamma-Poisson)."""
    if mean <= 0:
        return 0
    lam = rng.gammavariate(k, mean / k)
    # Poisson by inversion (small means) or normal approximation
    if lam > 50:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    l, p, n = math.exp(-lam), 1.0, 0
    while True:
        p *= rng.random()
        if p <= l:
            return n
        n += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stores", type=int, default=10)
    ap.add_argument("--items", type=int, default=200)
    ap.add_argument("--days", type=int, default=120)
    ap.add_argument("--end", default="2026-11-24")
    ap.add_argument("--seed", type=int, default=12)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    end = dt.date.fromisoformat(a.end)
    start = end - dt.timedelta(days=a.days)
    week = [0.9, 0.85, 0.9, 1.0, 1.15, 1.3, 0.9]  # Mon..Sun
    sizes = [rng.lognormvariate(0, 0.5) for _ in range(a.stores)]
    items = []
    for i in range(a.items):
        kind = rng.choices(
            ["smooth", "slow", "intermittent", "lumpy", "obsolete", "new"],
            [0.35, 0.2, 0.2, 0.1, 0.08, 0.07],
        )[0]
        base = {
            "smooth": rng.lognormvariate(0.8, 0.8),
            "slow": rng.lognormvariate(-1.0, 0.5),
            "intermittent": rng.lognormvariate(-2.2, 0.5),
            "lumpy": rng.lognormvariate(-2.5, 0.5),
            "obsolete": rng.lognormvariate(0.0, 0.7),
            "new": rng.lognormvariate(0.0, 0.7),
        }[kind]
        k = 0.3 if kind == "lumpy" else rng.uniform(1.0, 4.0)
        cut = rng.randint(a.days // 3, a.days - 10)
        items.append((f"P{i:04d}", kind, base, k, cut))
    print("store_code,sku,date,qty")
    for s in range(a.stores):
        code = f"S{s + 1:03d}"
        for sku, kind, base, k, cut in items:
            local = base * sizes[s] * rng.lognormvariate(0, 0.35)
            trend = rng.uniform(-0.003, 0.004)
            out_left = 0
            for d in range(a.days):
                day = start + dt.timedelta(days=d)
                if kind == "obsolete" and d >= cut:
                    continue
                if kind == "new" and d < cut:
                    continue
                if out_left > 0:  # a stock-out: nothing sells
                    out_left -= 1
                    continue
                if rng.random() < 0.004:
                    out_left = rng.randint(2, 10)
                    continue
                mean = local * week[day.weekday()] * math.exp(trend * d)
                q = negbin(rng, mean, k)
                if rng.random() < 0.002:
                    q += int(mean * rng.uniform(5, 15)) + 3  # a one-off spike
                if q > 0:
                    print(f"{code},{sku},{day.isoformat()},{q}")


if __name__ == "__main__":
    main()
