"""The timeline in Chromium: the details open (pointer and keyboard), the article/external filter
narrows what is shown (keyboard too), everything is there without JavaScript, a link to an event
opens it, the two markers differ by word and shape in both colour schemes, and axe finds no
serious problem with every event open, in both editions, light and dark."""

from __future__ import annotations

import pytest

from edition.load import Dataset
from test_quality import COLOUR_RULES, SCREENSHOTS, axe_violations

EDITIONS = {"ar": "", "en": "en/"}

pytestmark = pytest.mark.browser

VISIBLE_ITEMS = "[...document.querySelectorAll('.edition-tl-item')].filter(e => e.offsetParent !== null)"


def visible_ids(page: object) -> list[str]:
    return page.evaluate(f"{VISIBLE_ITEMS}.map(e => e.querySelector('details').id)")  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", EDITIONS)
def test_details_open_by_pointer_and_keyboard(page: object, base_url: str, lang: str) -> None:
    page.goto(base_url + EDITIONS[lang] + "timeline/")  # type: ignore[attr-defined]
    first = page.locator("details.edition-tl-event").first  # type: ignore[attr-defined]
    assert first.evaluate("d => !d.open")
    assert not first.locator(".edition-tl-body").is_visible()
    first.locator("summary").click()
    assert first.evaluate("d => d.open") and first.locator(".edition-tl-body").is_visible()
    second = page.locator("details.edition-tl-event").nth(1)  # type: ignore[attr-defined]
    second.locator("summary").focus()
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    assert second.evaluate("d => d.open")
    outline = second.locator("summary").evaluate("s => getComputedStyle(s).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Space")  # type: ignore[attr-defined]
    assert second.evaluate("d => !d.open")


@pytest.mark.parametrize("lang", EDITIONS)
def test_filter_narrows_what_is_shown_by_keyboard(page: object, base_url: str, data: Dataset, lang: str) -> None:
    page.goto(base_url + EDITIONS[lang] + "timeline/")  # type: ignore[attr-defined]
    article = {e.id for e in data.article.events}
    external = {c.id for c in data.context}
    assert set(visible_ids(page)) == article | external
    assert page.locator("form.edition-tl-filter").is_visible()  # type: ignore[attr-defined]
    radios = page.locator("form.edition-tl-filter input[type=radio]")  # type: ignore[attr-defined]
    assert radios.count() == 3
    radios.first.focus()  # "All"
    page.keyboard.press("ArrowDown")  # type: ignore[attr-defined]  # the article's events
    assert set(visible_ids(page)) == article
    status = page.locator(".edition-tl-count").inner_text()  # type: ignore[attr-defined]
    assert str(len(article)) in status and str(len(article | external)) in status
    page.keyboard.press("ArrowDown")  # type: ignore[attr-defined]  # external events
    assert set(visible_ids(page)) == external
    # A heading whose events are all filtered out goes too.
    empty = page.evaluate(  # type: ignore[attr-defined]
        "[...document.querySelectorAll('.edition-tl-group')].filter(g => g.offsetParent !== null"
        " && !g.querySelector('.edition-tl-item:not([hidden])')).length"
    )
    assert empty == 0
    page.keyboard.press("ArrowDown")  # type: ignore[attr-defined]  # wraps round to all
    assert set(visible_ids(page)) == article | external


@pytest.mark.parametrize("lang", EDITIONS)
def test_everything_is_there_without_javascript(browser: object, base_url: str, data: Dataset, lang: str) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(base_url + EDITIONS[lang] + "timeline/")
    assert not page.locator("form.edition-tl-filter").is_visible()
    assert page.locator(".edition-tl-item").count() == len(data.article.events) + len(data.context)
    assert all(item.is_visible() for item in page.locator(".edition-tl-item").all())
    summary = page.locator("details.edition-tl-event summary").first
    summary.click()
    assert page.locator("details.edition-tl-event").first.evaluate("d => d.open")
    context.close()


@pytest.mark.parametrize("lang", EDITIONS)
def test_a_link_to_an_event_opens_it(page: object, base_url: str, data: Dataset, lang: str) -> None:
    target = data.context[0].id
    page.goto(base_url + EDITIONS[lang] + f"timeline/#{target}")  # type: ignore[attr-defined]
    assert page.locator(f"#{target}").evaluate("d => d.open")  # type: ignore[attr-defined]
    # A link inside the page (the cross-link to the article's event) opens its target too.
    related = data.context[0].relates_to[0]
    page.locator(f"#{target}").locator(f'a[href="#{related}"]').click()  # type: ignore[attr-defined]
    page.wait_for_function(f"document.getElementById('{related}').open")  # type: ignore[attr-defined]


MARKERS = """() => {
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = getComputedStyle(el).backgroundColor
      if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c
    }
    return 'rgb(255, 255, 255)'
  }
  return ['article', 'external'].map(kind => {
    const shape = document.querySelector('.edition-tl-mark-' + kind + ' .edition-tl-shape')
    const s = getComputedStyle(shape)
    return {
      word: shape.parentElement.textContent.trim(),
      radius: s.borderTopLeftRadius, transform: s.transform,
      colour: kind === 'article' ? s.backgroundColor : s.borderTopColor,
      background: background(shape.parentElement),
    }
  })
}"""


def luminance(rgb: str) -> float:
    values = [float(v) / 255 for v in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", EDITIONS)
def test_markers_differ_by_word_and_shape_and_pass_axe(browser: object, base_url: str, lang: str, scheme: str) -> None:
    for width, height in ((1366, 900), (390, 844)):
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)  # type: ignore[attr-defined]
        page = context.new_page()
        page.goto(base_url + EDITIONS[lang] + "timeline/")
        article, external = page.evaluate(MARKERS)
        assert article["word"] != external["word"]
        assert article["radius"] != external["radius"] and article["transform"] != external["transform"]
        for marker in (article, external):
            # Non-text contrast (WCAG 1.4.11): the shape stands out from its row at 3:1.
            assert contrast(marker["colour"], marker["background"]) >= 3, (marker, scheme)
        # Open every event so axe sees the details too.
        page.evaluate("document.querySelectorAll('details.edition-tl-event').forEach(d => d.open = true)")
        assert axe_violations(page, COLOUR_RULES if scheme == "dark" else None) == []
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.evaluate("document.querySelectorAll('details.edition-tl-event').forEach((d, i) => d.open = i === 1)")
        page.screenshot(path=str(SCREENSHOTS / f"timeline-{lang}-{width}-{scheme}.png"), full_page=True)
        context.close()
