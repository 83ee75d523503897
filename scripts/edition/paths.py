"""Where each generated page lives. URLs are stable ids: change them and every citation breaks."""

from __future__ import annotations

import posixpath

from .model import EntityType, Lang

# Folder (and URL segment) of each register.
TYPE_DIRS: dict[EntityType, str] = {
    "person": "people",
    "organisation": "organisations",
    "platform": "platforms",
    "place": "places",
}

HOME = "index.md"
ARTICLE = "article.md"
PARALLEL = "parallel.md"
TIMELINE = "timeline.md"
CLAIMS = "claims.md"
ABOUT = "about.md"
NOTES = "notes.md"
DATA = "data.md"
RELATIONS = "relations.md"

# The English edition is served under this prefix; Arabic, the default, at the root.
EDITION_PREFIX: dict[Lang, str] = {"ar": "", "en": "en/"}


def entity_page(etype: EntityType, entity_id: str) -> str:
    return f"{TYPE_DIRS[etype]}/{entity_id}.md"


def type_index(etype: EntityType) -> str:
    return f"{TYPE_DIRS[etype]}/index.md"


def rel(target: str, from_page: str) -> str:
    """Relative link from one source page to another (MkDocs validates and rewrites .md links)."""
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    if not target:
        return anchor
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".") + anchor


def url_of(src: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a source page, relative to its edition's root.

    Directory URLs (people/x/) when served; file URLs (people/x.html) in the offline bundle.
    """
    stem = src[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if src == HOME:
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def _split(target: str) -> tuple[str, str]:
    if "#" in target:
        target, anchor = target.split("#", 1)
        return target, "#" + anchor
    return target, ""


def raw_link(target: str, from_page: str, directory_urls: bool = True) -> str:
    """A finished relative URL between two pages of one edition (for raw HTML and SVG links)."""
    target, anchor = _split(target)
    here = url_of(from_page, directory_urls)
    depth = here.count("/")
    return ("../" * depth) + url_of(target, directory_urls) + anchor or "./"


def site_file(name: str, from_page: str, lang: Lang, directory_urls: bool = True) -> str:
    """Link to a file at the root of the whole site (the downloads), from a page of an edition."""
    depth = (EDITION_PREFIX[lang] + url_of(from_page, directory_urls)).count("/")
    return ("../" * depth) + name


def cross_edition(target: str, from_page: str, from_lang: Lang, to_lang: Lang, directory_urls: bool = True) -> str:
    """Link from a page of one edition to a page of the other (plain URL: another build)."""
    target, anchor = _split(target)
    here = EDITION_PREFIX[from_lang] + url_of(from_page, directory_urls)
    there = EDITION_PREFIX[to_lang] + url_of(target, directory_urls)
    depth = here.count("/")
    return ("../" * depth) + there + anchor or "./"
