#!/usr/bin/env python3
"""Prototype: a self-calibrated lapse-risk model, against BG/NBD, Pareto/NBD
and days-since-last-purchase. See loyalty_model_proto.md for the method and
the figures.

The idea: at "today" T the book holds everyone's history. Cut it at
C = T - hc (hc = the horizon h, or less when the book is too young, see
calibration_horizon), label who bought nothing in (C, T], fit a small
L2 logistic regression on features known at C, pick the flag threshold
that maximises F1 on that same calibration split, then apply weights and
threshold to the features at T. Nothing after T is used for the score or
the threshold; the labels in (T, T+h] are used only to measure.

Setup:  python3 -m venv /tmp/lyenv && /tmp/lyenv/bin/pip install \
            lifetimes pandas numpy scipy scikit-learn pyreadr pyarrow
Data:   backtest_loyalty.py data cdnow cdnow.csv
        loyalty_model_proto.py data retail online_retail.parquet retail.csv
        loyalty_model_proto.py data apparel apparelTrans.rda apparel.csv
        loyalty_model_proto.py data donations donationTrans.rda donations.csv
Run:    loyalty_model_proto.py run --purchases cdnow.csv --cut 1997-09-30 \
            --horizon-days 273 [--no-pareto] [--variants]
"""

import argparse
import os
import sys
import time

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import backtest_loyalty as bl  # noqa: E402  (auc, f1, best_f1)

# ---------------------------------------------------------------- constants
# One set for every book: nothing here is tuned per data set.
L2 = 1.0  # ridge penalty on the standardised weights (not the intercept)
MIN_SPREAD = 0.1  # floor of a store's spread of ln gaps
Z_CLIP = 6.0  # z-scores clipped to +-this
TREND_N = 4  # purchases needed for a spend trend (last 2 vs those before)
MIN_CAL_CUSTOMERS = 50  # fewer at the calibration cut: fall back
STACK = 3  # calibration cuts: T-hc, T-1.5hc, T-2hc (those the book's history allows)


# ---------------------------------------------------------------- data
def write(df, out):
    df = df.groupby(["customer", "date"], as_index=False)["amount"].sum()
    df = df.sort_values(["customer", "date"])
    df["date"] = pd.to_datetime(df.date).dt.strftime("%Y-%m-%d")
    df[["customer", "date", "amount"]].to_csv(out, index=False)
    print(f"{out}: {len(df)} purchase days, {df.customer.nunique()} customers", file=sys.stderr)


def data(name, src, out):
    if name == "retail":
        # UCI Online Retail (2010-12-01 .. 2011-12-09), as parquet
        d = pd.read_parquet(src)
        d = d[d.CustomerID.notna() & (d.Quantity > 0) & (d.UnitPrice > 0)]
        df = pd.DataFrame(
            {
                "customer": d.CustomerID.astype(int).astype(str),
                "date": pd.to_datetime(d.InvoiceDate).dt.normalize(),
                "amount": d.Quantity * d.UnitPrice,
            }
        )
    elif name in ("apparel", "donations"):
        import pyreadr

        d = next(iter(pyreadr.read_r(src).values()))
        df = pd.DataFrame(
            {
                "customer": d.Id.astype(str),
                "date": pd.to_datetime(d.Date),
                "amount": d.Price if "Price" in d else 1.0,
            }
        )
    else:
        sys.exit(f"unknown data set {name}")
    write(df, out)


def load(path):
    tx = pd.read_csv(path, dtype={"customer": str})
    tx["date"] = pd.to_datetime(tx.date)
    if "amount" not in tx:
        tx["amount"] = 1.0
    tx["amount"] = pd.to_numeric(tx.amount, errors="coerce").fillna(0.0)
    # one purchase a day (the rhythm is about buying days)
    return tx.groupby(["customer", "date"], as_index=False)["amount"].sum()


