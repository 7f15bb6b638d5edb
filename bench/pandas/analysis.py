"""The analysis written the obvious way in pandas + scipy, timed beside Verdict's (bench/README.md).

Usage:
  dotnet run --project src/Verdict.Cli -- simulate experiment bench/Verdict.Benchmarks/Analysis/bench-brief.yaml \
      --units 225000 --seed 3 --out /tmp/verdict-bench/events-1000000.ndjson
  /usr/bin/python3 bench/pandas/analysis.py /tmp/verdict-bench/events-1000000.ndjson

Computes what `verdict analyze` computes for the benchmark brief (primary with CUPED, five guardrails incl. p95 and a
ratio, three segments, daily effects) from raw rows held in memory, and prints load and compute seconds.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats

WEEK = pd.Timedelta(days=7)


def welch(a, b):
    return stats.ttest_ind(b, a, equal_var=False)


def main(path):
    t0 = time.perf_counter()
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    exposures = pd.DataFrame([r for r in rows if r["type"] == "exposure"])
    events = pd.DataFrame([r for r in rows if r["type"] == "event"])
    del rows
    exposures["timestamp"] = pd.to_datetime(exposures["timestamp"])
    events["timestamp"] = pd.to_datetime(events["timestamp"])
    for key in ("device", "plan", "region"):
        exposures[key] = exposures["attributes"].map(lambda a: a.get(key))
    props = events["properties"].map(lambda p: p if isinstance(p, dict) else {})
    for key in ("latency_ms", "cost_usd", "tokens", "grounded"):
        events[key] = props.map(lambda p: p.get(key))
    t1 = time.perf_counter()

    units = exposures.sort_values("timestamp").groupby("unit_id").agg(
        arm=("arm", "first"), arms=("arm", "nunique"), first=("timestamp", "first"),
        device=("device", "first"), plan=("plan", "first"), region=("region", "first"))
    units = units[units["arms"] == 1]
    ev = events.merge(units[["first"]], left_on="unit_id", right_index=True)
    in_window = (ev["timestamp"] >= ev["first"]) & (ev["timestamp"] < ev["first"] + WEEK)

    def resolved(mask):
        solved = ev[mask & (ev["name"] == "conversation_solved")][["unit_id", "timestamp"]]
        tickets = ev[ev["name"] == "ticket_opened"][["unit_id", "timestamp"]]
        pairs = solved.merge(tickets, on="unit_id", how="left", suffixes=("", "_t"))
        blocked = (pairs["timestamp_t"] >= pairs["timestamp"]) & (pairs["timestamp_t"] <= pairs["timestamp"] + pd.Timedelta(minutes=10))
        pairs["blocked"] = blocked
        ok = pairs.groupby(["unit_id", "timestamp"])["blocked"].any()
        return ok[~ok].reset_index()["unit_id"].unique()

    pre = (ev["timestamp"] < ev["first"]) & (ev["timestamp"] >= ev["first"] - pd.Timedelta(days=30))
    units["y"] = units.index.isin(resolved(in_window)).astype(float)
    units["x"] = units.index.isin(resolved(pre)).astype(float)
    w = ev[in_window]
    units["escalated"] = units.index.isin(w[w["name"] == "escalated_to_human"]["unit_id"]).astype(float)
    units["ungrounded"] = units.index.isin(w[(w["name"] == "grounding_audit") & (w["grounded"] == "false")]["unit_id"]).astype(float)
    answers = w[w["name"] == "answer_generated"]
    units["latency"] = answers.assign(v=answers["latency_ms"].astype(float)).groupby("unit_id")["v"].mean()
    units["cost"] = answers.assign(v=answers["cost_usd"].astype(float)).groupby("unit_id")["v"].sum()
    units["cost"] = units["cost"].fillna(0)
    units["tokens"] = answers.assign(v=answers["tokens"].astype(float)).groupby("unit_id")["v"].mean()

    c, t = units[units["arm"] == "control"], units[units["arm"] == "treatment"]
    results = {"srm": stats.chisquare([len(c), len(t)])}
    theta = np.cov(units["y"], units["x"])[0, 1] / units["x"].var()
    adj = units["y"] - theta * (units["x"] - units["x"].mean())
    results["primary"] = welch(adj[c.index], adj[t.index])
    for m in ("escalated", "ungrounded", "tokens"):
        results[m] = welch(c[m].dropna(), t[m].dropna())
    results["p95"] = (np.percentile(c["latency"].dropna(), 95), np.percentile(t["latency"].dropna(), 95))
    results["cost_ratio"] = (c["cost"].sum() / c["y"].sum(), t["cost"].sum() / t["y"].sum())
    for seg in ("device", "plan", "region"):
        for value, group in units.groupby(seg):
            results[f"{seg}={value}"] = welch(group[group["arm"] == "control"]["y"], group[group["arm"] == "treatment"]["y"])
    units["day"] = units["first"].dt.date
    for day, group in units.groupby("day"):
        results[str(day)] = welch(group[group["arm"] == "control"]["y"], group[group["arm"] == "treatment"]["y"])
    t2 = time.perf_counter()
    print(json.dumps({"events": len(events), "units": len(units), "load_seconds": t1 - t0, "analysis_seconds": t2 - t1,
                      "primary_lift": float(adj[t.index].mean() - adj[c.index].mean())}))


if __name__ == "__main__":
    main(sys.argv[1])
