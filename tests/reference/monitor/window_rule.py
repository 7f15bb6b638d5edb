"""Reference values for the monitor's window rule (docs/monitor.md, "The rule").

A window breaches when the one-sided test of H0: harm <= threshold rejects at alpha.
- mean metrics: Welch's t test on the shifted difference, scipy.stats.ttest_ind_from_stats(equal_var=False,
  alternative='greater' when an increase is harmful, 'less' when a decrease is);
- binary metrics: the unpooled Wald z test of statsmodels test_proportions_2indep(method='wald', value=threshold).
Run with Debian's python3 (scipy, statsmodels): /usr/bin/python3 window_rule.py > window_rule.json
"""
import json
import math

import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.proportion import test_proportions_2indep

cases = []

# (name, control mean, control sd, n_c, treatment mean, treatment sd, n_t, harmful, threshold, alpha)
means = [
    ("tokens_clear_breach", 400.0, 60.0, 300, 430.0, 65.0, 280, "increase", 5.0, 0.05),
    ("tokens_over_threshold_not_credible", 400.0, 60.0, 40, 408.0, 70.0, 35, "increase", 5.0, 0.05),
    ("tokens_under_threshold", 400.0, 60.0, 500, 403.0, 61.0, 520, "increase", 5.0, 0.05),
    ("tokens_decrease_harmful_breach", 400.0, 60.0, 400, 380.0, 58.0, 410, "decrease", 5.0, 0.01),
    ("tokens_zero_threshold_small", 400.0, 60.0, 120, 412.0, 55.0, 110, "increase", 0.0, 0.05),
]
for name, mc, sc, nc, mt, st, nt, harmful, m, alpha in means:
    margin = m if harmful == "increase" else -m
    t, p = stats.ttest_ind_from_stats(mt - margin, st, nt, mc, sc, nc, equal_var=False,
                                      alternative="greater" if harmful == "increase" else "less")
    cases.append({"name": name, "type": "mean", "control": {"mean": mc, "sd": sc, "n": nc},
                  "treatment": {"mean": mt, "sd": st, "n": nt}, "harmful": harmful, "threshold": m, "alpha": alpha,
                  "difference": mt - mc, "p_value": float(p), "breach": bool(p < alpha)})

# (name, control successes, n_c, treatment successes, n_t, harmful, threshold, alpha)
proportions = [
    ("failures_clear_breach", 11, 1000, 140, 1000, "increase", 0.02, 0.05),
    ("failures_small_lift_not_credible", 11, 1000, 40, 1000, "increase", 0.02, 0.05),
    ("failures_under_threshold", 30, 2000, 45, 2000, "increase", 0.02, 0.05),
    ("resolution_decrease_harmful", 400, 1000, 330, 1000, "decrease", 0.02, 0.05),
]
for name, xc, nc, xt, nt, harmful, m, alpha in proportions:
    margin = m if harmful == "increase" else -m
    _, p = test_proportions_2indep(xt, nt, xc, nc, value=margin, method="wald", compare="diff",
                                   alternative="larger" if harmful == "increase" else "smaller")
    cases.append({"name": name, "type": "proportion", "control": {"successes": xc, "n": nc},
                  "treatment": {"successes": xt, "n": nt}, "harmful": harmful, "threshold": m, "alpha": alpha,
                  "difference": xt / nt - xc / nc, "p_value": float(p), "breach": bool(p < alpha)})

print(json.dumps({"generator": "tests/reference/monitor/window_rule.py", "scipy": scipy.__version__,
                  "statsmodels": statsmodels.__version__, "cases": cases}, indent=1))
