"""Downloads, JSON-LD and citations, checked on the built site."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from edition import paths
from edition.load import Dataset

LD_TYPES = {"NewsArticle", "Person", "Organization", "Place", "SoftwareApplication", "Event", "Dataset"}
PARTS = {"DataDownload", "WebPage", "PublicationEvent"}  # nodes only inside another (no @id of their own)


def downloads(site: Path) -> Path:
    return site / "downloads"


def test_json_validates_against_published_schema(site: Path) -> None:
    schema = json.loads((downloads(site) / "edition.schema.json").read_text(encoding="utf-8"))
    dataset = json.loads((downloads(site) / "edition.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(dataset)


def test_schema_rejects_unknown_fields(site: Path) -> None:
    schema = json.loads((downloads(site) / "edition.schema.json").read_text(encoding="utf-8"))
    dataset = json.loads((downloads(site) / "edition.json").read_text(encoding="utf-8"))
    dataset["entities"][0]["nickname"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(dataset, schema)


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_csvs_hold_the_same_records(site: Path, data: Dataset) -> None:
    dataset = json.loads((downloads(site) / "edition.json").read_text(encoding="utf-8"))
    for etype, folder in paths.TYPE_DIRS.items():
        rows = read_csv(downloads(site) / f"{folder}.csv")
        in_json = [e for e in dataset["entities"] if e["type"] == etype]
        assert [r["id"] for r in rows] == [e["id"] for e in in_json]
        for row, ent in zip(rows, in_json, strict=True):
            assert row["name_ar"] == ent["name"]["ar"] and row["name_en"] == ent["name"]["en"]
            assert row["aliases_ar"].split("|") == ent["aliases"]["ar"]
    article = dataset["articles"][0]
    events = read_csv(downloads(site) / "events.csv")
    assert [r["id"] for r in events] == [e["id"] for e in article["events"]]
    assert [r["date"] for r in events] == [e["date"] for e in article["events"]]
    claims = read_csv(downloads(site) / "claims.csv")
    assert [r["id"] for r in claims] == [c["id"] for c in article["claims"]]
    assert [r["speaker"] for r in claims] == [c["speaker"] for c in article["claims"]]


def test_json_text_is_the_text(site: Path, data: Dataset) -> None:
    dataset = json.loads((downloads(site) / "edition.json").read_text(encoding="utf-8"))
    paras = dataset["articles"][0]["paragraphs"]
    assert [p["text"] for p in paras] == [p.text for p in data.article.paragraphs.values()]


def jsonld_blocks(html: str) -> list[dict]:
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
    ]


def walk(node: object) -> list[dict]:
    out = []
    if isinstance(node, dict):
        out.append(node)
        for v in node.values():
            out += walk(v)
    elif isinstance(node, list):
        for v in node:
            out += walk(v)
    return out


def test_every_jsonld_block_parses_with_types_and_ids(site: Path, data: Dataset) -> None:
    pages = list(site.rglob("index.html"))
    found: dict[str, set[str]] = {}
    for page in pages:
        for block in jsonld_blocks(page.read_text(encoding="utf-8")):
            assert block["@context"] == "https://schema.org"
            for node in walk(block):
                if node.get("@type") in PARTS:
                    continue
                if "@type" in node:
                    assert node["@type"] in LD_TYPES, (page, node["@type"])
                    assert node.get("@id", "").startswith("/"), (page, node)
                    found.setdefault(node["@type"], set()).add(node["@id"])
    assert found.keys() >= {"NewsArticle", "Person", "Organization", "Place", "Event", "Dataset"}
    for entity_id, etype in data.entity_types.items():
        expected = "/" + paths.url_of(paths.entity_page(etype, entity_id)) + "#entity"
        assert any(expected in ids for ids in found.values()), entity_id
    for ev in data.article.events:
        assert f"/timeline/#{ev.id}" in found["Event"]


def test_article_jsonld_links_original_and_translation(site: Path) -> None:
    (ar,) = jsonld_blocks((site / "article/index.html").read_text(encoding="utf-8"))
    assert ar["@type"] == "NewsArticle" and ar["isBasedOn"]["datePublished"] == "2019-12-03"
    (en,) = jsonld_blocks((site / "en/article/index.html").read_text(encoding="utf-8"))
    assert en["translationOfWork"]["@id"] == ar["@id"]
    assert en["inLanguage"] == "en"


def test_same_as_only_where_verified(site: Path, data: Dataset) -> None:
    for entity in data.entities.values():
        page = site / paths.url_of(paths.entity_page(data.entity_types[entity.id], entity.id)) / "index.html"
        (node,) = jsonld_blocks(page.read_text(encoding="utf-8"))
        assert node.get("sameAs", []) == [str(u) for u in entity.same_as]


def test_every_page_offers_citations(site: Path) -> None:
    for page in site.rglob("index.html"):
        if page.parent.name == "404":
            continue
        html = page.read_text(encoding="utf-8")
        assert 'class="edition-cite"' in html, page
        bibtex = re.findall(r'<code class="language-bibtex">(.*?)</code>', html, flags=re.S)
        csl = re.findall(r'<code class="language-json">(.*?)</code>', html, flags=re.S)
        assert len(bibtex) == len(csl) == 3, page
        assert all(b.lstrip().startswith("@") for b in bibtex)
        for block in csl:
            import html as html_lib

            item = json.loads(html_lib.unescape(block))
            assert item["id"] and item["title"]
