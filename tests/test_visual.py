"""What the reader sees (#11), asserted on pages rendered in Chromium: text sizes, target sizes,
Latin inside Arabic, layout shift, landmarks, paragraph chips, the record on small screens.
One test per defect class; each runs over page types of both editions."""

from __future__ import annotations

import html
import re
import time
from pathlib import Path
from typing import Any

import pytest

from edition.typography import guillemets

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "tests/vendor/axe.min.js"

VIEWPORTS = {"mobile": (390, 844), "desktop": (1366, 900)}
# One page of each type, in both editions.
PAGE_TYPES = [
    "",
    "article/",
    "parallel/",
    "people/",
    "people/mitch-prothero/",
    "platforms/telegram/",
    "timeline/",
    "claims/",
    "notes/",
    "data/",
    "about/",
]
PAGES = PAGE_TYPES + [f"en/{p}" for p in PAGE_TYPES]


def open_page(
    browser: Any, url: str, viewport: str, routes: dict[str, Any] | None = None, **context_args: Any
) -> tuple[Any, Any]:
    """A new context at the viewport's size, its `routes` (glob → handler) set before the page loads."""
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height}, **context_args)
    for glob, handler in (routes or {}).items():
        context.route(glob, handler)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready")
    return context, page


# ---- Text sizes ---------------------------------------------------------------------------------

# Every visible text node with Arabic letters in the page's content, with its computed size.
# Paragraph chips, note markers and the reading labels beside the chips have their own floor
# (12 px); the relations diagram's SVG labels
# are the relations redesign's (#13).
ARABIC_SIZES = """() => {
  const out = []
  const root = document.querySelector('.md-content')
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  while (walker.nextNode()) {
    const node = walker.currentNode
    if (!/[\\u0600-\\u06FF]/.test(node.data)) continue
    const el = node.parentElement
    const r = el.getBoundingClientRect()
    if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue
    if (el.closest('svg')) continue
    const small = !!el.closest('.edition-note-marker, .edition-pid, .edition-reading')
    out.push({size: parseFloat(getComputedStyle(el).fontSize), small, text: node.data.trim().slice(0, 40),
              where: el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')})
  }
  return out
}"""


@pytest.mark.browser
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_arabic_text_is_at_least_15px(browser: Any, base_url: str, viewport: str) -> None:
    """Arabic text, in tables and boxes too, is never under 15 px; chips and markers not under 12."""
    too_small = []
    for path in PAGES:
        context, page = open_page(browser, base_url + path, viewport)
        for run in page.evaluate(ARABIC_SIZES):
            if run["size"] < (12 if run["small"] else 15):
                too_small.append(f"/{path} {run['where']} {run['size']}px «{run['text']}»")
        context.close()
    assert not too_small, "\n".join(dict.fromkeys(too_small))


# ---- Targets ------------------------------------------------------------------------------------

# Every visible link and control, with its box. WCAG 2.2 2.5.8 exempts targets inside a sentence
# (their height is the line's); here only inline links with more than three characters count as
# such: a "1" or "p4" is not a sentence, it must be 24×24 itself.
TARGETS = """() => {
  const out = []
  for (const el of document.querySelectorAll('a[href], button, summary, label[for], input:not([type=hidden])')) {
    /* A control inside its <label>: the label is the target (a click on it works the control). */
    const r = (el.tagName === 'INPUT' && el.closest('label') ? el.closest('label') : el).getBoundingClientRect()
    const style = getComputedStyle(el)
    if (!r.width || !r.height || style.visibility === 'hidden' || style.opacity === '0') continue
    if (r.right < 0 || r.left > innerWidth) continue  /* off-canvas drawers */
    const text = (el.textContent || '').trim()
    if (style.display === 'inline' && text.length > 3) continue
    const cls = typeof el.className === 'string' ? el.className.trim().replace(/ +/g, '.') : ''
    out.push({w: r.width, h: r.height, text: text.slice(0, 20), where: el.tagName.toLowerCase() + '.' + cls})
  }
  return out
}"""


