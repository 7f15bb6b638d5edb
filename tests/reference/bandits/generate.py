#!/usr/bin/python3
"""Reference values for Verdict.Statistics/Bandits, from scipy 1.10 and numpy 1.24.

Run: /usr/bin/python3 tests/reference/bandits/generate.py  (writes bandits.json beside this file)

- probability_best: P(arm i has the largest mean) = integral of f_i(x) * prod_{j != i} F_j(x) dx for independent
  Beta or Normal posteriors, by scipy.integrate.quad (adaptive QUADPACK) over the posterior's support.
- seed001: seed 001's Thompson-sampling snippet, run verbatim in Python for random.Random(7) (the seed's printed run)
  and for seeds 0..1999 (the spread of arm 1's traffic, which Verdict's own generator must match in distribution).
- schedule: arms, periods, buckets and propensities of 400 units under a five-period schedule, from
  bandit_schedule_reference.py (docs/bandits.md, "Serving", in Python).
- stratified: per-period unit data from numpy; the period-stratified lift, its standard error and p-value
  (scipy.stats.norm), and the inverse-propensity means, computed from the raw rewards; the inverse-propensity means
  and lift with their standard errors from statsmodels OLS on an intercept with HC1 (sandwich) covariance.
"""
import json
import os
import random

import numpy as np
import scipy
import statsmodels.api as sm
from scipy import integrate, stats

HERE = os.path.dirname(os.path.abspath(__file__))


def prob_best(family, params):
    dists = [stats.beta(a, b) if family == "beta" else stats.norm(a, b) for a, b in params]
    if family == "beta":
        lo, hi = 0.0, 1.0
    else:
        lo = max(a - 12 * b for a, b in params)
        hi = max(a + 12 * b for a, b in params)
    out = []
    for i, d in enumerate(dists):
        def integrand(x, i=i, d=d):
            value = d.pdf(x)
            for j, other in enumerate(dists):
                if j != i:
                    value *= other.cdf(x)
            return value
        # Break the range at every posterior's centre so quad does not miss a narrow peak.
        points = sorted({min(max(dd.mean(), lo), hi) for dd in dists} | {min(max(dd.mean() + s * dd.std(), lo), hi) for dd in dists for s in (-6, -3, 3, 6)})
        value, _ = integrate.quad(integrand, lo, hi, points=points[1:-1] if len(points) > 2 else None,
                                  epsabs=1e-14, epsrel=1e-12, limit=500)
        out.append(value)
    return out


prob_cases = [
    ("seed001_final", "beta", [(89, 64), (227, 124)]),
    ("flat_two", "beta", [(1, 1), (1, 1)]),
    ("close_two", "beta", [(56, 46), (60, 42)]),
    ("three_arms", "beta", [(30, 70), (35, 65), (33, 67)]),
    ("skewed_small_rates", "beta", [(2, 900), (5, 800), (1, 1000)]),
    ("large_counts", "beta", [(5501, 4501), (5601, 4401)]),
    ("one_dominant", "beta", [(10, 90), (90, 10)]),
    ("ten_arms", "beta", [(50 + 3 * i, 150 - 3 * i) for i in range(10)]),
    ("normal_two", "normal", [(3.1, 0.05), (3.2, 0.07)]),
    ("normal_three", "normal", [(0.0, 1.0), (0.5, 0.8), (-0.2, 1.5)]),
    ("normal_judge_scores", "normal", [(3.62, 0.021), (3.66, 0.019), (3.60, 0.030), (3.65, 0.025)]),
    ("normal_cost_penalty", "normal", [(0.412, 0.004), (0.405, 0.006)]),
]
probability_best = [{"name": n, "family": f, "params": [list(p) for p in ps], "probabilities": prob_best(f, ps)}
                    for n, f, ps in prob_cases]


class ThompsonSamplingBandit:
    """Seed 001's snippet, unchanged in behaviour."""

    def __init__(self, n_arms, rng):
        self.successes = [1] * n_arms
        self.failures = [1] * n_arms
        self.pulls = [0] * n_arms
        self.rng = rng

    def select_arm(self):
        sampled = [self.rng.betavariate(s, f) for s, f in zip(self.successes, self.failures)]
        return max(range(len(sampled)), key=sampled.__getitem__)

    def update(self, arm, reward):
        self.successes[arm] += reward
        self.failures[arm] += 1 - reward
        self.pulls[arm] += 1


def seed_run(seed, rates=(0.55, 0.62), pulls=500):
    rng = random.Random(seed)
    bandit = ThompsonSamplingBandit(len(rates), rng)
    for _ in range(pulls):
        arm = bandit.select_arm()
        bandit.update(arm, int(rng.random() < rates[arm]))
    return bandit


