"""Performance benchmark — this edition against a plain Material site with the same Arabic pages
and no generation, measured in the same run on this machine:

- build time (both editions vs plain Material's one edition);
- the first visit to the article page in Chromium: bytes and requests by kind, uncompressed and
  as gzip and brotli (what a host serving the build's precompressed files sends), load time; then
  what opening the search box fetches (the edition's index loads on demand);
- layout shift (CLS, PerformanceObserver) per page type, desktop and mobile, with the fonts at
  once and 400 ms late;
- Lighthouse mobile performance (median of --lighthouse-runs) on home, article, timeline and an
  entity page of each edition, and the plain site's article; npm `lighthouse` is installed by
  this script into .cache/lighthouse (git-ignored) and drives Debian's /usr/bin/chromium
  (CHROME_PATH): no browser is downloaded;
- `mkdocs serve`: seconds from a one-line data edit to the rebuilt page being served.

How cost grows with the corpus is scripts/scale_benchmark.py (make bench-scale).

    python scripts/perf_benchmark.py                 # everything
    python scripts/perf_benchmark.py --quick         # no Lighthouse, no serve timing
    python scripts/perf_benchmark.py --strict        # exit 1 when a budget is exceeded
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import CHROMIUM, build_site, chromium
from edition.integrity import check
from edition.load import load
from edition.precompress import compress_bytes, precompress
from edition.site import render_site

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("html", "css", "js", "font", "search index", "other")
ENCODINGS = ("raw", "gzip", "brotli")
LIGHTHOUSE = "lighthouse@12.2.3"  # the last release that runs on Debian's Node 20
LIGHTHOUSE_DIR = ROOT / ".cache" / "lighthouse"
PAGE_TYPES = {"home": "", "article": "article/", "timeline": "timeline/", "entity": "people/mitch-prothero/"}
VIEWPORTS = {"desktop": (1366, 900), "mobile": (390, 844)}

# Budgets for the edition (README, #16): first visit ≤ 600 kB uncompressed and ≤ 10 requests,
# CLS ≤ 0.02, Lighthouse mobile ≥ 90, build ≤ 2.5× plain Material. Not timed tests: figures.
BUDGETS: dict[str, float] = {
    "article_first_visit_bytes": 600_000,
    "article_requests": 10,
    "cls_max": 0.02,
    "build_ratio": 2.5,
    "serve_rebuild_s": 2.0,
}
LIGHTHOUSE_MIN = 90

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


# ---- Serving like a host: precompressed files when the browser asks ------------------------------


class _PrecompressedHandler(http.server.SimpleHTTPRequestHandler):
    """Serves name.br / name.gz for name when the request accepts it (nginx brotli_static)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accept = self.headers.get("Accept-Encoding", "")
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            packed = path.with_name(path.name + suffix)
            if encoding in accept and path.is_file() and packed.is_file():
                body = packed.open("rb")
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", encoding)
                self.send_header("Content-Length", str(packed.stat().st_size))
                self.send_header("Vary", "Accept-Encoding")
                self.end_headers()
                return body
        return super().send_head()


