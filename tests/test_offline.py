"""The offline bundle: unzip, open index.html over file://, search in Arabic and English, and
make sure no page of it asks for anything outside the bundle."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from browser import SearchBox
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
    root = bundle.as_uri() + "/"
    outside: list[str] = []

    def check(url: str) -> None:
        scheme = urlsplit(url).scheme
        if scheme in ("data", "blob", "about"):
            return
        if not unquote(url).startswith(unquote(root)):
            outside.append(url)

    context = browser.new_context()  # type: ignore[attr-defined]
    context.on("request", lambda req: check(req.url))
    page = context.new_page()
    pages = sorted(p for p in bundle.rglob("*.html"))
    assert len(pages) > 40
    for html in pages:
        page.goto(html.as_uri(), wait_until="load")
    page.goto((bundle / "index.html").as_uri())
    page.keyboard.press("/")
    page.locator("input.md-search__input").fill("تيليجرام")
    page.locator("input.md-search__input").press("End")
    page.wait_for_selector(".md-search-result__item")
    context.close()
    assert outside == []