printed = seed_run(7)
traffic = np.array([seed_run(s).pulls[1] for s in range(2000)], dtype=float)
seed001 = {
    "seed7": {"traffic": printed.pulls, "successes": printed.successes, "failures": printed.failures},
    "runs": len(traffic),
    "best_arm_traffic_mean": float(traffic.mean()),
    "best_arm_traffic_sd": float(traffic.std(ddof=1)),
    "best_arm_traffic_quantiles": {str(q): float(np.quantile(traffic, q)) for q in (0.1, 0.25, 0.5, 0.75, 0.9)},
}

rng = np.random.default_rng(20261129)
stratified = []
for name, weights, sizes, rates in [
    ("drifting_binary", [[0.5, 0.5], [0.3, 0.7], [0.15, 0.85], [0.1, 0.9]], [200, 200, 200, 200],
     [[0.50, 0.56], [0.55, 0.61], [0.60, 0.66], [0.65, 0.71]]),
    ("continuous_three_periods", [[0.5, 0.5], [0.4, 0.6], [0.2, 0.8]], [120, 150, 300], None),
]:
    units = []
    for p, (w, n) in enumerate(zip(weights, sizes)):
        arms = rng.choice(2, size=n, p=w)
        for a in arms:
            if rates is not None:
                y = float(rng.random() < rates[p][a])
            else:
                y = round(float(rng.normal(3.0 + 0.3 * p + 0.1 * a, 1.0)), 6)
            units.append({"period": p, "arm": int(a), "reward": y, "propensity": w[a]})
    lifts, variances, sizes_used = [], [], []
    for p in range(len(weights)):
        c = np.array([u["reward"] for u in units if u["period"] == p and u["arm"] == 0])
        t = np.array([u["reward"] for u in units if u["period"] == p and u["arm"] == 1])
        lifts.append(t.mean() - c.mean())
        variances.append(t.var(ddof=1) / len(t) + c.var(ddof=1) / len(c))
        sizes_used.append(len(t) + len(c))
    W = np.array(sizes_used) / sum(sizes_used)
    lift = float(np.dot(W, lifts))
    se = float(np.sqrt(np.dot(W ** 2, variances)))
    z = lift / se
    n_total = len(units)
    ipw = [float(sum(u["reward"] / u["propensity"] for u in units if u["arm"] == a) / n_total) for a in (0, 1)]
    naive = [float(np.mean([u["reward"] for u in units if u["arm"] == a])) for a in (0, 1)]
    strat_means = []
    for a in (0, 1):
        strat_means.append(float(sum(sizes_used[p] * np.mean([u["reward"] for u in units if u["period"] == p and u["arm"] == a])
                                     for p in range(len(weights))) / sum(sizes_used)))
    # The IPW means' and lift's standard errors: each unit's Horvitz-Thompson term z_i regressed on an intercept,
    # with statsmodels' heteroskedasticity-robust (sandwich, HC1) covariance; the intercept is the IPW estimate.
    def ipw_fit(z):
        fit = sm.OLS(np.array(z), np.ones((len(z), 1))).fit(cov_type="HC1")
        low, high = fit.conf_int(alpha=0.05)[0]
        return {"estimate": float(fit.params[0]), "se": float(fit.bse[0]), "ci_low": float(low), "ci_high": float(high),
                "p_value": float(fit.pvalues[0])}
    ipw_terms = [[u["reward"] / u["propensity"] if u["arm"] == a else 0.0 for u in units] for a in (0, 1)]
    ipw_intervals = [ipw_fit(z) for z in ipw_terms]
    ipw_lift = ipw_fit([t - c for c, t in zip(ipw_terms[0], ipw_terms[1])])
    stratified.append({"name": name, "units": units, "lift": lift, "se": se,
                       "ipw_intervals": ipw_intervals, "ipw_lift": ipw_lift,
                       "ci_low": lift - stats.norm.ppf(0.975) * se, "ci_high": lift + stats.norm.ppf(0.975) * se,
                       "p_value": float(2 * stats.norm.sf(abs(z))), "ipw_means": ipw, "naive_means": naive,
                       "stratified_means": strat_means})

from bandit_schedule_reference import assign  # noqa: E402

schedule_weights = [[0.5, 0.5], [0.3125, 0.6875], [0.1, 0.9], [0.05, 0.95], [0.333333, 0.666667]]
schedule = {"salt": "prompt-bandit:v1", "enrollment_per_period": 0.0333, "period_weights": schedule_weights,
            "units": []}
for i in range(400):
    unit = f"user-{i:05d}"
    arm, period, b, propensity = assign(schedule["salt"], unit, schedule["enrollment_per_period"], schedule_weights)
    schedule["units"].append({"unit": unit, "arm": arm, "period": period, "bucket": b, "propensity": propensity})

with open(os.path.join(HERE, "bandits.json"), "w") as f:
    json.dump({"generator": f"scipy {scipy.__version__}, numpy {np.__version__}, statsmodels {sm.__version__}",
               "probability_best": probability_best, "seed001": seed001, "stratified": stratified,
               "schedule": schedule}, f, indent=1)
    f.write("\n")
