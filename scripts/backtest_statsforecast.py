#!/usr/bin/env python3
"""statsforecast's standard models on exactly the split `rounds order
backtest --export DIR` wrote (train.csv: the days before each origin;
ours.csv: the actual of the cover period and our figures), scored the same
way: MAE, WAPE and bias of the expected demand over the cover period, and
for our quantities units filled, overstock and pinball loss (tau 0.95).
Not run by CI.

    python3 -m venv /tmp/sfenv && /tmp/sfenv/bin/pip install statsforecast
    rounds order backtest --sales sales.csv --history-days 21 --origins 4 --export /tmp/split
    /tmp/sfenv/bin/python scripts/backtest_statsforecast.py /tmp/split
"""
import sys
import warnings

import numpy as np
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import (
    ADIDA,
    TSB,
    AutoETS,
    CrostonSBA,
    HistoricAverage,
    SeasonalNaive,
    WindowAverage,
)

warnings.filterwarnings("ignore")
TAU = 0.95


def scores(expected, actual, qty=None):
    e, a = np.asarray(expected, float), np.asarray(actual, float)
    out = {
        "MAE": np.mean(np.abs(e - a)),
        "WAPE": np.sum(np.abs(e - a)) / a.sum(),
        "bias": np.sum(e - a) / a.sum(),
    }
    if qty is not None:
        q = np.asarray(qty, float)
        out["filled"] = np.minimum(q, a).sum() / a.sum()
        out["overstock"] = np.maximum(q - a, 0).sum() / a.sum()
        out["pinball"] = np.mean(TAU * np.maximum(a - q, 0) + (1 - TAU) * np.maximum(q - a, 0))
    return out


def main(split):
    train = pd.read_csv(f"{split}/train.csv", parse_dates=["ds"])
    ours = pd.read_csv(f"{split}/ours.csv").set_index("unique_id")
    h = int(ours["cover_days"].iloc[0])
    models = [
        HistoricAverage(),
        CrostonSBA(),
        ADIDA(),
        TSB(alpha_d=0.1, alpha_p=0.1),
        AutoETS(season_length=7),
        SeasonalNaive(season_length=7),
        WindowAverage(window_size=7),
    ]
    sf = StatsForecast(models=models, freq="D", n_jobs=1)
    fc = sf.forecast(df=train, h=h)
    if "unique_id" not in fc.columns:
        fc = fc.reset_index()
    sums = fc.drop(columns=["ds"]).groupby("unique_id").sum().clip(lower=0)
    sums = sums.reindex(ours.index).fillna(0.0)
    rows = [
        ("rounds: ours", scores(ours["ours_expected"], ours["actual"], ours["ours_qty"])),
        (
            "rounds: previous method",
            scores(ours["previous_expected"], ours["actual"], ours["previous_qty"]),
        ),
    ]
    for col in sums.columns:
        rows.append((f"statsforecast {col}", scores(sums[col], ours["actual"])))
    print(f"{len(ours)} line forecasts, {h}-day cover, "
          f"{train.groupby('unique_id').size().median():.0f} days of history (median)\n")
    print("| method | MAE | 7-day WAPE | bias | units filled | overstock | pinball (τ 0.95) |")
    print("|---|---|---|---|---|---|---|")
    for name, s in rows:
        q = (f"{s['filled']:.1%} | {s['overstock']:.1%} | {s['pinball']:.3f}"
             if "filled" in s else "– | – | –")
        print(f"| {name} | {s['MAE']:.3f} | {s['WAPE']:.1%} | {s['bias']:+.1%} | {q} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/split")
