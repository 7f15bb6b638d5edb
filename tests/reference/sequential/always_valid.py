"""Reference values for always-valid inference (Verdict.Statistics AlwaysValid/).

Re-run from the repository root:  /usr/bin/python3 tests/reference/sequential/always_valid.py
Writes tests/reference/sequential/always_valid.json next to this script.

gbstats (GrowthBook's stats engine) cannot be installed here, so its sequential formulas are transcribed from
gbstats frequentist/tests.py (sequential_rho, sequential_interval_halfwidth, the one-sided half-width and the
bisection p-value of SequentialOneSided*TTest, tolerance 1e-6, clamped to [1e-5, 0.4999], and the same root
to machine precision by brentq, which Verdict computes in closed form); the mSPRT follows
Johari, Pekelis and Walsh (KDD 2017), normal mixture. Standard errors are written out independently of Verdict:
Welch for means (sample standard deviations), unpooled Wald for proportions, delta method for the relative lift.
"""
import json
import math
import os

import numpy as np
from scipy.optimize import brentq


def rho(alpha, n_star, two_sided=True):
    a = alpha if two_sided else 2 * alpha
    return math.sqrt((-2 * math.log(a) + math.log(-2 * math.log(a) + 1)) / n_star)


def halfwidth_two(s2, n, r, alpha):
    return math.sqrt(s2) * math.sqrt(2 * (n * r**2 + 1) * math.log(math.sqrt(n * r**2 + 1) / alpha) / (n * r) ** 2)


def halfwidth_one(s2, n, r, alpha):
    return math.sqrt(s2 * (2 * (n * r**2 + 1)) / (n * r) ** 2 * math.log(1 + math.sqrt(n * r**2 + 1) / (2 * alpha)))


def p_two(pe, se, n, r):
    st2 = pe**2 * n / se**2
    tr2p1 = n * r**2 + 1
    e = math.exp(r**2 * st2 / (2 * tr2p1)) / math.sqrt(tr2p1)
    return min(1 / e, 1)


def p_one_greater(pe, se, n, r):
    """GrowthBook's bisection: the alpha at which the lower bound touches 0, with rho held fixed."""
    s2 = se**2 * n
    lo, hi = 1e-5, 0.4999
    if pe - halfwidth_one(s2, n, r, lo) > 0:
        return lo
    if pe - halfwidth_one(s2, n, r, hi) < 0:
        return hi
    a = 0.5 * (lo + hi)
    for _ in range(100):
        diff = pe - halfwidth_one(s2, n, r, a)
        if diff < 0:
            lo = a
        else:
            hi = a
        a = 0.5 * (lo + hi)
        if abs(diff) < 1e-6:
            break
    return a


def p_one_greater_exact(pe, se, n, r):
    """The same root found to machine precision (scipy brentq), capped at 0.5 as Verdict documents."""
    s2 = se**2 * n
    if pe <= 0 or pe - halfwidth_one(s2, n, r, 0.5 - 1e-12) < 0:
        return 0.5
    return brentq(lambda a: pe - halfwidth_one(s2, n, r, a), 1e-300, 0.5 - 1e-12, xtol=1e-300, rtol=1e-14)


def msprt(pe, se, tau, alpha):
    v, t2 = se**2, tau**2
    lam = math.sqrt(v / (v + t2)) * math.exp(t2 * pe**2 / (2 * v * (v + t2)))
    half = math.sqrt(v * (v + t2) / t2 * (math.log((v + t2) / v) - 2 * math.log(alpha)))
    return min(1.0, 1 / lam), pe - half, pe + half


def means(c, t):
    (nc, mc, sc), (nt, mt, st) = c, t
    vc, vt = sc**2 / nc, st**2 / nt
    return mc, vc, mt, vt


def proportions(c, t):
    (xc, nc), (xt, nt) = c, t
    pc, pt = xc / nc, xt / nt
    return pc, pc * (1 - pc) / nc, pt, pt * (1 - pt) / nt


fixtures = [
    {"name": "means-small-lift", "kind": "means", "control": [2000, 10.0, 3.0], "treatment": [2000, 10.3, 3.1]},
    {"name": "means-large-n", "kind": "means", "control": [50000, 1200.0, 300.0], "treatment": [50000, 1195.0, 310.0]},
    {"name": "means-unequal-arms", "kind": "means", "control": [800, 0.52, 0.9], "treatment": [1200, 0.61, 1.1]},
    {"name": "props-seed", "kind": "proportions", "control": [760, 2000], "treatment": [840, 2000]},
    {"name": "props-null", "kind": "proportions", "control": [400, 1000], "treatment": [398, 1000]},
    {"name": "props-negative", "kind": "proportions", "control": [1300, 10000], "treatment": [1180, 10000]},
    {"name": "props-tiny-n", "kind": "proportions", "control": [12, 40], "treatment": [19, 40]},
]

cases = []
for f in fixtures:
    mc, vc, mt, vt = (means if f["kind"] == "means" else proportions)(f["control"], f["treatment"])
    n = (f["control"][0] + f["treatment"][0]) if f["kind"] == "means" else (f["control"][1] + f["treatment"][1])
    absolute = (mt - mc, math.sqrt(vc + vt))
    c2 = mc * mc
    relative = ((mt - mc) / abs(mc), math.sqrt(vt / c2 + mt * mt * vc / (c2 * c2)))
    for n_star in (1000.0, 5000.0, 20000.0):
        for alpha in (0.05, 0.1):
            case = {"name": f"{f['name']}-N{int(n_star)}-a{alpha}", "kind": f["kind"], "control": f["control"],
                    "treatment": f["treatment"], "units": n, "n_star": n_star, "alpha": alpha}
            for label, (pe, se) in (("absolute", absolute), ("relative", relative)):
                s2 = se**2 * n
                r2, r1 = rho(alpha, n_star, True), rho(alpha, n_star, False)
                h2, h1 = halfwidth_two(s2, n, r2, alpha), halfwidth_one(s2, n, r1, alpha)
                case[label] = {
                    "estimate": pe, "se": se,
                    "two_sided": {"ci_low": pe - h2, "ci_high": pe + h2, "p_value": p_two(pe, se, n, r2)},
                    "one_sided": {"ci_low": pe - h1, "p_value": p_one_greater(pe, se, n, r1),
                                  "p_value_exact": p_one_greater_exact(pe, se, n, r1)},
                }
            tau = rho(alpha, n_star, True) * absolute[1] * math.sqrt(n)
            p, lo, hi = msprt(absolute[0], absolute[1], tau, alpha)
            case["msprt_default_tau"] = {"tau": tau, "p_value": p, "ci_low": lo, "ci_high": hi}
            fixed_tau = 0.5 * abs(mc) * 0.1 if mc != 0 else 0.01
            p, lo, hi = msprt(absolute[0], absolute[1], fixed_tau, alpha)
            case["msprt_fixed_tau"] = {"tau": fixed_tau, "p_value": p, "ci_low": lo, "ci_high": hi}
            cases.append(case)

out = {"generator": "tests/reference/sequential/always_valid.py", "numpy": np.__version__, "cases": cases}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "always_valid.json")
with open(path, "w") as fh:
    json.dump(out, fh, indent=1)
print(f"wrote {len(cases)} cases to {path}")
