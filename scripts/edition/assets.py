"""One set of assets for every edition.

The English edition (built into en/) would ship its own copy of Material's and the edition's CSS,
scripts and fonts: moving between editions would download all of them again. Instead its pages
point at the root edition's assets/ folder, and its own copy is never written.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

ASSETS = "assets/"

# A relative asset URL in an attribute or in Material's config JSON ("search": "../assets/…"):
# the quote, any number of ../, then assets/. Root-absolute URLs (/assets/, the 404 page) already
# point at the root's assets; /en/assets/ is re-rooted.
_RELATIVE = re.compile(r'(?P<lead>(?:\s(?:src|href)=|"search":\s?)")(?P<up>(?:\.\./)*)assets/')


def is_shared_asset(src_uri: str) -> bool:
    """A theme or edition asset that the root edition publishes for all editions."""
    return src_uri.startswith(ASSETS)


def share_assets(html: str, prefix: str) -> str:
    """Point a page of the edition built into `prefix` (e.g. "en/") at the root's assets."""
    if not prefix:
        return html
    up = "../" * prefix.count("/")
    html = _RELATIVE.sub(lambda m: f"{m['lead']}{m['up']}{up}{ASSETS}", html)
    return html.replace(f'="/{prefix}{ASSETS}', f'="/{ASSETS}')


# ---- The favicon in the page ----------------------------------------------------------------------

# The logo's colour: Material Design's indigo 500, the palette's primary (mkdocs.yml, theme.palette).
FAVICON_FILL = "#3f51b5"
# What the data: URI keeps as it is: the SVG's own punctuation, legal in a URL and inert in an
# attribute in double quotes (it reads, and weighs, less than %27, %3D, %2F). The rest is encoded.
_DATA_URI_SAFE = "'=/:,"


def favicon_uri(svg: str, fill: str = FAVICON_FILL) -> str:
    """An SVG icon as a data: URI for <link rel="icon" href="…">, drawn in `fill` (an icon of 2 kB
    in the page costs no request). Double quotes become single ones, which need no encoding,
    unless the icon holds single quotes already."""
    svg = svg.strip().replace("<svg ", f'<svg fill="{fill}" ', 1)
    if "'" not in svg:
        svg = svg.replace('"', "'")
    return "data:image/svg+xml," + quote(svg, safe=_DATA_URI_SAFE)


# ---- One stylesheet and one script per page -------------------------------------------------------
#
# A first visit used to fetch eight stylesheets (Material's two, the edition's six) and four scripts
# (Material's bundle, the edition's three). The hook joins Material's stylesheets and the edition's
# (config.extra_css, in order) into one file, and the edition's scripts (config.extra_javascript)
# into another; each is named by its content hash, so a changed file gets a new address and a host
# may cache both for good. The parts stay the sources; they are not published. The root edition
# makes and publishes the bundles; an edition in a folder only links them.

_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/|^//# sourceMappingURL=.*$", re.M)
_CHARSET = re.compile(r'^@charset "[^"]*";')
_CSS_NOISE = re.compile(r"/\*.*?\*/|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'", re.S)


@dataclass(frozen=True)
class Bundle:
    """One file published at `path` in place of its `parts` (source paths), which are not."""

    path: str
    content: str
    parts: tuple[str, ...]


def material_stylesheets(theme_files: Iterable[str], palette: bool) -> list[str]:
    """Material's compiled stylesheets among the theme's files: main, then palette when the theme has one."""
    files = list(theme_files)
    found = []
    for stem in ["main", "palette"] if palette else ["main"]:
        matches = [f for f in files if re.fullmatch(rf"{ASSETS}stylesheets/{stem}\.[0-9a-f]+\.min\.css", f)]
        if len(matches) != 1:
            raise ValueError(f"expected one of Material's {stem} stylesheets, found {matches}")
        found += matches
    return found


def stylesheet_bundle(parts: list[tuple[str, str]]) -> Bundle:
    """Stylesheets (path, text) as one file, named by its content (join_stylesheets)."""
    return _bundle(f"{ASSETS}stylesheets/edition-bundle", ".css", join_stylesheets(parts), parts)


def script_bundle(parts: list[tuple[str, str]]) -> Bundle:
    """Classic scripts (path, text) as one file, named by its content (join_scripts)."""
    return _bundle(f"{ASSETS}javascripts/edition-bundle", ".js", join_scripts(parts), parts)


def _bundle(stem: str, suffix: str, content: str, parts: list[tuple[str, str]]) -> Bundle:
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]
    return Bundle(f"{stem}.{digest}{suffix}", content, tuple(path for path, _ in parts))


def join_stylesheets(parts: list[tuple[str, str]]) -> str:
    """Stylesheets (path, text) as one, in order. Every part must live in the folder the bundle
    is written to (their relative url()s stay right); only the first may open with @charset."""
    out = []
    for i, (path, text) in enumerate(parts):
        if posixpath.dirname(path) != posixpath.dirname(parts[0][0]):
            raise ValueError(f"{path}: a stylesheet outside {posixpath.dirname(parts[0][0])}/ cannot be joined")
        text = _SOURCE_MAP.sub("", text.lstrip("\ufeff"))
        _check_braces(path, text)
        charset = _CHARSET.match(text)
        text = _CHARSET.sub("", text)
        if charset and not i:
            out.append(charset[0] + "\n")  # the very first thing in the file, or it is ignored
        out.append(f"/* {posixpath.basename(path)} */\n{text.strip()}\n")
    return "".join(out)


def _check_braces(path: str, css: str) -> None:
    """A block left open would swallow every stylesheet after it in the bundle (alone, it only
    swallows the rest of its own file): every { must be closed, outside comments and strings."""
    depth = 0
    for line_no, line in enumerate(_CSS_NOISE.sub(lambda m: "\n" * m[0].count("\n"), css).split("\n"), 1):
        for char in line:
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth < 0:
                raise ValueError(f"{path}, line {line_no}: a }} closes nothing")
    if depth:
        raise ValueError(f"{path}: {depth} block(s) left open at the end of the file")


def join_scripts(parts: list[tuple[str, str]]) -> str:
    """Classic scripts (path, text) as one, in order; each ends with a semicolon and a newline so
    the next cannot continue its last statement."""
    return "".join(f"/* {posixpath.basename(path)} */\n{_SOURCE_MAP.sub('', t).strip()}\n;\n" for path, t in parts)
