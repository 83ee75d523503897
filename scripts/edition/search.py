"""Build-time side of search: names for entity pages, the worker wrapper, one index for both editions.

Material's search stays as it is in the browser (UI, lunr, highlighting); what changes:
- entity pages carry a `names` field (every name and variant, both scripts) boosted above titles,
  so a name query ranks the entity's own page above pages that merely mention it;
- the worker is our wrapper (js/edition-search.js), which normalises index and queries with
  js/normalise.js, the twin of normalise.py;
- each edition's index also holds the other edition's pages, ranked a little lower.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from . import paths
from .load import Dataset
from .normalise import keys, tokens

JS = Path(__file__).parent / "js"
WORKERS = Path("assets/javascripts/workers")
WRAPPER = "edition-search.js"
_MATERIAL_WORKER = re.compile(r"workers/search\.[0-9a-f]+\.min\.js")
OTHER_EDITION_BOOST = 0.5


def page_names(data: Dataset) -> dict[str, dict[str, str]]:
    """{entity page source path: extra search fields} for every entity page.

    names: each distinct word of every name and variant, once (lunr scores by term frequency, so
           an entity with many variants must not outrank one with few);
    keys:  one whole-name key per name and variant (see normalise.keys), matched only exactly.
    """
    out: dict[str, dict[str, str]] = {}
    for entity in data.entities.values():
        etype = data.entity_types[entity.id]
        names = [entity.name.ar, entity.name.en, *entity.aliases.ar, *entity.aliases.en]
        words = dict.fromkeys(tok for name in names for tok in tokens(name))
        name_keys = dict.fromkeys(k for name in names for k in keys(name))
        out[paths.entity_page(etype, entity.id)] = {"names": " ".join(words), "keys": " ".join(name_keys)}
    return out


def use_wrapper(html: str) -> str:
    """Point Material's config at the wrapper instead of its own worker."""
    return _MATERIAL_WORKER.sub(f"workers/{WRAPPER}", html)


def material_worker(site: Path) -> str:
    found = sorted(p.name for p in (site / WORKERS).glob("search.*.min.js"))
    if len(found) != 1:
        raise RuntimeError(f"expected one Material search worker in {site / WORKERS}, found {found}")
    return found[0]


def install_worker(site: Path) -> None:
    """Write the wrapper (with Material's worker name filled in) and the normaliser beside it."""
    target = site / WORKERS
    wrapper = (JS / WRAPPER).read_text(encoding="utf-8")
    if "MATERIAL_WORKER" not in wrapper:
        raise RuntimeError("the worker wrapper lost its MATERIAL_WORKER placeholder")
    (target / WRAPPER).write_text(wrapper.replace("MATERIAL_WORKER", material_worker(site)), encoding="utf-8")
    (target / "normalise.js").write_text((JS / "normalise.js").read_text(encoding="utf-8"), encoding="utf-8")


def _index_path(site: Path, prefix: str) -> Path:
    return site / prefix / "search" / "search_index.json"


def merge_indexes(site: Path, others: list[str]) -> None:
    """Give every edition's index the pages of all editions.

    Locations are relative to the edition's root, so another edition's pages are re-rooted
    (`en/…` seen from the root, `../…` seen from `en/`) and boosted down so that, for the same
    match, a reader stays in the edition they are reading.
    """
    prefixes = ["", *(f"{o}/" for o in others)]
    indexes = {p: json.loads(_index_path(site, p).read_text(encoding="utf-8")) for p in prefixes}
    own = {p: idx["docs"] for p, idx in indexes.items()}
    for prefix, idx in indexes.items():
        up = "../" * prefix.count("/")
        idx["docs"] = own[prefix] + [
            {**doc, "location": up + other + doc["location"], "boost": OTHER_EDITION_BOOST}
            for other, docs in own.items()
            if other != prefix
            for doc in docs
        ]
        _index_path(site, prefix).write_text(json.dumps(idx, ensure_ascii=False, separators=(",", ":")), "utf-8")


def inline_indexes(site: Path, others: list[str]) -> None:
    """Offline bundle: Material reads the index from search_index.js (no fetch over file://).
    Its offline plugin wrote that file before the indexes were merged, so write it again."""
    for prefix in ["", *others]:
        path = _index_path(site, prefix)
        path.with_suffix(".js").write_text(f"var __index = {path.read_text(encoding='utf-8')}", encoding="utf-8")
