"""Verdict's interleaving, written from docs/interleaving.md alone (no C#): the coins, team draft, balanced, credit."""
import hashlib


def coins(salt: str, unit_id: str, query_id: str) -> int:
    digest = hashlib.sha256(f"{salt}:{unit_id}:{query_id}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def coin(bits: int, round_: int) -> str:
    """Round r's coin is bit 63 - r; 1 means team B picks first."""
    return "B" if (bits >> (63 - round_)) & 1 else "A"


def team_draft(a, b, k, bits):
    out, seen, nxt, picks, round_ = [], set(), {"A": 0, "B": 0}, {"A": 0, "B": 0}, 0
    lists = {"A": a, "B": b}
    while len(out) < k:
        if picks["A"] != picks["B"]:
            first = "A" if picks["A"] < picks["B"] else "B"
        else:
            first = coin(bits, round_)
            round_ += 1
        for team in (first, "B" if first == "A" else "A"):
            ranking = lists[team]
            while nxt[team] < len(ranking) and ranking[nxt[team]] in seen:
                nxt[team] += 1
            if nxt[team] < len(ranking):
                item = ranking[nxt[team]]
                nxt[team] += 1
                out.append((item, team))
                seen.add(item)
                picks[team] += 1
                break
        else:
            break
    return out


def balanced(a, b, k, a_first):
    out, seen, ka, kb = [], set(), 0, 0
    while len(out) < k and (ka < len(a) or kb < len(b)):
        take_a = kb >= len(b) or (ka < len(a) and (ka < kb or (ka == kb and a_first)))
        if take_a:
            item, team = a[ka], "A"
            ka += 1
        else:
            item, team = b[kb], "B"
            kb += 1
        if item not in seen:
            out.append((item, team))
            seen.add(item)
    return out


def interleave(salt, unit_id, query_id, a, b, k, method="team_draft"):
    bits = coins(salt, unit_id, query_id)
    if method == "team_draft":
        return team_draft(a, b, k, bits)
    return balanced(a, b, k, (bits >> 63) == 0)


def credit_team_draft(shown, clicks):
    return sum(1 for p in clicks if shown[p][1] == "A"), sum(1 for p in clicks if shown[p][1] == "B")


def credit_balanced(a, b, shown, clicks):
    if not clicks:
        return 0, 0
    rank = lambda ranking, item: ranking.index(item) + 1 if item in ranking else float("inf")
    deepest = shown[max(clicks)][0]
    k = min(rank(a, deepest), rank(b, deepest))
    return (sum(1 for p in clicks if rank(a, shown[p][0]) <= k), sum(1 for p in clicks if rank(b, shown[p][0]) <= k))
