"""Citations offered on every page: this page of the edition, the Arabic article and the English
original, each in a plain style, as BibTeX and as CSL-JSON.

The three forms come from one description of each item (an `Item`), so they cannot disagree:
- CSL-JSON is the item itself. The plain style is that item rendered by a real CSL processor
  (citeproc-py with the Harvard style it ships), with Arabic terms on Arabic pages (CSL locale ar).
- BibTeX is written for both BibTeX and biblatex: corporate authors in double braces (one literal
  name, never "first name The"), months as macros (`month = dec`), no `day` field, capitals in
  titles brace-protected, every value through escape.bibtex.

Dates are never invented. The Arabic article's publication date is unknown; the edition records
"not before 3 December 2019" (inferred), so its CSL date is that day marked `circa`, the BibTeX
entry gives the year and month, and every form states the inference in a note. `accessed`/
`urldate` is the issue date of this version of the edition: the day its record of the addresses
was published (a reader citing later should put the day they read it).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from . import escape
from .load import Dataset
from .model import Lang
from .typography import AR_MONTHS, arabic_commas

EDITORS: dict[Lang, str] = {"ar": "محررو هذه النسخة", "en": "The editors of this edition"}
LABELS: dict[Lang, tuple[str, str, str]] = {
    "ar": ("هذه الصفحة من النسخة", "المقال العربي", "الأصل الإنجليزي"),
    "en": ("This page of the edition", "The Arabic article", "The English original"),
}
NO_ADDRESS: dict[Lang, str] = {
    "ar": "عنوان هذه النسخة على الويب غير محدد في هذا البناء (SITE_URL)؛ مسار الصفحة:",
    "en": "The web address of this edition is not set in this build (SITE_URL); the page's path:",
}
DATE_INFERRED: dict[Lang, str] = {
    "ar": "تاريخ النشر غير معروف، ويُستنتج أنه ليس قبل",
    "en": "Publication date unknown; inferred to be not before",
}
# CSL locales: Arabic terms on Arabic pages. citeproc-py ships both locale files.
CSL_LOCALE: dict[Lang, str] = {"ar": "ar", "en": "en-GB"}
MONTH_NAMES: dict[Lang, tuple[str, ...]] = {
    "ar": AR_MONTHS,  # as citeproc-py's locales-ar.xml writes them
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class Citation:
    label: str
    plain: str
    bibtex: str
    csl: str


@dataclass(frozen=True)
class Item:
    """One cited work, in the terms of CSL-JSON (which BibTeX is derived from)."""

    key: str
    csl_type: str  # webpage, article-newspaper
    title: str
    container: str
    author: dict[str, str]  # {"literal": ...} for organisations, {"family", "given"} for people
    issued: dt.date
    issued_circa: bool
    language: Lang
    url: str | None
    accessed: dt.date | None
    note: str = ""
    version: str = ""
    extra_plain: str = ""  # said after the processor's text (the date's inference)

    def csl(self) -> dict[str, Any]:
        issued: dict[str, Any] = {"date-parts": [[self.issued.year, self.issued.month, self.issued.day]]}
        if self.issued_circa:
            issued["circa"] = True
        item: dict[str, Any] = {
            "id": self.key,
            "type": self.csl_type,
            "title": self.title,
            "container-title": self.container,
            "author": [self.author],
            "issued": issued,
            "language": self.language,
        }
        if self.version:
            item["version"] = self.version
        if self.url:
            item["URL"] = self.url
        if self.accessed:
            item["accessed"] = {"date-parts": [[self.accessed.year, self.accessed.month, self.accessed.day]]}
        if self.note:
            item["note"] = self.note
        return item


# ---- BibTeX -------------------------------------------------------------------------------------


class Macro(str):
    """A BibTeX value written bare (a month macro such as `dec`), not in braces."""


_CAPITAL = re.compile(r"[A-Z]")


def protect_capitals(value: str) -> str:
    """Brace-protect every word holding a capital, so styles that lower-case titles keep proper
    nouns (pybtex otherwise prints "Isis … telegram"). The input is already escape.bibtex()'d:
    its escapes are balanced, so wrapping whole words keeps the braces balanced."""
    return " ".join("{" + word + "}" if _CAPITAL.search(word) else word for word in value.split(" "))


def unprotect_capitals(value: str) -> str:
    """protect_capitals undone (for tests that compare a field with the data): escape.bibtex never
    lets data start a word with a brace, so a word whose first brace closes at its end is one
    protect_capitals made."""
    return " ".join(w[1:-1] if _wrapped(w) else w for w in value.split(" "))


def _wrapped(word: str) -> bool:
    if not (word.startswith("{") and word.endswith("}")):
        return False
    depth = 0
    for index, ch in enumerate(word):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth == 0:
            return index == len(word) - 1
    return False


def bibtex_entry(kind: str, key: str, fields: dict[str, str]) -> str:
    """An entry; every value is escaped here (Macro values are fixed words, written bare)."""
    lines = []
    for name, value in fields.items():
        if not value:
            continue
        if isinstance(value, Macro):
            lines.append(f"  {name} = {value}")
        else:
            lines.append(f"  {name} = {{{value}}}")
    return f"@{kind}{{{key},\n" + ",\n".join(lines) + "\n}"


def long_date(date: dt.date, lang: Lang) -> str:
    """3 December 2019 / 3 ديسمبر 2019: an ISO date inside right-to-left text reads backwards."""
    return f"{date.day} {MONTH_NAMES[lang][date.month - 1]} {date.year}"


_NAME_SEPARATOR = re.compile(r",|(^|\s)and(\s|$)", re.IGNORECASE)


def _name_part(part: str) -> str:
    """A family or given name; braced when a comma or the word "and" would split it."""
    value = escape.bibtex(part)
    return "{" + value + "}" if _NAME_SEPARATOR.search(part) else value


def _name(author: dict[str, str]) -> str:
    if "literal" in author:
        return "{" + escape.bibtex(author["literal"]) + "}"  # a corporate author: one name
    return _name_part(author["family"]) + ", " + _name_part(author["given"])


def to_bibtex(item: Item) -> str:
    entry_type = "misc" if item.csl_type == "webpage" else "article"
    fields: dict[str, str] = {
        "author": _name(item.author),
        "title": protect_capitals(escape.bibtex(item.title)),
    }
    if entry_type == "misc":
        fields["howpublished"] = protect_capitals(escape.bibtex(item.container))
    else:
        fields["journal"] = protect_capitals(escape.bibtex(item.container))
    fields["year"] = str(item.issued.year)
    fields["month"] = Macro(MONTHS[item.issued.month - 1])
    if item.version:
        fields["version"] = escape.bibtex(item.version)
    if item.url:
        fields["url"] = escape.bibtex(item.url)
    if item.accessed:
        fields["urldate"] = item.accessed.isoformat()
    fields["language"] = "arabic" if item.language == "ar" else "english"
    if item.note:
        fields["note"] = escape.bibtex(item.note)
    return bibtex_entry(entry_type, item.key, fields)


# ---- Plain style (a real CSL processor) --------------------------------------------------------


@cache
def _style(lang: Lang) -> Any:
    import citeproc

    path = Path(citeproc.__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl"
    return citeproc.CitationStylesStyle(str(path), locale=CSL_LOCALE[lang], validate=False)


def plain(item: Item, lang: Lang) -> str:
    """The item as the CSL processor writes it in the page's language."""
    return _plain(json.dumps(item.csl(), ensure_ascii=False, sort_keys=True), item.extra_plain, lang)


