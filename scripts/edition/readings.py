"""The editors' second reading of every paragraph (readings.yaml): a small label beside each
paragraph id on the article page, and on the Notes page how much of the text was checked and how.

Three levels, because a reader weighs a note by what it could be compared with: the passage is in
a stored copy of the English original; only reports by others cover it; or nothing stored does.
"""

from __future__ import annotations

from collections import Counter

from . import paths
from .context import Context
from .escape import html_attr, html_text, md_cell, md_text
from .load import Article, Dataset
from .model import Lang, Reading, ReadingBasis

# The Notes page's anchor for each paragraph's reading: reading-p1 … (integrity reserves "reading-").
ANCHOR = "reading-"

LABELS: dict[ReadingBasis, dict[Lang, str]] = {
    "original": {"ar": "قوبلت بالأصل", "en": "Checked against the original"},
    "secondary": {"ar": "بتقارير ثانوية فقط", "en": "Secondary reports only"},
    "none": {"ar": "لا يمكن التحقق منها", "en": "Not checkable"},
}
# What the short label means, for its tooltip and the Notes page.
MEANINGS: dict[ReadingBasis, dict[Lang, str]] = {
    "original": {
        "ar": "قُرئت الفقرة مقابل نسخة محفوظة من التقرير الإنجليزي الأصلي",
        "en": "Read against a stored copy of the English original",
    },
    "secondary": {
        "ar": "لا تحفظ أي نسخة هذا الجزء من الأصل؛ قُرئت الفقرة مقابل تقارير أخرى فقط",
        "en": "No stored copy holds this part of the original; read against other reports only",
    },
    "none": {
        "ar": "لا شيء محفوظ يغطي الموضع، لا نسخة من الأصل ولا تقرير",
        "en": "Nothing stored covers the passage, neither a copy of the original nor any report",
    },
}
RESULTS: dict[str, dict[Lang, str]] = {
    "notes": {"ar": "ملاحظات", "en": "Notes"},
    "no_divergence": {"ar": "لا اختلاف", "en": "No divergence found"},
    "unchecked": {"ar": "لم يُتحقق منها", "en": "Not checked"},
}
ORDER: tuple[ReadingBasis, ...] = ("original", "secondary", "none")


def by_para(article: Article) -> dict[str, Reading]:
    return {reading.para: reading for reading in article.readings}


def badge(reading: Reading, lang: Lang, page: str, directory_urls: bool = True) -> str:
    """Raw HTML for the label beside a paragraph id: a link to the reading on the Notes page."""
    href = paths.raw_link(f"{paths.NOTES}#{ANCHOR}{reading.para}", page, directory_urls)
    tip = f"{MEANINGS[reading.against][lang]} ({reading.para})"
    return (
        f'<a class="edition-reading" data-reading="{reading.against}" href="{html_attr(href)}" '
        f'title="{html_attr(tip)}">{html_text(LABELS[reading.against][lang])}</a>'
    )


def coverage(article: Article) -> dict[ReadingBasis, tuple[int, int]]:
    """Per level: number of paragraphs and number of characters of the Arabic text."""
    paras: Counter[ReadingBasis] = Counter()
    chars: Counter[ReadingBasis] = Counter()
    for reading in article.readings:
        paras[reading.against] += 1
        chars[reading.against] += len(article.paragraphs[reading.para].text)
    return {basis: (paras[basis], chars[basis]) for basis in ORDER}


def render_summary(ctx: Context) -> str:
    """The Notes page's section on the second reading: the figures, then one row per paragraph."""
    data: Dataset = ctx.data
    lang: Lang = ctx.lang
    article = data.article
    if not article.readings:
        return ""
    total = sum(len(p.text) for p in article.paragraphs.values())
    figures = []
    for basis, (count, chars) in coverage(article).items():
        share = round(100 * chars / total) if total else 0
        if lang == "ar":
            figures.append(
                f"- **{LABELS[basis][lang]}**: {count} فقرة، نحو {share}٪ من حروف النص. {MEANINGS[basis][lang]}."
            )
        else:
            figures.append(
                f"- **{LABELS[basis][lang]}**: {count} paragraphs, about {share}% of the text's characters. "
                f"{MEANINGS[basis][lang]}."
            )
    if lang == "ar":
        heading, intro = (
            "القراءة الثانية",
            "قرأ المحررون كل فقرة قراءة ثانية بقائمة واحدة: تعابير الزمن (الأيام النسبية، وأجزاء اليوم، "
            "وكلمات مثل «الماضي»)، والإسناد (من قال أو رأى أو وجد أو فعل ماذا، وسرد الكاتب في مقابل الاقتباس)، "
            "والأعداد والمقادير، وألفاظ الترجيح واليقين، وما أضيف أو حُذف من كلمات، والأسماء والألقاب والأدوار. "
            "ويظهر بجانب كل فقرة في صفحة المقال ما قوبلت به.",
        )
        head = ("الفقرة", "قوبلت بـ", "النتيجة", "الملاحظات", "ملحوظة")
    else:
        heading, intro = (
            "The second reading",
            "The editors read every paragraph a second time with one checklist: time expressions (relative "
            'days, parts of the day, words such as "last"), attribution (who said, saw, found or did what; '
            "the narrator's words against a quotation), numbers and quantifiers, hedges and certainty, words "
            "added or dropped, and names, titles and roles. The article page shows beside each paragraph what "
            "it was checked against.",
        )
        head = ("Paragraph", "Checked against", "Result", "Notes", "Remark")
    from .notes import numbered  # notes.py imports the article renderer, which imports this module

    numbers = {note.id: number for number, note in numbered(data)}
    rows = []
    readings = by_para(article)
    for pid in article.paragraphs:
        reading = readings[pid]
        notes = ", ".join(f"[{numbers[n]}]({ctx.link(f'{paths.NOTES}#{n}')})" for n in reading.notes) or "—"
        remark = md_cell(reading.remark(lang)) if reading.remark else ""
        rows.append(
            f'| <span id="{ANCHOR}{pid}"></span>[{pid}]({ctx.para_link(pid)}) '
            f"| {md_cell(LABELS[reading.against][lang])} | {md_cell(RESULTS[reading.result][lang])} "
            f"| {notes} | {remark} |"
        )
    return "\n".join(
        [
            "",
            f"## {md_text(heading)} {{#second-reading}}",
            "",
            intro,
            "",
            *figures,
            "",
            f"| {' | '.join(head)} |",
            "| --- | --- | --- | --- | --- |",
            *rows,
            "",
        ]
    )
