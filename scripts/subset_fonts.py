"""Make the site's fonts: Noto Naskh Arabic, subset to what the edition uses, one file per weight.

    python scripts/subset_fonts.py          # write overrides/assets/fonts/noto-naskh-arabic-{400,700}.woff2
    python scripts/subset_fonts.py --check  # exit 1 if the committed files differ from a fresh run

The sources are the vendored @fontsource/noto-naskh-arabic 5.3.0 files in assets-src/fonts (an
Arabic and a Latin file per weight, SIL OFL 1.1). Each weight becomes ONE file holding the Arabic
letters of Standard Arabic and of the Persian keyboard (what a reader may type into search), the
Arabic punctuation and digits, and printable Latin-1 with the typographic punctuation the pages
use: two font requests instead of four, a third of the bytes. fonts.css points two @font-face
rules at each file (Arabic, and Latin scaled down inside Arabic text); the browser fetches it once.

All OpenType layout features are kept (init/medi/fina/isol, rlig, ccmp, mark/mkmk, curs, kern,
liga …): Arabic shaping needs them, and tests/test_fonts.py checks that text drawn with the
subset is pixel-identical to text drawn with the sources. Any other character (✓, arrows, rare
Arabic-script letters) falls back to the reader's system fonts by design; the test lists them.

Deterministic: fixed timestamps (SOURCE_DATE_EPOCH), so a re-run gives the same bytes and
`--check` can tell a stale subset from a fresh one.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "assets-src" / "fonts"
TARGET = ROOT / "overrides" / "assets" / "fonts"
WEIGHTS = (400, 700)
# 2019-12-03, the article's date: any fixed value makes the output reproducible.
EPOCH = "1575331200"

# Code points kept, as (first, last) ranges. Arabic: hamza…yeh, tatweel, harakat, madda and
# hamza above and below, superscript alef, Arabic-Indic and Persian digits, the Arabic comma,
# semicolon, question mark, percent and decimal signs, and the Persian letters (پ چ ژ ک گ ی) a
# Persian keyboard types for Arabic ones.
ARABIC = [
    (0x060C, 0x060C),
    (0x061B, 0x061B),
    (0x061F, 0x061F),
    (0x0621, 0x063A),
    # The font draws أ إ آ ؤ ئ as a letter and a mark (U+0653-0655): the marks were in the subset
    # without a code point of their own, and FreeType's light autohinter (Chromium on Linux), which
    # sorts glyphs into scripts by the code points that reach them, then snapped the bold hamza
    # below differently from the source font. With their code points they are hinted as Arabic.
    (0x0640, 0x0655),
    (0x0660, 0x066D),
    (0x0670, 0x0670),
    (0x067E, 0x067E),
    (0x0686, 0x0686),
    (0x0698, 0x0698),
    (0x06A9, 0x06A9),
    (0x06AF, 0x06AF),
    (0x06CC, 0x06CC),
    (0x06F0, 0x06F9),
]
# Latin: printable ASCII and Latin-1, dashes, quotes, ellipsis; the joiners and bidi marks.
LATIN = [
    (0x0020, 0x007E),
    (0x00A0, 0x00FF),
    (0x2010, 0x2011),
    (0x2013, 0x2014),
    (0x2018, 0x201D),
    (0x2026, 0x2026),
    (0x200C, 0x200F),
]


def kept(ranges: list[tuple[int, int]]) -> set[int]:
    return {cp for first, last in ranges for cp in range(first, last + 1)}


def subset_one(source: Path, unicodes: set[int]) -> object:
    """The source font reduced to `unicodes`, every layout feature kept, hinting kept."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = ["*"]  # Arabic shaping: every feature the font has
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["STAT"]  # variation metadata; this is a static instance
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    return font


def build_weight(weight: int) -> bytes:
    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    with_env = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        parts = []
        for script, ranges in (("arabic", ARABIC), ("latin", LATIN)):
            font = subset_one(source(script, weight), kept(ranges))
            buffer = io.BytesIO()
            font.flavor = None  # type: ignore[attr-defined]
            font.save(buffer)  # type: ignore[attr-defined]
            buffer.seek(0)
            parts.append(buffer)
        # Both parts come from the same font (same units per em, same vertical metrics).
        merged = Merger().merge(parts)
        merged.flavor = "woff2"
        out = io.BytesIO()
        merged.save(out)
        # Reload and save once more: the merger leaves tables the woff2 writer reorders.
        out.seek(0)
        final = TTFont(out)
        result = io.BytesIO()
        final.save(result)
        return result.getvalue()
    finally:
        if with_env is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = with_env


def source(script: str, weight: int) -> Path:
    return SOURCES / f"noto-naskh-arabic-{script}-{weight}-normal.woff2"


def target(weight: int) -> Path:
    return TARGET / f"noto-naskh-arabic-{weight}.woff2"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the committed files, write nothing")
    args = parser.parse_args()
    stale = []
    for weight in WEIGHTS:
        data = build_weight(weight)
        path = target(weight)
        sources = sum(source(script, weight).stat().st_size for script in ("arabic", "latin"))
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path)
            continue
        path.write_bytes(data)
        print(f"{path.relative_to(ROOT)}: {len(data):,} B (sources {sources:,} B in 2 files)")
    for path in stale:
        print(f"{path.relative_to(ROOT)} is stale: run python scripts/subset_fonts.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
