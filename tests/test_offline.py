"""The offline bundle: unzip, open index.html over file://, search in Arabic and English, and
make sure no page of it asks for anything outside the bundle."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import SearchBox, requests_outside
from offline import TOP, build_bundle

pytestmark = pytest.mark.browser

QUERIES = [
    ("تلغرام", "platforms/telegram.html"),
    ("للدواعش", "organisations/isis.html"),
    ("فان اوستين", "people/pieter-van-ostaeyen.html"),
    ("Van Ostaeyen", "people/pieter-van-ostaeyen.html"),
    ("London Bridge", "places/london-bridge.html"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    tmp = tmp_path_factory.mktemp("offline")
    zip_path = build_bundle(tmp / "edition-offline.zip")
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(tmp / "unzipped")
    yield tmp / "unzipped" / TOP


@pytest.mark.parametrize("start", ["index.html", "en/index.html"])
def test_offline_search(browser: object, bundle: Path, start: str) -> None:
    base = bundle.as_uri() + "/"
    box = SearchBox(browser, base + start)
    try:
        for query, expected in QUERIES:
            hit = box.search(query, base)
            top = [p.removeprefix("en/") for p in hit.pages[:2]]
            assert expected in top, (query, hit.pages[:5])
    finally:
        box.close()


def test_offline_language_switch(page: object, bundle: Path) -> None:
    page.goto((bundle / "article.html").as_uri() + "#p6")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    page.wait_for_url("**/en/article.html#p6")


def test_offline_bundle_requests_nothing_outside(browser: object, bundle: Path) -> None:
    # The home page first: the search at the end starts from it.
    pages = [(bundle / "index.html").as_uri(), *sorted(p.as_uri() for p in bundle.rglob("*.html"))]
    assert len(pages) > 40
    assert requests_outside(browser, pages, bundle.as_uri() + "/") == []


@pytest.mark.parametrize("start", ["article.html", "en/article.html", "en/parallel.html"])
def test_offline_note_popover_and_mention_card(page: object, bundle: Path, start: str) -> None:
    """The reading aids need nothing but the page: they work from file:// too."""
    page.goto((bundle / start).as_uri())
    page.locator("a.edition-note-marker").first.focus()
    page.keyboard.press("Enter")
    popover = page.locator(".edition-popover")
    assert popover.is_visible()
    assert popover.locator("a").first.get_attribute("href").split("#")[0].endswith("notes.html")
    page.keyboard.press("Escape")
    assert popover.count() == 0
    page.locator("a.edition-mention").first.focus()
    assert page.locator(".edition-card a").get_attribute("href").endswith(".html")
