#!/usr/bin/python3
"""Reference values for interleaving (Verdict.Assignment/Interleaving, Verdict.Statistics/Interleaving).

Run: /usr/bin/python3 tests/reference/interleaving/generate.py  (writes interleaving.json beside this file)

- seed001: seed 001's team_draft_interleave, run verbatim with random.Random(7) (team B picks first): its printed list.
- vectors: interleaved lists and click credits from interleaving_reference.py (docs/interleaving.md in Python), and,
  where no list runs out, the seed's function with the same first team, which must agree.
- preference: preference share, Wilson interval (statsmodels proportion_confint), exact two-sided binomial test
  (scipy binomtest); clustered: per-user cluster-robust standard error of the share from statsmodels OLS on an
  intercept with cov_type="cluster" (no small-sample correction).
"""
import json
import os
import random

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from interleaving_reference import credit_balanced, credit_team_draft, interleave, coins

HERE = os.path.dirname(os.path.abspath(__file__))


def next_unique(results, start_idx, seen):
    idx = start_idx
    while idx < len(results) and results[idx] in seen:
        idx += 1
    if idx >= len(results):
        return None, idx
    return results[idx], idx + 1


def seed_team_draft(results_a, results_b, k=10, rng=None):
    """Seed 001's function, unchanged in behaviour."""
    interleaved, team_a, team_b, seen = [], [], [], set()
    idx_a, idx_b = 0, 0
    turn = rng.choice(["a", "b"])
    while len(interleaved) < k:
        picked = False
        for candidate in (turn, "b" if turn == "a" else "a"):
            if candidate == "a":
                item, idx_a = next_unique(results_a, idx_a, seen)
                if item is None:
                    continue
                interleaved.append(item); team_a.append(item); seen.add(item); turn = "b"; picked = True
                break
            item, idx_b = next_unique(results_b, idx_b, seen)
            if item is None:
                continue
            interleaved.append(item); team_b.append(item); seen.add(item); turn = "a"; picked = True
            break
        if not picked:
            break
    return interleaved, team_a, team_b


seed_a = ["sony", "sennheiser", "audio-technica", "jbl", "anker"]
seed_b = ["bose", "sony", "apple", "anker", "jabra"]
mixed, from_a, from_b = seed_team_draft(seed_a, seed_b, k=5, rng=random.Random(7))
seed001 = {"a": seed_a, "b": seed_b, "k": 5, "mixed": mixed, "from_a": from_a, "from_b": from_b}

rng = np.random.default_rng(20261129)
pool = [f"doc{i:03d}" for i in range(60)]
vectors = []
for case in range(60):
    la, lb = int(rng.integers(0, 12)), int(rng.integers(0, 12))
    overlap = rng.choice(pool[:20], size=min(la, 8), replace=False).tolist()
    a = list(dict.fromkeys(overlap + rng.choice(pool, size=la, replace=False).tolist()))[:la]
    b = list(dict.fromkeys(rng.permutation(overlap).tolist() + rng.choice(pool, size=lb, replace=False).tolist()))[:lb]
    k = int(rng.integers(1, 16))
    unit, query = f"user-{case % 7}", f"q-{case}"
    for method in ("team_draft", "balanced"):
        shown = interleave("search-ranker:v1", unit, query, a, b, k, method)
        clicks = sorted(rng.choice(len(shown), size=int(rng.integers(0, min(len(shown), 4) + 1)), replace=False).tolist()) if shown else []
        credit = credit_team_draft(shown, clicks) if method == "team_draft" else credit_balanced(a, b, shown, clicks)
        vectors.append({"method": method, "salt": "search-ranker:v1", "unit": unit, "query": query, "a": a, "b": b, "k": k,
                        "coins": str(coins("search-ranker:v1", unit, query)),
                        "items": [i for i, _ in shown], "teams": [t for _, t in shown], "clicks": clicks,
                        "credit_a": credit[0], "credit_b": credit[1]})

# Where no list runs dry, Verdict's team draft with every coin equal agrees with the seed's alternation.
from interleaving_reference import team_draft
agreement = 0
for v in vectors:
    if v["method"] != "team_draft" or len(v["a"]) < v["k"] or len(v["b"]) < v["k"]:
        continue
    for first, bits in (("a", 0), ("b", (1 << 64) - 1)):
        class Fixed:
            def choice(self, _):
                return first
        seed_items, _, _ = seed_team_draft(v["a"], v["b"], v["k"], Fixed())
        ours = [i for i, _ in team_draft(v["a"], v["b"], v["k"], bits)]
        assert seed_items == ours, (v, seed_items, ours)
        agreement += 1

preference = []
for wins_a, wins_b, ties in [(30, 45, 25), (0, 5, 3), (12, 12, 40), (510, 470, 2000), (1, 0, 0), (7, 19, 4), (120, 161, 500)]:
    n = wins_a + wins_b
    low, high = proportion_confint(wins_b, n, alpha=0.05, method="wilson")
    preference.append({"wins_a": wins_a, "wins_b": wins_b, "ties": ties, "share_b": wins_b / n, "ci_low": float(low),
                       "ci_high": float(high), "p_value": float(stats.binomtest(wins_b, n, 0.5).pvalue),
                       "delta_ab": (wins_b + 0.5 * ties) / (n + ties) - 0.5})

clustered = []
for name, users, mean_queries in [("many_queries_per_user", 40, 8), ("few_queries_per_user", 150, 2)]:
    rows = []
    for u in range(users):
        taste = rng.normal(0, 0.8)
        for _ in range(1 + rng.poisson(mean_queries)):
            r = rng.random()
            if r < 0.45:
                continue  # tie
            p_b = 1 / (1 + np.exp(-(0.2 + taste)))
            rows.append({"user": f"u{u}", "winner": "B" if rng.random() < p_b else "A"})
    y = np.array([1.0 if r["winner"] == "B" else 0.0 for r in rows])
    groups = np.array([int(r["user"][1:]) for r in rows])
    fit = sm.OLS(y, np.ones((len(y), 1))).fit(cov_type="cluster", cov_kwds={"groups": groups, "use_correction": False})
    per_user = {}
    for r in rows:
        wa, wb = per_user.get(r["user"], (0, 0))
        per_user[r["user"]] = (wa + (r["winner"] == "A"), wb + (r["winner"] == "B"))
    clustered.append({"name": name, "users": [{"user": k, "wins_a": v[0], "wins_b": v[1]} for k, v in per_user.items()],
                      "share_b": float(fit.params[0]), "se": float(fit.bse[0]),
                      "ci_low": float(fit.params[0] - stats.norm.ppf(0.975) * fit.bse[0]),
                      "ci_high": float(fit.params[0] + stats.norm.ppf(0.975) * fit.bse[0]),
                      "p_value": float(2 * stats.norm.sf(abs(fit.params[0] - 0.5) / fit.bse[0]))})

with open(os.path.join(HERE, "interleaving.json"), "w") as f:
    json.dump({"generator": f"scipy {scipy.__version__}, statsmodels {statsmodels.__version__}, numpy {np.__version__}",
               "seed001": seed001, "seed_agreement_cases": agreement, "vectors": vectors, "preference": preference,
               "clustered": clustered}, f, indent=1)
    f.write("\n")
