#!/usr/bin/env python3
"""BG/NBD and Pareto/NBD on the split `rounds loyalty backtest` scores.

Reads the purchases CSV (customer,date[,amount]), cuts it at --cut, fits
both models (the `lifetimes` package) on the purchases up to the cut, labels
a lapse when a customer buys nothing in the --horizon-days after it, and
prints AUC and F1 for each model beside ours (the --ours CSV that
`rounds loyalty backtest --export` writes, same cohort and labels).

Each model is scored two ways:
  1 - P(alive)                    (the brief: P(alive) as the risk)
  P(no purchase in the horizon)   (the model's own answer to our label)
F1 of a model is at its natural threshold 0.5; "best F1" is at the best
threshold, chosen on the answer (an upper bound no rule reaches in use).

Setup:  python3 -m venv /tmp/lyenv && /tmp/lyenv/bin/pip install lifetimes
Data:   backtest_loyalty.py data cdnow OUT.csv    (CDNOW master, 23,570 customers)
        backtest_loyalty.py data cdnow-sample OUT.csv   (its 2,357-customer sample)
Run:    rounds loyalty backtest --purchases OUT.csv --cut 1997-09-30 \\
            --horizon-days 273 --export ours.csv
        backtest_loyalty.py run --purchases OUT.csv --cut 1997-09-30 \\
            --horizon-days 273 --ours ours.csv
"""

import argparse
import os
import sys

import numpy as np
import pandas as pd


def auc(scores, labels):
    s = pd.Series(scores).rank(method="average").to_numpy()
    y = np.asarray(labels, dtype=bool)
    pos, neg = y.sum(), (~y).sum()
    if pos == 0 or neg == 0:
        return 0.5
    return (s[y].sum() - pos * (pos + 1) / 2) / (pos * neg)


def f1(flags, labels):
    f = np.asarray(flags, dtype=bool)
    y = np.asarray(labels, dtype=bool)
    tp = (f & y).sum()
    if f.sum() == 0 or y.sum() == 0 or tp == 0:
        return 0.0
    p, r = tp / f.sum(), tp / y.sum()
    return 2 * p * r / (p + r)


def best_f1(scores, labels):
    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels, dtype=bool)
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    tp = np.cumsum(y)
    # only the last index of each run of ties is a threshold
    last = np.r_[s[1:] != s[:-1], True]
    k = np.arange(1, len(s) + 1)
    f = 2 * tp / (k + y.sum())
    f = np.where(last, f, 0)
    i = int(np.argmax(f))
    return float(f[i]), float(s[i])


def data(name, out):
    import lifetimes.datasets

    d = os.path.dirname(lifetimes.datasets.__file__)
    f = {"cdnow": "CDNOW_master.txt", "cdnow-sample": "CDNOW_sample.txt"}[name]
    df = pd.read_csv(
        os.path.join(d, f),
        sep=r"\s+",
        header=None,
        names=["customer", "date", "n", "amount"],
        dtype=str,
    )
    df = df[df.date.str.fullmatch(r"\d{8}")]
    df["date"] = pd.to_datetime(df.date, format="%Y%m%d").dt.strftime("%Y-%m-%d")
    df[["customer", "date", "amount"]].to_csv(out, index=False)
    print(f"{out}: {len(df)} rows, {df.customer.nunique()} customers", file=sys.stderr)


def run(a):
    from lifetimes import BetaGeoFitter, ParetoNBDFitter
    from lifetimes.utils import summary_data_from_transaction_data

    tx = pd.read_csv(a.purchases, dtype={"customer": str})
    tx.columns = ["customer", "date"] + list(tx.columns[2:])
    tx["date"] = pd.to_datetime(tx.date.astype(str).str.strip(), format="mixed")
    cut = pd.Timestamp(a.cut)
    end = cut + pd.Timedelta(days=a.horizon_days)
    cal = tx[tx.date <= cut]
    hold = tx[(tx.date > cut) & (tx.date <= end)]
    s = summary_data_from_transaction_data(
        cal, "customer", "date", observation_period_end=cut, freq="D"
    )
    s["lapsed"] = ~s.index.isin(hold.customer.unique())
    t = a.horizon_days
    x, tx_, T = s.frequency.to_numpy(), s.recency.to_numpy(), s["T"].to_numpy()
    rows = {}

    bg = BetaGeoFitter(penalizer_coef=a.penalizer)
    bg.fit(x, tx_, T)
    r, alpha, _, _ = bg._unload_params("r", "alpha", "a", "b")
    alive = bg.conditional_probability_alive(x, tx_, T)
    # silent through the horizon: dead, or alive with no purchase, which
    # under BG/NBD cannot kill it (death comes only after a purchase)
    p0 = (1 - alive) + alive * ((alpha + T) / (alpha + T + t)) ** (r + x)
    rows["BG/NBD 1-P(alive)"] = 1 - alive
    rows["BG/NBD P(no purchase in horizon)"] = p0

    pn = ParetoNBDFitter(penalizer_coef=a.penalizer)
    pn.fit(x, tx_, T)
    alive = pn.conditional_probability_alive(x, tx_, T)
    rows["Pareto/NBD 1-P(alive)"] = 1 - alive
    p0 = np.array(
        [
            pn.conditional_probability_of_n_purchases_up_to_time(0, t, xi, ri, Ti)
            for xi, ri, Ti in zip(x, tx_, T)
        ],
        dtype=float,
    )
    rows["Pareto/NBD P(no purchase in horizon)"] = p0

    table = []
    if a.ours:
        ours = pd.read_csv(a.ours, dtype={"customer": str}).set_index("customer")
        ours = ours.reindex(s.index)
        if ours.risk.isna().any() or (ours.lapsed.astype(bool) != s.lapsed).any():
            sys.exit("--ours is not the same split (customers or labels differ)")
        for name, col, flag in [
            ("rounds risk", ours.risk, ours.at_risk.astype(bool)),
            ("days since last purchase", ours.days_since, ours.days_since > t),
            ("silence / median gap", ours.gaps_overdue, ours.gaps_overdue >= 2.0),
        ]:
            table.append((name, col.to_numpy(float), flag.to_numpy(bool)))
    for name, score in rows.items():
        score = np.asarray(score, dtype=float)
        table.append((name, score, score >= 0.5))

    y = s.lapsed.to_numpy()
    print(
        f"cut {a.cut}, horizon {t} days: {len(s)} customers, {y.sum()} lapsed "
        f"({100 * y.mean():.1f} %)"
    )
    print(f"{'method':<38} {'AUC':>6} {'F1':>6} {'best F1':>8} {'at':>8}")
    for name, score, flag in table:
        bf, at = best_f1(score, y)
        print(f"{name:<38} {auc(score, y):6.3f} {f1(flag, y):6.3f} {bf:8.3f} {at:8.3f}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("data", help="write a packaged data set as customer,date,amount")
    d.add_argument("name", choices=["cdnow", "cdnow-sample"])
    d.add_argument("out")
    r = sub.add_parser("run", help="fit and score on the split")
    r.add_argument("--purchases", required=True)
    r.add_argument("--cut", required=True)
    r.add_argument("--horizon-days", type=int, default=90)
    r.add_argument("--ours", help="per-customer CSV from rounds loyalty backtest --export")
    r.add_argument("--penalizer", type=float, default=0.0)
    a = p.parse_args()
    if a.cmd == "data":
        data(a.name, a.out)
    else:
        run(a)


if __name__ == "__main__":
    main()
