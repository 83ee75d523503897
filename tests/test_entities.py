"""One test per entity and edition, generated from the data: its page exists, shows its names,
lists every mention, and each mention links back to its paragraph in the article."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

import synthetic_corpus
from edition import lookup, paths, relations
from edition.integrity import check
from edition.load import Dataset, load
from edition.pages import mentions_of
from edition.timeline import sort_key
from site_helpers import page_file, parse

ROOT = Path(__file__).resolve().parent.parent
DATA = load(ROOT / "data")
EDITIONS = {"ar": "", "en": "en/"}
CASES = [(lang, eid) for lang in EDITIONS for eid in DATA.entities]


@pytest.mark.parametrize(("lang", "entity_id"), CASES, ids=[f"{lang}-{eid}" for lang, eid in CASES])
def test_entity_page(site: Path, lang: str, entity_id: str) -> None:
    etype = DATA.entity_types[entity_id]
    entity = DATA.entities[entity_id]
    url = "/" + EDITIONS[lang] + paths.url_of(paths.entity_page(etype, entity_id))
    html_file = page_file(site, url)
    assert html_file.exists(), f"no page for {entity_id} in {lang}"
    html = html_file.read_text(encoding="utf-8")
    assert entity.name(lang) in html
    for variant in [*entity.aliases.ar, *entity.aliases.en]:
        assert variant in html, f"variant {variant!r} not shown"
    parsed = parse(html_file)
    backlinks = [href for cls, href in parsed.links if "edition-backlink" in cls]
    expected = mentions_of(DATA, entity_id)
    assert len(backlinks) == len(expected)
    for href, (pid, *_rest) in zip(backlinks, expected, strict=True):
        target = urljoin(url, href)
        assert urlsplit(target).fragment == pid
        article = page_file(site, target)
        assert article.exists() and article.parent.name == "article"
        assert pid in parse(article).ids


@pytest.mark.parametrize("lang", EDITIONS)
def test_every_mention_in_the_article_links_to_its_entity(site: Path, lang: str) -> None:
    """Every recorded mention is a link in the Arabic text, and in the English where it has `en`,
    except in headings, which hold plain text (their mentions stay recorded: entity pages list them)."""
    html = (site / EDITIONS[lang] / "article/index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="edition-mention" data-entity="([a-z0-9-]+)" href="([^"]+)"', html)
    expected = [
        m.entity
        for pid in DATA.article.paragraphs
        for m in DATA.article.mentions.get(pid, [])
        if (lang == "ar" or m.en is not None) and pid not in DATA.article.record.structure
    ]
    assert sorted(e for e, _ in links) == sorted(expected)
    assert len(links) > 55
    for entity_id, href in links:
        etype = DATA.entity_types[entity_id]
        assert href == "../" + paths.url_of(paths.entity_page(etype, entity_id))


@pytest.mark.parametrize("lang", EDITIONS)
def test_type_index_lists_every_entity(site: Path, lang: str) -> None:
    for etype in paths.TYPE_DIRS:
        html = page_file(site, "/" + EDITIONS[lang] + paths.url_of(paths.type_index(etype))).read_text("utf-8")
        for entity in DATA.of_type(etype):
            assert f'href="{entity.id}/"' in html


@pytest.mark.parametrize("lang", EDITIONS)
def test_headings_hold_no_links(site: Path, lang: str) -> None:
    html = (site / EDITIONS[lang] / "article/index.html").read_text(encoding="utf-8")
    headings = DATA.article.record.structure
    assert headings, "the article has headings"
    for pid in headings:
        match = re.search(rf'<h[23][^>]* id="{pid}"[^>]*>(.*?)</h[23]>', html, re.S)
        assert match, f"heading {pid} not found"
        assert "edition-mention" not in match.group(1), f"{pid}: a mention link inside a heading"


def _check_lookups(data: Dataset) -> None:
    article = data.article
    events = sorted(article.events, key=lambda e: sort_key(e.date, e.time_of_day, e.precision))
    every_edge = [relations.Edge(e.id, r.type, r.target) for e in data.entities.values() for r in e.relations]
    for eid in data.entities:
        assert [e.id for e in lookup.events_by_entity(data).get(eid, [])] == [
            e.id for e in events if eid in (*e.actors, *e.platforms, *e.places)
        ]
        assert lookup.claims_by_speaker(data).get(eid, []) == [c for c in article.claims if c.speaker == eid]
        assert lookup.claims_about(data).get(eid, []) == [
            c for c in article.claims if eid in c.about and c.speaker != eid
        ]
        assert relations.edges_of(data, eid) == [e for e in every_edge if eid in (e.source, e.target)]
        assert lookup.mentions_in_data_order(data).get(eid, []) == [
            (pid, m) for pid, ms in article.mentions.items() for m in ms if m.entity == eid
        ]


def test_lookups_match_a_plain_scan(tmp_path: Path) -> None:
    """lookup.py groups what refers to each entity in one pass (the scale fix of #16): for every
    entity, in the real data and in a 3-copy synthetic corpus, it gives what a scan of every item
    gives, in the same order."""
    _check_lookups(DATA)
    synthetic_corpus.write_corpus(ROOT / "data", tmp_path / "data", 3)
    _check_lookups(check(load(tmp_path / "data")))
