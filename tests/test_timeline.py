"""Timeline, context, editorial notes and the relations diagram (generated from the data)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from edition.load import Dataset
from edition.timeline import items
from site_helpers import page_file, parse

EDITIONS = {"ar": "", "en": "en/"}


def test_every_event_has_a_date_and_a_basis(data: Dataset) -> None:
    for ev in data.article.events:
        assert ev.date is not None, ev.id
        assert ev.date_basis in data.date_bases, ev.id
        assert ev.precision and ev.certainty


def test_every_external_item_cites_a_public_source(data: Dataset) -> None:
    cited = [s for cx in data.context for s in cx.sources]
    cited += [x.source for e in data.entities.values() for x in e.external]
    cited += [s for n in data.article.notes for s in n.sources]
    assert cited
    for source_id in cited:
        assert str(data.sources[source_id].url).startswith(("https://", "http://")), source_id


def test_every_note_quote_is_in_its_paragraph(data: Dataset) -> None:
    assert data.article.notes
    for note in data.article.notes:
        assert note.quote in data.article.paragraphs[note.para].text, note.id


@pytest.mark.parametrize("lang", EDITIONS)
def test_timeline_shows_every_event_in_order(site: Path, data: Dataset, lang: str) -> None:
    html = page_file(site, "/" + EDITIONS[lang] + "timeline/").read_text(encoding="utf-8")
    shown = re.findall(r'<article class="edition-event[^"]*" id="([a-z0-9-]+)"', html)
    expected = [i.id for i in items(data, lang)]
    assert shown == expected
    assert set(shown) == {e.id for e in data.article.events} | {c.id for c in data.context}
    keys = [i.key for i in items(data, lang)]
    assert keys == sorted(keys)
    external = re.findall(r'<article class="edition-event edition-external-event" id="([a-z0-9-]+)"', html)
    assert set(external) == {c.id for c in data.context}


@pytest.mark.parametrize("lang", EDITIONS)
def test_timeline_shows_the_originals_date_where_a_note_differs(site: Path, data: Dataset, lang: str) -> None:
    html = page_file(site, "/" + EDITIONS[lang] + "timeline/").read_text(encoding="utf-8")
    for note in data.article.notes:
        for alt in note.alternatives:
            block = html.split(f'id="{alt.event}"', 1)[1].split("</article>", 1)[0]
            assert f"notes/#{note.id}" in block


@pytest.mark.parametrize("lang", EDITIONS)
def test_notes_page_and_markers(site: Path, data: Dataset, lang: str) -> None:
    notes = page_file(site, "/" + EDITIONS[lang] + "notes/")
    ids = parse(notes).ids
    for note in data.article.notes:
        assert note.id in ids
    article = page_file(site, "/" + EDITIONS[lang] + "article/").read_text(encoding="utf-8")
    for note in data.article.notes:
        assert f"notes/#{note.id}" in article


@pytest.mark.parametrize("lang", EDITIONS)
def test_relations_diagram_links_resolve(site: Path, data: Dataset, lang: str) -> None:
    url = "/" + EDITIONS[lang] + "relations/"
    html = page_file(site, url).read_text(encoding="utf-8")
    start = html.index('<svg class="edition-graph"')
    svg = html[start : html.index("</svg>", start)]
    hrefs = re.findall(r'<a href="([^"]+)"', svg)
    assert len(hrefs) == len(data.entities) + len(data.article.events)
    for href in hrefs:
        target = urljoin(url, href)
        file = page_file(site, target)
        assert file.exists(), href
        fragment = urlsplit(target).fragment
        if fragment:
            assert fragment in parse(file).ids, href
