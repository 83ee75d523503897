"""The reading aids (issue 13): English under every Arabic quote, mention cards, note popovers,
endnotes in print, filters on notes and claims, entity infoboxes, the parallel page at full width
and the home page. Data-driven where the data decides; Chromium for each behaviour."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest

from edition import paths
from edition.context import Context
from edition.load import Dataset
from edition.model import Evidence
from edition.notes import linked_refs, numbered
from edition.pages import WORDS, snippet, spellings

EDITIONS = {"ar": "", "en": "en/"}


# ---- English edition: evidence a journalist can read --------------------------------------------


def every_quote(data: Dataset) -> Iterator[tuple[str, str, str, str | None]]:
    """(where, paragraph id, Arabic quote, English span) for every quote the pages show."""
    article = data.article
    for entity in data.entities.values():
        evidence: list[Evidence] = [*entity.evidence, *(ev for rel in entity.relations for ev in rel.evidence)]
        for ev in evidence:
            yield f"entity {entity.id}", ev.para, ev.quote, ev.en
    for event in article.events:
        for ev in event.evidence:
            yield f"event {event.id}", ev.para, ev.quote, ev.en
    for claim in article.claims:
        yield f"claim {claim.id} attribution", claim.attribution.para, claim.attribution.quote, claim.attribution.en
        for ev in claim.evidence:
            yield f"claim {claim.id}", ev.para, ev.quote, ev.en
    for note in article.notes:
        yield f"note {note.id}", note.para, note.quote, note.quote_en


def test_every_quote_has_its_english(data: Dataset) -> None:
    """Every Arabic quote in the data carries this edition's English for the same words, found
    in the translation of the same paragraph (integrity.py refuses a wrong one)."""
    quotes = list(every_quote(data))
    assert len(quotes) > 100
    missing = [f"{where}: «{quote}»" for where, _pid, quote, en in quotes if not en]
    assert not missing, "add `en` (the English span) to:\n" + "\n".join(missing)
    for where, pid, _quote, en in quotes:
        assert en in data.article.translation.paragraphs[pid], where


def quote_pages(site: Path, data: Dataset) -> list[Path]:
    out = [site / "en/claims/index.html", site / "en/notes/index.html"]
    for entity_id, etype in data.entity_types.items():
        out.append(site / "en" / paths.url_of(paths.entity_page(etype, entity_id)) / "index.html")
    return out


def test_english_pages_follow_every_arabic_quote_with_its_english(site: Path, data: Dataset) -> None:
    shown = 0
    for page in quote_pages(site, data):
        doc = lxml.html.fromstring(page.read_bytes())
        opening = 'starts-with(normalize-space(.), "«") or starts-with(normalize-space(.), "“")'
        quotes = f'//article//span[@lang="ar"][{opening}]'
        for quote in doc.xpath(quotes):
            nxt = quote.getnext()
            rel = page.relative_to(site)
            assert nxt is not None and "edition-evidence-en" in nxt.get("class", ""), (
                f"{rel}: «{quote.text_content()}» has no English after it"
            )
            assert nxt.get("lang") == "en"
            shown += 1
    assert shown > 100


def test_arabic_edition_shows_arabic_quotes_only(site: Path) -> None:
    assert "edition-evidence-en" not in (site / "claims/index.html").read_text("utf-8")


# ---- Notes: references linked -------------------------------------------------------------------


def test_references_in_notes_are_linked_and_the_rest_is_text(data: Dataset) -> None:
    ar, en = Context(data, "ar", paths.NOTES), Context(data, "en", paths.NOTES)
    first_p14 = next(n.id for n in data.article.notes if n.para == "p14")
    assert linked_refs(ar, "انظر الفقرة 17.") == "انظر [الفقرة 17](article.md#p17)\\."
    assert linked_refs(ar, "(الفقرات 14–19)") == "\\([الفقرات 14–19](article.md#p14)\\)"
    assert linked_refs(ar, "انظر ملاحظة الفقرة 14") == f"انظر [ملاحظة الفقرة 14](#{first_p14})"
    assert linked_refs(en, "see the note on p14; p3") == f"see [the note on p14](#{first_p14}); [p3](article.md#p3)"
    assert linked_refs(en, "(p14–p19)") == "\\([p14–p19](article.md#p14)\\)"
    # Not a paragraph of the text, or not a reference: left as (escaped) text.
    assert linked_refs(en, "p99 and top10 *x*") == "p99 and top10 \\*x\\*"


@pytest.mark.parametrize("lang", EDITIONS)
def test_notes_page_links_every_reference(site: Path, lang: str) -> None:
    doc = lxml.html.fromstring((site / EDITIONS[lang] / "notes/index.html").read_bytes())
    links = [a.get("href") for a in doc.xpath('//article[contains(@class, "edition-note")]//p//a')]
    to_paragraphs = [h for h in links if h.startswith("../article/#p")]
    to_notes = [h for h in links if h.startswith("#")]
    assert len(to_paragraphs) > 40 and to_notes
    ids = set(doc.xpath("//@id"))
    assert all(h[1:] in ids for h in to_notes)


# ---- Entity pages -------------------------------------------------------------------------------


def test_snippets_are_cut_at_word_boundaries() -> None:
    text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    start = text.index("seven")
    before, after = snippet(text, start, start + len("seven"), chars=12)
    assert before == "… five six "  # "r" of "four" is cut off, so "four" is left out
    assert after == " eight nine …"
    assert snippet("a mention here", 2, 9) == ("a ", " here")


def test_spellings_in_the_text_apart_from_search_only(data: Dataset) -> None:
    for entity in data.entities.values():
        in_text, in_translation, search_only = spellings(data, entity)
        all_text = "\n".join(p.text for p in data.article.paragraphs.values())
        assert all(s in all_text for s in in_text)
        assert not set(search_only) & (set(in_text) | set(in_translation))
        names = {entity.name.ar, entity.name.en, *entity.aliases.ar, *entity.aliases.en}
        assert names <= set(in_text) | set(in_translation) | set(search_only)


@pytest.mark.parametrize("lang", EDITIONS)
def test_entity_infobox(site: Path, data: Dataset, lang: str) -> None:
    for entity_id, etype in data.entity_types.items():
        page = site / EDITIONS[lang] / paths.url_of(paths.entity_page(etype, entity_id)) / "index.html"
        doc = lxml.html.fromstring(page.read_bytes())
        box = doc.xpath('//dl[contains(@class, "edition-infobox")]')
        assert len(box) == 1, entity_id
        assert not doc.xpath('//*[contains(@class, "edition-kicker")]//code'), f"{entity_id}: id chip"
        entity = data.entities[entity_id]
        for url in entity.same_as:
            assert box[0].xpath(f'.//a[@href="{url}"]'), f"{entity_id}: identifier {url} missing"
        site_row = box[0].xpath(f'.//dt[.="{WORDS["site"][lang]}"]/following-sibling::dd[1]')
        if entity.official_site is None:
            assert not site_row, f"{entity_id}: an official site row without a site"
            continue
        # The address, marked external, with the source that attests it (never the article).
        (row,) = site_row
        assert row.xpath(f'.//a[@href="{entity.official_site.url}"]'), entity_id
        source = data.sources[entity.official_site.source]
        assert row.xpath(f'.//a[@href="{source.url}"]'), f"{entity_id}: official site without its source"
        assert row.xpath('.//*[contains(@class, "edition-badge")]'), f"{entity_id}: not marked external"


def test_every_platform_has_its_official_site(data: Dataset) -> None:
    """Issue 13: the infobox names each platform's own site; the data must hold one, sourced."""
    missing = [e.id for e in data.of_type("platform") if e.official_site is None]
    assert not missing, f"platforms without an official site: {missing}"


