"""Performance benchmark: build time, first visit to the article page in Chromium (bytes and
requests by kind, load time), search index and site size — for this edition and for a plain
Material site with the same Arabic pages and no generation. Prints ratios and checks BUDGETS.

    python scripts/perf_benchmark.py           # print figures; exit 0 whatever they are
    python scripts/perf_benchmark.py --strict  # exit 1 when a budget is exceeded
    python scripts/perf_benchmark.py --loads 9 # fresh loads for the median load time
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import build_site, chromium, serve
from edition.integrity import check
from edition.load import load
from edition.site import render_site

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("html", "css", "js", "font", "search index", "other")

# Budgets for the edition (the README lists them): the figures measured when they were set
# plus ~30% headroom, rounded, so that noise passes and a real regression does not.
BUDGETS: dict[str, float] = {
    "build_s": 7.0,  # both editions, min of 2 builds; measured 4.0-5.4 s on 2 shared CPUs
    "article_first_visit_bytes": 1_100_000,  # measured 834-840 kB, search index included
    "article_requests": 21,  # measured 16
    "search_index_bytes": 420_000,  # measured 322 kB
    "load_ms": 1_600,  # median of fresh loads, navigation start → load event; measured 1.15-1.24 s
}

# The plain site: Material with the same Markdown extensions as mkdocs.yml, none of the edition's
# hooks, overrides, CSS or JS; font: false so neither site asks Google Fonts for anything.
PLAIN_CONFIG = """site_name: Plain Material
docs_dir: docs
theme: {name: material, language: ar, font: false}
plugins: [search]
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - admonition
  - def_list
  - toc:
      permalink: true
      permalink_title: رابط دائم
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds: {case: lower}
  - pymdownx.details
"""


@dataclass
class Visit:
    bytes_by_kind: Counter[str] = field(default_factory=Counter)
    requests_by_kind: Counter[str] = field(default_factory=Counter)
    load_ms: list[float] = field(default_factory=list)


@dataclass
class Figures:
    label: str
    build_s: float
    visit: Visit
    search_index_bytes: int
    site_bytes: int


def kind_of(url: str, resource_type: str) -> str:
    path = url.split("?")[0].split("#")[0]
    if path.endswith("search_index.json"):
        return "search index"
    if resource_type == "document" or path.endswith((".html", "/")):
        return "html"
    if resource_type == "stylesheet" or path.endswith(".css"):
        return "css"
    if resource_type == "script" or path.endswith(".js"):
        return "js"
    if resource_type == "font" or path.endswith((".woff2", ".woff", ".ttf", ".otf")):
        return "font"
    return "other"


def body_size(response: Any) -> int:
    # Uncompressed server, so body = wire size. sizes() reports 0 for worker scripts and body()
    # fails for discarded bodies: take the first non-zero of sizes(), body() and Content-Length.
    for probe in (
        lambda: response.request.sizes()["responseBodySize"],
        lambda: len(response.body()),
        lambda: response.headers.get("content-length", 0),
    ):
        try:
            size = int(probe())
        except Exception:
            continue
        if size > 0:
            return size
    return 0


def one_visit(browser: Any, url: str, record: Visit | None) -> float:
    """Load url in a fresh context (empty cache); returns load time in ms, records traffic."""
    context = browser.new_context()
    responses: list[Any] = []
    # On the context, not the page: the index is fetched by Material's search worker.
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    # networkidle waits for the search worker's fetch of the index, which starts after load.
    page.goto(url, wait_until="networkidle")
    load_ms = page.evaluate(
        "() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventStart - n.startTime }"
    )
    if record is not None:
        for response in responses:
            kind = kind_of(response.url, response.request.resource_type)
            record.requests_by_kind[kind] += 1
            record.bytes_by_kind[kind] += body_size(response)
    context.close()
    return float(load_ms)


def measure_visits(browser: Any, url: str, loads: int) -> Visit:
    visit = Visit()
    # The first load also records traffic; every load counts towards the median load time.
    visit.load_ms.append(one_visit(browser, url, visit))
    visit.load_ms.extend(one_visit(browser, url, None) for _ in range(loads - 1))
    return visit


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def timed_min(build: Callable[[], None], runs: int = 2) -> float:
    """Min wall-clock of `runs` builds: the first pays for cold imports and the disk cache."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build()
        times.append(time.perf_counter() - start)
    return min(times)