@pytest.mark.browser
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_targets_are_at_least_24px(browser: Any, base_url: str, viewport: str) -> None:
    small = []
    for path in PAGES:
        if path.endswith("data/"):
            continue  # the Data page's tables are being rebuilt (#11, another branch)
        context, page = open_page(browser, base_url + path, viewport)
        for t in page.evaluate(TARGETS):
            if t["w"] < 23.5 or t["h"] < 23.5:
                small.append(f"/{path} {t['where']} «{t['text']}» {t['w']:.0f}×{t['h']:.0f}")
        context.close()
    assert not small, "\n".join(dict.fromkeys(small))


# ---- Latin inside Arabic ------------------------------------------------------------------------


def _faces_as_block(route: Any) -> None:
    response = route.fetch()
    body = response.text()
    assert "font-display: optional" in body
    route.fulfill(response=response, body=body.replace("font-display: optional", "font-display: block"))


@pytest.mark.browser
def test_latin_inside_arabic_is_scaled_to_the_arabic(browser: Any, base_url: str) -> None:
    """«TamTam» in Arabic text is drawn at 85% of the Latin face (fonts.css): its width in the
    Arabic edition's font stack is 0.85 of its width in the English edition's, at one font size."""
    # The faces are font-display: optional, so a font file that arrives after Chromium's ~100 ms
    # window is never used on that page, even once loaded: on a busy CI machine the fallback was
    # measured (0.83; reproduced by holding the fonts back 0.5 s). The scale is what is tested
    # here, not the display policy, so this page gets the faces as `block`: used once loaded.
    context, page = open_page(
        browser, base_url + "article/", "desktop", routes={"**/edition-bundle.*.css": _faces_as_block}
    )
    ratio = page.evaluate(
        """async () => {
          await document.fonts.load('40px "Edition Naskh Latin"', 'T')
          await document.fonts.load('40px "Edition Naskh"', 'T')
          const width = family => {
            const s = document.createElement('span')
            s.textContent = 'TamTam businessinsider'
            s.style.cssText = 'display: inline-block; white-space: nowrap; font-size: 40px; font-family: ' + family
            document.querySelector('#p2').append(s)
            return s.getBoundingClientRect().width
          }
          return width('"Edition Naskh"') / width('"Edition Naskh Latin"')
        }"""
    )
    family = page.evaluate("getComputedStyle(document.querySelector('#p2')).fontFamily")
    context.close()
    assert family.startswith('"Edition Naskh"'), family
    assert ratio == pytest.approx(0.85, abs=0.01)


# ---- Layout shift -------------------------------------------------------------------------------

CLS_PROBE = """
window.__cls = 0
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value
}).observe({type: 'layout-shift', buffered: true})
"""
CLS_PAGES = ["", "article/", "timeline/", "people/mitch-prothero/", "en/", "en/article/", "en/timeline/"]


@pytest.mark.browser
@pytest.mark.parametrize("fonts", ["fast", "slow"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_layout_shift(browser: Any, base_url: str, viewport: str, fonts: str) -> None:
    """Cumulative layout shift ≤ 0.02 on every page type, desktop and mobile, whether the fonts
    arrive at once or 400 ms late (the case where a font swap would move the text)."""
    shifts = {}
    for path in CLS_PAGES:
        width, height = VIEWPORTS[viewport]
        context = browser.new_context(viewport={"width": width, "height": height})
        if fonts == "slow":
            context.route("**/*.woff2", lambda route: (time.sleep(0.4), route.continue_()))
        page = context.new_page()
        page.add_init_script(CLS_PROBE)
        page.goto(base_url + path, wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        page.wait_for_timeout(200)
        shifts["/" + path] = page.evaluate("window.__cls")
        context.close()
    assert all(v <= 0.02 for v in shifts.values()), shifts


# ---- Landmarks, chips, the record ---------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("path", ["article/", "people/mitch-prothero/", "en/article/", "en/people/"])
def test_landmarks_are_unique_at_412px(browser: Any, base_url: str, path: str) -> None:
    """Every navigation landmark has its own name (the registers' sub-navigations had none)."""
    context = browser.new_context(viewport={"width": 412, "height": 900})
    page = context.new_page()
    page.goto(base_url + path, wait_until="load")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        """async () => (await axe.run(document, {runOnly: {type: 'rule', values: ['landmark-unique']}}))
             .violations.flatMap(v => v.nodes.map(n => n.html.slice(0, 120)))"""
    )
    context.close()
    assert violations == []


@pytest.mark.browser
@pytest.mark.parametrize("path", ["article/", "en/article/"])
def test_heading_paragraphs_show_their_id(browser: Any, base_url: str, path: str) -> None:
    """Visible numbering does not jump: heading paragraphs (p5, p8 …) show an id chip too."""
    context, page = open_page(browser, base_url + path, "mobile")
    chips = page.evaluate(
        """() => [...document.querySelectorAll('.edition-text [data-para]')].map(el => {
             const chip = el.querySelector('.edition-pid')
             const before = getComputedStyle(el, '::before')
             const shown = chip ? chip.textContent.trim()
               : (before.display !== 'none' && before.content.includes(el.dataset.para) ? el.dataset.para : null)
             return [el.dataset.para, shown]
           })"""
    )
    context.close()
    assert len(chips) >= 19
    assert [p for p, shown in chips if shown != p] == []


@pytest.mark.browser
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_bibliographic_record_closed_on_small_screens(browser: Any, base_url: str, viewport: str) -> None:
    context, page = open_page(browser, base_url + "article/", viewport)
    record = page.locator("details.edition-record")
    is_open = record.evaluate("d => d.open")
    if viewport == "mobile":
        assert not is_open
        record.locator("summary").click()  # and it opens when asked
        assert record.evaluate("d => d.open && d.querySelector('dl').getBoundingClientRect().height > 100")
    else:
        assert is_open
    context.close()


# ---- Punctuation and bidi -----------------------------------------------------------------------


def _text(page: Path) -> str:
    raw = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", page.read_text(encoding="utf-8"), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", raw))


