"""In Chromium: the pages open, speak the right language and direction, mentions lead to the
register and back to their paragraph, the language switcher keeps the reader in place, and no
request ever leaves the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import requests_outside
from site_helpers import site_pages

pytestmark = pytest.mark.browser


def lang_dir(page: object) -> tuple[str, str, str]:
    return tuple(
        page.evaluate(  # type: ignore[attr-defined]
            "[document.documentElement.lang, document.documentElement.dir, document.body.dir]"
        )
    )


def test_home_article_and_entity_are_arabic_rtl(page: object, base_url: str) -> None:
    for path in ("", "article/", "people/pieter-van-ostaeyen/"):
        page.goto(base_url + path)
        assert lang_dir(page) == ("ar", "rtl", "rtl"), path
        assert page.locator("h1").first.is_visible()


def test_english_edition_is_ltr(page: object, base_url: str) -> None:
    for path in ("en/", "en/article/", "en/people/pieter-van-ostaeyen/", "en/parallel/"):
        page.goto(base_url + path)
        assert lang_dir(page) == ("en", "ltr", "ltr"), path


def test_mention_to_entity_and_back_to_paragraph(page: object, base_url: str) -> None:
    page.goto(base_url + "article/")
    page.locator("#p4 a.edition-mention[data-entity='pieter-van-ostaeyen']").click()
    page.wait_for_url("**/people/pieter-van-ostaeyen/")
    assert page.locator("h1").inner_text().rstrip("¶") == "بيتير فان أوستين"
    page.locator("a.edition-backlink", has_text="p4").first.click()
    page.wait_for_url("**/article/#p4")
    assert page.evaluate("document.querySelector(':target').id") == "p4"
    assert page.locator("#p4").is_visible()


def switch_language(page: object, lang: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang='{lang}']").click()


def test_switch_language_on_entity_page(page: object, base_url: str) -> None:
    page.goto(base_url + "platforms/telegram/")
    switch_language(page, "en")
    page.wait_for_url("**/en/platforms/telegram/")
    assert lang_dir(page)[0] == "en"
    switch_language(page, "ar")
    page.wait_for_url(base_url + "platforms/telegram/")


def test_switch_language_keeps_paragraph(page: object, base_url: str) -> None:
    page.goto(base_url + "article/#p6")
    # The switch carries the hash the page has when it is clicked. Material's anchor tracking
    # keeps the hash on the anchor in view and, once in a busy CI run, had cleared it while the
    # page loaded: put the reader on p6 and switch once the page is at rest there.
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    page.evaluate("location.hash = '#p6'")  # type: ignore[attr-defined]
    page.wait_for_function("location.hash === '#p6' && document.querySelector(':target')?.id === 'p6'")  # type: ignore[attr-defined]
    switch_language(page, "en")
    page.wait_for_url("**/en/article/#p6")
    assert page.evaluate("document.querySelector(':target').id") == "p6"


def test_no_request_leaves_the_site(browser: object, site: Path, base_url: str) -> None:
    """Every page of both editions, including fonts, scripts and the search index, is local."""
    pages = site_pages(site)
    assert len(pages) > 40
    assert requests_outside(browser, [base_url + p for p in pages], base_url, wait_until="networkidle") == []


def test_cite_copy_buttons_copy_their_own_block(browser: object, base_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(base_url + "places/syria/")
    page.locator("details.edition-cite summary").click()
    blocks = page.locator("details.edition-cite pre")
    assert blocks.count() == 6
    ids = page.evaluate("[...document.querySelectorAll('details.edition-cite pre')].map(p => p.id)")
    assert len(set(ids)) == 6
    for index in (1, 4):  # the page's CSL-JSON, the Arabic article's BibTeX
        block = blocks.nth(index)
        block.hover()
        block.locator("button[data-md-type='copy']").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.strip() == block.locator("code").inner_text().strip()
    context.close()
