"""Reference values for the monitor's threshold derived from control's stable period (docs/monitor.md).

With v the control's window values over the stable period:
- k-sigma: m = k * numpy.std(v, ddof=1)
- quantile q: m = max(0, numpy.quantile(v, q) - mean(v)) when an increase is harmful,
              max(0, mean(v) - numpy.quantile(v, 1 - q)) when a decrease is (numpy's default "linear" = type 7).
Run with Debian's python3 (numpy): /usr/bin/python3 stable_threshold.py > stable_threshold.json
"""
import json

import numpy as np

rng = np.random.default_rng(1403)
cases = []
vectors = {
    "latency_p95_ms": [1180.0, 1174.5, 1192.25, 1169.0, 1185.75, 1178.0],
    "failure_rate": [0.011, 0.0135, 0.0092, 0.0104, 0.0121, 0.0098, 0.0117, 0.0109],
    "two_windows": [0.155, 0.149],
    "seeded_normal_25": [float(x) for x in rng.normal(400.0, 12.0, 25)],
    "seeded_skewed_12": [float(x) for x in rng.lognormal(0.0, 0.8, 12)],
}
for name, v in vectors.items():
    a = np.array(v)
    for k in (1.0, 2.0, 3.5):
        cases.append({"name": f"{name}_k{k}", "values": v, "k": k, "quantile": None, "harmful": "increase",
                      "threshold": float(k * np.std(a, ddof=1))})
    for q in (0.75, 0.9, 0.99):
        for harmful in ("increase", "decrease"):
            if harmful == "increase":
                m = float(np.quantile(a, q) - a.mean())
            else:
                m = float(a.mean() - np.quantile(a, 1 - q))
            cases.append({"name": f"{name}_q{q}_{harmful}", "values": v, "k": None, "quantile": q, "harmful": harmful,
                          "threshold": max(0.0, m)})

print(json.dumps({"generator": "stable_threshold.py", "numpy": np.__version__, "cases": cases}, indent=1))
