"""Far-tail boundaries by direct quadrature, where rpact's own z is inaccurate (nominal levels below 1e-6).

Re-run from the repository root:  /usr/bin/python3 tests/reference/sequential/exact_tail.py
Writes tests/reference/sequential/exact_tail.json next to this script.

Two-sided O'Brien-Fleming-type spending (rpact convention: total 2 * f(t; alpha / 2)), alpha = 0.05, looks at
t = 0.1 and 0.2 of ten equally spaced looks: the second boundary b2 solves
P(|Z1| < b1, Z2 > b2) = (alpha(0.2) - alpha(0.1)) / 2 with corr(Z1, Z2) = sqrt(0.1 / 0.2), by scipy quad and brentq.
"""
import json
import math
import os

from scipy.integrate import quad
from scipy.optimize import brentq
from scipy.stats import norm

alpha = 0.05


def spend(t):
    return 2 * 2 * norm.cdf(norm.ppf(alpha / 4) / math.sqrt(t))


a1, a2 = spend(0.1), spend(0.2)
b1 = norm.isf(a1 / 2)
r = math.sqrt(0.1 / 0.2)


def upper(b):
    g = lambda z1: norm.pdf(z1) * norm.sf((b - r * z1) / math.sqrt(1 - r * r))  # noqa: E731
    return quad(g, -b1, b1, epsabs=1e-18, epsrel=1e-13, limit=200, points=[0, 2, 4, 5])[0]


target = (a2 - a1) / 2
b2 = brentq(lambda b: math.log(upper(b)) - math.log(target), 3, 7, xtol=1e-13)

# One-sided, alpha = 0.025, looks at 0.05 and 0.1 of twenty: the first spend is below 1e-15, so the first boundary
# is unreachable and the second is the marginal quantile of alpha(0.1).
one_sided = norm.isf(2 * norm.cdf(norm.ppf(0.025 / 2) / math.sqrt(0.1)))

out = {
    "generator": "tests/reference/sequential/exact_tail.py",
    "cases": [
        {"name": "asOF-K10-equal-2sided-look2", "information_rates": [i / 10 for i in range(1, 11)], "alpha": alpha,
         "sided": 2, "look": 2, "z": [b1, b2]},
        {"name": "asOF-K20-equal-1sided-look2", "information_rates": [i / 20 for i in range(1, 21)], "alpha": 0.025,
         "sided": 1, "look": 2, "z": [None, one_sided]},
    ],
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "exact_tail.json"), "w") as fh:
    json.dump(out, fh, indent=1)
print(f"b1 = {b1!r}, b2 = {b2!r}, one-sided = {one_sided!r}")
