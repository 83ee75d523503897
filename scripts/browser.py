"""Shared by the tests and the benchmarks: build the site, serve it on 127.0.0.1, drive Debian's
Chromium through Playwright, and ask Material's real search box.

Playwright never downloads a browser here: it starts /usr/bin/chromium.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def build_site(
    out: Path, env: dict[str, str] | None = None, config: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` into out (both editions). Returns the finished process."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    extra = ["--config-file", config] if config else []
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out), *extra],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        check=False,
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port); yields the base URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def mkdocs_serve(port: int) -> Iterator[str]:
    """Run the README's `mkdocs serve` on 127.0.0.1:port until the block ends."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        import urllib.request

        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(url + "en/", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("mkdocs serve did not start") from None
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """A Playwright Browser on Debian's Chromium."""
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        raise RuntimeError(f"{CHROMIUM} is missing: run `make chromium` (apt-get install -y chromium)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# ---- Search through Material's own search box ---------------------------------------------------

# Wraps Worker so that each query posted to the search worker is paired with its own reply:
# Material re-renders on every reply, and waiting for result items alone can catch an older one.
SEARCH_PROBE = """
(() => {
  // sent: when each query was posted, to time the worker from query message to result message.
  window.__edition = {
    queries: 0, results: 0, last: null, ready: false, sent: [], worker_ms: null, trip_ms: null,
  }
  const wrap = Base => class extends Base {
    constructor(...args) {
      super(...args)
      const post = this.postMessage.bind(this)
      this.postMessage = (message, ...rest) => {
        if (message && message.type === 2) {
          window.__edition.queries += 1
          window.__edition.last = message.data
          window.__edition.sent.push(performance.now())
        }
        return post(message, ...rest)
      }
      this.addEventListener("message", ev => {
        if (ev.data && ev.data.type === 1) window.__edition.ready = true
        if (ev.data && ev.data.type === 3) {
          // The edition's worker reports its own time (ms); Material's is timed from the page.
          const sent = window.__edition.sent.shift()
          if (sent !== undefined) window.__edition.trip_ms = performance.now() - sent
          window.__edition.worker_ms = typeof ev.data.ms === "number" ? ev.data.ms : null
          window.__edition.results += 1
        }
      })
    }
  }
  // The offline bundle's polyfill replaces Worker later (iframe-worker): wrap whatever is set.
  let current = wrap(window.Worker)
  Object.defineProperty(window, "Worker", {
    configurable: true,
    get: () => current,
    set: value => { current = wrap(value) },
  })
})()
"""


@dataclass
class SearchHit:
    query: str
    pages: list[str]  # result pages, best first, as site-relative paths ("platforms/telegram/")
    latency_ms: float  # last keystroke → results painted
    worker_ms: float | None  # the worker's own time on the query (the edition's worker reports it)
    trip_ms: float  # query message posted by the page → result message received by the page


def page_path(href: str, base: str) -> str:
    """Site-relative page path of a result link, without #fragment or ?h= highlighting."""
    path = urlsplit(href).path
    base_path = urlsplit(base).path
    return path[len(base_path) :] if path.startswith(base_path) else path.lstrip("/")


class SearchBox:
    """One page kept open for many queries (the index is built once per page load)."""

    def __init__(self, browser: object, url: str, width: int = 1280, ready_timeout_s: float = 30):
        self.base = url
        self.ready_s: float | None = None  # served sites: from opening search to the index being ready
        self.page = browser.new_page(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
        self.page.add_init_script(SEARCH_PROBE)
        self.page.goto(url)
        if url.startswith("file:"):
            # Over file:// Material loads the index on the first search: warm it up once.
            self.search("تيليجرام", url)
        else:
            # The index loads when the reader turns to search (partials/edition-search-on-demand.html):
            # "/" opens the search box, as a reader would.
            start = time.perf_counter()
            self.page.keyboard.press("/")
            self.page.wait_for_function(
                "window.__edition && window.__edition.ready === true", timeout=ready_timeout_s * 1000
            )
            self.ready_s = time.perf_counter() - start

    def search(self, query: str, site_base: str) -> SearchHit:
        from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

        page = self.page
        page.keyboard.press("Escape")
        box = page.locator("input.md-search__input")
        # Material opens search on "/" and reads the box on keyup: fill, then press End.
        page.keyboard.press("/")
        before = page.evaluate("window.__edition.results")
        posted = page.evaluate("window.__edition.queries")
        start = time.perf_counter()
        box.fill(query)
        box.press("End")
        answered = (
            "([q, r]) => window.__edition.queries > q && window.__edition.results >= window.__edition.queries"
            " && window.__edition.results > r"
        )
        try:
            page.wait_for_function(answered, arg=[posted, before], timeout=10000)
        except PlaywrightTimeoutError:
            # Once in a fresh clone's CI run (two test workers on two cores) no answer came in 10 s:
            # the keystroke Material reads the box on is the likeliest loss. Type the query again
            # once; a query that really gets no answer still fails, 20 s later.
            box.fill("")
            box.fill(query)
            box.press("End")
            page.wait_for_function(answered, arg=[posted, before], timeout=20000)
        # The reply is in; wait for Material to paint it.
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        latency = (time.perf_counter() - start) * 1000
        worker_ms, trip_ms = page.evaluate("[window.__edition.worker_ms, window.__edition.trip_ms]")
        hrefs = page.eval_on_selector_all(
            ".md-search-result__item > .md-search-result__link",
            "els => els.map(e => e.href)",
        )
        pages: list[str] = []
        for href in hrefs:
            path = page_path(href, site_base)
            if path not in pages:
                pages.append(path)
        return SearchHit(query=query, pages=pages, latency_ms=latency, worker_ms=worker_ms, trip_ms=trip_ms)

    def results(self) -> list[dict[str, object]]:
        """The results on screen, in order: one dict per result link (pages and their sections):
        href (no ?h=), title and text (as rendered: HTML), marks (the highlighted words) and
        nested (how many <mark> sit inside another <mark>)."""
        return self.page.eval_on_selector_all(  # type: ignore[no-any-return]
            ".md-search-result__link",
            """els => els.map(a => {
              const art = a.querySelector("article")
              const head = art.querySelector("h1, h2")
              const shown = "p:not(.md-search-result__terms), ul, ol, blockquote"
              const body = [...art.children].filter(c => c !== head && c.matches(shown))
              return {
                href: a.getAttribute("href").replace(/[?]h=[^#]*/, ""),
                page: !!art.querySelector("h1"),
                title: head ? head.innerHTML : "",
                text: body.map(c => c.innerHTML).join(" "),
                marks: [...art.querySelectorAll("mark")].map(m => m.textContent),
                nested: art.querySelectorAll("mark mark").length,
              }
            })""",
        )

    def meta(self) -> str:
        """Material's line above the results ("عدد النتائج: 12")."""
        return self.page.inner_text(".md-search-result__meta")  # type: ignore[no-any-return]

    def close(self) -> None:
        self.page.close()


def requests_outside(browser: object, urls: list[str], inside: str, wait_until: str = "load") -> list[str]:
    """Visit every URL, then search once from the first one; return every request that did not
    stay under `inside` (a site's base URL or a bundle's file:// folder). data:, blob: and about:
    URLs stay in the page and are not counted."""
    outside: list[str] = []

    def check(url: str) -> None:
        if urlsplit(url).scheme not in ("data", "blob", "about") and not unquote(url).startswith(unquote(inside)):
            outside.append(url)

    context = browser.new_context()  # type: ignore[attr-defined]
    context.on("request", lambda req: check(req.url))
    page = context.new_page()
    for url in urls:
        page.goto(url, wait_until=wait_until)
    # Search too: the worker, its scripts and the index.
    page.goto(urls[0], wait_until=wait_until)
    page.keyboard.press("/")
    page.locator("input.md-search__input").fill("تيليجرام")
    page.locator("input.md-search__input").press("End")
    page.wait_for_selector(".md-search-result__item")
    context.close()
    return outside