# ---------------------------------------------------------------- features
FEATURES = [
    "ln_rec",  # ln(1 + days since last purchase)
    "ln_n",  # ln(purchase days)
    "ln_age",  # ln(1 + days since first purchase)
    "ln_gap",  # ln(usual gap): exp(median ln gaps); book's median for 1 purchase
    "z",  # (ln(1+rec) - ln gap) / spread, clipped
    "over_max",  # ln((1+rec) / (1+longest gap)); 0 with one purchase
    "one",  # 1 when a single purchase
    "spread",  # 1.4826 MAD of ln gaps (>= 3 gaps), else book's median
    "ln_amt",  # ln(1 + mean spend per purchase day)
    "trend",  # ln((1+mean of last 2) / (1+mean of those before)); 0 if < 4
    "missed",  # ln(1 + (n-1) * rec / (1+age)): purchases the usual rate expected in the silence
]


def features(tx, cut):
    """Per customer with a purchase on or before `cut`, the features at `cut`."""
    p = tx[tx.date <= cut].sort_values(["customer", "date"])
    day = (p.date - pd.Timestamp("1970-01-01")).dt.days.to_numpy()
    cust = p.customer.to_numpy()
    amt = p.amount.to_numpy(float)
    c = (pd.Timestamp(cut) - pd.Timestamp("1970-01-01")).days
    starts = np.r_[0, np.flatnonzero(cust[1:] != cust[:-1]) + 1]
    ends = np.r_[starts[1:], len(cust)]
    rows = []
    for s, e in zip(starts, ends):
        d = day[s:e]
        a = amt[s:e]
        n = e - s
        g = np.diff(d).astype(float)
        lg = np.log(np.maximum(g, 1.0))
        med = float(np.median(lg)) if n >= 2 else np.nan
        mad = 1.4826 * float(np.median(np.abs(lg - med))) if n >= 4 else np.nan
        mx = float(g.max()) if n >= 2 else np.nan
        tr = 0.0
        if n >= TREND_N:
            tr = np.log1p(max(a[-2:].mean(), 0)) - np.log1p(max(a[:-2].mean(), 0))
        rows.append((cust[s], c - d[-1], n, c - d[0], med, mad, mx, a.mean(), tr))
    f = pd.DataFrame(
        rows, columns=["customer", "rec", "n", "age", "med", "mad", "mx", "amt", "trend"]
    ).set_index("customer")
    # the book's fallbacks for short histories
    book_gap = np.nanmedian(f.med) if f.med.notna().any() else np.log(30.0)
    book_spread = np.nanmedian(f.mad) if f.mad.notna().any() else 0.6
    one = f.n == 1
    out = pd.DataFrame(index=f.index)
    out["rec"] = f.rec
    out["n"] = f.n
    out["ln_rec"] = np.log1p(f.rec)
    out["ln_n"] = np.log(f.n)
    out["ln_age"] = np.log1p(f.age)
    out["ln_gap"] = f.med.fillna(book_gap)
    sp = f.mad.fillna(book_spread).clip(lower=MIN_SPREAD)
    out["spread"] = sp
    out["z"] = ((out.ln_rec - out.ln_gap) / sp).clip(-Z_CLIP, Z_CLIP)
    out["over_max"] = np.where(one, 0.0, np.log1p(f.rec) - np.log1p(f.mx.fillna(0)))
    out["one"] = one.astype(float)
    out["ln_amt"] = np.log1p(f.amt.clip(lower=0))
    out["trend"] = f.trend
    out["missed"] = np.log1p((f.n - 1) * f.rec / (1 + f.age))
    return out


def lapsed(tx, cut, h, index):
    later = tx[(tx.date > cut) & (tx.date <= cut + pd.Timedelta(days=h))]
    return ~index.isin(later.customer.unique())


# ---------------------------------------------------------------- model
def fit_logistic(X, y, lam=L2, iters=50):
    """L2 logistic regression by Newton (IRLS). X standardised inside;
    returns (mean, sd, weights with the intercept first)."""
    mu = X.mean(0)
    sd = X.std(0)
    sd[sd < 1e-9] = 1.0
    Z = np.c_[np.ones(len(X)), (X - mu) / sd]
    w = np.zeros(Z.shape[1])
    pen = np.full(Z.shape[1], lam)
    pen[0] = 0.0
    for _ in range(iters):
        eta = Z @ w
        p = 1 / (1 + np.exp(-eta))
        g = Z.T @ (p - y) + pen * w
        H = (Z * (p * (1 - p))[:, None]).T @ Z + np.diag(pen)
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return mu, sd, w


