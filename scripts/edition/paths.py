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


def url_of(src: str) -> str:
    """The directory URL MkDocs gives a source page (use_directory_urls), relative to the edition."""
    if src == HOME:
        return ""
    stem = src[: -len(".md")]
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def cross_edition(target: str, from_page: str, from_lang: Lang, to_lang: Lang) -> str:
    """Link from a page of one edition to a page of the other (plain URL: another build)."""
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    here = EDITION_PREFIX[from_lang] + url_of(from_page)
    there = EDITION_PREFIX[to_lang] + url_of(target)
    depth = here.count("/")
    return ("../" * depth) + there + anchor or "./"
