#!/usr/bin/python3
"""Reference values for Verdict.Statistics StaggeredDifferenceInDifferences (Callaway and Sant'Anna group-time effects,
never-treated comparison group, universal base period g - 1), from statsmodels 0.13.

A seeded balanced panel with three adoption cohorts and never-treated units, effects that grow with time since
adoption and differ by cohort. Each ATT(g, t) is the coefficient of OLS(Y_t - Y_{g-1} ~ 1 + in_cohort) on the cohort
and the never-treated units, with its HC0 standard error (= the influence-function SE with unit clusters). The overall
ATT and the event-time averages are cohort-size weighted averages of the cells (their standard errors are checked by
seeded coverage in the tests, not here). The naive two-way fixed-effects coefficient on the same panel is recorded to
show its bias.

Run: /usr/bin/python3 tests/reference/did/staggered.py  (writes staggered.json beside this file)
"""
import json
import os

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm
import statsmodels.formula.api as smf

rng = np.random.default_rng(20261130)
UNITS, PERIODS = 240, 8
COHORTS = {3: 0.25, 5: 0.25, 6: 0.2}  # first treated period index -> share of units


def effect(g, t):
    return 0.0 if t < g else 0.5 + 0.3 * (t - g) + 0.2 * (g - 3)


first = np.full(UNITS, -1)
u = rng.random(UNITS)
edge = 0.0
for g, share in COHORTS.items():
    first[(u >= edge) & (u < edge + share)] = g
    edge += share
unit_fe = rng.normal(0, 1, UNITS)
period_fe = np.cumsum(rng.normal(0.1, 0.3, PERIODS))
y = np.zeros((UNITS, PERIODS))
rows = []
for i in range(UNITS):
    for t in range(PERIODS):
        treated = first[i] >= 0 and t >= first[i]
        y[i, t] = round(unit_fe[i] + period_fe[t] + (effect(first[i], t) if first[i] >= 0 else 0) + rng.normal(0, 1), 6)
        rows.append({"unit": i, "period": t, "cluster": i, "treated": bool(treated), "y": float(y[i, t])})

never = first < 0
cells = []
for g in sorted(COHORTS):
    members = first == g
    for t in range(PERIODS):
        if t == g - 1:
            continue
        d = y[:, t] - y[:, g - 1]
        keep = members | never
        x = sm.add_constant(members[keep].astype(float))
        fit = sm.OLS(d[keep], x).fit(cov_type="HC0")
        cells.append({"cohort": g, "period": t, "units": int(members.sum()), "estimate": float(fit.params[1]), "se": float(fit.bse[1])})

post = [c for c in cells if c["period"] >= c["cohort"]]
overall = sum(c["units"] * c["estimate"] for c in post) / sum(c["units"] for c in post)
events = {}
for c in cells:
    events.setdefault(c["period"] - c["cohort"], []).append(c)
event_study = [{"relative_period": e, "estimate": sum(c["units"] * c["estimate"] for c in cs) / sum(c["units"] for c in cs)}
               for e, cs in sorted(events.items())]
true_overall = sum(c["units"] * effect(c["cohort"], c["period"]) for c in post) / sum(c["units"] for c in post)

df = pd.DataFrame(rows)
df["d"] = df["treated"].astype(int)
twfe = smf.ols("y ~ d + C(unit) + C(period)", data=df).fit().params["d"]

doc = {"generator": f"statsmodels {statsmodels.__version__}, numpy {np.__version__}", "rows": rows, "group_time": cells,
       "overall": float(overall), "event_study": event_study, "true_overall": float(true_overall), "naive_twfe": float(twfe)}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "staggered.json"), "w") as f:
    json.dump(doc, f, separators=(",", ":"))
print("overall", overall, "true", true_overall, "naive twfe", twfe)