def predict(model, X):
    mu, sd, w = model
    return 1 / (1 + np.exp(-(np.c_[np.ones(len(X)), (X - mu) / sd] @ w)))


def calibration_horizon(tx, T, h):
    """The horizon for the self-calibration: h, unless the book began less
    than 2h before T; then half the book's age at T (the calibration cut
    must leave the customers some history)."""
    age = (T - tx.date.min()).days
    return int(min(h, age // 2))


def calibration_cuts(tx, T, hc, stack):
    """Up to `stack` calibration cuts T - hc - k*hc/2, each leaving the book at
    least hc/2 of history before it."""
    start = tx.date.min()
    cuts = []
    for k in range(stack):
        C = T - pd.Timedelta(days=hc + k * (hc // 2))
        if k > 0 and (C - start).days < hc // 2:
            break
        cuts.append(C)
    return cuts


def self_calibrated(tx, T, h, cols=FEATURES, extra=None, stack=1):
    """Score at T from a model fitted on the cut C = T - hc, labelled on (C, T]
    (and, with stack > 1, on earlier cuts too, each labelled on its next hc days).
    Returns (risk at T, flag threshold, hc, customers at T, model)."""
    hc = calibration_horizon(tx, T, h)
    past = tx[tx.date <= T]
    Fs, ys = [], []
    for C in calibration_cuts(tx, T, hc, stack):
        F = features(tx, C)
        if extra is not None:
            F["extra"] = extra(tx, C, hc, F.index)
        Fs.append(F)
        ys.append(lapsed(past, C, hc, F.index).astype(float))
    Fc = pd.concat(Fs)
    yc = np.concatenate(ys)
    # the threshold is chosen on the most recent cut alone
    n0 = len(Fs[0])
    Ft = features(tx, T)
    if extra is not None:  # e.g. a BG/NBD column, computed at each cut
        Ft["extra"] = extra(tx, T, h, Ft.index)
        cols = list(cols) + ["extra"]
    if len(Fc) < MIN_CAL_CUSTOMERS or yc.min() == yc.max():
        # too little to fit: fall back to recency
        return Ft.ln_rec.to_numpy(), np.inf, hc, Ft.index, None
    Xc = Fc[cols].to_numpy(float)
    m = fit_logistic(Xc, yc)
    pc = predict(m, Xc[:n0])
    _, thr = bl.best_f1(pc, yc[:n0].astype(bool))
    return predict(m, Ft[cols].to_numpy(float)), thr, hc, Ft.index, m


# ---------------------------------------------------------------- baselines
def rft(tx, cut, index):
    """frequency (repeat days), recency (first to last), T (first to cut) in days."""
    p = tx[tx.date <= cut]
    g = p.groupby("customer").date
    first, last, n = g.min(), g.max(), g.size()
    x = (n - 1).reindex(index).to_numpy(float)
    r = (last - first).dt.days.reindex(index).to_numpy(float)
    T = (cut - first).dt.days.reindex(index).to_numpy(float)
    return x, r, T


def robust_fit(cls, x, r, T):
    """lifetimes' fit, with a small penalizer only when the plain fit fails."""
    for pen in (0.0, 0.001, 0.01, 0.1):
        try:
            m = cls(penalizer_coef=pen)
            m.fit(x, r, T)
            if pen:
                print(f"  ({cls.__name__}: penalizer {pen})", file=sys.stderr)
            return m
        except Exception:  # lifetimes.utils.ConvergenceError and friends
            continue
    raise RuntimeError(f"{cls.__name__} did not converge")


def bg_p0(tx, cut, h, index):
    from lifetimes import BetaGeoFitter

    x, r_, T = rft(tx, cut, index)
    bg = robust_fit(BetaGeoFitter, x, r_, T)
    r, alpha, _, _ = bg._unload_params("r", "alpha", "a", "b")
    alive = bg.conditional_probability_alive(x, r_, T)
    return (1 - alive) + alive * ((alpha + T) / (alpha + T + h)) ** (r + x)


def pareto_p0(tx, cut, h, index):
    from lifetimes import ParetoNBDFitter

    x, r_, T = rft(tx, cut, index)
    pn = robust_fit(ParetoNBDFitter, x, r_, T)
    return np.array(
        [
            pn.conditional_probability_of_n_purchases_up_to_time(0, h, xi, ri, Ti)
            for xi, ri, Ti in zip(x, r_, T)
        ],
        dtype=float,
    )


def cal_threshold(score_fn, tx, T, h):
    """The F1-best threshold of a score on the calibration split before T."""
    hc = calibration_horizon(tx, T, h)
    C = T - pd.Timedelta(days=hc)
    idx = features(tx, C).index
    y = lapsed(tx[tx.date <= T], C, hc, idx)
    return bl.best_f1(score_fn(tx, C, hc, idx), y)[1]


# ---------------------------------------------------------------- ours today
# A Python port of src/domain/loyalty/{rhythm,book,risk}.rs (recency risk by
# the store's own log-normal/Student-t rhythm and a beta-geometric drop
# prior fitted on the book, plus the spend trend), to score it on any book.
def _rhythm(g, prior):
    gap0, spread0, between0 = prior[:3]
    n = len(g)
    if n:
        logs = np.log(np.maximum(g, 1.0))
        m_store, ss, dof = float(np.median(logs)), float(((logs - logs.mean()) ** 2).sum()), n - 1.0
    else:
        m_store, ss, dof = 0.0, 0.0, 0.0
    within2 = max((ss + 2.0 * spread0**2) / (max(dof, 0.0) + 2.0), 0.09)
    between2 = max(between0, 0.2) ** 2
    m0 = np.log(max(gap0, 1.0))
    prec = n / within2 + 1.0 / between2
    m = (n * m_store / within2 + m0 / between2) / prec
    return np.exp(m), np.sqrt(within2 + 1.0 / prec), 2.0 + n


def _survival(r, t):
    from scipy.stats import norm, t as student

    if t <= 0:
        return 1.0
    usual, spread, nu = r
    z = (np.log(t) - np.log(usual)) / spread
    return float(norm.sf(z) if nu > 200 else student.sf(z, nu))


def _book_prior(all_gaps):
    d = (14.0, 0.6, 0.5)
    cs = [(float(np.median(np.log(np.maximum(g, 1.0)))), len(g)) for g in all_gaps if len(g)]
    if len(cs) < 3:
        return d
    ss = dof = 0.0
    for g in all_gaps:
        if len(g) >= 2:
            lg = np.log(np.maximum(g, 1.0))
            ss += ((lg - lg.mean()) ** 2).sum()
            dof += len(lg) - 1
    spread = max(np.sqrt(ss / dof), 0.3) if dof > 0 else d[1]
    ms = np.array([c[0] for c in cs])
    m0 = float(np.median(ms))
    som = 1.4826 * float(np.median(np.abs(ms - m0)))
    noise = float(np.median([spread * spread / c[1] for c in cs]))
    return np.exp(m0), spread, np.sqrt(max(som * som - noise, 0.04))


def _fit_drop(stores):
    from scipy.special import betaln

    n = np.array([s[0] for s in stores], float)
    sv = np.array([s[1] for s in stores], float)

    def f(u, v):
        a, b = np.exp(u), np.exp(v)
        ll = (betaln(a, b + n) - betaln(a, b)).sum()
        ll += np.log((a + (b + n) * sv) / (a + b + n)).sum()
        return ll - 0.5 * (u * u + (v - np.log(4.0)) ** 2)

    u, v = 0.0, np.log(4.0)
    best, step = f(u, v), 1.0
    while step > 0.01:
        moved = False
        for du, dv in ((step, 0), (-step, 0), (0, step), (0, -step)):
            nu_, nv = np.clip(u + du, -5, 5), np.clip(v + dv, -5, 8)
            x = f(nu_, nv)
            if x > best:
                u, v, best, moved = nu_, nv, x, True
        if not moved:
            step /= 2
    return np.exp(u), np.exp(v)


def ours(tx, cut, h, index):
    """(risk, at_risk flag) of rounds' risk() today, per customer in `index`."""
    p = tx[tx.date <= cut].sort_values(["customer", "date"])
    c = (cut - pd.Timestamp("1970-01-01")).days
    hist = {}
    for k, grp in p.groupby("customer", sort=False):
        d = (grp.date - pd.Timestamp("1970-01-01")).dt.days.to_numpy()
        hist[k] = (d, grp.amount.to_numpy(float))
    gaps_ = {k: np.diff(v[0]).astype(float) for k, v in hist.items()}
    prior = _book_prior(list(gaps_.values()))
    stores = [(len(g), _survival(_rhythm(g, prior), c - hist[k][0][-1])) for k, g in gaps_.items()]
    a, b = _fit_drop(stores)
    risk, flag = [], []
    for k in index:
        d, amt = hist[k]
        g = gaps_[k]
        r = _rhythm(g, prior)
        since = c - d[-1]
        q = a / (a + b + len(g))
        s_now = _survival(r, since)
        alive = (1 - q) * s_now
        stopped = q / (q + alive) if q + alive > 0 else 1.0
        hor = max(h, 2.0 * r[0])
        silent = min(_survival(r, since + hor) / s_now, 1.0) if s_now > 0 else 1.0
        rr = stopped + (1 - stopped) * silent
        tr = 0.0
        n = len(d)
        if n >= 5:
            split = n - 3
            first = max(split - 9, 0)
            before, bspan = amt[first:split].sum(), d[split] - d[first]
            recent = amt[split:].sum()
            rspan = (d[-1] - d[split]) + max(since, r[0])
            if before > 0 and bspan > 0 and rspan > 0:
                fall = 1 - (recent / rspan) / (before / bspan)
                if fall > 0.2:
                    tr = min((fall - 0.2) / 0.4, 1.0) * 0.8
        v = 1 - (1 - rr) * (1 - tr)
        risk.append(min(max(v, 0.0), 1.0))
        flag.append(v >= 0.5 or since >= max(4.0 * r[0], 60))
    return np.array(risk), np.array(flag)


# ---------------------------------------------------------------- run
def expected_f1_threshold(p):
    """The threshold that maximises the F1 the probabilities p themselves
    expect (TP = sum of p over the flagged, positives = sum of all p): needs
    no label at all, only probabilities that mean what they say."""
    o = np.sort(np.asarray(p, float))[::-1]
    f = 2 * np.cumsum(o) / (np.arange(1, len(o) + 1) + o.sum())
    return float(o[int(np.argmax(f))])


def run(a):
    t0 = time.time()
    tx = load(a.purchases)
    T = pd.Timestamp(a.cut)
    h = a.horizon_days
    if tx.date.max() < T + pd.Timedelta(days=h):
        print(f"warning: data end {tx.date.max().date()} before cut + horizon", file=sys.stderr)
    Ft = features(tx, T)
    y = lapsed(tx, T, h, Ft.index)
    rows = []  # (name, score, own flag or None, own threshold, a probability?)

    score, thr, hc, idx, model = self_calibrated(tx, T, h, stack=STACK)
    assert (idx == Ft.index).all()
    rows.append(("self-calibrated logistic", score, score >= thr, thr, True))
    if a.variants:
        s1, t1, _, _, _ = self_calibrated(tx, T, h, stack=1)
        rows.append(("  variant: one calibration cut", s1, s1 >= t1, t1, True))
        base = [c for c in FEATURES if c != "missed"]
        s1, t1, _, _, _ = self_calibrated(tx, T, h, cols=base, stack=STACK)
        rows.append(("  variant: without 'missed'", s1, s1 >= t1, t1, True))
        s2, t2, _, _, _ = self_calibrated(tx, T, h, cols=["ln_rec", "ln_n", "ln_age", "one"], stack=STACK)
        rows.append(("  variant: recency/frequency/age only", s2, s2 >= t2, t2, True))
        s3, t3, _, _, _ = self_calibrated(
            tx, T, h, stack=STACK, extra=lambda t, c, hh, i: np.log(np.clip(bg_p0(t, c, hh, i), 1e-9, 1))
        )
        rows.append(("  variant: + ln BG/NBD P0", s3, s3 >= t3, t3, True))
    if not a.no_ours:
        o, of = ours(tx, T, h, Ft.index)
        rows.append(("rounds risk today (Python port)", o, of, 0.5, True))
    rec = Ft.rec.to_numpy(float)
    rows.append(("days since last purchase (> h)", rec, rec > h, h, False))
    thr_rec = cal_threshold(lambda t, c, hh, i: features(t, c).rec.reindex(i).to_numpy(float), tx, T, h)
    rows.append(("days since last (cal. threshold)", rec, rec >= thr_rec, thr_rec, False))
    bg = bg_p0(tx, T, h, Ft.index)
    rows.append(("BG/NBD P(no purchase in h), 0.5", bg, bg >= 0.5, 0.5, True))
    thr_bg = cal_threshold(bg_p0, tx, T, h)
    rows.append(("BG/NBD P0 (cal. threshold)", bg, bg >= thr_bg, thr_bg, False))
    if not a.no_pareto:
        pn = pareto_p0(tx, T, h, Ft.index)
        rows.append(("Pareto/NBD P(no purchase in h), 0.5", pn, pn >= 0.5, 0.5, True))
        if a.pareto_cal:
            thr_pn = cal_threshold(pareto_p0, tx, T, h)
            rows.append(("Pareto/NBD P0 (cal. threshold)", pn, pn >= thr_pn, thr_pn, False))

    print(
        f"{os.path.basename(a.purchases)} cut {a.cut}, horizon {h} d (calibration horizon {hc} d): "
        f"{len(y)} customers, {y.sum()} lapsed ({100 * y.mean():.1f} %)"
    )
    print(f"{'method':<40} {'AUC':>6} {'F1':>6} {'thr':>8} {'F1 expF1':>9} {'best F1':>8}")
    for name, s, flag, t, prob in rows:
        fe = f"{bl.f1(s >= expected_f1_threshold(s), y):9.3f}" if prob else f"{'':9}"
        print(f"{name:<40} {bl.auc(s, y):6.3f} {bl.f1(flag, y):6.3f} {t:8.3f} {fe} {bl.best_f1(s, y)[0]:8.3f}")
    if a.bootstrap:
        # paired bootstrap over customers: AUC(new) - AUC(other), 95 % interval
        rng = np.random.default_rng(0)
        draws = [rng.integers(0, len(y), len(y)) for _ in range(a.bootstrap)]
        for name, s, _, _, _ in rows[1:]:
            if name.startswith("  ") or "cal. threshold" in name:
                continue
            d = [bl.auc(score[i], y[i]) - bl.auc(s[i], y[i]) for i in draws]
            lo, hi = np.percentile(d, [2.5, 97.5])
            print(f"  AUC(new) - AUC({name}): {bl.auc(score, y) - bl.auc(s, y):+.4f}  [{lo:+.4f}, {hi:+.4f}]")
    if a.weights:
        mu, sd, w = model
        print("weights (standardised): intercept %.3f" % w[0])
        for c, wi, m_, s_ in zip(FEATURES, w[1:], mu, sd):
            print(f"  {c:<10} {wi:+.3f}   (mean {m_:.3f}, sd {s_:.3f})")
    print(f"({time.time() - t0:.0f} s)", file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("data")
    d.add_argument("name", choices=["retail", "apparel", "donations"])
    d.add_argument("src")
    d.add_argument("out")
    r = sub.add_parser("run")
    r.add_argument("--purchases", required=True)
    r.add_argument("--cut", required=True)
    r.add_argument("--horizon-days", type=int, default=90)
    r.add_argument("--no-pareto", action="store_true")
    r.add_argument("--pareto-cal", action="store_true", help="also Pareto/NBD at a calibrated threshold (slow)")
    r.add_argument("--variants", action="store_true")
    r.add_argument("--no-ours", action="store_true", help="skip the Python port of rounds' risk")
    r.add_argument("--bootstrap", type=int, default=0, help="paired bootstrap draws for AUC differences")
    r.add_argument("--weights", action="store_true")
    a = p.parse_args()
    if a.cmd == "data":
        data(a.name, a.src, a.out)
    else:
        run(a)


if __name__ == "__main__":
    main()
