"""Run the search query set through Material's search box and score it (shared by the search
test and scripts/search_benchmark.py)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from browser import SearchBox

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests/search"
EDITION_PREFIXES = {"ar": "", "en": "en/"}
RESET = "zzz"  # a query typed between repeats of the same query


def load_queries(name: str = "queries") -> list[dict]:
    return yaml.safe_load((SETS / f"{name}.yaml").read_text(encoding="utf-8"))


def canonical(path: str) -> str:
    """The page's path in the Arabic edition (either edition's copy of a page answers a query)."""
    return path[3:] if path.startswith("en/") else path


@dataclass
class Outcome:
    query: dict
    pages: list[str]
    latency_ms: float
    worker_ms: float | None = None
    trip_ms: float = 0.0
    lang: str = "ar"

    @property
    def own_first(self) -> bool:
        """Is the top result a page of the edition the query was typed in?"""
        if not self.pages:
            return False
        return self.pages[0].startswith("en/") == (self.lang == "en")

    @property
    def rank(self) -> int | None:
        """1-based rank of the first expected page among the results, or None."""
        expected = set(self.query["expect"])
        for i, page in enumerate(self.pages, 1):
            if canonical(page) in expected:
                return i
        return None


@dataclass
class Scores:
    outcomes: list[Outcome] = field(default_factory=list)

    def recall(self, k: int) -> float:
        return sum(1 for o in self.outcomes if o.rank and o.rank <= k) / len(self.outcomes)

    @property
    def mrr(self) -> float:
        return sum(1 / o.rank for o in self.outcomes if o.rank) / len(self.outcomes)

    @property
    def own_first(self) -> float:
        """Share of queries whose top result is in the reader's own edition."""
        return sum(1 for o in self.outcomes if o.own_first) / len(self.outcomes)

    def latency(self, q: float) -> float:
        return _quantile([o.latency_ms for o in self.outcomes], q)

    def worker(self, q: float) -> float | None:
        """The worker's own time per query (None when the worker does not report it: Material's)."""
        values = [o.worker_ms for o in self.outcomes if o.worker_ms is not None]
        return _quantile(values, q) if len(values) == len(self.outcomes) else None

    def trip(self, q: float) -> float:
        return _quantile([o.trip_ms for o in self.outcomes], q)

    def by_class(self) -> dict[str, Scores]:
        out: dict[str, Scores] = {}
        for o in self.outcomes:
            out.setdefault(o.query["class"], Scores()).outcomes.append(o)
        return out

    def failures(self, k: int) -> list[Outcome]:
        return [o for o in self.outcomes if not o.rank or o.rank > k]


def _quantile(values: list[float], q: float) -> float:
    values = sorted(values)
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1]


def _outcome(query: dict, hits: list, lang: str) -> Outcome:
    """One query's outcome from its repeats: the first repeat's pages, the median times."""
    worker = [h.worker_ms for h in hits if h.worker_ms is not None]
    return Outcome(
        query,
        hits[0].pages,
        statistics.median(h.latency_ms for h in hits),
        statistics.median(worker) if len(worker) == len(hits) else None,
        statistics.median(h.trip_ms for h in hits),
        lang,
    )


def run(browser: object, base_url: str, lang: str, queries: list[dict], repeat: int = 1) -> Scores:
    """Ask every query in one page of the given edition (the index is built once per load).
    With repeat > 1 each query is typed that many times and its times are the medians (the
    results are the same every time): one slow paint on a busy machine is then not a query's time."""
    return run_interleaved(browser, {"": base_url}, lang, queries, repeat)[""]


def run_interleaved(
    browser: object, sites: dict[str, str], lang: str, queries: list[dict], repeat: int = 1
) -> dict[str, Scores]:
    """The same for several sites at once (name → base URL), one page each, taking turns: every
    query is typed in each site before the next query, and each repeat in the other order, so a
    busy moment of the machine falls on all of them alike (a fair latency comparison)."""
    boxes = {name: SearchBox(browser, url + EDITION_PREFIXES[lang]) for name, url in sites.items()}
    scores = {name: Scores() for name in sites}
    try:
        for query in queries:
            hits: dict[str, list] = {name: [] for name in sites}
            for i in range(repeat):
                names = list(sites) if i % 2 == 0 else list(reversed(sites))
                for name in names:
                    if i:
                        boxes[name].search(RESET, sites[name])  # Material asks again only when the text changes
                    hits[name].append(boxes[name].search(query["q"], sites[name]))
            for name in sites:
                scores[name].outcomes.append(_outcome(query, hits[name], lang))
    finally:
        for box in boxes.values():
            box.close()
    return scores