# ---- Home ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", EDITIONS)
def test_home_names_the_edition_and_its_source(site: Path, data: Dataset, lang: str) -> None:
    doc = lxml.html.fromstring((site / EDITIONS[lang] / "index.html").read_bytes())
    h1 = doc.xpath("//article//h1")[0].text_content()
    assert h1 != data.article.record.title(lang)
    card = doc.xpath('//div[contains(@class, "edition-source-card")]')[0].text_content()
    record = data.article.record
    for entity_id in (record.outlet, record.based_on.publisher, record.based_on.author):
        assert data.entities[entity_id].name(lang) in card
    assert "2019" in card
    findings = doc.xpath('//h2[@id="key-points"]/following-sibling::ul[1]/li')
    assert 3 <= len(findings) <= 5
    notes = [a for f in findings for a in f.xpath(".//a") if "notes/#" in a.get("href", "")]
    assert len(notes) == len({n.type for n in data.article.notes})
    assert not doc.xpath('//*[@id="register"]'), "no register list repeating the navigation"


# ---- In the browser -----------------------------------------------------------------------------

browser_tests = pytest.mark.browser


@pytest.fixture()
def desktop(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
    yield context.new_page()
    context.close()


@browser_tests
@pytest.mark.parametrize("lang", EDITIONS)
def test_mentions_are_quiet(desktop: object, base_url: str, lang: str) -> None:
    page = desktop
    page.goto(base_url + EDITIONS[lang] + "article/")  # type: ignore[attr-defined]
    style = page.evaluate(  # type: ignore[attr-defined]
        """() => { const a = document.querySelector('#p4 a.edition-mention'), s = getComputedStyle(a);
        return [s.color, getComputedStyle(a.closest('p')).color, s.textDecorationStyle] }"""
    )
    assert style[0] == style[1] and style[2] == "dotted"


@browser_tests
@pytest.mark.parametrize("lang", EDITIONS)
def test_mention_card_on_focus_hover_and_tap(browser: object, base_url: str, lang: str) -> None:
    link = "#p4 a.edition-mention[data-entity='pieter-van-ostaeyen']"
    context = browser.new_context(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(base_url + EDITIONS[lang] + "article/")
    page.locator(link).focus()
    card = page.locator(".edition-card")
    assert card.is_visible()
    assert "Pieter" in card.inner_text() or "بيتير" in card.inner_text()
    assert card.locator("a").get_attribute("href") == page.locator(link).get_attribute("href")
    assert page.locator(link).get_attribute("aria-describedby") == card.get_attribute("id")
    page.keyboard.press("Escape")
    assert card.count() == 0
    page.mouse.move(0, 0)
    page.locator("#p6 a.edition-mention").first.hover()
    assert page.locator(".edition-card").is_visible()
    context.close()
    # Touch: the first tap shows the card and stays on the page; the card's link opens the entity.
    touch = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)  # type: ignore[attr-defined]
    page = touch.new_page()
    page.goto(base_url + EDITIONS[lang] + "article/")
    page.locator(link).tap()
    page.wait_for_timeout(200)
    assert page.url.endswith("/article/")
    assert page.locator(".edition-card").is_visible()
    page.locator(".edition-card a").tap()
    page.wait_for_url("**/people/pieter-van-ostaeyen/")
    touch.close()


@browser_tests
@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("where", ["article/", "parallel/"])
def test_note_popover_by_keyboard(desktop: object, base_url: str, data: Dataset, lang: str, where: str) -> None:
    page = desktop
    page.goto(base_url + EDITIONS[lang] + where)  # type: ignore[attr-defined]
    markers = page.locator("a.edition-note-marker")  # type: ignore[attr-defined]
    assert markers.count() == len({n.para for n in data.article.notes})
    box = markers.first.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    marker = markers.nth(1)
    annotated = list(dict.fromkeys(n.para for _, n in numbered(data)))
    note = next(n for _, n in numbered(data) if n.para == annotated[1])  # the second marker's first note
    marker.focus()
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    popover = page.locator(".edition-popover")  # type: ignore[attr-defined]
    assert popover.is_visible()
    assert marker.get_attribute("aria-expanded") == "true"
    assert note.title(lang) in popover.inner_text()
    assert popover.locator(f'a[href$="notes/#{note.id}"]').count() == 1
    assert page.evaluate("document.activeElement.classList.contains('edition-popover')")  # type: ignore[attr-defined]
    assert page.url.endswith(where)  # type: ignore[attr-defined]
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    assert popover.count() == 0
    assert marker.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('edition-note-marker')")  # type: ignore[attr-defined]
    page.keyboard.press(" ")  # type: ignore[attr-defined]
    assert popover.is_visible()
    popover.locator(".edition-popover__close").click()
    assert popover.count() == 0


@browser_tests
def test_print_shows_endnotes_and_plain_links(desktop: object, base_url: str, data: Dataset) -> None:
    page = desktop
    page.goto(base_url + "en/article/")  # type: ignore[attr-defined]
    assert not page.locator("#endnotes").is_visible()  # type: ignore[attr-defined]
    page.emulate_media(media="print")  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]  # Material's colour transitions
    endnotes = page.locator("#endnotes")  # type: ignore[attr-defined]
    assert endnotes.is_visible()
    assert endnotes.locator(".edition-endnote").count() == len(data.article.notes)
    colours = page.evaluate(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('.md-content a')].filter(a => a.offsetParent)
          .every(a => getComputedStyle(a).color === getComputedStyle(a.parentElement).color)"""
    )
    assert colours


@browser_tests
@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize(
    ("where", "items", "facet", "value"),
    [
        ("notes/", ".edition-note", "type", "spelling"),
        ("notes/", ".edition-note", "status", "secondary"),
        ("claims/", ".edition-claim", "speaker", "pieter-van-ostaeyen"),
        ("claims/", ".edition-claim", "form", "quote"),
    ],
)
def test_filters_narrow_what_is_shown(
    desktop: object, base_url: str, data: Dataset, lang: str, where: str, items: str, facet: str, value: str
) -> None:
    page = desktop
    page.goto(base_url + EDITIONS[lang] + where)  # type: ignore[attr-defined]
    records = data.article.notes if where == "notes/" else data.article.claims
    attr = {"type": "type", "status": "certainty", "speaker": "speaker", "form": "form"}[facet]
    expected = {r.id for r in records if getattr(r, attr) == value}
    assert 0 < len(expected) < len(records)
    button = page.locator(f'button[data-facet="{facet}"][data-value="{value}"]')  # type: ignore[attr-defined]
    button.focus()
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    assert button.get_attribute("aria-pressed") == "true"
    shown = page.eval_on_selector_all(items, "els => els.filter(e => !e.hidden).map(e => e.id)")  # type: ignore[attr-defined]
    assert set(shown) == expected
    assert str(len(expected)) in page.locator(".edition-filters__status").inner_text()  # type: ignore[attr-defined]
    page.locator(f'button[data-facet="{facet}"][data-value=""]').click()  # type: ignore[attr-defined]
    assert page.eval_on_selector_all(items, "els => els.filter(e => !e.hidden).length") == len(records)  # type: ignore[attr-defined]


@browser_tests
@pytest.mark.parametrize("lang", EDITIONS)
def test_parallel_reading_uses_the_full_width(desktop: object, base_url: str, lang: str) -> None:
    page = desktop
    page.goto(base_url + EDITIONS[lang] + "parallel/")  # type: ignore[attr-defined]
    assert not page.locator(".md-sidebar--primary").is_visible()  # type: ignore[attr-defined]
    width = page.evaluate("document.querySelector('.edition-parallel').getBoundingClientRect().width")  # type: ignore[attr-defined]
    assert width > 1100
    assert page.locator(".edition-parallel a.edition-mention").count() > 100  # type: ignore[attr-defined]


@browser_tests
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_notes_columns_side_by_side_on_desktop_stacked_on_mobile(browser: object, base_url: str, scheme: str) -> None:
    for width, columns in ((1366, 2), (390, 1)):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)  # type: ignore[attr-defined]
        page = context.new_page()
        page.goto(base_url + "en/notes/")
        tops = page.eval_on_selector(
            ".edition-note .edition-compare", "el => [...el.children].map(e => e.getBoundingClientRect().top)"
        )
        assert len(tops) == 2
        assert (tops[0] == tops[1]) == (columns == 2), (width, tops)
        context.close()
