"""Reading the built site in tests: which HTML file a URL means, what a page links to and which
ids it has, and the list of every page."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Elements whose href/src load something or lead somewhere.
REF_TAGS = ("a", "link", "script", "img", "iframe")


class PageRefs(HTMLParser):
    """Ids (and names) of a page, its links with their classes, and everything it refers to."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (class, href) of <a>
        self.refs: list[str] = []  # href/src of REF_TAGS

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v for k, v in attrs if v is not None}
        for key in ("id", "name"):
            if a.get(key):
                self.ids.add(a[key])
        if tag == "a" and a.get("href"):
            self.links.append((a.get("class", ""), a["href"]))
        for key in ("href", "src"):
            if a.get(key) and tag in REF_TAGS:
                self.refs.append(a[key])


def parse(path: Path) -> PageRefs:
    parser = PageRefs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_file(site: Path, url: str) -> Path:
    """The file behind a site URL (any #fragment ignored; directory URLs mean their index.html)."""
    path = unquote(urlsplit(url).path).lstrip("/")
    candidate = site / path
    if not path or path.endswith("/") or candidate.is_dir():
        return candidate / "index.html"
    return candidate


def site_pages(site: Path) -> list[str]:
    """URL paths of every page of both editions (directory URLs), "" for the home page."""
    out = []
    for page in sorted(site.rglob("index.html")):
        rel = page.parent.relative_to(site).as_posix()
        out.append("" if rel == "." else rel + "/")
    return out
