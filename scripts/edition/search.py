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
from .model import Lang
from .normalise import keys, tokens

JS = Path(__file__).parent / "js"
WORKERS = Path("assets/javascripts/workers")
WRAPPER = "edition-search.js"
_MATERIAL_WORKER = re.compile(r"workers/search\.[0-9a-f]+\.min\.js")
OTHER_EDITION_BOOST = 0.5


def page_names(data: Dataset, lang: Lang) -> dict[str, dict[str, str]]:
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


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def merge_indexes(site: Path, others: list[str]) -> None:
    """Give the root edition's index and each other edition's index every page of all editions.

    Locations are relative to the edition's root, so pages of another edition are re-rooted
    (`en/…` seen from the root, `../…` seen from `en/`) and boosted down so that, for the same
    match, a reader stays in the edition they are reading.
    """
    root_path = site / "search" / "search_index.json"
    root = _read(root_path)
    root_docs = [d for d in root["docs"] if not d.get("edition_other")]
    editions = {prefix: _read(site / prefix / "search" / "search_index.json") for prefix in others}
    own = {prefix: [d for d in idx["docs"] if not d.get("edition_other")] for prefix, idx in editions.items()}

    def foreign(docs: list[dict], prefix: str) -> list[dict]:
        return [
            {**d, "location": prefix + d["location"], "boost": OTHER_EDITION_BOOST, "edition_other": True} for d in docs
        ]

    merged_root = root_docs[:]
    for prefix, docs in own.items():
        merged_root += foreign(docs, f"{prefix}/")
    root["docs"] = merged_root
    root_path.write_text(json.dumps(root, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    for prefix, idx in editions.items():
        up = "../" * prefix.count("/") + "../"
        docs = own[prefix] + foreign(root_docs, up)
        for other, other_docs in own.items():
            if other != prefix:
                docs += foreign(other_docs, up + f"{other}/")
        idx["docs"] = docs
        path = site / prefix / "search" / "search_index.json"
        path.write_text(json.dumps(idx, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def inline_indexes(site: Path, others: list[str]) -> None:
    """Offline bundle: Material reads the index from search_index.js (no fetch over file://).
    Its offline plugin wrote that file before the indexes were merged, so write it again."""
    for folder in [site, *(site / o for o in others)]:
        data = (folder / "search" / "search_index.json").read_text(encoding="utf-8")
        (folder / "search" / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
