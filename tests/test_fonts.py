"""The vendored font: the subset is fresh, covers every character the site shows (or the character
falls back by design), shapes Arabic exactly like the full font, and is fetched once per weight for
both editions."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

import subset_fonts
from browser import serve

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_TEXT = ROOT / "data/articles/alwatan-2019-tamtam/text.ar.txt"

# Characters the site shows that the subset leaves to the reader's system fonts on purpose.
# Everything else either is in the subset or was never in the source fonts (also a fallback).
BY_DESIGN: dict[str, str] = {}


def cmap(path: Path) -> set[int]:
    return set(TTFont(path).getBestCmap())


def visible_text(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", text, flags=re.S)
    # Attribute values a reader sees: alt, title, placeholder, aria-label (tooltips, screen text).
    shown = " ".join(m[1] for m in re.finditer(r'\s(?:alt|title|placeholder|aria-label)="([^"]*)"', text))
    return html.unescape(re.sub(r"<[^>]+>", " ", text) + " " + shown)


def test_subset_is_fresh() -> None:
    """The committed font files are what scripts/subset_fonts.py makes from the sources today."""
    for weight in subset_fonts.WEIGHTS:
        assert subset_fonts.target(weight).read_bytes() == subset_fonts.build_weight(weight), (
            f"{subset_fonts.target(weight)} is stale: run python scripts/subset_fonts.py"
        )


@pytest.mark.parametrize("weight", subset_fonts.WEIGHTS)
def test_every_character_of_the_site_is_covered(site: Path, weight: int) -> None:
    subset = cmap(subset_fonts.target(weight))
    sources = cmap(subset_fonts.source("arabic", weight)) | cmap(subset_fonts.source("latin", weight))
    used: dict[str, str] = {}
    for page in sorted(site.rglob("*.html")):
        for char in visible_text(page):
            used.setdefault(char, page.relative_to(site).as_posix())
    dropped = {
        f"U+{ord(c):04X} {unicodedata.name(c, '?')} (first on {where})": where
        for c, where in used.items()
        if ord(c) in sources
        and ord(c) not in subset
        and c not in BY_DESIGN
        and not c.isspace()
        and unicodedata.category(c) != "Cf"  # bidi marks and joiners draw nothing; the shaper handles them
    }
    assert not dropped, (
        "characters the site shows that the source font has but the subset dropped "
        "(add them to scripts/subset_fonts.py and run it): " + ", ".join(dropped)
    )


def _specimen(site: Path) -> str:
    """The article's Arabic as received, its Latin words left out: Arabic shaping (joining, marks,
    ligatures, kerning) is what subsetting could break. Where Latin and Arabic meet, the two source
    files' unicode-ranges split a run that one subset file draws whole, so the spacing at those
    seams differs by design (the Latin is checked for coverage by test_subset_covers_the_site)."""
    text = " ".join(line for line in ARTICLE_TEXT.read_text(encoding="utf-8").split("\n") if line.strip())
    text = re.sub(r"[A-Za-z0-9\-–—.,:;()\[\]\"“”'’]+", " ", text)
    assert len(text) > 2000 and site.exists(), "the article's text was not found"
    return " ".join(text.split())


@pytest.mark.browser
@pytest.mark.parametrize("weight", subset_fonts.WEIGHTS)
def test_subset_shapes_like_the_source(browser: object, site: Path, tmp_path: Path, weight: int) -> None:
    """Arabic joining, marks, ligatures and kerning survive subsetting: the article drawn with the
    subset is pixel-identical to the article drawn with the two source files.

    Both are drawn through the same two unicode-ranges, as fonts.css draws the subset: the runs a
    browser shapes then break at the same places (spaces and «» come from the Latin rule), and a
    difference is the font's. One face for the whole text would shape spaces and Arabic in one run,
    which places glyphs a fraction of a pixel away from where two runs put them."""
    for name in ("arabic", "latin"):
        (tmp_path / f"{name}.woff2").write_bytes(subset_fonts.source(name, weight).read_bytes())
    (tmp_path / "subset.woff2").write_bytes(subset_fonts.target(weight).read_bytes())
    arabic = "U+0600-06FF, U+0750-077F, U+08A0-08FF, U+200C-200E, U+FB50-FDFF, U+FE70-FEFC"
    faces = {
        "source": f"@font-face {{ font-family: F; src: url(arabic.woff2); unicode-range: {arabic}; }}"
        " @font-face { font-family: F; src: url(latin.woff2); unicode-range: U+0000-05FF, U+2000-2BFF; }",
        "subset": f"@font-face {{ font-family: F; src: url(subset.woff2); unicode-range: {arabic}; }}"
        " @font-face { font-family: F; src: url(subset.woff2); unicode-range: U+0000-05FF, U+2000-2BFF; }",
    }
    text = html.escape(_specimen(site))
    for name, css in faces.items():
        (tmp_path / f"{name}.html").write_text(
            f"<!doctype html><html lang=ar dir=rtl><meta charset=utf-8><style>{css}"
            f" body {{ margin: 0; font: {weight} 20px/1.9 F; width: 800px; }}</style><p id=t>{text}</p>",
            encoding="utf-8",
        )
    shots = {}
    with serve(tmp_path) as url:
        page = browser.new_page(viewport={"width": 800, "height": 600})  # type: ignore[attr-defined]
        for name in faces:
            page.goto(url + f"{name}.html", wait_until="load")
            page.evaluate("document.fonts.ready")
            assert page.evaluate("document.fonts.check('20px F', 'ب')")
            shots[name] = page.locator("#t").screenshot()
        page.close()
    same = shots["source"] == shots["subset"]  # a bool: pytest would diff the PNG bytes for ages
    if not same:
        for name, png in shots.items():
            (ROOT / "test-artifacts").mkdir(exist_ok=True)
            (ROOT / "test-artifacts" / f"shaping-{weight}-{name}.png").write_bytes(png)
    assert same, "the subset draws the article differently (see test-artifacts/)"


@pytest.mark.browser
def test_one_download_per_font_for_both_editions(browser: object, base_url: str) -> None:
    """Each page fetches each weight's file once (two @font-face rules share it), from the root's
    assets, in both editions: the English edition has no copy of its own (#16, one set of assets),
    so a browser cache serves one edition's fonts, CSS and scripts to the other."""
    expected = [base_url + f"assets/fonts/noto-naskh-arabic-{w}.woff2" for w in subset_fonts.WEIGHTS]
    for path in ("article/", "en/article/", "en/people/mitch-prothero/"):
        context = browser.new_context()  # type: ignore[attr-defined]
        requests: list[str] = []
        context.on("request", lambda req, seen=requests: seen.append(req.url))
        context.new_page().goto(base_url + path, wait_until="networkidle")
        context.close()
        assert sorted(u for u in requests if u.endswith(".woff2")) == expected, (path, requests)
        assert not [u for u in requests if "/en/assets/" in u], path