@contextlib.contextmanager
def serve_like_a_host(directory: Path) -> Iterator[str]:
    handler = functools.partial(_PrecompressedHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# ---- First visit ---------------------------------------------------------------------------------


@dataclass
class Visit:
    bytes_by_kind: dict[str, Counter[str]] = field(default_factory=lambda: {e: Counter() for e in ENCODINGS})
    requests_by_kind: Counter[str] = field(default_factory=Counter)
    load_ms: list[float] = field(default_factory=list)
    # What opening the search box then fetches (the edition loads its index on demand).
    search_bytes: Counter[str] = field(default_factory=Counter)
    search_requests: int = 0


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


def file_of(url: str, base: str, site: Path) -> Path | None:
    """The built file a same-site URL was served from."""
    if not url.startswith(base):
        return None
    path = site / unquote(urlsplit(url).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def sizes(path: Path) -> dict[str, int]:
    """Raw, gzip and brotli size of a built file (its precompressed copies, or compressed here)."""
    data = path.read_bytes()
    gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
    if gz.exists() and br.exists():
        return {"raw": len(data), "gzip": gz.stat().st_size, "brotli": br.stat().st_size}
    if path.suffix in (".woff2", ".png", ".jpg", ".zip"):  # already compressed
        return {e: len(data) for e in ENCODINGS}
    packed_gz, packed_br = compress_bytes(data)
    return {"raw": len(data), "gzip": len(packed_gz), "brotli": len(packed_br)}


def one_visit(browser: Any, url: str, base: str, site: Path, record: Visit | None) -> float:
    """Load url in a fresh context (empty cache); returns load time in ms, records traffic."""
    context = browser.new_context()
    requests: list[Any] = []
    # On the context, not the page: the index is fetched by Material's search worker.
    context.on("requestfinished", lambda request: requests.append(request))
    page = context.new_page()
    # networkidle waits for the search worker's fetch of the index, which starts after load.
    page.goto(url, wait_until="networkidle")
    load_ms = page.evaluate(
        "() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventStart - n.startTime }"
    )
    if record is not None:
        for request in requests:
            path = file_of(request.url, base, site)
            if path is None:
                continue  # data: URIs (Material's icons)
            kind = kind_of(request.url, request.resource_type)
            record.requests_by_kind[kind] += 1
            for encoding, size in sizes(path).items():
                record.bytes_by_kind[encoding][kind] += size
        # Then the reader opens the search box ("/"): what that fetches, if the index is not in yet.
        if not record.requests_by_kind["search index"]:
            requests.clear()
            with page.expect_request_finished(lambda request: "search_index" in request.url, timeout=30000):
                page.keyboard.press("/")
            for request in requests:
                path = file_of(request.url, base, site)
                if path is not None:
                    record.search_requests += 1
                    record.search_bytes.update(sizes(path))
    context.close()
    return float(load_ms)


def measure_visits(browser: Any, base: str, site: Path, path: str, loads: int) -> Visit:
    visit = Visit()
    visit.load_ms.append(one_visit(browser, base + path, base, site, visit))
    visit.load_ms.extend(one_visit(browser, base + path, base, site, None) for _ in range(loads - 1))
    return visit


# ---- Layout shift --------------------------------------------------------------------------------

CLS_PROBE = """
window.__cls = 0
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value
}).observe({type: 'layout-shift', buffered: true})
"""


def cls_of(browser: Any, url: str, viewport: str, font_delay_s: float) -> float:
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height})
    if font_delay_s:
        context.route("**/*.woff2", lambda route: (time.sleep(font_delay_s), route.continue_()))
    page = context.new_page()
    page.add_init_script(CLS_PROBE)
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(300)
    value = float(page.evaluate("window.__cls"))
    context.close()
    return value


def measure_cls(browser: Any, base: str, prefixes: list[str]) -> dict[str, float]:
    out = {}
    for prefix in prefixes:
        for name, path in PAGE_TYPES.items():
            for viewport in VIEWPORTS:
                for label, delay in (("fonts at once", 0.0), ("fonts 400 ms late", 0.4)):
                    key = f"{prefix or 'ar/'}{name} {viewport}, {label}"
                    out[key] = cls_of(browser, base + prefix + path, viewport, delay)
    return out


# ---- Lighthouse ----------------------------------------------------------------------------------


def lighthouse_bin() -> Path:
    """npm `lighthouse`, installed on first use into .cache/lighthouse (git-ignored)."""
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        (LIGHTHOUSE_DIR / "package.json").write_text('{"private": true}\n', encoding="utf-8")
        print(f"  installing {LIGHTHOUSE} into {LIGHTHOUSE_DIR.relative_to(ROOT)} (npm) …", flush=True)
        subprocess.run(
            ["npm", "install", "--exact", "--no-audit", "--no-fund", LIGHTHOUSE],
            cwd=LIGHTHOUSE_DIR,
            check=True,
            capture_output=True,
            env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
        )
    return binary


def lighthouse(url: str, runs: int) -> dict[str, float]:
    """Mobile preset (Lighthouse's default), performance only: median score and metrics."""
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            out = Path(tmp) / f"{run}.json"
            subprocess.run(
                [
                    str(lighthouse_bin()),
                    url,
                    "--only-categories=performance",
                    "--output=json",
                    f"--output-path={out}",
                    "--quiet",
                    "--chrome-flags=--headless --no-sandbox --disable-gpu",
                ],
                env={**os.environ, "CHROME_PATH": CHROMIUM},
                check=True,
                capture_output=True,
            )
            report = json.loads(out.read_text(encoding="utf-8"))
            audits = report["audits"]
            score = report["categories"]["performance"]["score"]
            if score is None:  # a run that failed to paint (an overloaded machine): not a score
                continue

            def value(audit: str, audits: dict[str, Any] = audits) -> float:
                return float(audits[audit].get("numericValue", float("nan")))

            results.append(
                {
                    "score": 100 * score,
                    "fcp_ms": value("first-contentful-paint"),
                    "lcp_ms": value("largest-contentful-paint"),
                    "tbt_ms": value("total-blocking-time"),
                    "cls": value("cumulative-layout-shift"),
                    "bytes": value("total-byte-weight"),
                }
            )
    if not results:
        raise RuntimeError(f"Lighthouse gave no score for {url} in {runs} runs")
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


