#!/usr/bin/env python3
"""The pandas side of `npm run bench -- pandas` (issue 11, part 4): the synthetic market's index, as a quant
would write it in pandas.

Reads each bar CSV's `date` and `close` (one file per symbol, `*securities.json` beside them), and computes the
index of `syntheticMethodologyYaml` (bench/pandas/syntheticMarket.ts): at the base date and at each quarterly
review (effective the first session after the first Friday of Mar, Jun, Sep, Dec), rank the universe by
free-float market cap (close x shares outstanding x free-float factor) at the previous session (the base: at the
base session's close), take the top COUNT, weight by free-float cap capped at CAP with iterative redistribution
(the excess goes to the uncapped names pro rata to their original weights), hold the index shares to the next
review, and keep the level continuous at each review (the new shares are worth the previous level at the
previous close).

Prints `date,level` for every session from the base date (levels with Python's shortest round-trip repr, so the
bench can compare each one with Indexwire's).

usage: synthetic_index.py DATA_DIR [--base-date YYYY-MM-DD] [--base-value 1000] [--count 100] [--cap 0.05]
                                   [--months 3,6,9,12] [--market synthetic]
"""
import argparse
import json
import os
import sys

import numpy as np
import pandas as pd


def cap_weights(raw: np.ndarray, cap: float) -> np.ndarray:
    """Caps weights at `cap`, redistributing the excess to the uncapped names pro rata to their original weights,
    until none is above the cap (the same rule as src/engine/weights/capWeights.ts)."""
    w0 = raw / raw.sum()
    out = w0.copy()
    capped = np.zeros(len(w0), dtype=bool)
    for _ in range(len(w0) + 1):
        new = ~capped & (out > cap + 1e-12)
        if not new.any():
            break
        capped |= new
        excess = 1.0 - capped.sum() * cap
        out = np.where(capped, cap, excess * w0 / w0[~capped].sum())
    return out


def review_positions(dates: pd.DatetimeIndex, months: list[int]) -> set[int]:
    """Positions of the sessions on which a quarterly review takes effect: the first session after the first
    Friday of each listed month."""
    out = set()
    for year in range(dates[0].year, dates[-1].year + 1):
        for month in months:
            first = pd.Timestamp(year=year, month=month, day=1)
            friday = first + pd.Timedelta(days=(4 - first.weekday()) % 7)
            pos = dates.searchsorted(friday, side="right")  # first session strictly after the Friday
            if 0 < pos < len(dates):
                out.add(int(pos))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--base-date", default=None)
    ap.add_argument("--base-value", type=float, default=1000.0)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--cap", type=float, default=0.05)
    ap.add_argument("--months", default="3,6,9,12")
    ap.add_argument("--market", default="synthetic")
    a = ap.parse_args()

    names = sorted(os.listdir(a.data))
    closes = {}
    for name in names:
        if name.lower().endswith(".csv") and "member" not in name.lower():
            df = pd.read_csv(os.path.join(a.data, name), usecols=["date", "close"], index_col="date")
            closes[name[:-4]] = df["close"]
    securities = []
    for name in names:
        if name.endswith("securities.json"):
            with open(os.path.join(a.data, name), encoding="utf-8") as f:
                securities += json.load(f)
    sec = pd.DataFrame(securities).set_index("id")
    sec = sec[sec["attributes"].map(lambda x: (x or {}).get("market") == a.market)]
    universe = sorted(set(sec.index) & set(closes))

    px = pd.concat([closes[s] for s in universe], axis=1, keys=universe).sort_index().ffill()
    ff_shares = (sec.loc[universe, "sharesOutstanding"] * sec.loc[universe, "freeFloatFactor"].fillna(1.0)).to_numpy(float)
    dates = pd.DatetimeIndex(pd.to_datetime(px.index))
    base = int(dates.searchsorted(pd.Timestamp(a.base_date))) if a.base_date else 0
    reviews = sorted(p for p in review_positions(dates, [int(m) for m in a.months.split(",")]) if p > base)
    starts = [base] + reviews
    ends = reviews + [len(dates)]

    prices = px.to_numpy(float)
    symbols = np.array(universe)
    level = np.empty(len(dates))
    for s, e in zip(starts, ends):
        p0 = prices[base] if s == base else prices[s - 1]  # the base is priced at its own close
        value = a.base_value if s == base else level[s - 1]
        ffcap = pd.Series(p0 * ff_shares, index=symbols)
        ffcap = ffcap[ffcap > 0]
        ranked = pd.DataFrame({"symbol": ffcap.index, "v": -ffcap.to_numpy()}).sort_values(["v", "symbol"])
        top = ranked["symbol"].to_numpy()[: a.count]
        cols = px.columns.get_indexer(top)
        w = cap_weights(ffcap[top].to_numpy(), a.cap)
        index_shares = w * value / p0[cols]
        level[s:e] = prices[s:e, cols] @ index_shares

    out = [f"{d},{x!r}" for d, x in zip(px.index[base:], level[base:])]
    sys.stdout.write("date,level\n" + "\n".join(out) + "\n")


if __name__ == "__main__":
    main()
