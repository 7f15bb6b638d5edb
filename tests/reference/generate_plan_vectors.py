"""Generates tests/Verdict.Experiments.Tests/Reference/plan-vectors.json: units per arm for briefs' plans.

Seed 000's planning formula, generalised to unequal arms as in statsmodels' NormalIndPower with ratio r = n_T/n_C:
n_C = var * (1 + 1/r) * (z_{1-alpha/2} + z_power)^2 / delta^2, var = p(1-p) for a proportion, sd^2 for a mean.
With k treatments each is compared with control at alpha / k (Bonferroni), so the family keeps alpha.
Run: python3 tests/reference/generate_plan_vectors.py
"""
import json
import math
import pathlib
from statistics import NormalDist

OUT = pathlib.Path(__file__).resolve().parent.parent / "Verdict.Experiments.Tests" / "Reference" / "plan-vectors.json"
z = NormalDist().inv_cdf


def control_units(variance, delta, alpha, power, ratio):
    n = variance * (1 + 1 / ratio) * (z(1 - alpha / 2) + z(power)) ** 2 / delta ** 2
    return math.ceil(n - 1e-9 * max(1, n))


cases = []
# (name, baseline, sd, mde, alpha, power, weights [control first], daily, share)
for name, baseline, sd, mde, alpha, power, weights, daily, share in [
    ("seed-000", 0.38, None, 0.02, 0.05, 0.8, [0.5, 0.5], 1500, 1.0),
    ("seed-000-relative-5pct", 0.38, None, 0.38 * 0.05, 0.05, 0.8, [0.5, 0.5], 1500, 1.0),
    ("unequal-80-20", 0.38, None, 0.02, 0.05, 0.8, [0.8, 0.2], 4000, 0.5),
    ("three-arms", 0.2, None, 0.01, 0.01, 0.9, [0.5, 0.25, 0.25], 20000, 1.0),
    ("latency-mean", None, 300.0, 25.0, 0.05, 0.8, [0.5, 0.5], 800, 0.25),
]:
    variance = baseline * (1 - baseline) if baseline is not None else sd ** 2
    treatments = len(weights) - 1
    nc = max(control_units(variance, mde, alpha / treatments, power, w / weights[0]) for w in weights[1:])
    arms = [math.ceil(nc * w / weights[0] - 1e-9) for w in weights]
    total = sum(arms)
    cases.append({"name": name, "baseline": baseline, "sd": sd, "mde": mde, "alpha": alpha, "power": power,
                  "weights": weights, "daily": daily, "share": share, "units": arms, "total": total,
                  "days": math.ceil(total / (daily * share))})

OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({"generator": "tests/reference/generate_plan_vectors.py", "cases": cases}, indent=1) + "\n")
print(f"wrote {len(cases)} cases to {OUT}")