# ---- Builds --------------------------------------------------------------------------------------


def tree_bytes(folder: Path, compressed_copies: bool = False) -> int:
    return sum(
        p.stat().st_size
        for p in folder.rglob("*")
        if p.is_file() and (compressed_copies or p.suffix not in (".gz", ".br"))
    )


def timed_min(build: Callable[[], None], runs: int = 2) -> float:
    """Min wall-clock of `runs` builds: the first pays for cold imports and the disk cache."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build()
        times.append(time.perf_counter() - start)
    return min(times)


def build_edition(out: Path, root: Path = ROOT, env: dict[str, str] | None = None) -> None:
    if root == ROOT:
        result = build_site(out, env=env)
    else:
        full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(out)]
        result = subprocess.run(command, cwd=root, env=full_env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"edition build failed:\n{result.stdout}\n{result.stderr}")


def write_plain_docs(folder: Path) -> Path:
    """The Arabic edition's pages as plain Markdown files, plus a minimal Material config."""
    pages = render_site(check(load(ROOT / "data")), "ar")
    for src in (ROOT / "docs" / "ar").rglob("*.md"):
        pages.setdefault(str(src.relative_to(ROOT / "docs" / "ar")), src.read_text(encoding="utf-8"))
    for src, markdown in pages.items():
        # Plain Material has none of the edition's page templates (the report page names one).
        markdown = re.sub(r"(?m)^template: .*\n", "", markdown, count=1)
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


# ---- mkdocs serve after a data edit --------------------------------------------------------------

COPY = ["data", "docs", "hooks", "overrides", "scripts", "mkdocs.yml", "mkdocs.en.yml", "assets-src"]


def copy_project(target: Path) -> None:
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / name)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read().decode("utf-8")


def served(url: str, marker: str) -> bool:
    """Whether the page holds the edited text yet (mkdocs serve holds requests while it builds)."""
    try:
        page = fetch(url)
    except OSError:
        return False
    return marker in page or marker.replace("'", "&#x27;") in page


def serve_rebuild_seconds(runs: int = 3) -> list[float]:
    """Seconds from a one-line edit of data/entities/people.yaml to the edited English page being
    served by `mkdocs serve` (the English edition is built last)."""
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        copy_project(project)
        people = project / "data" / "entities" / "people.yaml"
        original = people.read_text(encoding="utf-8")
        old = "He is the article's main source"
        assert old in original, "the edited line moved: update serve_rebuild_seconds"
        port = 8700 + os.getpid() % 200
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
        proc = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/en/people/pieter-van-ostaeyen/"
        try:
            deadline = time.monotonic() + 180
            while True:
                try:
                    fetch(url)
                    break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError("mkdocs serve did not start") from None
                    time.sleep(0.3)
            for run in range(runs):
                marker = f"He is (edit {run}) the article's main source"
                people.write_text(original.replace(old, marker), encoding="utf-8")
                start = time.perf_counter()
                while not served(url, marker):
                    if time.perf_counter() - start > 120:
                        raise RuntimeError("mkdocs serve did not rebuild within 120 s")
                    time.sleep(0.05)
                times.append(time.perf_counter() - start)
                time.sleep(1.5)  # let the watcher settle before the next edit
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    return times


# ---- Report --------------------------------------------------------------------------------------