def test_generated_arabic_uses_arabic_punctuation_and_quotes_once(site: Path) -> None:
    """Arabic items are separated by «،», not ","; no page of either edition doubles guillemets."""
    latin_comma = re.compile(r"[\u0600-\u06FF][)\]»”]?, ?[(\[«“]?[\u0600-\u06FF]")
    problems = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        text = _text(page)
        if not rel.startswith("en/"):
            problems += [f"{rel}: «{m[0]}»" for m in latin_comma.finditer(text)]
        problems += [f"{rel}: doubled «{m[0]}»" for m in re.finditer(r"««|»»", text)]
    assert not problems, "\n".join(problems)


def test_guillemets_are_added_once() -> None:
    assert guillemets("نص") == "«نص»"
    assert guillemets("«نص كامل»") == "«نص كامل»"
    assert guillemets("لصالح TamTam»") == "“لصالح TamTam»”"


# Where the first and last characters of an element's text are drawn: an LTR run reads from left
# to right, so its first character is left of its last.
READING_ORDER = """el => {
  const text = el.firstChild
  const range = document.createRange()
  range.setStart(text, 0); range.setEnd(text, 1)
  const first = range.getBoundingClientRect().left
  range.setStart(text, text.length - 1); range.setEnd(text, text.length)
  const last = range.getBoundingClientRect().left
  const style = getComputedStyle(el)
  return {direction: style.direction, bidi: style.unicodeBidi, ltr: first < last, lang: el.closest('[lang]').lang}
}"""


@pytest.mark.browser
def test_urls_and_english_inside_arabic_are_isolated(browser: Any, base_url: str) -> None:
    """The record's URL reads left to right (it rendered as /https://…), the original's English
    title is marked lang="en", code and paths on the About page and the plain citation keep
    their own order."""
    context, page = open_page(browser, base_url + "article/", "desktop")
    url = page.locator('details.edition-record a[href^="https://www.alwatan"]').evaluate(READING_ORDER)
    assert url["ltr"] and url["direction"] == "ltr" and url["bidi"] in ("isolate", "plaintext"), url
    title = page.locator('details.edition-record span[lang="en"]').first.evaluate(READING_ORDER)
    assert title["ltr"] and title["lang"] == "en", title
    plain = page.locator(".edition-cite__plain").first
    assert plain.evaluate("el => getComputedStyle(el).unicodeBidi") == "plaintext"
    page.goto(base_url + "about/", wait_until="load")
    codes = page.evaluate(
        "[...document.querySelectorAll('.md-content code')].map(c => [c.textContent, getComputedStyle(c).unicodeBidi])"
    )
    assert codes and all(bidi == "isolate" for _, bidi in codes), codes
    context.close()
