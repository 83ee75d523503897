"""Data is text, never markup: one escaping function per output context.

Every data string reaches a page or a download only through one of these functions; renderers
never interpolate data into Markdown, HTML, YAML, JSON, CSV or BibTeX themselves. Each function
returns a string that, read back by the real parser of its context (Python-Markdown with the
site's extensions, an HTML parser, YAML, JSON, the csv module, a BibTeX parser), gives exactly the
characters of the data. tests/test_escape.py checks that with generated inputs (Hypothesis), and
tests/test_hostile_data.py puts hostile values into every field of the data and builds the site.

Contexts:
- md_text: Markdown inline text (body, headings, list items, link text, `markdown="span"` blocks).
- md_cell: a Markdown table cell (md_text, and the cell separator).
- html_text / html_attr: raw HTML that Markdown does not process (text, and attribute values).
- title: page and navigation titles, which Material renders as HTML.
- front_matter: a page's YAML front matter, written by a serializer.
- json_script: JSON inside <script> (JSON-LD).
- csv_cell: a CSV cell (neutralises spreadsheet formulas the way OWASP recommends).
- bibtex: a BibTeX field value (braced).
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import Any

import yaml

# Characters Python-Markdown (with the tables extension) lets a backslash escape. Escaping them
# all, wherever they stand, keeps emphasis, links, images, code, attribute lists, headings,
# block quotes, lists, admonitions and table cells from forming out of data.
_MD_BACKSLASH = frozenset("\\`*_{}[]()#+-.!|>")
# Characters with no backslash escape that are syntax only at the start of a block: a definition
# (`: `), a details block (`???`), a setext underline or other extension syntax. At the start of
# a value they are written as character references, which Markdown passes through as text.
_MD_LEADING = frozenset(":?=~%^")


def md_text(text: str) -> str:
    """Markdown inline text that renders as exactly these characters."""
    out = []
    for index, ch in enumerate(text):
        if ch in _MD_BACKSLASH:
            out.append("\\" + ch)
        elif ch == "<":
            out.append("&lt;")
        elif ch == "&":
            out.append("&amp;")
        elif index == 0 and ch in _MD_LEADING:
            out.append(f"&#{ord(ch)};")
        else:
            out.append(ch)
    return "".join(out)


def md_cell(text: str) -> str:
    """A Markdown table cell: inline text on one line (the data model refuses line breaks)."""
    return md_text(text.replace("\n", " "))


def html_text(text: str) -> str:
    """Text inside raw HTML that Markdown leaves alone (no `markdown` attribute)."""
    return html.escape(text, quote=False)


# In an attribute of inline HTML inside Markdown (a `markdown="span"` paragraph), Python-Markdown
# runs its code, backslash, link and image patterns over the tag before it stores the tag as HTML
# (emphasis comes after, so * and _ are safe), and a table row splits at every | first:
# `title="[x](javascript:…)"` would become a live link. Character references hide that syntax
# from Markdown; the browser (or any HTML parser) turns them back into the characters.
_ATTR = {ch: f"&#{ord(ch)};" for ch in "&<>\"'\\`[]{}|"}


def html_attr(text: str) -> str:
    """An HTML attribute value, for use between double quotes, also inside Markdown."""
    return "".join(_ATTR.get(ch, ch) for ch in text)


def title(text: str) -> str:
    """A page or navigation title: Material renders titles as HTML (nav, header, <title>)."""
    return html.escape(text, quote=False)


def title_text(title_html: str) -> str:
    """The text of a title as MkDocs hands it back (page.title is HTML, see title())."""
    return html.unescape(title_html)


def front_matter(meta: Mapping[str, Any]) -> str:
    """A page's front matter block, written by the YAML serializer (never by formatting)."""
    body = yaml.safe_dump(dict(meta), allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{body}---\n"


def json_script(obj: Any) -> str:
    """JSON safe inside <script>: no <, > or & can close the element or open a comment."""
    text = json.dumps(obj, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# Cells a spreadsheet would read as a formula (OWASP, "CSV Injection"): a leading = + - @, tab
# or carriage return. Such a cell is written with a leading apostrophe, which spreadsheets
# show as text; the Data page documents it.
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A CSV cell's text (the csv module adds the quoting)."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(CSV_FORMULA_START) else text


# BibTeX (and pybtex) count braces even after a backslash, so a brace in data is written as a
# LaTeX text command, never as \{; the other TeX specials are escaped so they print as themselves.
_BIBTEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
    "\u00a0": "~",  # TeX's no-break space
}


def bibtex(text: str) -> str:
    """A BibTeX field value, to be written inside braces."""
    return "".join(_BIBTEX.get(ch, ch) for ch in text)