def build_edition(out: Path) -> None:
    result = build_site(out)
    if result.returncode != 0:
        raise RuntimeError(f"edition build failed:\n{result.stdout}\n{result.stderr}")


def write_plain_docs(folder: Path) -> Path:
    """The Arabic edition's pages as plain Markdown files, plus a minimal Material config."""
    pages = render_site(check(load(ROOT / "data")), "ar")
    for src in (ROOT / "docs" / "ar").rglob("*.md"):
        pages.setdefault(str(src.relative_to(ROOT / "docs" / "ar")), src.read_text(encoding="utf-8"))
    for src, markdown in pages.items():
        target = folder / "docs" / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(PLAIN_CONFIG, encoding="utf-8")
    return config


def build_plain(config: Path, out: Path) -> None:
    # Not --strict: links to the edition's downloads and other generated-only files are warnings.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"plain build failed:\n{result.stdout}\n{result.stderr}")


def measure(label: str, build: Callable[[], None], out: Path, browser: Any, loads: int) -> Figures:
    build_s = timed_min(build)
    with serve(out) as url:
        visit = measure_visits(browser, url + "article/", loads)
    index = out / "search" / "search_index.json"
    return Figures(label, build_s, visit, index.stat().st_size, tree_bytes(out))


def flat(f: Figures) -> dict[str, float]:
    return {
        "build_s": f.build_s,
        "article_first_visit_bytes": sum(f.visit.bytes_by_kind.values()),
        "article_requests": sum(f.visit.requests_by_kind.values()),
        "search_index_bytes": f.search_index_bytes,
        "load_ms": statistics.median(f.visit.load_ms),
        "site_bytes": f.site_bytes,
    }


def report(f: Figures) -> None:
    fig, visit = flat(f), f.visit
    print(f"\n{f.label}")
    print(f"  build (min of 2)      {f.build_s:8.2f} s")
    print(f"  article first visit   {fig['article_first_visit_bytes']:>10,} B in {fig['article_requests']} requests")
    for kind in KINDS:
        print(f"    {kind:<18}  {visit.bytes_by_kind[kind]:>10,} B  {visit.requests_by_kind[kind]:>3} req")
    loads = ", ".join(f"{t:.0f}" for t in visit.load_ms)
    print(f"  load time (median)    {fig['load_ms']:8.0f} ms  (of {len(visit.load_ms)}: {loads})")
    print(f"  search index          {f.search_index_bytes:>10,} B")
    print(f"  site on disk          {f.site_bytes:>10,} B")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is exceeded")
    parser.add_argument("--loads", type=int, default=5, help="fresh loads for the median load time")
    args = parser.parse_args()
    print("Performance benchmark: Chromium, fresh context per load (no cache), sites on 127.0.0.1")
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        site, plain_site = Path(tmp) / "site", Path(tmp) / "plain-site"
        config = write_plain_docs(Path(tmp) / "plain")
        runs: list[tuple[str, Callable[[], None], Path]] = [
            ("Edition (both editions built; article page of the Arabic edition)", lambda: build_edition(site), site),
            (
                "Plain Material, same Arabic pages, no generation (one edition only)",
                lambda: build_plain(config, plain_site),
                plain_site,
            ),
        ]
        edition, plain = (measure(label, build, out, browser, args.loads) for label, build, out in runs)
    report(edition)
    report(plain)
    ours, theirs = flat(edition), flat(plain)
    print("\nRatios edition / plain (the edition builds two editions, the plain site one):")
    for key, value in ours.items():
        print(f"  {key:<26} {value / theirs[key] if theirs[key] else float('inf'):6.2f}x")
    print("\nBudgets (edition):")
    exceeded = [key for key, budget in BUDGETS.items() if ours[key] > budget]
    for key, budget in BUDGETS.items():
        print(f"  {key:<26} {ours[key]:>12,.1f} <= {budget:>12,}  {'EXCEEDED' if key in exceeded else 'OK'}")
    return 1 if args.strict and exceeded else 0


if __name__ == "__main__":
    sys.exit(main())
