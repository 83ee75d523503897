"""Search quality in a real browser, on the fixed query set (tests/search/queries.yaml).

Thresholds are deterministic (same index, same queries); latency is only printed by
scripts/search_benchmark.py.
"""

from __future__ import annotations

import socket

import pytest

from browser import mkdocs_serve
from search_eval import load_queries, run

pytestmark = pytest.mark.browser
QUERIES = load_queries()


def test_query_set_is_large_and_covers_every_class() -> None:
    assert len(QUERIES) >= 60
    classes = {q["class"] for q in QUERIES}
    assert classes >= {
        "hamza", "taa-marbuta", "alef-maqsura", "diacritics", "tatweel", "persian", "digits",
        "clitics", "variants", "english", "multi-word", "punctuation", "prefix",
    }  # fmt: skip


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_recall_in_built_site(browser: object, base_url: str, lang: str) -> None:
    scores = run(browser, base_url, lang, QUERIES)
    misses = [(o.query["q"], o.query["expect"], o.pages[:5]) for o in scores.failures(5)]
    assert scores.recall(5) >= 0.95, misses
    assert scores.recall(1) >= 0.85, [(o.query["q"], o.pages[:3]) for o in scores.failures(1)]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_name_queries_rank_the_entity_page_first(browser: object, base_url: str, lang: str) -> None:
    names = [q for q in QUERIES if q.get("name")]
    scores = run(browser, base_url, lang, names)
    wrong = [(o.query["q"], o.pages[:3]) for o in scores.failures(1)]
    assert scores.recall(1) >= 0.95, wrong


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_search_works_under_mkdocs_serve(browser: object) -> None:
    """The README's serve command gives the same search (worker wrapper, names, both editions)."""
    sample = [q for q in QUERIES if q["class"] in {"clitics", "english", "variants"}][:12]
    with mkdocs_serve(free_port()) as url:
        for lang in ("ar", "en"):
            scores = run(browser, url, lang, sample)
            assert scores.recall(5) == 1.0, [(o.query["q"], o.pages[:5]) for o in scores.failures(5)]
