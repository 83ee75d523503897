"""Editorial notes: where the Arabic adaptation departs from the English original.

Each note quotes the Arabic (linked to its paragraph), paraphrases the original with its sources,
and says how sure we are. The article page shows a marker at every paragraph that has a note.
"""

from __future__ import annotations

from collections import Counter

from . import paths
from .context import Context, page_head
from .escape import html_attr, md_text
from .labels import t
from .load import Dataset
from .model import Lang, Note
from .typography import guillemets


def numbered(data: Dataset) -> list[tuple[int, Note]]:
    """Notes in text order, numbered from 1: the numbers shown at the markers and on the notes page."""
    order = list(data.article.paragraphs)
    notes = sorted(data.article.notes, key=lambda n: order.index(n.para))
    return list(enumerate(notes, start=1))


def notes_by_para(data: Dataset) -> dict[str, list[tuple[int, Note]]]:
    out: dict[str, list[tuple[int, Note]]] = {}
    for number, note in numbered(data):
        out.setdefault(note.para, []).append((number, note))
    return out


def marker(notes: list[tuple[int, Note]], lang: Lang, page: str, directory_urls: bool = True) -> str:
    """HTML for the note markers at the end of a paragraph (excluded from the verbatim text)."""
    links = []
    for number, note in notes:
        href = paths.raw_link(f"{paths.NOTES}#{note.id}", page, directory_urls)
        title = html_attr(f"{t('note', lang)} {number}: {note.title(lang)}")
        links.append(f'<a href="{href}" title="{title}" aria-label="{title}">{number}</a>')
    return f' <sup class="edition-note-marker">{t("note", lang)} {" ".join(links)}</sup>'


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
    counts = Counter(n.type for n in notes)
    summary = " · ".join(f"{t('note.' + k, lang)}: {v}" for k, v in sorted(counts.items()))
    out = [page_head(title), intro, "", f"**{len(notes)}** — {summary}\n"]
    for number, note in numbered(data):
        out.append(_note(ctx, number, note, lang))
    return "\n".join(out)


def _note(ctx: Context, number: int, note: Note, lang: Lang) -> str:
    para_link = ctx.para_link(note.para)
    sources = " · ".join(ctx.source_link(s) for s in note.sources)
    kind, checked = t("note." + note.type, lang), t("note." + note.certainty, lang)
    original_label = "ما يقوله الأصل (بتصرف)" if lang == "ar" else "What the original says (paraphrased)"
    comment_label = "تعليق المحررين" if lang == "ar" else "Editors' comment"
    source_label = "المصادر" if lang == "ar" else "Sources"
    return (
        f'<article class="edition-note" id="{note.id}" markdown="block">\n\n'
        f"## {number}\\. {md_text(note.title(lang))} {{#{note.id}-title}}\n\n"
        f'<p class="edition-note-meta" markdown="span"><span class="edition-badge">{kind}</span> '
        f"{checked} · [{note.para}]({para_link})</p>\n\n"
        f'<blockquote class="edition-evidence" markdown="span">'
        f'<span lang="ar" dir="rtl">{md_text(guillemets(note.quote))}</span> — '
        f"[{note.para}]({para_link})</blockquote>\n\n"
        f"**{original_label}:** {md_text(note.original(lang))}\n\n"
        f"{_english(ctx, note)}\n\n"
        f"**{comment_label}:** {md_text(note.comment(lang))}\n\n"
        f'<p class="edition-sources" markdown="span">{source_label}: {sources}</p>\n\n'
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
