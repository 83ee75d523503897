"""Screenshots of every page of both editions, to look at before a change ships.

    python scripts/screenshots.py                 # build into build/site, shoot into build/screenshots
    python scripts/screenshots.py --site DIR      # shoot an already built site
    python scripts/screenshots.py --only article  # only pages whose path contains "article"

Every HTML page of the built site at 390×844 (mobile) and 1366×900 (desktop), light and dark:
the first screen and the whole page for each. build/screenshots/index.html is the contact sheet
(first screens as thumbnails, one row per page, each linking to its full-page shot);
contact-sheet.png is the same sheet as one image. Drives Debian's /usr/bin/chromium through
Playwright (scripts/browser.py); no browser is ever downloaded.
"""

from __future__ import annotations

import argparse
import html
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import build_site, chromium, serve

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "screenshots"
VIEWPORTS = {"mobile": (390, 844), "desktop": (1366, 900)}
SCHEMES = ("light", "dark")
# Whole-page shots stop here: the longest pages (timeline, data) would give 20,000 px images.
MAX_FULL_HEIGHT = 12_000


@dataclass(frozen=True)
class Shot:
    page: str  # site-relative path of the page, "" for the home page
    viewport: str
    scheme: str

    @property
    def stem(self) -> str:
        name = self.page.strip("/").replace("/", "__").removesuffix(".html") or "home"
        return f"{name}.{self.viewport}.{self.scheme}"


def site_pages(site: Path) -> list[str]:
    """Every page as a URL path: directory URLs for index.html, file names otherwise."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        pages.append(rel.removesuffix("index.html"))
    # The Arabic edition first, then English; each in path order.
    return sorted(pages, key=lambda p: (p.startswith("en/"), p))


def shoot(browser: Any, base: str, pages: list[str], out: Path) -> list[Shot]:
    shots = []
    for viewport, (width, height) in VIEWPORTS.items():
        for scheme in SCHEMES:
            context = browser.new_context(
                viewport={"width": width, "height": height},
                color_scheme=scheme,
                device_scale_factor=1,
                is_mobile=viewport == "mobile",
                has_touch=viewport == "mobile",
            )
            page = context.new_page()
            for path in pages:
                shot = Shot(path, viewport, scheme)
                page.goto(base + path, wait_until="load")
                page.evaluate("document.fonts.ready")
                page.screenshot(path=str(out / f"{shot.stem}.first.png"))
                full_height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_FULL_HEIGHT)
                page.screenshot(
                    path=str(out / f"{shot.stem}.full.png"),
                    clip={"x": 0, "y": 0, "width": width, "height": full_height},
                    full_page=True,
                )
                shots.append(shot)
            context.close()
    return shots


def contact_sheet(pages: list[str], out: Path) -> Path:
    """One row per page: its four first screens (mobile/desktop × light/dark)."""
    columns = [(v, s) for v in VIEWPORTS for s in SCHEMES]
    rows = []
    for path in pages:
        cells = []
        for viewport, scheme in columns:
            stem = Shot(path, viewport, scheme).stem
            width = 98 if viewport == "mobile" else 342  # a quarter of the viewport
            cells.append(
                f'<td><a href="{html.escape(stem)}.full.png" title="{html.escape(stem)} (whole page)">'
                f'<img src="{html.escape(stem)}.first.png" width="{width}" alt="{html.escape(stem)}"'
                ' loading="lazy"></a></td>'
            )
        label = html.escape("/" + path)
        rows.append(f"<tr><th>{label}</th>{''.join(cells)}</tr>")
    heads = "".join(f"<th>{v} {s}</th>" for v, s in columns)
    sheet = out / "index.html"
    sheet.write_text(
        "<!doctype html>\n<html lang=en><meta charset=utf-8><title>Screenshots</title>\n"
        "<style>body{font:13px sans-serif;margin:8px}table{border-collapse:collapse}"
        "th,td{padding:3px;vertical-align:top;border-bottom:1px solid #ccc}"
        "th{text-align:left;font-weight:600;max-width:11em;word-break:break-all}"
        "img{display:block;border:1px solid #999}</style>\n"
        f"<h1>{len(pages)} pages × 390×844 / 1366×900 × light / dark</h1>\n"
        "<p>First screens; click a thumbnail for the whole page "
        f"(cut at {MAX_FULL_HEIGHT:,} px).</p>\n"
        f"<table><tr><th>page</th>{heads}</tr>\n" + "\n".join(rows) + "\n</table>\n",
        encoding="utf-8",
    )
    return sheet


def sheet_png(browser: Any, sheet: Path) -> Path:
    """The contact sheet as one PNG (the HTML sheet rendered by Chromium)."""
    target = sheet.with_name("contact-sheet.png")
    page = browser.new_page(viewport={"width": 1040, "height": 900})
    page.goto(sheet.as_uri(), wait_until="load")
    # Lazy thumbnails: load them all before the shot.
    page.evaluate("document.querySelectorAll('img').forEach(i => i.loading = 'eager')")
    page.wait_for_function("[...document.images].every(i => i.complete)")
    page.screenshot(path=str(target), full_page=True)
    page.close()
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site (default: build it into build/site)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--only", default="", help="only pages whose path contains this")
    args = parser.parse_args()
    site = args.site
    if site is None:
        site = ROOT / "build" / "site"
        result = build_site(site)
        if result.returncode != 0:
            print(result.stdout, result.stderr, sep="\n", file=sys.stderr)
            return 1
    pages = [p for p in site_pages(site) if args.only in p]
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    start = time.perf_counter()
    with chromium() as browser, serve(site) as base:
        shoot(browser, base, pages, args.out)
        sheet = contact_sheet(pages, args.out)
        png = sheet_png(browser, sheet)
    print(f"{len(pages)} pages, {len(pages) * 4} views in {time.perf_counter() - start:.0f} s")
    print(f"contact sheet: {sheet}\n               {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
