"""The Sources page: every public source the edition cites, with what it is (publisher, date,
kind), when the editors read it, and every place in the edition that relies on it.

The places are found in the data (entity facts, context events, date bases, notes, the readings),
never listed by hand, so a source that stops being cited says so here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import paths
from .context import Context, page_head
from .escape import html_attr, md_text
from .labels import t
from .load import Dataset
from .model import Lang, SourceKind
from .timeline import format_date

PAGE = "sources.md"

KINDS: dict[SourceKind, dict[Lang, str]] = {
    "primary": {"ar": "مصدر أولي", "en": "Primary"},
    "report": {"ar": "تقرير", "en": "Report"},
    "reference": {"ar": "صفحة مرجعية", "en": "Reference page"},
    "mirror": {"ar": "نسخة منقولة", "en": "Mirror"},
    "aggregator": {"ar": "مجمِّع أخبار", "en": "Aggregator"},
}
WORDS: dict[str, dict[Lang, str]] = {
    "title": {"ar": "المصادر", "en": "Sources"},
    "publisher": {"ar": "الناشر", "en": "Publisher"},
    "date": {"ar": "تاريخ النشر", "en": "Published"},
    "unknown": {"ar": "غير معروف", "en": "not known"},
    "kind": {"ar": "النوع", "en": "Kind"},
    "language": {"ar": "اللغة", "en": "Language"},
    "consulted": {"ar": "اطّلع عليه المحررون", "en": "Consulted"},
    "archived": {"ar": "نسخة مؤرشفة", "en": "Archived copy"},
    "no_archive": {"ar": "لا نعرف نسخة مؤرشفة", "en": "none known"},
    "note": {"ar": "ملحوظة", "en": "Note"},
    "used": {"ar": "يُستشهد به في", "en": "Used in"},
    "unused": {"ar": "لا يُستشهد به في أي موضع", "en": "Not cited anywhere"},
    "address": {"ar": "الرابط", "en": "Address"},
}
INTRO: dict[Lang, str] = {
    "ar": (
        "كل ما يأتي من خارج المقال يستند إلى أحد هذه المصادر العامة. نفضّل المصادر الأولية "
        "(يوروبول، الباحثون أنفسهم) والتقارير الموثوقة على المواقع الناقلة؛ ولا نبقي نسخة منقولة إلا حيث لا "
        "تحفظ غيرها أي نسخة، ونقول ذلك. قرأ المحررون كل مصدر في نسخته المحفوظة في التاريخ المذكور، وتحت كل "
        "مصدر المواضع التي تعتمد عليه في هذه النسخة."
    ),
    "en": (
        "Everything from outside the article rests on one of these public sources. Primary sources (Europol, "
        "the researchers themselves) and reputable reports are preferred to syndication sites; a mirror is "
        "kept only where no other stored copy exists, and says so. The editors read each source in its stored "
        "copy on the date shown; under each are the places in this edition that rely on it."
    ),
}


@dataclass(frozen=True)
class Use:
    """One place that cites a source: a link target (a page, with its anchor) and what it is."""

    target: str
    label: str


def uses(data: Dataset, lang: Lang) -> dict[str, list[Use]]:
    """Every place that cites each source, in the order of the site's pages."""
    out: dict[str, list[Use]] = {sid: [] for sid in data.sources}
    seen: set[tuple[str, Use]] = set()

    def add(sid: str, use: Use) -> None:
        if (sid, use) not in seen:
            seen.add((sid, use))
            out[sid].append(use)

    for eid, entity in data.entities.items():
        page = paths.entity_page(data.entity_types[eid], eid)
        for ext in entity.external:
            add(ext.source, Use(page, entity.name(lang)))
        if entity.official_site:
            add(entity.official_site.source, Use(page, entity.name(lang)))
    article = data.article
    note_word = "ملاحظة" if lang == "ar" else "Note"
    for note in article.notes:
        for sid in note.sources:
            add(sid, Use(f"{paths.NOTES}#{note.id}", f"{note_word}: {note.title(lang)}"))
        if note.english.source:
            add(note.english.source, Use(f"{paths.NOTES}#{note.id}", f"{note_word}: {note.title(lang)}"))
    reading_word = "القراءة الثانية للفقرة" if lang == "ar" else "Second reading of"
    for reading in article.readings:
        for sid in reading.sources:
            add(sid, Use(f"{paths.NOTES}#reading-{reading.para}", f"{reading_word} {reading.para}"))
    for cx in data.context:
        for sid in cx.sources:
            add(sid, Use(f"{paths.TIMELINE}#{cx.id}", cx.label(lang)))
    basis_word = "أساس التاريخ" if lang == "ar" else "Date basis"
    for basis in data.date_bases.values():
        if basis.source:
            add(basis.source, Use(paths.TIMELINE, f"{basis_word}: {basis.label(lang)}"))
    return out


def _date(value: dt.date | None, lang: Lang) -> str:
    return format_date(value, lang, weekday=False) if isinstance(value, dt.date) else WORDS["unknown"][lang]


def render_sources(ctx: Context) -> str:
    data: Dataset = ctx.data
    lang: Lang = ctx.lang
    heading = WORDS["title"][lang]
    used = uses(data, lang)
    out = [page_head(heading), INTRO[lang], ""]
    for sid, src in data.sources.items():
        out.append(f"## {md_text(src.title)} {{#{sid}}}")
        out.append("")
        archived = (
            f'<a href="{html_attr(str(src.archived))}" rel="external noopener">{md_text(str(src.archived))}</a>'
            if src.archived
            else WORDS["no_archive"][lang]
        )
        rows = [
            (WORDS["publisher"][lang], md_text(src.publisher)),
            (WORDS["date"][lang], _date(src.date, lang)),
            (WORDS["kind"][lang], KINDS[src.kind][lang]),
            (WORDS["language"][lang], t(f"lang.{src.language}", lang)),
            (
                WORDS["address"][lang],
                f'<a href="{html_attr(str(src.url))}" rel="external noopener">{md_text(str(src.url))}</a>',
            ),
            (WORDS["consulted"][lang], _date(src.consulted, lang)),
            (WORDS["archived"][lang], archived),
        ]
        if src.note:
            rows.append((WORDS["note"][lang], md_text(src.note(lang))))
        out.append('<dl class="edition-facts" markdown="block">')
        out.extend(f'<dt>{key}</dt>\n<dd markdown="span">{value}</dd>' for key, value in rows)
        out.append("</dl>")
        out.append("")
        places = used[sid]
        if places:
            out.append(f"**{WORDS['used'][lang]}:**")
            out.append("")
            out.extend(f"- [{md_text(use.label)}]({ctx.link(use.target)})" for use in places)
        else:
            out.append(f"*{WORDS['unused'][lang]}*")
        out.append("")
    return "\n".join(out)
