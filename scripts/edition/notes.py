"""Editorial notes: where the Arabic adaptation departs from the English original.

Each note quotes the Arabic (linked to its paragraph), paraphrases the original with its sources,
and says how sure we are. The article page shows a marker at every paragraph that has a note.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import get_args

from . import paths
from .context import Context, page_head
from .escape import html_attr, html_text, md_text
from .filters import Facet, filter_bar, item_attrs
from .labels import t
from .load import Dataset
from .lookup import per_dataset
from .model import Lang, Note, NoteType


def numbered(data: Dataset) -> list[tuple[int, Note]]:
    """Notes in text order, numbered from 1: the numbers shown at the markers and on the notes page."""
    order = {pid: n for n, pid in enumerate(data.article.paragraphs)}
    notes = sorted(data.article.notes, key=lambda n: order[n.para])
    return list(enumerate(notes, start=1))


def notes_by_para(data: Dataset) -> dict[str, list[tuple[int, Note]]]:
    out: dict[str, list[tuple[int, Note]]] = {}
    for number, note in numbered(data):
        out.setdefault(note.para, []).append((number, note))
    return out


# Interface words of the markers, popovers and endnotes (reading.js reads the close label).
WORDS: dict[str, dict[Lang, str]] = {
    "notes": {"ar": "ملاحظات التحرير", "en": "Editorial notes"},
    "full": {"ar": "الملاحظة كاملة", "en": "The full note"},
    "close": {"ar": "إغلاق", "en": "Close"},
    "list_sep": {"ar": "، ", "en": ", "},
    "type": {"ar": "النوع", "en": "Type"},
    "status": {"ar": "التحقق", "en": "Checked"},
    "arabic": {"ar": "النص العربي", "en": "The Arabic"},
    "original": {"ar": "ما يقوله الأصل الإنجليزي (بتصرف)", "en": "What the English original says (paraphrased)"},
    "comment": {"ar": "تعليق المحررين", "en": "Editors' comment"},
    "sources": {"ar": "المصادر", "en": "Sources"},
}
NOTE_TYPES: tuple[str, ...] = get_args(NoteType)
CERTAINTIES: tuple[str, ...] = get_args(Note.model_fields["certainty"].annotation)


def marker(notes: list[tuple[int, Note]], lang: Lang, page: str, directory_urls: bool = True) -> str:
    """One marker per annotated paragraph, after its text (excluded from the verbatim text).

    Without JavaScript it links to the first note on the notes page; reading.js turns it into a
    button that opens the paragraph's notes (the endnotes below the text) in a popover."""
    first = notes[0][1]
    href = paths.raw_link(f"{paths.NOTES}#{first.id}", page, directory_urls)
    numbers = WORDS["list_sep"][lang].join(str(n) for n, _ in notes)
    titles = html_attr("; ".join(f"{n}. {note.title(lang)}" for n, note in notes))
    refs = " ".join(f"endnote-{note.id}" for _, note in notes)
    # The accessible name is the visible numbers after a hidden word ("Note 2, 3"), so what a
    # speech user sees is what they say; the titles are the description (title).
    return (
        f' <a class="edition-note-marker" href="{href}" data-notes="{html_attr(refs)}" title="{titles}">'
        f'<span class="edition-sr">{t("note", lang)} </span>{numbers}</a>'
    )


def endnotes(data: Dataset, lang: Lang, page: str, directory_urls: bool = True) -> str:
    """The notes of the text as raw HTML after it: hidden on screen (the markers' popovers show
    them), printed as endnotes with their numbers. Excluded from search (the notes page has them).
    The container is an <aside> because no element inside it has that tag: Material's search
    parser compares elements by tag and would end the exclusion at the first inner closing tag
    of the container's name."""
    items = []
    for number, note in numbered(data):
        href = paths.raw_link(f"{paths.NOTES}#{note.id}", page, directory_urls)
        items.append(
            f'<div class="edition-endnote" id="endnote-{note.id}" data-number="{number}">'
            f'<p class="edition-endnote-title"><span class="edition-endnote-number">{number}.</span> '
            f"<strong>{html_text(note.title(lang))}</strong> "
            f'<span class="edition-badge">{html_text(t("note." + note.type, lang))}</span> '
            f'<span class="edition-endnote-para">({note.para})</span></p>'
            f"<p>{html_text(note.comment(lang))}</p>"
            f'<p class="edition-endnote-link"><a href="{href}">{WORDS["full"][lang]}</a></p></div>'
        )
    return (
        f'<aside class="edition-endnotes" id="endnotes" hidden="hidden" data-search-exclude="true" '
        f'data-close-label="{WORDS["close"][lang]}">\n'
        f'<p class="edition-endnotes-heading">{WORDS["notes"][lang]}</p>\n' + "\n".join(items) + "\n</aside>\n"
    )


