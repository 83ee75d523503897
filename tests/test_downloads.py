"""Downloads, JSON-LD and citations, checked on the built site."""

from __future__ import annotations

import csv
import datetime as dt
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
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


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
        # Authority records, then the entity's own site: both verified, both in the data.
        site_url = [str(entity.official_site.url)] if entity.official_site else []
        assert node.get("sameAs", []) == [str(u) for u in entity.same_as] + site_url


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


# ---- Data Package, CSV encoding, workbook -----------------------------------------------------


def test_frictionless_validates_the_data_package(site: Path) -> None:
    """Types, enumerations, required fields, primary and foreign keys of every CSV."""
    from frictionless import validate

    report = validate(str(downloads(site) / "datapackage.json"))
    assert report.valid, report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "note"])


def test_every_csv_is_described_and_readable_by_spreadsheets(site: Path) -> None:
    package = json.loads((downloads(site) / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"]: r for r in package["resources"]}
    files = {p.name for p in downloads(site).glob("*.csv")}
    assert set(described) == files
    for name in files:
        raw = (downloads(site) / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), f"{name}: UTF-8 with a byte order mark (spreadsheets)"
        header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert header == [f["name"] for f in described[name]["schema"]["fields"]], name
    fields = {f["name"]: f for f in described["events.csv"]["schema"]["fields"]}
    assert fields["time_of_day"]["constraints"]["enum"] == ["morning", "noon", "afternoon", "evening", "night"]
    assert {"entity", "para"} <= {fk["fields"][0] for fk in described["mentions.csv"]["schema"]["foreignKeys"]}


def test_new_tables_hold_the_records(site: Path, data: Dataset) -> None:
    article = data.article
    assert [r["id"] for r in read_csv(downloads(site) / "notes.csv")] == [n.id for n in article.notes]
    assert [r["id"] for r in read_csv(downloads(site) / "context.csv")] == [c.id for c in data.context]
    assert [r["id"] for r in read_csv(downloads(site) / "sources.csv")] == list(data.sources)
    mentions = read_csv(downloads(site) / "mentions.csv")
    assert len(mentions) == sum(len(m) for m in article.mentions.values())
    for row in mentions:
        text = article.paragraphs[row["para"]].text
        start = int(row["start"])
        assert text[start : start + len(row["surface"])] == row["surface"]


def test_workbook_has_every_table_as_text(site: Path) -> None:
    from openpyxl import load_workbook

    from edition import escape

    book = load_workbook(downloads(site) / "edition.xlsx")
    package = json.loads((downloads(site) / "datapackage.json").read_text(encoding="utf-8"))
    assert book.sheetnames == [r["name"] for r in package["resources"]]
    for resource in package["resources"]:
        sheet = book[resource["name"]]
        rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row), "no formulas"
        with open(downloads(site) / resource["path"], encoding="utf-8-sig", newline="") as f:
            from_csv = list(csv.reader(f))
        assert [[escape.csv_cell(v) for v in row] for row in rows] == from_csv, resource["name"]


def test_csv_and_workbook_neutralise_formulas() -> None:
    """A cell that starts like a formula is text in both files (escape.csv_cell, documented)."""
    from openpyxl import load_workbook

    from edition import datapackage, tables

    table = tables.Table(
        name="t",
        title="t",
        description="t",
        columns=(tables.Column("a", "string", "a"), tables.Column("b", "string", "b")),
        primary_key=("a",),
        rows=lambda d: [['=HYPERLINK("http://x")', "@SUM(1)"], ["+1", "-2"]],
    )
    text = tables.csv_text(table, None)  # type: ignore[arg-type]
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[1:] == [['\'=HYPERLINK("http://x")', "'@SUM(1)"], ["'+1", "'-2"]]
    xlsx = datapackage.workbook(None, dt.date(2026, 1, 1), [table])  # type: ignore[arg-type]
    book = load_workbook(io.BytesIO(xlsx))
    cells = [c for row in book["t"].iter_rows(min_row=2) for c in row]
    assert [c.value for c in cells] == ['=HYPERLINK("http://x")', "@SUM(1)", "+1", "-2"]
    assert all(c.data_type == "s" for c in cells)


def test_workbook_is_reproducible(data: Dataset) -> None:
    """The same data gives the same workbook, byte for byte, a second later: openpyxl stamps the
    time of saving into the file, which datapackage.workbook takes out."""
    import time

    from edition import datapackage

    first = datapackage.workbook(data, dt.date(2026, 1, 1))
    time.sleep(2.1)  # zip times have a resolution of two seconds
    assert datapackage.workbook(data, dt.date(2026, 1, 1)) == first


# ---- The Data page ----------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_data_page_tables_keep_their_columns(site: Path, prefix: str) -> None:
    """Every row of every table has its 4 cells ("|" inside a type is a character, issue 11), each
    table sits in a focusable, labelled scroll region, and every download is linked."""
    import lxml.html

    doc = lxml.html.fromstring((site / prefix / "data/index.html").read_bytes())
    tables = doc.xpath("//article//table")
    assert len(tables) > 30
    for table in tables:
        for row in table.xpath(".//tr"):
            assert len(row.xpath("./td | ./th")) == 4, lxml.html.tostring(row, encoding="unicode")[:300]
        region = table.xpath("ancestor::div[contains(@class, 'edition-scroll')]")
        assert region and region[0].get("tabindex") == "0" and region[0].get("role") == "region"
        assert region[0].get("aria-label")
    time_of_day = doc.xpath("//tr[td[1]/code='time_of_day']/td[2]")[0]
    assert all(v in time_of_day.text_content() for v in ("morning", "noon", "afternoon", "evening", "night"))
    linked = {a.get("href").rsplit("/", 1)[-1] for a in doc.xpath("//a[@download]")}
    assert linked == {p.name for p in downloads(site).iterdir() if p.suffix not in (".gz", ".br")}
    if prefix == "":  # English descriptions on the Arabic page are marked as English
        english = doc.xpath("//article//*[@lang='en']")
        assert len(english) > 100 and all(e.get("dir") == "ltr" for e in english)
