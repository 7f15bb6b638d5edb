"""A bandit's serving schedule, written from docs/bandits.md ("Serving") alone: cohorts of buckets, arms inside them."""
import hashlib

BUCKETS = 10_000


def bucket(salt: str, unit_id: str) -> int:
    digest = hashlib.sha256(f"{salt}:{unit_id}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % BUCKETS


def layout(period, weights, cohort_buckets):
    start = period * cohort_buckets
    end_cohort = min((period + 1) * cohort_buckets, BUCKETS)
    width = end_cohort - start
    ranges, cumulative, lo = [], 0.0, start
    for i, w in enumerate(weights):
        cumulative += w
        hi = end_cohort if i == len(weights) - 1 else min(max(start + round(cumulative * width), lo), end_cohort)
        ranges.append((lo, hi))
        lo = hi
    return (start, end_cohort), ranges


def assign(salt, unit_id, enrollment_per_period, period_weights):
    """(arm index or None, period or None, bucket, propensity)."""
    e = round(enrollment_per_period * BUCKETS)
    b = bucket(salt, unit_id)
    period = b // e
    if period >= len(period_weights):
        return None, None, b, 0.0
    (start, end), ranges = layout(period, period_weights[period], e)
    for arm, (lo, hi) in enumerate(ranges):
        if lo <= b < hi:
            return arm, period, b, (hi - lo) / (end - start)