def render_notes(ctx: Context) -> str:
    data: Dataset = ctx.data
    lang: Lang = ctx.lang
    notes = data.article.notes
    title = "ملاحظات التحرير" if lang == "ar" else "Editorial notes"
    if lang == "ar":
        intro = (
            "المقال العربي اقتباس بتصرف من تقرير Business Insider الإنجليزي، لا ترجمة حرفية له. "
            "تبين هذه الملاحظات أين يختلف عنه: ما حُذف وما أضيف وما تغيّر في الإسناد أو الأيام أو الأسماء. "
            "كل ملاحظة تقتبس النص العربي بحروفه مع رابط فقرته، وتعيد صياغة ما يقوله الأصل مع مصادره، وتنقل كلماته "
            "الإنجليزية بحروفها حيث تحفظ نسخةٌ الموضعَ، وتقول صراحة حين لا تحفظه أي نسخة. وتذكر درجة التحقق: "
            "النسخ المحفوظة من الأصل لا تضم إلا نقاطه الملخِّصة وجزأه الأول."
        )
    else:
        intro = (
            "The Arabic article is an adaptation of the English Business Insider report, not a literal "
            "translation. These notes show where it departs from it: what was dropped or added, and where "
            "attributions, days or names changed. Each note quotes the Arabic exactly with a link to its "
            "paragraph, paraphrases what the original says with its sources, quotes the English words exactly "
            "where a stored copy holds the passage and says plainly where none does, and says how it was "
            "checked: the stored copies of the original hold only its key points and first part."
        )
    types: Counter[str] = Counter(n.type for n in notes)
    statuses: Counter[str] = Counter(n.certainty for n in notes)
    facets = [
        Facet("type", WORDS["type"][lang], [(k, t("note." + k, lang), types[k]) for k in NOTE_TYPES if k in types]),
        Facet(
            "status",
            WORDS["status"][lang],
            [(k, t("note." + k, lang), statuses[k]) for k in CERTAINTIES if k in statuses],
        ),
    ]
    summary = " · ".join(f"{t('note.' + k, lang)}: {types[k]}" for k in NOTE_TYPES if k in types)
    out = [
        page_head(title),
        intro,
        "",
        filter_bar(".edition-note", facets, len(notes), lang),
        f'<p class="edition-filters-fallback" markdown="span"><strong>{len(notes)}</strong> — {summary}</p>\n',
    ]
    # One wrapper around the notes: Python-Markdown (3.11) copies the rest of the page at the end
    # of every top-level HTML block, so a page of n top-level blocks costs n × its length to
    # convert (8 minutes per edition for this page at 1,000 copies of the corpus). Nested blocks
    # do not pay it (test_scale: no page's top-level block count grows with the corpus).
    out.append('<div class="edition-notes-list" markdown="block">\n')
    for number, note in numbered(data):
        out.append(_note(ctx, number, note, lang))
    out.append("</div>\n")
    return "\n".join(out)


# References to paragraphs and notes in the notes' own words: «الفقرة 17», «الفقرات 14–19»,
# «ملاحظة الفقرة 14», "p14–p19", "see the note on p14", "the notes on p15". Recognised when the
# page is rendered; everything around them is escaped text.
REFERENCE = re.compile(
    r"(?P<note>ملاحظة |ملاحظات |(?:the )?notes? on )?"
    r"(?:(?P<ar>الفقر(?:ة|ات)) (?P<a1>[0-9]+)(?:[–-](?P<a2>[0-9]+))?|\bp(?P<e1>[0-9]+)(?:[–-]p(?P<e2>[0-9]+))?\b)"
)


