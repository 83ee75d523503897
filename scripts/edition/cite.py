"""Citations offered on every page: this edition (the page being read) and the original sources,
each in a plain style, as BibTeX and as CSL-JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass

from .escape import bibtex
from .load import Dataset
from .model import Lang

EDITORS = "The editors of this edition"


@dataclass(frozen=True)
class Citation:
    label: str
    plain: str
    bibtex: str
    csl: str


def _bibtex(kind: str, key: str, fields: dict[str, str]) -> str:
    body = ",\n".join(f"  {k} = {{{bibtex(v)}}}" for k, v in fields.items() if v)
    return f"@{kind}{{{key},\n{body}\n}}"


def _date_parts(iso: str) -> dict[str, list[list[int]]]:
    return {"date-parts": [[int(x) for x in iso.split("-")]]}


def citations(
    data: Dataset, lang: Lang, page_title: str, page_path: str, site_title: str, version: str, issued: str
) -> list[Citation]:
    """The page in this edition, the Arabic article, and the English original."""
    article = data.article
    rec = article.record
    based = rec.based_on
    author = data.entities[based.author].name.en
    publisher = data.entities[based.publisher].name.en
    outlet = data.entities[rec.outlet].name
    year = issued[:4]
    label_page, label_ar, label_en = (
        ("هذه الصفحة من النسخة", "المقال العربي", "الأصل الإنجليزي")
        if lang == "ar"
        else ("This page of the edition", "The Arabic article", "The English original")
    )
    key = "edition-" + (page_path.strip("/").replace("/", "-") or "home")
    page = Citation(
        label_page,
        plain=f"{EDITORS}. “{page_title}”. In {site_title}, version {version}, {issued}. {page_path}",
        bibtex=_bibtex(
            "misc",
            key,
            {
                "author": EDITORS,
                "title": page_title,
                "howpublished": site_title,
                "version": version,
                "year": year,
                "note": f"Path: {page_path}",
            },
        ),
        csl=json.dumps(
            {
                "id": key,
                "type": "webpage",
                "title": page_title,
                "container-title": site_title,
                "author": [{"literal": EDITORS}],
                "version": version,
                "issued": _date_parts(issued),
                "URL": page_path,
                "language": lang,
            },
            ensure_ascii=False,
            indent=2,
        ),
    )
    not_before = next((d.not_before for d in rec.dates if d.not_before), None)
    ar_date = f"not before {not_before.isoformat()}" if not_before else "date unknown"
    arabic = Citation(
        label_ar,
        plain=f"{outlet.en} ({outlet.ar}). «{rec.title.ar}». {ar_date}. {rec.url}",
        bibtex=_bibtex(
            "article",
            "alwatan-tamtam",
            {
                "title": rec.title.ar,
                "journal": f"{outlet.en} ({outlet.ar})",
                "year": str(not_before.year) if not_before else "",
                "note": f"Arabic; publication date unknown, {ar_date}; adapts {author}, {publisher}, {based.date}",
                "url": str(rec.url),
                "language": "arabic",
            },
        ),
        csl=json.dumps(
            {
                "id": "alwatan-tamtam",
                "type": "article-newspaper",
                "title": rec.title.ar,
                "container-title": outlet.en,
                "URL": str(rec.url),
                "language": "ar",
                "note": f"Publication date unknown; {ar_date}",
            },
            ensure_ascii=False,
            indent=2,
        ),
    )
    english = Citation(
        label_en,
        plain=f"{author}. “{based.title}”. {publisher}, {based.date.isoformat()}.",
        bibtex=_bibtex(
            "article",
            "prothero-2019-tamtam",
            {
                "author": author,
                "title": based.title,
                "journal": publisher,
                "year": str(based.date.year),
                "month": based.date.strftime("%b").lower(),
                "day": str(based.date.day),
                "note": "Stored copies: " + " ; ".join(str(u) for u in based.copies),
            },
        ),
        csl=json.dumps(
            {
                "id": "prothero-2019-tamtam",
                "type": "article-newspaper",
                "title": based.title,
                "container-title": publisher,
                "author": [{"family": author.split()[-1], "given": " ".join(author.split()[:-1])}],
                "issued": _date_parts(based.date.isoformat()),
                "language": "en",
            },
            ensure_ascii=False,
            indent=2,
        ),
    )
    return [page, arabic, english]
