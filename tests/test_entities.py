"""One test per entity and edition, generated from the data: its page exists, shows its names,
lists every mention, and each mention links back to its paragraph in the article."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from edition import paths
from edition.load import load
from edition.pages import mentions_of
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
