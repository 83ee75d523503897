"""The relations drawings in Chromium: each fits its column at 1366 and 390 px (bounding boxes),
its text stays readable, an edge states its relation on keyboard focus, and axe finds no serious
problem in light and dark, in both editions."""

from __future__ import annotations

import pytest

from edition import paths
from edition.load import Dataset
from test_quality import COLOUR_RULES, SCREENSHOTS, axe_violations

EDITIONS = {"ar": "", "en": "en/"}
SIZES = {"desktop": (1366, 900), "mobile": (390, 844)}

pytestmark = pytest.mark.browser

FIT = """() => {
  const column = document.querySelector('.md-content__inner').getBoundingClientRect()
  return [...document.querySelectorAll('svg.edition-rel-graph')]
    .filter(svg => svg.getBoundingClientRect().width > 0)
    .map(svg => {
      const box = svg.getBoundingClientRect()
      return {cls: svg.getAttribute('class'), left: box.left, right: box.right, width: box.width,
              viewBox: svg.viewBox.baseVal.width, columnLeft: column.left, columnRight: column.right}
    })
}"""


def check_fits(page: object) -> list[dict[str, float]]:
    shown = page.evaluate(FIT)  # type: ignore[attr-defined]
    for svg in shown:
        assert svg["left"] >= svg["columnLeft"] - 0.5 and svg["right"] <= svg["columnRight"] + 0.5, svg
        # 12 px text drawn at no less than 10 px.
        assert svg["width"] / svg["viewBox"] >= 10 / 12, svg
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")  # type: ignore[attr-defined]
    return shown


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", EDITIONS)
def test_overview_fits_its_column(browser: object, base_url: str, lang: str, size: str) -> None:
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(base_url + EDITIONS[lang] + "relations/")
    shown = check_fits(page)
    assert len(shown) == 1  # one layout at a time: the wide one, or the narrow one on small screens
    assert ("edition-rel-narrow" in shown[0]["cls"]) == (size == "mobile")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("figure.edition-rel-figure").screenshot(path=str(SCREENSHOTS / f"relations-{lang}-{size}.png"))
    context.close()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", EDITIONS)
def test_every_local_graph_fits_its_column(browser: object, base_url: str, data: Dataset, lang: str, size: str) -> None:
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
    page = context.new_page()
    for entity_id, etype in data.entity_types.items():
        page.goto(base_url + EDITIONS[lang] + paths.url_of(paths.entity_page(etype, entity_id)))
        assert len(check_fits(page)) == 1, entity_id
    context.close()


@pytest.mark.parametrize("lang", EDITIONS)
def test_an_edge_states_its_relation_on_keyboard_focus(page: object, base_url: str, lang: str) -> None:
    page.goto(base_url + EDITIONS[lang] + "relations/")  # type: ignore[attr-defined]
    # Tab from the link just before the drawing into it: the first edge takes the focus.
    page.locator(".md-content__inner a[href$='timeline/']").first.focus()  # type: ignore[attr-defined]
    for _ in range(5):
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        if page.evaluate("document.activeElement.matches('.edition-rel-wide .edition-rel-edge')"):  # type: ignore[attr-defined]
            break
    edge = page.evaluate_handle("document.activeElement")  # type: ignore[attr-defined]
    assert edge.evaluate("e => e.matches('.edition-rel-edge')")
    name = edge.evaluate("e => e.querySelector('title').textContent")
    assert " — " in name
    # The <title> is the link's accessible name (what a screen reader says on focus).
    assert page.get_by_role("link", name=name, exact=True).count() >= 1  # type: ignore[attr-defined]
    stroke = edge.evaluate("e => getComputedStyle(e.querySelector('path')).strokeWidth")
    assert stroke == "3px"  # highlighted while focused
    target = edge.evaluate("e => e.getAttribute('href')")
    assert target.startswith("#rel-")
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    # The row is the document's :target. Not read from location.hash: Material's anchor tracking
    # rewrites the hash to the heading in view as the page scrolls (CI once read
    # 'relations-nationality' there).
    page.wait_for_function(f"document.querySelector(':target')?.id === {target[1:]!r}")  # type: ignore[attr-defined]
    assert page.locator(target).inner_text().count(" — ") == 2  # type: ignore[attr-defined]
    page.mouse.move(0, 0)  # type: ignore[attr-defined]
    box = page.locator(".edition-rel-wide .edition-rel-edge path").first.bounding_box()  # type: ignore[attr-defined]
    assert box is not None


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", EDITIONS)
def test_axe_on_the_drawings(browser: object, base_url: str, lang: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[attr-defined]
    page = context.new_page()
    for url in ("relations/", "platforms/tamtam/", "organisations/al-watan/"):
        page.goto(base_url + EDITIONS[lang] + url)
        assert axe_violations(page, COLOUR_RULES if scheme == "dark" else None) == [], url
    context.close()