@per_dataset
def _first_note(data: Dataset) -> dict[str, str]:
    """Each paragraph's first note (a note's text can refer to "the note on p14")."""
    first: dict[str, str] = {}
    for note in data.article.notes:
        first.setdefault(note.para, note.id)
    return first


def linked_refs(ctx: Context, text: str) -> str:
    """Markdown for a note's text with each paragraph reference linked to the article and each
    note reference ("the note on p14") linked to that paragraph's first note on this page."""
    first_note = _first_note(ctx.data)
    paragraphs = ctx.data.article.paragraphs

    def link(label: str, pid: str, to_note: bool) -> str:
        if to_note and pid in first_note:
            return f"[{md_text(label)}](#{first_note[pid]})"
        if pid in paragraphs:
            return f"[{md_text(label)}]({ctx.para_link(pid)})"
        return md_text(label)

    out: list[str] = []
    cursor = 0
    for m in REFERENCE.finditer(text):
        out.append(md_text(text[cursor : m.start()]))
        to_note = bool(m.group("note"))
        first = m.group("a1") if m.group("ar") else m.group("e1")
        # A range ("p14–p19") is one link to its first paragraph: a lone "19" would be too small a target.
        out.append(link(text[m.start() : m.end()], f"p{first}", to_note))
        cursor = m.end()
    out.append(md_text(text[cursor:]))
    return "".join(out)


def _note(ctx: Context, number: int, note: Note, lang: Lang) -> str:
    para_link = ctx.para_link(note.para)
    sources = " · ".join(ctx.source_link(s) for s in note.sources)
    kind, checked = t("note." + note.type, lang), t("note." + note.certainty, lang)
    attrs = item_attrs({"type": note.type, "status": note.certainty})
    return (
        f'<article class="edition-note" id="{note.id}"{attrs} markdown="block">\n\n'
        f"## {number}\\. {md_text(note.title(lang))} {{#{note.id}-title}}\n\n"
        f'<p class="edition-note-meta" markdown="span"><span class="edition-badge">{kind}</span> '
        f"{checked} · [{note.para}]({para_link})</p>\n\n"
        f'<div class="edition-compare" markdown="block">\n'
        f'<div class="edition-compare__ar" markdown="block">\n'
        f'<p class="edition-compare__label" markdown="span">{WORDS["arabic"][lang]} '
        f"([{note.para}]({para_link}))</p>\n"
        f'<blockquote class="edition-evidence" markdown="span">{ctx.quoted(note.quote, note.quote_en)}</blockquote>\n'
        f"</div>\n"
        f'<div class="edition-compare__original" markdown="block">\n'
        f'<p class="edition-compare__label">{WORDS["original"][lang]}</p>\n'
        f'<p markdown="span">{linked_refs(ctx, note.original(lang))}</p>\n'
        f"{_english(ctx, note)}\n"
        f"</div>\n</div>\n\n"
        f'<p markdown="span"><strong>{WORDS["comment"][lang]}:</strong> {linked_refs(ctx, note.comment(lang))}</p>\n\n'
        f'<p class="edition-sources" markdown="span">{WORDS["sources"][lang]}: {sources}</p>\n\n'
        f"</article>\n"
    )


def _english(ctx: Context, note: Note) -> str:
    """The original's exact words, from the stored copy named, or a plain statement that none has them."""
    words = note.english
    ar = ctx.lang == "ar"
    if not words.stored or words.quote is None or words.source is None:
        text = (
            "هذا الموضع من الأصل ليس في أي نسخة محفوظة، فلا نقتبس كلماته."
            if ar
            else "This passage of the original is not in any stored copy, so its words are not quoted."
        )
        return f'<p class="edition-english edition-english--unstored" markdown="span">{text}</p>'
    label = "كلمات الأصل في نسخة محفوظة" if ar else "The original's words, from a stored copy"
    return (
        f'<p class="edition-english" markdown="span"><strong>{label}</strong> ({ctx.source_link(words.source)}): '
        f'<q lang="en" dir="ltr">{md_text(words.quote)}</q></p>'
    )
