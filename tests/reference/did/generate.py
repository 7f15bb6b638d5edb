#!/usr/bin/python3
"""Reference values for Verdict.Statistics/DifferenceInDifferences, from statsmodels 0.13 OLS with cluster-robust covariance.

Seeded panels (unit, period, cluster, treated, y). For each:
  two_by_two: smf.ols("y ~ g + post + g:post"), cov_type="cluster" (statsmodels' CR1: G/(G-1)(N-1)/(N-K)), use_t.
  twfe:       smf.ols("y ~ d + C(unit) + C(period)"), the cluster sandwich from statsmodels without its correction
              (use_correction=False), times G/(G-1)(N-1)/(N-K) with K = regressors + period effects (T - 1), the unit
              effects being nested in the clusters (R fixest's fixef.K = "nested"); t with G - 1 df.
  event:      smf.ols("y ~ lead/lag dummies + C(unit) + C(period)") with the same covariance; reference period -1;
              the joint test of the leads by results.wald_test(R, cov_p=V, use_f=True).

Run: /usr/bin/python3 tests/reference/did/generate.py  (writes did.json beside this file)
"""
import json
import os

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.formula.api as smf
from scipy import stats

rng = np.random.default_rng(20261129)


def panel(units, periods, adoption, effect, treated_share=0.5, regions=None, drop=0.0, pretrend=0.0):
    rows = []
    unit_effect = rng.normal(0, 1, units)
    period_effect = rng.normal(0, 0.5, periods)
    region = rng.integers(0, regions, units) if regions else np.arange(units)
    if regions:
        treated_regions = set(range(regions // 2))
        treated = np.array([region[u] in treated_regions for u in range(units)])
    else:
        treated = rng.random(units) < treated_share
    for u in range(units):
        for t in range(periods):
            if drop and rng.random() < drop:
                continue
            d = bool(treated[u] and t >= adoption)
            trend = pretrend * (t - adoption) if treated[u] else 0.0
            y = 10 + unit_effect[u] + period_effect[t] + (effect if d else 0.0) + trend + rng.normal(0, 1)
            rows.append({"unit": int(u), "period": int(2026 * 100 + t), "cluster": int(region[u]), "treated": d,
                         "y": round(float(y), 6), "g": int(treated[u])})
    return pd.DataFrame(rows)


def block(value, se, df, alpha):
    crit = stats.t.ppf(1 - alpha / 2, df)
    t = value / se
    return {"estimate": float(value), "se": float(se), "ci_low": float(value - crit * se), "ci_high": float(value + crit * se),
            "p_value": float(2 * stats.t.sf(abs(t), df)), "df": float(df)}


def nested_fe(df, formula, names, alpha):
    res = smf.ols(formula, data=df).fit(cov_type="cluster", cov_kwds={"groups": df["cluster"], "use_correction": False}, use_t=True)
    g = df["cluster"].nunique()
    n = len(df)
    k = len(names) + df["period"].nunique() - 1
    v = res.cov_params().loc[names, names].values * (g / (g - 1)) * ((n - 1) / (n - k))
    blocks = [block(res.params[name], np.sqrt(v[i, i]), g - 1, alpha) for i, name in enumerate(names)]
    return res, v, blocks


def case(name, df, alpha=0.05):
    df = df.copy()
    adoption_label = int(df.loc[df["treated"], "period"].min())
    df["post"] = (df["period"] >= adoption_label).astype(int)
    df["d"] = df["treated"].astype(int)
    periods = sorted(df["period"].unique())
    index = {p: i for i, p in enumerate(periods)}
    a = index[adoption_label]
    df["rel"] = df["period"].map(index) - a
    g = df["cluster"].nunique()

    res22 = smf.ols("y ~ g + post + g:post", data=df).fit(cov_type="cluster", cov_kwds={"groups": df["cluster"]}, use_t=True)
    ci = res22.conf_int(alpha).loc["g:post"]
    two_by_two = {"estimate": float(res22.params["g:post"]), "se": float(res22.bse["g:post"]), "ci_low": float(ci[0]),
                  "ci_high": float(ci[1]), "p_value": float(res22.pvalues["g:post"]), "df": float(res22.df_resid_inference)}

    _, _, twfe = nested_fe(df, "y ~ d + C(unit) + C(period)", ["d"], alpha)

    offsets = sorted(k for k in df.loc[df["g"] == 1, "rel"].unique() if k != -1)
    names = []
    for k in offsets:
        col = f"k_m{-k}" if k < 0 else f"k_{k}"
        df[col] = ((df["g"] == 1) & (df["rel"] == k)).astype(float)
        names.append(col)
    res, v, event_blocks = nested_fe(df, "y ~ " + " + ".join(names) + " + C(unit) + C(period)", names, alpha)
    leads = [i for i, k in enumerate(offsets) if k < -1]
    pre = None
    if leads:
        r = np.zeros((len(leads), len(res.params)))
        for row, i in enumerate(leads):
            r[row, list(res.params.index).index(names[i])] = 1
        full = res.cov_params().values * (g / (g - 1)) * ((len(df) - 1) / (len(df) - len(names) - len(periods) + 1))
        w = res.wald_test(r, cov_p=full, use_f=True, scalar=True)
        pre = {"statistic": float(np.squeeze(w.statistic)), "df_num": int(w.df_num), "df_denom": float(w.df_denom), "p_value": float(w.pvalue)}

    return {
        "name": name, "alpha": alpha, "adoption_period": adoption_label,
        "rows": df[["unit", "period", "cluster", "treated", "y"]].to_dict(orient="records"),
        "cells": {k: float(v_) for k, v_ in {
            "control_pre": df.loc[(df.g == 0) & (df.post == 0), "y"].mean(), "control_post": df.loc[(df.g == 0) & (df.post == 1), "y"].mean(),
            "treated_pre": df.loc[(df.g == 1) & (df.post == 0), "y"].mean(), "treated_post": df.loc[(df.g == 1) & (df.post == 1), "y"].mean()}.items()},
        "clusters": int(g),
        "two_by_two": two_by_two, "twfe": twfe[0],
        "event_study": [dict(b, relative_period=int(k)) for k, b in zip(offsets, event_blocks)],
        "pre_trend": pre,
    }


doc = {
    "generator": f"statsmodels {statsmodels.__version__}, pandas {pd.__version__}, numpy {np.__version__}",
    "cases": [
        case("balanced_unit_clusters", panel(80, 8, 4, 0.5)),
        case("unbalanced_region_clusters", panel(150, 7, 3, 0.8, regions=36, drop=0.15), alpha=0.1),
        case("pre_trend", panel(100, 8, 5, 0.3, pretrend=0.25)),
        case("two_periods", panel(60, 2, 1, 1.0)),
    ],
}
for c in doc["cases"]:
    for r in c["rows"]:
        r["treated"] = bool(r["treated"])
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "did.json"), "w") as f:
    json.dump(doc, f, separators=(",", ":"))
# The region-clustered case as the CLI reads it (docs/quasi-experiments.md), for tests/Verdict.Cli.Tests.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "panel_regions.csv"), "w") as f:
    f.write("unit,period,region,treated,outcome\n")
    for r in doc["cases"][1]["rows"]:
        f.write(f"u{r['unit']},{r['period']},r{r['cluster']},{int(r['treated'])},{r['y']!r}\n")
for c in doc["cases"]:
    print(c["name"], c["twfe"]["estimate"], c["twfe"]["se"], c["pre_trend"])
