"""Generates tests/Verdict.Assignment.Tests/Vectors/assignment-vectors.json once; the tests pin the file.

Run: python3 tests/reference/generate_assignment_vectors.py
"""
import json
import pathlib

from assignment_reference import assign

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "Verdict.Assignment.Tests" / "Vectors" / "assignment-vectors.json"

designs = [
    ("refund-query-rewrite:v1", ["control", "treatment"], [0.5, 0.5]),
    ("refund-query-rewrite:v2", ["control", "treatment"], [0.5, 0.5]),
    ("checkout-copy:v3", ["control", "a", "b"], [0.3333, 0.3333, 0.3334]),
    ("ranker:v1", ["control", "treatment"], [0.9, 0.1]),
    ("prompt-arena:v7", ["control", "short", "long", "none"], [0.2, 0.3, 0.5, 0.0]),
]
exposures = [1.0, 0.5, 0.05, 0.01, 0.0]
units = ["customer-014", "customer-231", "customer-844"] + [f"customer-{i:03d}" for i in range(0, 1000, 37)] + [
    "acct_9f8e7d", "José", "客户-7", "user@example.com", "conv:2026-05-01:42", "🙂-emoji", "a" * 120,
]

vectors = []
for salt, arms, weights in designs:
    for exposure in exposures:
        for unit in units:
            arm, b, status = assign(salt, unit, arms, weights, exposure)
            vectors.append({"salt": salt, "unit": unit, "arms": arms, "weights": weights, "exposure": exposure,
                            "bucket": b, "arm": arm, "status": status})

# Layers, holdouts and forced assignments, on the seed's design.
salt, arms, weights = designs[0]
for unit in units:
    for layer, holdout, forced in [
        (("support-assistant", 0, 5000), None, None),
        (("support-assistant", 5000, 10000), None, None),
        (None, ("global-2026", 0.1), None),
        (("support-assistant", 2500, 7500), ("global-2026", 0.05), {"customer-014": "treatment", "customer-231": "control"}),
    ]:
        arm, b, status = assign(salt, unit, arms, weights, 1.0, layer, holdout, forced)
        vectors.append({"salt": salt, "unit": unit, "arms": arms, "weights": weights, "exposure": 1.0,
                        "layer": None if layer is None else {"name": layer[0], "start": layer[1], "end": layer[2]},
                        "holdout": None if holdout is None else {"name": holdout[0], "fraction": holdout[1]},
                        "forced": forced, "bucket": b, "arm": arm, "status": status})

OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({"generator": "tests/reference/generate_assignment_vectors.py", "vectors": vectors},
                          ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"wrote {len(vectors)} vectors to {OUT}")
