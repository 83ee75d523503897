"""The offline bundle: unzip, open index.html over file://, search in Arabic and English, use the
reading aids and the filters, and make sure no page of it asks for anything outside the bundle."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import SearchBox, requests_outside
from edition.load import Dataset
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


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_offline_filters_narrow_what_is_shown(
    browser: object, page: object, bundle: Path, data: Dataset, prefix: str
) -> None:
    """The timeline's article/external filter and the notes' and claims' filters are plain
    scripts of the page: they narrow the list from file:// as they do on a server. Without
    JavaScript the timeline's filter is not shown and every event is."""
    page.goto((bundle / prefix / "timeline.html").as_uri())
    article = {e.id for e in data.article.events}
    external = {c.id for c in data.context}
    visible = (
        "[...document.querySelectorAll('.edition-tl-item')].filter(e => e.offsetParent !== null)"
        ".map(e => e.querySelector('details').id)"
    )
    assert set(page.evaluate(visible)) == article | external
    assert page.locator("form.edition-tl-filter").is_visible()
    page.locator("form.edition-tl-filter input[type=radio]").first.focus()
    page.keyboard.press("ArrowDown")  # the article's events only
    assert set(page.evaluate(visible)) == article
    context = browser.new_context(java_script_enabled=False)
    still = context.new_page()
    still.goto((bundle / prefix / "timeline.html").as_uri())
    assert not still.locator("form.edition-tl-filter").is_visible()  # no control that does nothing
    assert set(still.evaluate(visible)) == article | external
    context.close()
    for where, items, facet, value, records, attr in [
        ("notes.html", ".edition-note", "type", "spelling", data.article.notes, "type"),
        ("claims.html", ".edition-claim", "form", "quote", data.article.claims, "form"),
    ]:
        page.goto((bundle / prefix / where).as_uri())
        expected = {r.id for r in records if getattr(r, attr) == value}
        assert 0 < len(expected) < len(records)
        page.locator(f'button[data-facet="{facet}"][data-value="{value}"]').click()
        shown = page.eval_on_selector_all(items, "els => els.filter(e => !e.hidden).map(e => e.id)")
        assert set(shown) == expected, where
