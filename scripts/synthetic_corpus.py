"""A synthetic corpus for the scale benchmark (#16): the real data made N times larger.

    python scripts/synthetic_corpus.py 100 /tmp/data-100   # then EDITION_DATA=/tmp/data-100 mkdocs build

The site publishes one article (Dataset.article), so "N articles" is modelled as what N articles
would put on the site: the article's text N times (19·N paragraphs, on the article, parallel and
search pages), and N copies of everything that refers to it — entities (each with its own page
in both editions, renamed "<name> k" with ids "<id>-k"), mentions, events, claims, notes and
second readings, with paragraph ids and cross-references moved to their copy. Registers' external facts, sources,
date bases and context events are shared, as real articles would share them. The text's SHA-256
in record.yaml is recomputed (the loader checks it).

Every copy passes the same schema and integrity checks as the real data.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ENTITY_REFS = {"entity", "speaker", "target"}
ENTITY_LISTS = {"about", "actors", "platforms", "places"}
REGISTERS = ("people", "organisations", "platforms", "places")


def _dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class Copy:
    """Moves one copy's references: paragraph ids by `offset`, ids of entities and of the
    article's own items by suffix (copy 1 is the real data, unchanged)."""

    def __init__(self, k: int, paragraphs: int, entity_ids: set[str], item_ids: set[str]):
        self.k, self.offset, self.entities, self.items = k, (k - 1) * paragraphs, entity_ids, item_ids

    def para(self, pid: str) -> str:
        return f"p{int(pid[1:]) + self.offset}"

    def entity(self, eid: str) -> str:
        return f"{eid}-{self.k}" if self.k > 1 and eid in self.entities else eid

    def item(self, iid: str) -> str:
        return f"{iid}-{self.k}" if self.k > 1 and iid in self.items else iid

    def move(self, node: Any, key: str = "") -> Any:
        if isinstance(node, dict):
            return {k: self._field(k, v) for k, v in node.items()}
        if isinstance(node, list):
            return [self.move(v, key) for v in node]
        return node

    def _field(self, key: str, value: Any) -> Any:
        if key == "para" and isinstance(value, str):
            return self.para(value)
        if key in ENTITY_REFS and isinstance(value, str):
            return self.entity(value)
        if key in ENTITY_LISTS and isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [self.entity(v) for v in value]
        if key in ("id", "event") and isinstance(value, str):
            return self.item(value)
        if key == "notes" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [self.item(v) for v in value]  # a claim's caveats, a reading's notes
        return self.move(value, key)


def _renamed(entity: dict[str, Any], k: int) -> dict[str, Any]:
    if k == 1:
        return entity
    out = dict(entity)
    out["name"] = {lang: f"{name} {k}" for lang, name in entity["name"].items()}
    aliases = entity.get("aliases") or {}
    out["aliases"] = {lang: [f"{a} {k}" for a in names] for lang, names in aliases.items()}
    out.pop("same_as", None)  # an identifier belongs to the real entity only
    return out


def write_corpus(source: Path, target: Path, copies: int) -> None:
    """Write the data folder `source` made `copies` times larger into `target`."""
    if copies < 1:
        raise ValueError("copies must be at least 1")
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    folders = sorted(p for p in (target / "articles").iterdir() if p.is_dir())
    art = folders[0]  # the published article
    text = (art / "text.ar.txt").read_bytes()
    paragraphs = sum(1 for line in text.decode("utf-8").splitlines() if line.strip())
    entity_ids = {e["id"] for r in REGISTERS for e in _load(target / "entities" / f"{r}.yaml")}
    item_ids = {i["id"] for name in ("events", "claims", "notes") for i in _load(art / f"{name}.yaml")}
    moves = [Copy(k, paragraphs, entity_ids, item_ids) for k in range(1, copies + 1)]

    for register in REGISTERS:
        path = target / "entities" / f"{register}.yaml"
        entities = _load(path)
        _dump(path, [{**c.move(_renamed(e, c.k)), "id": c.entity(e["id"])} for c in moves for e in entities])
    for name in ("events", "claims", "notes", "readings"):
        items = _load(art / f"{name}.yaml")
        _dump(art / f"{name}.yaml", [c.move(i) for c in moves for i in items])
    mentions = _load(art / "mentions.yaml")
    _dump(art / "mentions.yaml", {c.para(p): c.move(spans) for c in moves for p, spans in mentions.items()})
    english = _load(art / "text.en.yaml")
    english["paragraphs"] = {c.para(p): t for c in moves for p, t in english["paragraphs"].items()}
    _dump(art / "text.en.yaml", english)
    separator = b"" if text.endswith(b"\n") else b"\n"
    body = separator.join([text] * copies) if separator else text * copies
    (art / "text.ar.txt").write_bytes(body)
    record = _load(art / "record.yaml")
    record["structure"] = {c.para(p): kind for c in moves for p, kind in (record.get("structure") or {}).items()}
    record["text_sha256"] = hashlib.sha256(body).hexdigest()
    _dump(art / "record.yaml", record)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    root = Path(__file__).resolve().parent.parent
    write_corpus(root / "data", Path(argv[2]), int(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