def print_visit(label: str, visit: Visit) -> dict[str, float]:
    total = {e: sum(visit.bytes_by_kind[e].values()) for e in ENCODINGS}
    requests = sum(visit.requests_by_kind.values())
    print(f"\n{label}: first visit, {requests} requests")
    print(f"  {'':<14}{'raw':>11}{'gzip':>11}{'brotli':>11}  requests")
    for kind in KINDS:
        row = "".join(f"{visit.bytes_by_kind[e][kind]:>11,}" for e in ENCODINGS)
        print(f"  {kind:<14}{row}  {visit.requests_by_kind[kind]:>4}")
    print(f"  {'total':<14}" + "".join(f"{total[e]:>11,}" for e in ENCODINGS) + f"  {requests:>4}")
    if visit.search_requests:
        row = "".join(f"{visit.search_bytes[e]:>11,}" for e in ENCODINGS)
        print(f"  {'then search':<14}{row}  {visit.search_requests:>4}  (opening the search box fetches the index)")
    loads = ", ".join(f"{t:.0f}" for t in visit.load_ms)
    print(f"  load time (median of {len(visit.load_ms)}): {statistics.median(visit.load_ms):.0f} ms ({loads})")
    return {"bytes": total["raw"], "requests": requests}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is exceeded")
    parser.add_argument("--loads", type=int, default=3, help="fresh loads for the median load time")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (median)")
    parser.add_argument("--quick", action="store_true", help="no Lighthouse, no mkdocs serve timing")
    parser.add_argument("--root", type=Path, default=ROOT, help="measure another checkout's edition (before/after)")
    args = parser.parse_args()
    print("Performance benchmark: Chromium, fresh context per load (no cache), sites on 127.0.0.1")
    print("served like a host: precompressed .br/.gz when present, uncompressed otherwise")
    ours: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        site, plain_site = Path(tmp) / "site", Path(tmp) / "plain-site"
        config = write_plain_docs(Path(tmp) / "plain")
        edition_build = timed_min(lambda: build_edition(site, args.root))
        plain_build = timed_min(lambda: build_plain(config, plain_site))
        precompress(plain_site)  # the same hosting for both: compressed copies of every text file
        print(
            f"\nBuild (min of 2): edition, both editions {edition_build:.2f} s; plain Material, one edition "
            f"{plain_build:.2f} s; ratio {edition_build / plain_build:.2f}x"
        )
        ours["build_ratio"] = edition_build / plain_build
        index = site / "search" / "search_index.json"
        print(
            f"Site on disk: edition {tree_bytes(site):,} B (+ {tree_bytes(site, True) - tree_bytes(site):,} B "
            f"precompressed copies), plain {tree_bytes(plain_site):,} B; search index {index.stat().st_size:,} B"
        )
        with serve_like_a_host(site) as base, serve_like_a_host(plain_site) as plain_base:
            for label, prefix in (("Edition, Arabic article", ""), ("Edition, English article", "en/")):
                figures = print_visit(label, measure_visits(browser, base, site, prefix + "article/", args.loads))
                if not prefix:
                    ours["article_first_visit_bytes"] = figures["bytes"]
                    ours["article_requests"] = figures["requests"]
            print_visit(
                "Plain Material, article", measure_visits(browser, plain_base, plain_site, "article/", args.loads)
            )

            print("\nLayout shift (CLS), edition:")
            cls = measure_cls(browser, base, ["", "en/"])
            for key, value in cls.items():
                print(f"  {key:<48} {value:.4f}")
            plain_cls = {v: cls_of(browser, plain_base + "article/", v, 0.0) for v in VIEWPORTS}
            print("  plain Material article: " + ", ".join(f"{v} {c:.4f}" for v, c in plain_cls.items()))
            ours["cls_max"] = max(cls.values())

            if not args.quick:
                print(f"\nLighthouse mobile performance (median of {args.lighthouse_runs}):")
                print(f"  {'page':<22}{'score':>6}{'FCP ms':>8}{'LCP ms':>8}{'TBT ms':>8}{'CLS':>7}{'bytes':>10}")
                targets = [(f"{p or 'ar/'}{n}", base + p + path) for p in ("", "en/") for n, path in PAGE_TYPES.items()]
                targets.append(("plain Material article", plain_base + "article/"))
                scores = []
                for name, url in targets:
                    lh = lighthouse(url, args.lighthouse_runs)
                    if not name.startswith("plain"):
                        scores.append(lh["score"])
                    print(
                        f"  {name:<22}{lh['score']:>6.0f}{lh['fcp_ms']:>8.0f}{lh['lcp_ms']:>8.0f}"
                        f"{lh['tbt_ms']:>8.0f}{lh['cls']:>7.3f}{lh['bytes']:>10,.0f}",
                        flush=True,
                    )
                ours["lighthouse_min"] = min(scores)
    if not args.quick:
        rebuilds = serve_rebuild_seconds()
        print(
            "\nmkdocs serve, one-line edit of data/entities/people.yaml → edited English page served: "
            + ", ".join(f"{t:.1f}" for t in rebuilds)
            + f" s (median {statistics.median(rebuilds):.1f} s)"
        )
        ours["serve_rebuild_s"] = statistics.median(rebuilds)
    print("\nBudgets (edition):")
    exceeded = []
    for key, budget in BUDGETS.items():
        if key in ours:
            bad = ours[key] > budget
            exceeded += [key] if bad else []
            print(f"  {key:<26} {ours[key]:>12,.3f} <= {budget:>10,}  {'EXCEEDED' if bad else 'OK'}")
    if "lighthouse_min" in ours:
        bad = ours["lighthouse_min"] < LIGHTHOUSE_MIN
        exceeded += ["lighthouse_min"] if bad else []
        print(
            f"  {'lighthouse_min':<26} {ours['lighthouse_min']:>12,.0f} >= {LIGHTHOUSE_MIN:>10}  "
            f"{'BELOW' if bad else 'OK'}"
        )
    return 1 if args.strict and exceeded else 0


if __name__ == "__main__":
    sys.exit(main())
