"""The search worker in node, without a browser (scripts/search_node_bench.js loads the built
site's worker, Material's worker and lunr as the browser does): what holds for every query at once."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from search_eval import EDITION_PREFIXES, load_queries

ROOT = Path(__file__).resolve().parent.parent


def _answers(node: str, site: Path, prefix: str, queries: list[str], tmp_path: Path) -> list:
    """Every query's suggestions and results (locations, titles, highlighted text), in order."""
    asked, dump = tmp_path / "queries.json", tmp_path / "answers.json"
    asked.write_text(json.dumps(queries), encoding="utf-8")
    subprocess.run(
        [node, str(ROOT / "scripts/search_node_bench.js"), str(site), prefix, str(asked), "1"],
        env={**os.environ, "DUMP": str(dump)},
        capture_output=True,
        check=True,
    )
    return json.loads(dump.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_query_answers_the_same_whatever_was_asked_before(node: str, site: Path, lang: str, tmp_path: Path) -> None:
    """Asked in one order and then in the reverse one, every query gets the same results and
    highlights. (lunr puts the index's own posting objects in a result's match data: the worker
    once filtered their positions in place, so each query took positions out of the index and
    the next ones ranked and highlighted on what was left.)"""
    queries = [q["q"] for name in ("queries", "heldout9") for q in load_queries(name)]
    answers = _answers(node, site, EDITION_PREFIXES[lang], queries + queries[::-1], tmp_path)
    n = len(queries)
    changed = [queries[i] for i in range(n) if answers[i] != answers[2 * n - 1 - i]]
    assert not changed, f"{len(changed)} queries answered differently the second time: {changed[:10]}"
