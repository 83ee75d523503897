"""The two editions: every page has its counterpart, every page declares its language and
direction, and every language-switcher link leads to an existing page."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from edition.load import Dataset
from site_helpers import page_file


def pages(site: Path, english: bool) -> set[str]:
    out = set()
    for page in site.rglob("index.html"):
        rel = page.relative_to(site).as_posix()
        if rel.startswith("en/") == english:
            out.add(rel.removeprefix("en/"))
    return out


def test_every_page_has_its_counterpart(site: Path) -> None:
    arabic, english = pages(site, False), pages(site, True)
    assert arabic == english
    assert len(arabic) > 30


def test_every_page_declares_language_and_direction(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        english = page.relative_to(site).as_posix().startswith("en/")
        lang, direction = ("en", "ltr") if english else ("ar", "rtl")
        assert f'<html lang="{lang}" dir="{direction}"' in html, page
        assert re.search(rf'<body dir="{direction}"', html), page


def test_every_switcher_link_resolves_to_the_same_page(site: Path) -> None:
    for page in site.rglob("index.html"):
        rel = page.relative_to(site).as_posix()
        url = "/" + rel.removesuffix("index.html")
        links = re.findall(
            r'<a href="([^"]+)" hreflang="(ar|en)" lang="\2" class="md-select__link"', page.read_text("utf-8")
        )
        assert len(links) == 2, page
        for href, lang in links:
            target = urlsplit(urljoin(url, href)).path
            assert page_file(site, target).exists(), (page, href)
            same = rel.removeprefix("en/")
            expected = ("/en/" if lang == "en" else "/") + same.removesuffix("index.html")
            if page.parent.name != "404":
                assert target == expected, (page, href)


def test_paragraph_ids_align(site: Path, data: Dataset) -> None:
    ids = list(data.article.paragraphs)
    for edition in ("article/index.html", "en/article/index.html"):
        html = (site / edition).read_text(encoding="utf-8")
        assert re.findall(r'data-para="(p\d+)"', html) == ids, edition
    parallel = (site / "parallel/index.html").read_text(encoding="utf-8")
    for pid in ids:
        assert f'id="{pid}-ar"' in parallel and f'id="{pid}-en"' in parallel
