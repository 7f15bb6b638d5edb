#!/usr/bin/python3
"""Reference values for Verdict.Statistics/Paired, from scipy 1.10 and statsmodels 0.13.

Run: /usr/bin/python3 tests/reference/paired/generate.py  (writes paired.json beside this file)
"""
import json
import warnings
import os

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.inter_rater import cohens_kappa
from statsmodels.stats.power import TTestPower
from statsmodels.stats.proportion import proportion_confint

warnings.simplefilter("ignore")
rng = np.random.default_rng(20261123)

# Seed 001's rubric table: Prompt A and Prompt B per question (clarity, accuracy, policy citation).
seed_a = {"clarity": [3, 4, 3, 4, 3], "accuracy": [4, 3, 2, 4, 3], "policy": [1, 1, 1, 1, 1]}
seed_b = {"clarity": [4, 4, 4, 5, 4], "accuracy": [4, 4, 4, 5, 4], "policy": [5, 4, 5, 5, 4]}

paired_sets = {
    f"seed001_{axis}": [float(b - a) for a, b in zip(seed_a[axis], seed_b[axis])] for axis in seed_a
}
paired_sets["normal_30"] = [round(float(x), 6) for x in rng.normal(0.3, 1.0, 30)]
paired_sets["mixed_signs_12"] = [1.5, -0.5, 2.0, 0.25, -1.0, 3.0, 0.75, -0.25, 1.25, 0.5, -2.0, 1.0]
paired_sets["ties_zeros_60"] = [float(x) for x in rng.integers(-2, 4, 60)]
paired_sets["distinct_70"] = [round(float(x), 6) for x in rng.normal(0.2, 1.0, 70)]

paired_t = []
for name, d in paired_sets.items():
    if np.std(d) == 0:
        continue
    for alpha in (0.05, 0.1):
        res = stats.ttest_rel(np.array(d), np.zeros(len(d)))
        ci = res.confidence_interval(1 - alpha)
        paired_t.append({"name": name, "alpha": alpha, "differences": d, "mean": float(np.mean(d)),
                         "statistic": float(res.statistic), "p_value": float(res.pvalue),
                         "ci_low": float(ci.low), "ci_high": float(ci.high)})

sign = []
for name, d in paired_sets.items():
    pos = sum(1 for x in d if x > 0)
    neg = sum(1 for x in d if x < 0)
    if pos + neg == 0:
        continue
    sign.append({"name": name, "differences": d, "positive": pos, "negative": neg,
                 "p_value": float(stats.binomtest(pos, pos + neg, 0.5).pvalue),
                 "p_value_greater": float(stats.binomtest(pos, pos + neg, 0.5, alternative="greater").pvalue),
                 "p_value_less": float(stats.binomtest(pos, pos + neg, 0.5, alternative="less").pvalue)})

wilcoxon = []
for name, d in paired_sets.items():
    nz = [x for x in d if x != 0]
    if not nz:
        continue
    ties = len(set(abs(x) for x in nz)) < len(nz)
    exact = len(nz) <= 50 and len(nz) == len(d) and not ties
    for correction in ((False,) if exact else (False, True)):
        res = stats.wilcoxon(d, zero_method="wilcox", correction=correction, mode="exact" if exact else "approx")
        wilcoxon.append({"name": name, "differences": d, "correction": correction,
                         "method": "exact" if exact else "normal_approximation",
                         "statistic": float(res.statistic), "p_value": float(res.pvalue)})

wilson = []
for successes, count in ((4.5, 5), (0, 10), (10, 10), (37.5, 80), (1, 3), (512, 1000)):
    for alpha in (0.05, 0.1):
        low, high = proportion_confint(successes, count, alpha=alpha, method="wilson")
        wilson.append({"successes": successes, "count": count, "alpha": alpha, "ci_low": float(low), "ci_high": float(high)})

kappa = []
human = ["A", "B", "A", "TIE", "B", "A", "B", "B"]
judge = ["A", "B", "B", "TIE", "B", "A", "A", "B"]
labels = ["A", "B", "TIE"]
tables = {
    "seed001_audit": [[sum(1 for h, j in zip(human, judge) if h == r and j == c) for c in labels] for r in labels],
    "two_by_two": [[20, 5], [10, 15]],
    "three_by_three": [[12, 3, 1], [2, 15, 4], [1, 2, 10]],
}
for name, table in tables.items():
    # statsmodels 0.13 reports only the 95% interval (kappa_low/kappa_upp).
    for alpha in (0.05,):
        res = cohens_kappa(np.array(table, float))
        kappa.append({"name": name, "table": table, "alpha": alpha, "kappa": float(res["kappa"]),
                      "std_kappa": float(res["std_kappa"]), "std_kappa0": float(res["std_kappa0"]),
                      "ci_low": float(res["kappa_low"]), "ci_high": float(res["kappa_upp"])})

sample_size = []
power_solver = TTestPower()
for effect in (0.2, 0.5, 0.8, 1.5):
    for alpha, power in ((0.05, 0.8), (0.05, 0.9), (0.01, 0.8)):
        n = power_solver.solve_power(effect_size=effect, alpha=alpha, power=power, alternative="two-sided")
        sample_size.append({"effect_size": effect, "alpha": alpha, "power": power, "count": float(n)})
power_values = []
for effect, n in ((0.5, 10), (0.3, 40), (1.0, 5), (0.1, 200)):
    power_values.append({"effect_size": effect, "count": n, "alpha": 0.05,
                         "power": float(power_solver.power(effect_size=effect, nobs=n, alpha=0.05, alternative="two-sided"))})

out = {
    "generator": f"scipy {scipy.__version__}, statsmodels {statsmodels.__version__}, numpy {np.__version__}",
    "paired_t": paired_t, "sign_test": sign, "wilcoxon": wilcoxon, "wilson": wilson,
    "cohens_kappa": kappa, "sample_size": sample_size, "power": power_values,
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "paired.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
