"""How far two readers agree on a blind query set: the set's author (tests/search/NAME.yaml) and a
second annotator who saw the same article and page list and the queries without their expected
pages (tests/search/second/NAME.yaml). Prints, overall and per class, how often each one's first
choice is among the other's accepted pages: the ceiling a search's recall@1 can be held to.

    python scripts/search_agreement.py heldout5 heldout6
"""

from __future__ import annotations

import sys
from collections import defaultdict

from search_eval import SETS, load_queries


def agreement(name: str) -> None:
    author = load_queries(name)
    second = load_queries(f"second/{name}")
    if [q["q"] for q in author] != [q["q"] for q in second]:
        raise SystemExit(f"{SETS / 'second' / name}.yaml: its queries are not the set's, in order")
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for a, b in zip(author, second, strict=True):
        for key in ("all", a["class"]):
            row = counts[key]
            row[0] += 1
            row[1] += b["expect"][0] in a["expect"]
            row[2] += a["expect"][0] in b["expect"]
    print(f"{name}: second's first among the author's / author's first among the second's")
    for key, (n, second_in_author, author_in_second) in counts.items():
        print(f"  {key:18} n={n:3}  {second_in_author / n:.2f} / {author_in_second / n:.2f}")


if __name__ == "__main__":
    for name in sys.argv[1:] or ["heldout5", "heldout6"]:
        agreement(name)
