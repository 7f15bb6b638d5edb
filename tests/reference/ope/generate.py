#!/usr/bin/python3
"""Reference values for Verdict.Statistics/OffPolicy, from numpy 1.24 and statsmodels 0.13.

A seeded logged-bandit dataset: 3 actions, 2 context features, a softmax logging policy and a different softmax
candidate policy, rewards linear in the context per action plus noise. The true value of the candidate is
E_x[sum_a pi(a|x) mu_a(x)], computed on 2,000,000 fresh contexts (its Monte Carlo error is recorded).
The estimators are computed here independently: IPS, self-normalized IPS, doubly robust with a statsmodels OLS
reward model per action,
cross-fitted over folds i mod k (k = 1: fitted once on all decisions); their influence-function standard errors sum(phi^2)/(n(n-1)); the effective sample size.

Run: /usr/bin/python3 tests/reference/ope/generate.py  (writes ope.json beside this file)
"""
import json
import os

import numpy as np
import statsmodels
import statsmodels.api as sm
from scipy import stats

rng = np.random.default_rng(20261129)
K, D = 3, 2
THETA_LOG = np.array([[0.0, 0.0], [0.6, -0.4], [-0.5, 0.8]])     # logging policy softmax scores per action
THETA_NEW = np.array([[-0.8, 0.3], [1.2, 0.2], [0.1, -0.9]])     # candidate policy
B0 = np.array([0.30, 0.45, 0.40])                                 # reward intercept per action
B1 = np.array([[0.10, -0.05], [0.20, 0.10], [-0.15, 0.25]])      # reward slopes per action


def contexts(n):
    return np.column_stack([rng.normal(0, 1, n), rng.binomial(1, 0.5, n).astype(float)])


def softmax(theta, x):
    s = x @ theta.T
    s = s - s.max(axis=1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=1, keepdims=True)


def mu(x):
    return B0[None, :] + x @ B1.T


def dataset(n):
    x = np.round(contexts(n), 6)
    p0 = softmax(THETA_LOG, x)
    a = np.array([rng.choice(K, p=row) for row in p0])
    r = np.round(mu(x)[np.arange(n), a] + rng.normal(0, 0.3, n), 6)
    pi = np.round(softmax(THETA_NEW, x), 12)
    return x, a, np.round(p0[np.arange(n), a], 12), r, pi


def se(phi):
    n = len(phi)
    return float(np.sqrt(np.sum(phi ** 2) / (n * (n - 1))))


def wald(value, phi, alpha):
    s = se(phi)
    z = stats.norm.ppf(1 - alpha / 2)
    return {"estimate": float(value), "se": s, "ci_low": float(value - z * s), "ci_high": float(value + z * s),
            "p_value": float(2 * stats.norm.sf(abs(value / s)))}


def estimate(x, a, p, r, pi, clip, alpha, folds):
    n = len(r)
    raw = pi[np.arange(n), a] / p
    w = np.minimum(raw, clip) if clip else raw
    logged = r.mean()
    phi0 = r - logged
    ips_terms = w * r
    ips = ips_terms.mean()
    snips = np.sum(w * r) / np.sum(w)
    phi_snips = w * (r - snips) / w.mean()
    q = np.zeros((n, K))
    coefs = []
    index = np.arange(n)
    for fold in range(folds):
        train = index % folds != fold if folds > 1 else np.ones(n, dtype=bool)
        held = index % folds == fold
        fold_coefs = []
        for k in range(K):
            rows = train & (a == k)
            fit = sm.OLS(r[rows], sm.add_constant(x[rows], has_constant="add")).fit()
            fold_coefs.append([float(c) for c in fit.params])
            q[held, k] = sm.add_constant(x[held], has_constant="add") @ fit.params
        coefs.append(fold_coefs)
    dr_terms = np.sum(pi * q, axis=1) + w * (r - q[np.arange(n), a])
    dr = dr_terms.mean()
    out = {"clip": clip, "alpha": alpha, "folds": folds, "reward_model": coefs, "logged": wald(logged, phi0, alpha)}
    for name, value, phi in (("ips", ips, ips_terms - ips), ("snips", snips, phi_snips), ("dr", dr, dr_terms - dr)):
        out[name] = wald(value, phi, alpha)
        out[name + "_versus_logged"] = wald(value - logged, phi - phi0, alpha)
    out["effective_sample_size"] = float(np.sum(w) ** 2 / np.sum(w ** 2))
    out["mean_weight"] = float(raw.mean())
    out["max_weight"] = float(raw.max())
    out["clipped"] = int(np.sum(w < raw))
    out["clipping_bias"] = float(np.mean(w * r) - np.mean(raw * r)) if clip else None
    return out


x, a, p, r, pi = dataset(1500)
xt = contexts(2_000_000)
per_context = np.sum(softmax(THETA_NEW, xt) * mu(xt), axis=1)
logged_per_context = np.sum(softmax(THETA_LOG, xt) * mu(xt), axis=1)

doc = {
    "generator": f"numpy {np.__version__}, statsmodels {statsmodels.__version__}",
    "true_value": float(per_context.mean()),
    "true_value_mc_se": float(per_context.std() / np.sqrt(len(per_context))),
    "true_logged_value": float(logged_per_context.mean()),
    "decisions": [{"action": int(a[i]), "propensity": float(p[i]), "reward": float(r[i]),
                   "context": [float(v) for v in x[i]], "target": [float(v) for v in pi[i]]}
                  for i in range(len(r))],
    "cases": [estimate(x, a, p, r, pi, None, 0.05, 5), estimate(x, a, p, r, pi, None, 0.1, 1), estimate(x, a, p, r, pi, 3.0, 0.05, 5),
              estimate(x, a, p, r, pi, 3.0, 0.05, 3)],
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ope.json"), "w") as f:
    json.dump(doc, f, separators=(",", ":"))
# The same decisions as the CLI reads them (docs/ope.md), for tests/Verdict.Cli.Tests.
ACTIONS = ["concise", "detailed", "cited"]
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "decisions.ndjson"), "w") as f:
    for i in range(len(r)):
        f.write(json.dumps({"id": f"d{i}", "action": ACTIONS[a[i]], "propensity": float(p[i]), "reward": float(r[i]),
                            "context": {"tenure": float(x[i, 0]), "premium": float(x[i, 1])},
                            "candidate": {ACTIONS[k]: float(pi[i, k]) for k in range(K)}}) + "\n")
print("true", doc["true_value"], "dr", doc["cases"][0]["dr"]["estimate"], "ips", doc["cases"][0]["ips"]["estimate"], "ess", doc["cases"][0]["effective_sample_size"])
