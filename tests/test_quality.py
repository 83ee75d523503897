"""Quality gates on the built site: accessibility (axe-core), keyboard use, valid HTML (Nu
checker), every internal link and anchor, and the Arabic typography in the vendored font."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from site_helpers import PageRefs, page_file, parse, site_pages

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "tests/vendor/axe.min.js"  # axe-core 4.14.1 from npm (MPL-2.0), vendored
SCREENSHOTS = ROOT / "build/screenshots"  # CI artefacts, never committed


# ---- Accessibility ------------------------------------------------------------------------------


def axe_violations(page: object, rules: list[str] | None = None) -> list[str]:
    """Serious and critical axe-core violations on the page (all rules, or only those given)."""
    page.add_script_tag(path=str(AXE))  # type: ignore[attr-defined]
    found = page.evaluate(  # type: ignore[attr-defined]
        """async rules => (await axe.run(document, rules ? {runOnly: {type: 'rule', values: rules}} : {}))
            .violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))""",
        rules,
    )
    return list(found)


# In the dark scheme only colours change: check every page for the colour rules.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_every_page(browser: object, site: Path, base_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[attr-defined]
    page = context.new_page()
    problems = {}
    for path in site_pages(site):
        page.goto(base_url + path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
        if found := axe_violations(page, COLOUR_RULES if scheme == "dark" else None):
            problems[path] = found
    context.close()
    assert problems == {}


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_search_by_keyboard(page: object, base_url: str, lang: str) -> None:
    page.goto(base_url + ("" if lang == "ar" else "en/"))
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("Telegram")  # Latin letters send real key events
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    active = page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
    assert active, "ArrowDown should move focus into the results"
    href = page.evaluate("document.activeElement.href")
    assert "platforms/telegram/" in href
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    focused_bg = page.evaluate("getComputedStyle(document.activeElement).backgroundColor")
    assert outline != "none" or focused_bg not in ("rgba(0, 0, 0, 0)", "transparent")
    page.keyboard.press("Enter")
    page.wait_for_url("**/platforms/telegram/**")


@pytest.mark.browser
def test_focus_is_visible_on_content_links(page: object, base_url: str) -> None:
    page.goto(base_url + "article/")
    page.locator("#p4 a.edition-mention").first.focus()
    page.keyboard.press("Tab")
    style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert style != "none"


# ---- Valid HTML ----------------------------------------------------------------------------------


# The current Nu HTML Checker, from npm (package vnu-jar, pinned in the Makefile as VNU_VERSION),
# installed by `make test` / `make vnu` into build/vnu (git-ignored, never committed).
VNU_JAR = ROOT / "build/vnu/node_modules/vnu-jar/build/dist/vnu.jar"


def run_vnu(files: list[Path], *options: str) -> list[dict]:
    if shutil.which("java") is None:
        pytest.fail("Java is needed for the Nu HTML checker: run `make system-deps`")
    if not VNU_JAR.exists():
        pytest.fail(f"The Nu HTML checker is not installed ({VNU_JAR}): run `make vnu`")
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), *options, "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stderr)["messages"]


def is_problem(message: dict) -> bool:
    return message["type"] in ("error", "non-document-error") or message.get("subType") == "warning"


def where(message: dict, site: Path) -> str:
    return f"{message['url'].rsplit(site.name + '/', 1)[-1]}:{message.get('lastLine')}: {message['message']}"


def test_html_is_valid(site: Path) -> None:
    """The Nu HTML checker over every page; only Material's known messages are allowed."""
    allow = yaml.safe_load((ROOT / "tests/vnu-allowlist.yaml").read_text(encoding="utf-8"))
    for entry in allow:
        assert entry["reason"].strip(), entry
    patterns = [re.compile(entry["pattern"]) for entry in allow]
    messages = run_vnu(sorted(site.rglob("*.html")))
    assert messages, "the checker said nothing at all: is it running?"  # Material's known messages
    problems = [where(m, site) for m in messages if is_problem(m) if not any(p.search(m["message"]) for p in patterns)]
    assert problems == []
    # An entry that no longer matches anything is stale: it would hide a future problem.
    unused = [
        e["pattern"] for e, p in zip(allow, patterns, strict=True) if not any(p.search(m["message"]) for m in messages)
    ]
    assert unused == []


def test_css_is_valid(site: Path) -> None:
    """The same checker's CSS mode over every stylesheet the site ships (ours and Material's)."""
    sheets = sorted(site.rglob("*.css"))
    assert any(s.name.startswith("edition-bundle.") for s in sheets)  # Material's and the edition's, joined
    problems = [where(m, site) for m in run_vnu(sheets, "--css") if is_problem(m)]
    assert problems == []


# ---- Links and anchors ---------------------------------------------------------------------------


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    parsed: dict[Path, PageRefs] = {}

    def refs(file: Path) -> PageRefs:
        if file not in parsed:
            parsed[file] = parse(file)
        return parsed[file]

    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue  # root-absolute links, for servers
        url = "/" + page.relative_to(site).as_posix().removesuffix("index.html")
        for href in refs(page).refs:
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("mailto:", "javascript:", "data:")):
                continue
            target = urlsplit(urljoin(url, href))
            file = page_file(site, target.path)
            if not file.exists():
                broken.append(f"{url}: {href} (no file)")
            elif target.fragment and file.suffix == ".html" and target.fragment not in refs(file).ids:
                broken.append(f"{url}: {href} (no anchor)")
    assert broken == []


# ---- Typography ---------------------------------------------------------------------------------

SIZES = {"mobile": (390, 844), "desktop": (1280, 900)}


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", SIZES)
def test_article_typography(browser: object, base_url: str, size: str, scheme: str) -> None:
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)  # type: ignore[attr-defined]
    page = context.new_page()
    cdp = context.new_cdp_session(page)

    def drawn_by() -> list[dict[str, object]]:
        """Ask Chromium which fonts actually drew the first paragraph."""
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#p1"})["nodeId"]
        return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]  # type: ignore[no-any-return]

    # font-display: optional draws the fallback for the whole visit when the font is not there
    # within about 100 ms (no layout shift, by design); on a busy machine a first visit can miss
    # that window. A returning reader has the font cached: load at most three times.
    for _visit in range(3):
        page.goto(base_url + "article/", wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        fonts = drawn_by()
        main = max(fonts, key=lambda f: f["glyphCount"])  # type: ignore[arg-type, return-value]
        if main["familyName"] == "Noto Naskh Arabic" and main["isCustomFont"]:
            break
    assert page.evaluate("getComputedStyle(document.querySelector('#p1')).direction") == "rtl"
    # The vendored face drew the paragraph, not a fallback.
    assert main["familyName"] == "Noto Naskh Arabic" and main["isCustomFont"], fonts
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"article-{size}-{scheme}.png"), full_page=False)
    # Nothing sticks out sideways at this width.
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    context.close()


def test_no_remote_asset_urls_in_sources() -> None:
    """The same rule as the before-stop check: no CDN, font service or unpkg in what we ship."""
    pattern = re.compile(r"fonts\.googleapis|fonts\.gstatic|unpkg\.com|cdn\.jsdelivr|cdnjs\.cloudflare")
    shipped = [*ROOT.glob("overrides/**/*"), *ROOT.glob("scripts/edition/**/*"), ROOT / "mkdocs.yml"]
    offenders = [str(p) for p in shipped if p.is_file() and pattern.search(p.read_text("utf-8", "ignore"))]
    assert offenders == []
