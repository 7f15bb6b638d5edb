"""Reference implementation of Verdict assignment (docs/assignment.md). Standard library only."""
import hashlib

BUCKETS = 10_000


def bucket(salt: str, unit_id: str) -> int:
    digest = hashlib.sha256(f"{salt}:{unit_id}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % BUCKETS


def to_buckets(fraction: float) -> int:
    return round(fraction * BUCKETS)  # round half to even, like C#'s MidpointRounding.ToEven


def slots(weights: list[float], exposure: float) -> list[tuple[int, int, int]]:
    """(slot start, slot end, active end) per arm, in declaration order."""
    exposed = to_buckets(exposure)
    out, start, cumulative = [], 0, 0.0
    for i, weight in enumerate(weights):
        cumulative += weight
        end = BUCKETS if i == len(weights) - 1 else min(max(round(cumulative * BUCKETS), start), BUCKETS)
        out.append((start, end, start + (end - start) * exposed // BUCKETS))
        start = end
    return out


def assign(salt, unit_id, arms, weights, exposure=1.0, layer=None, holdout=None, forced=None):
    """Returns (arm or None, bucket, status). layer = (name, start, end) in buckets; holdout = (name, fraction)."""
    b = bucket(salt, unit_id)
    if forced and unit_id in forced:
        return forced[unit_id], b, "forced"
    if holdout and bucket(f"holdout:{holdout[0]}", unit_id) < to_buckets(holdout[1]):
        return None, b, "held_out"
    if layer and not layer[1] <= bucket(f"layer:{layer[0]}", unit_id) < layer[2]:
        return None, b, "outside_layer"
    for name, (start, end, active_end) in zip(arms, slots(weights, exposure)):
        if start <= b < end:
            return (name, b, "assigned") if b < active_end else (None, b, "not_exposed")
