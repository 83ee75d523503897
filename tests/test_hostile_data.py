"""Data is text, never markup (issue 10): hostile values in every free-text field of the data.

For each payload, a copy of the data gets PAYLOAD+MARKER in every free-text field (the fields are
found from the models, tests/hostile.py) and in every line of the article text, and the whole site
is built. A reference build with a plain payload gives the structure the pages must keep:
- every page has exactly the elements and attributes of the reference build (no element or
  attribute was created from data), and no javascript: URL;
- wherever a marker appears in a page's text or in an attribute value, the payload stands
  before it, character for character (the reader sees exactly the data);
- every JSON-LD block parses and holds the payload exactly;
- every CSV reads back through the csv module with the payload, or its documented neutralised
  form (a leading apostrophe) when it would start a formula;
- every BibTeX block of the cite box parses (bibtexparser and pybtex) into one entry with the
  reference build's fields, the payload escaped as escape.bibtex() documents;
- in Chromium, a sample of pages and a search for a payload raise no dialog.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import bibtexparser
import lxml.html
import pytest
from pybtex.database import parse_string

from browser import build_site, serve
from edition import cite, escape
from hostile import FILE_MODELS, data_files, model_of, poisoned_copy

ROOT = Path(__file__).resolve().parent.parent
PLAIN = "plaintext "
PAYLOADS = {
    "html": "<img src=x onerror=alert(1)><script>alert(2)</script><b>b</b>\"'&amp;&#60; ",
    "markdown": "# *em* **b** _u_ [l](javascript:alert(3)) ![i](x.png) `c` {#hijack .c} | c1 | <!-- ",
    "blocks": "1. one - two > q : d ??? note !!! warning === --- ",
    "formula": '=HYPERLINK("http://example.invalid") +1 -1 @SUM(A1) ',
    "bibtex": "} , note = {x} @misc{y, % \\textbf{z} $m$ #_^~& \\ ",
    "script": "</script><!--<script> {{ 7*7 }} {% raw %} ]]> </title></textarea> ",
}
MARKER = re.compile(r"MK\d{4}Q")
HTML_KINDS = ("text", "attribute")


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def structure(doc: lxml.html.HtmlElement) -> Counter[str]:
    """Every element and attribute name of a page, counted."""
    out: Counter[str] = Counter()
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        out[el.tag] += 1
        for name in el.attrib:
            out[f"{el.tag}@{name}"] += 1
    return out


def payload_before_markers(text: str, payload: str) -> list[str]:
    """Places where a marker stands without the exact payload before it (or, in a snippet cut
    at a word limit, without "…" and the end of the payload)."""
    bad = []
    for m in MARKER.finditer(text):
        before = text[: m.start()]
        cut = any(before.endswith("…" + payload[k:]) for k in range(1, len(payload) + 1))
        if not before.endswith(payload) and not cut:
            bad.append(f"…{text[max(0, m.start() - 60) : m.end()]!r}")
    return bad


def strings(obj: object) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in strings(v)]
    return []


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    for name, payload in {"plain": PLAIN, **PAYLOADS}.items():
        base = tmp_path_factory.mktemp(f"hostile-{name}")
        poisoned_copy(ROOT / "data", base / "data", payload)
        result = build_site(base / "site", env={"EDITION_DATA": str(base / "data")})
        assert result.returncode == 0, f"{name}: the build refused hostile text\n{result.stdout}{result.stderr}"
        out[name] = base / "site"
    return out


def test_every_data_file_has_a_model() -> None:
    missing = [str(p.relative_to(ROOT / "data")) for p in data_files(ROOT / "data") if not model_of(ROOT / "data", p)]
    assert not missing, f"add these files to tests/hostile.py FILE_MODELS: {missing}"
    assert FILE_MODELS


@pytest.mark.parametrize("kind", list(PAYLOADS))
def test_pages_keep_their_structure_and_show_the_data(builds: dict[str, Path], kind: str) -> None:
    plain, site, payload = builds["plain"], builds[kind], PAYLOADS[kind]
    problems = []
    shown = 0
    for path in pages(site):
        rel = path.relative_to(site)
        doc = lxml.html.fromstring(path.read_bytes())
        reference = lxml.html.fromstring((plain / rel).read_bytes())
        got, want = structure(doc), structure(reference)
        if got != want:
            extra, lost = got - want, want - got
            problems.append(f"{rel}: markup from data: added {dict(extra)}, lost {dict(lost)}")
        for el in doc.iter():
            if not isinstance(el.tag, str):
                continue
            for name, value in el.attrib.items():
                url = value.strip().lower()
                if name in ("href", "src", "action") and url.startswith("javascript:") and url != "javascript:void(0)":
                    problems.append(f"{rel}: <{el.tag} {name}={value!r}>")
                problems += [f"{rel}: attribute {name}: {b}" for b in payload_before_markers(value, payload)]
        for script in doc.xpath('//script[@type="application/ld+json"]'):
            raw = script.text or ""
            assert "<" not in raw and ">" not in raw, f"{rel}: JSON-LD holds raw < or >"
            for s in strings(json.loads(raw)):
                problems += [f"{rel}: JSON-LD: {b}" for b in payload_before_markers(s, payload)]
        for code in doc.xpath('//code[contains(@class, "language-json")]'):
            for s in strings(json.loads(code.text_content())):
                problems += [f"{rel}: CSL-JSON: {b}" for b in payload_before_markers(s, payload)]
        # The text a reader sees: scripts and the cite box's code (checked by their parsers) aside.
        for el in doc.xpath("//script | //style | //code[contains(@class, 'language-')]"):
            el.drop_tree()
        text = doc.text_content()
        shown += len(MARKER.findall(text))
        problems += [f"{rel}: text: {b}" for b in payload_before_markers(text, payload)]
    assert shown > 500, "the hostile values did not reach the pages"
    assert not problems, "\n".join(problems[:40])


@pytest.mark.parametrize("kind", list(PAYLOADS))
def test_downloads_read_back_the_data(builds: dict[str, Path], kind: str) -> None:
    payload = PAYLOADS[kind]
    problems, seen = [], 0
    for path in sorted((builds[kind] / "downloads").glob("*.csv")):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
            for cell in row:
                if not MARKER.search(cell):
                    continue
                seen += 1
                if cell.startswith(escape.CSV_FORMULA_START):  # neutralised cells start with '
                    problems.append(f"{path.name}: formula cell {cell[:60]!r}")
                # Inside a cell (lists joined by |) the payload stands whole before every marker.
                for m in MARKER.finditer(cell):
                    if not cell[: m.start()].endswith(payload):
                        problems.append(f"{path.name}: {cell[:80]!r}")
    assert seen > 50
    for name in ("edition.json",):
        exported = strings(json.loads((builds[kind] / "downloads" / name).read_text(encoding="utf-8")))
        problems += [f"{name}: {b}" for s in exported for b in payload_before_markers(s, payload)]
    assert not problems, "\n".join(problems[:20])


def bibtex_blocks(site: Path) -> list[tuple[str, str]]:
    out = []
    for path in pages(site):
        doc = lxml.html.fromstring(path.read_bytes())
        for code in doc.xpath('//code[contains(@class, "language-bibtex")]'):
            out.append((str(path.relative_to(site)), code.text_content()))
    return out


@pytest.mark.parametrize("kind", list(PAYLOADS))
def test_bibtex_parses_to_the_reference_fields(builds: dict[str, Path], kind: str) -> None:
    payload = escape.bibtex(PAYLOADS[kind])
    plain_blocks = bibtex_blocks(builds["plain"])  # the pages come in the same order in both builds
    problems = []
    for (rel, block), (_, plain_block) in zip(bibtex_blocks(builds[kind]), plain_blocks, strict=True):
        parsed = bibtexparser.parse_string(block)
        want = bibtexparser.parse_string(plain_block)
        if parsed.failed_blocks or len(parsed.entries) != 1:
            problems.append(f"{rel}: {len(parsed.entries)} entries, failed {parsed.failed_blocks}")
            continue
        fields = {f.key: f.value for f in parsed.entries[0].fields}
        if set(fields) != {f.key for f in want.entries[0].fields}:
            problems.append(f"{rel}: fields {sorted(fields)}")
        for value in fields.values():
            # Titles brace-protect words with capitals (cite.protect_capitals): compare the text.
            value = cite.unprotect_capitals(value)
            problems += [f"{rel}: {b}" for b in payload_before_markers(value, payload)]
        if len(parse_string(block, "bibtex").entries) != 1:  # pybtex counts braces as BibTeX does
            problems.append(f"{rel}: pybtex does not read one entry")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.browser
def test_no_script_runs_in_the_browser(builds: dict[str, Path], browser: object) -> None:
    site = builds["html"]
    sample = ["", "article/", "timeline/", "claims/", "notes/", "relations/", "people/", "parallel/", "en/article/"]
    sample += [str(p.parent.relative_to(site)) + "/" for p in sorted(site.glob("places/*/index.html"))][:2]
    dialogs: list[str] = []
    with serve(site) as url:
        page = browser.new_page()  # type: ignore[attr-defined]
        page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
        for path in sample:
            page.goto(url + path)
            page.wait_for_load_state("load")
        page.goto(url)
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.fill(".md-search__input", "alert")
        page.press(".md-search__input", "End")
        page.wait_for_timeout(1500)
        assert page.locator(".md-search-result img, .md-search-result script").count() == 0
        page.close()
    assert not dialogs, dialogs
