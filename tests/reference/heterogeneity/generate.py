#!/usr/bin/python3
"""Reference values for Verdict.Statistics/Heterogeneity, from statsmodels 0.13 combine_effects (Cochran's Q, I²,
fixed-effect pooled mean) on seeded and hand-shaped sets of slice effects.

Run: /usr/bin/python3 tests/reference/heterogeneity/generate.py  (writes heterogeneity.json beside this file)
"""
import json
import os

import numpy as np
import statsmodels
from scipy import stats
from statsmodels.stats.meta_analysis import combine_effects

rng = np.random.default_rng(20261129)
sets = {
    "homogeneous_5": (rng.normal(0.04, 0.01, 5), rng.uniform(0.008, 0.015, 5)),
    "one_slice_regresses": (np.array([0.05, 0.045, 0.06, -0.04]), np.array([0.01, 0.012, 0.015, 0.012])),
    "two_slices": (np.array([0.02, 0.03]), np.array([0.01, 0.02])),
    "many_12": (rng.normal(0.0, 0.03, 12), rng.uniform(0.01, 0.03, 12)),
}
cases = []
for name, (eff, se) in sets.items():
    eff = np.round(eff, 8)
    se = np.round(se, 8)
    res = combine_effects(eff, se ** 2)
    h = res.test_homogeneity()
    z = stats.norm.ppf(0.975)
    m, s = float(res.mean_effect_fe), float(res.sd_eff_w_fe)
    cases.append({"name": name, "effects": [float(x) for x in eff], "standard_errors": [float(x) for x in se],
                  "q": float(res.q), "df": int(h.df), "p_value": float(h.pvalue), "i2": max(0.0, float(res.i2)),  # Higgins and Thompson truncate at 0; statsmodels does not
                  "pooled": {"estimate": m, "se": s, "ci_low": m - z * s, "ci_high": m + z * s,
                             "p_value": float(2 * stats.norm.sf(abs(m / s)))}})
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "heterogeneity.json"), "w") as f:
    json.dump({"generator": f"statsmodels {statsmodels.__version__}", "cases": cases}, f, indent=1)