@cache
def _plain(csl: str, extra_plain: str, lang: Lang) -> str:
    """plain() of one CSL-JSON item: the Arabic article and the English original are the same
    item on every page, and the processor is slow (about 3 ms an item), so each is rendered once."""
    from citeproc import Citation as CslCitation
    from citeproc import CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    item = json.loads(csl)
    bib = CitationStylesBibliography(_style(lang), CiteProcJSON([item]), formatter.plain)
    bib.register(CslCitation([CitationItem(item["id"])]))
    text = arabic_commas(str(bib.bibliography()[0]), lang)
    return f"{text} {extra_plain}".strip()


# ---- The three items ----------------------------------------------------------------------------


def items(
    data: Dataset,
    lang: Lang,
    page_title: str,
    page_url: str | None,
    page_path: str,
    site_title: str,
    version: str,
    issued: str,
) -> list[Item]:
    """The page in this edition, the Arabic article, and the English original."""
    rec = data.article.record
    based = rec.based_on
    edition_date = dt.date.fromisoformat(issued)
    author = data.entities[based.author].name.en
    publisher = data.entities[based.publisher].name.en
    outlet = data.entities[rec.outlet].name
    page = Item(
        key="edition-" + (page_path.strip("/").replace("/", "-") or "home"),
        csl_type="webpage",
        title=page_title,
        container=site_title,
        author={"literal": EDITORS[lang]},
        issued=edition_date,
        issued_circa=False,
        language=lang,
        url=page_url,
        accessed=edition_date if page_url else None,
        version=version,
        note="" if page_url else f"{NO_ADDRESS[lang]} {page_path}",
        extra_plain="" if page_url else f"{NO_ADDRESS[lang]} {page_path}",
    )
    published = next(d for d in rec.dates if d.kind == "published")
    if published.value:
        ar_date, circa, inferred = published.value, published.status != "known", ""
    else:
        assert published.not_before is not None, "record.yaml: a published date needs value or not_before"
        ar_date, circa = published.not_before, True
        inferred = f"{DATE_INFERRED[lang]} {long_date(published.not_before, lang)}."
    arabic = Item(
        key=rec.id,
        csl_type="article-newspaper",
        title=rec.title.ar,
        container=f"{outlet.en} ({outlet.ar})",
        author={"literal": outlet.en},
        issued=ar_date,
        issued_circa=circa,
        language="ar",
        url=str(rec.url),
        accessed=edition_date,
        note=f"{DATE_INFERRED['en']} {ar_date.isoformat()}. Adapts {author}, {publisher}, {based.date.isoformat()}."
        if inferred
        else "",
        extra_plain=inferred,
    )
    english = Item(
        key="prothero-2019-tamtam",
        csl_type="article-newspaper",
        title=based.title,
        container=publisher,
        author={"family": author.split()[-1], "given": " ".join(author.split()[:-1])},
        issued=based.date,
        issued_circa=based.date_status != "known",
        language="en",
        url=str(based.copies[0]),
        accessed=edition_date,
        # The original's own address is not recorded: URL is its first stored (syndicated) copy.
        note="URL: a syndicated copy of the original. Stored copies: " + " ; ".join(str(u) for u in based.copies),
    )
    return [page, arabic, english]


_DATE_PARTS = re.compile(r"\[\s*\[\s*([0-9,\s]+?)\s*\]\s*\]")


def csl_json(item: dict[str, Any]) -> str:
    """Indented JSON with each date on one line ("date-parts": [[2019, 12, 3]])."""
    text = json.dumps(item, ensure_ascii=False, indent=2)
    return _DATE_PARTS.sub(lambda m: "[[" + ", ".join(re.split(r",\s*", m.group(1))) + "]]", text)


def citations(
    data: Dataset,
    lang: Lang,
    page_title: str,
    page_url: str | None,
    page_path: str,
    site_title: str,
    version: str,
    issued: str,
) -> list[Citation]:
    made = items(data, lang, page_title, page_url, page_path, site_title, version, issued)
    return [
        Citation(
            label=label,
            plain=plain(item, lang),
            bibtex=to_bibtex(item),
            csl=csl_json(item.csl()),
        )
        for label, item in zip(LABELS[lang], made, strict=True)
    ]
