"""Reference edit distances for Verdict.AI.EditDistance (run with /usr/bin/python3; writes edit_distance.json).

Levenshtein distance over Unicode code points (Python str indexes code points, so a character outside the BMP is one
symbol), by the textbook full-matrix Wagner-Fischer recurrence with no shortcuts: a different algorithm from the
two-row, prefix/suffix-trimmed one under test. Pairs are seeded random texts over an alphabet with accents, CJK and
astral emoji, each edited by random insertions, deletions and substitutions, plus the classic examples.
"""
import json
import random


def levenshtein(a: str, b: str) -> int:
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
    return d[len(a)][len(b)]


ALPHABET = list("abcdefgh ij.,") + ["é", "ß", "中", "文", "😀", "🚀", "\u0301"]


def edited(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(0, 6)):
        op = rng.choice(["insert", "delete", "substitute"])
        if op == "insert" or not chars:
            chars.insert(rng.randint(0, len(chars)), rng.choice(ALPHABET))
        elif op == "delete":
            del chars[rng.randrange(len(chars))]
        else:
            chars[rng.randrange(len(chars))] = rng.choice(ALPHABET)
    return "".join(chars)


def main() -> None:
    rng = random.Random(1601)
    pairs = [("kitten", "sitting"), ("", ""), ("", "abc"), ("flaw", "lawn"), ("😀a", "a😀"), ("中文", "文中"),
             ("The refund takes 5 days.", "The refund takes five business days.")]
    for _ in range(300):
        answer = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))
        pairs.append((answer, edited(rng, answer) if rng.random() < 0.8 else "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))))
    cases = []
    for answer, final in pairs:
        distance = levenshtein(answer, final)
        longer = max(len(answer), len(final))
        cases.append({"answer": answer, "final": final, "distance": distance,
                      "answer_length": len(answer), "final_length": len(final),
                      "ratio": 0.0 if longer == 0 else distance / longer})
    with open("edit_distance.json", "w", encoding="utf-8") as out:
        json.dump({"generator": "tests/reference/proxies/generate_edit_distance.py", "seed": 1601, "cases": cases}, out, ensure_ascii=False, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
