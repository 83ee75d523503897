"""The whole generated part of one edition: the registers, article, timeline and claims from
pages.py, plus the home page and the parallel reading page."""

from __future__ import annotations

from collections import Counter

from . import escape, paths
from .article import PLAIN_KINDS, paragraph_body
from .context import Context, page_head
from .corrections import PAGE as CORRECTIONS
from .corrections import render_corrections
from .datapage import render_data_page
from .escape import html_attr, md_text
from .labels import PAGE_TITLES, t
from .load import Dataset, Paragraph
from .model import Lang
from .notes import NOTE_TYPES, endnotes, marker, notes_by_para, render_notes
from .pages import event_sort_key, event_when, render_pages
from .readings import render_summary as render_readings
from .relations import render_relations
from .report import PAGE as REPORT
from .report import render_report
from .sources_page import PAGE as SOURCES
from .sources_page import render_sources
from .timeline import format_date
from .typography import join_list

HOME_INTRO: dict[Lang, str] = {
    "ar": (
        "هذه نسخة مرجعية لمقال عربي عن هجرة مجموعات الدردشة الداعمة لداعش من تطبيق تيليجرام إلى "
        "التطبيق الروسي TamTam بعد الهجوم قرب جسر لندن في نوفمبر 2019. ينشر الموقع النص كما ورد "
        "حرفيًا، ويربط كل ذكر لشخص أو منظمة أو منصة أو مكان بصفحة في السجل، ويسند كل معلومة "
        "إلى فقرتها باقتباس دقيق. ما يأتي من خارج المقال موسوم بأنه خارجي ومعه مصدره."
    ),
    "en": (
        "This is a reference edition of an Arabic article on how ISIS-supporting chat groups moved "
        "from Telegram to the Russian app TamTam after the attack near London Bridge in November "
        "2019. It publishes the Arabic text verbatim with an English translation, links every "
        "mention of a person, organisation, platform or place to a register page, and ties every "
        "fact to its paragraph with an exact quote. Anything from outside the article is marked "
        "external and cites its source."
    ),
}

HOW_TO_READ: dict[Lang, list[str]] = {
    "ar": [
        "كل فقرة لها معرّف ثابت (p1 … p19) ورابط دائم، مثل `article/#p4`.",
        "الكلمات المسطّرة في النص روابط إلى صفحات السجل.",
        "الاقتباسات بين «» منقولة حرفيًا من الفقرة المشار إليها.",
        "ما وُسم «خارجي» مصدره خارج المقال، ومعه رابط المصدر.",
        "البحث يقبل الكتابة بهمزة أو بدونها، وبالتاء المربوطة أو الهاء، وبالحروف اللاتينية.",
    ],
    "en": [
        "Every paragraph has a stable id (p1 … p19) and a permanent link, such as `article/#p4`.",
        "Underlined names in the text (Arabic and English) link to register pages.",
        "Quotes in «» are copied exactly from the paragraph they cite.",
        "Anything marked “External” comes from outside the article, with a link to its source.",
        "Search accepts Arabic with or without hamza or diacritics, and Latin-script names.",
    ],
}


# Interface words of the home page; every name, date and count in it comes from the data.
HOME_WORDS: dict[str, dict[Lang, str]] = {
    "source": {"ar": "المصدر", "en": "The source"},
    "article_by": {"ar": "مقال في", "en": "An article in"},
    "adapting": {"ar": "يقتبس بتصرف تقرير", "en": "adapting the report by"},
    "in": {"ar": "في", "en": "in"},
    "published": {"ar": "نُشر المقال العربي", "en": "The Arabic appeared"},
    "page": {"ar": "صفحته على موقع", "en": "Its page on the website of"},
    "findings": {"ar": "أبرز ما في هذه النسخة", "en": "Key findings"},
    "ways_in": {"ar": "طرق القراءة", "en": "Ways in"},
}


def _source_card(ctx: Context) -> str:
    """Who published the article, which report it adapts, by whom and when (the data record)."""
    lang = ctx.lang
    rec = ctx.article.record
    based = rec.based_on
    dates = []
    for d in rec.dates:
        if d.value:
            dates.append(f"{format_date(d.value, lang)} ({t('status.' + d.status, lang)})")
        elif d.not_before:
            day = format_date(d.not_before, lang, weekday=False)
            dates.append(f"{t('not_before', lang)} {day} ({t('status.' + d.status, lang)})")
    title = f'<span lang="ar" dir="rtl">«{md_text(rec.title.ar)}»</span>'
    if lang == "en":
        title += f" ({md_text(rec.title.en)})"
    original = f'<span lang="en" dir="ltr">“{md_text(based.title)}”</span>'
    outlet = ctx.data.entities[rec.outlet].name(lang)
    comma = "، " if lang == "ar" else ", "
    return (
        f'<div class="edition-source-card" markdown="block">\n'
        f'<p markdown="span"><strong>{HOME_WORDS["source"][lang]}:</strong> {title} — '
        f"{HOME_WORDS['article_by'][lang]} {ctx.entity_link(rec.outlet)}{comma}{HOME_WORDS['adapting'][lang]} "
        f"{ctx.entity_link(based.author)} {HOME_WORDS['in'][lang]} {ctx.entity_link(based.publisher)}{comma}"
        f"{original}{comma}{format_date(based.date, lang, weekday=False)}. {md_text(based.relation(lang))}.</p>\n"
        f'<p markdown="span">{HOME_WORDS["published"][lang]}: {"; ".join(dates)}. '
        f'{HOME_WORDS["page"][lang]} <a href="{html_attr(str(rec.url))}" rel="external noopener">{md_text(outlet)}</a>.'
        "</p>\n"
        f"</div>\n"
    )


def _findings(ctx: Context) -> list[str]:
    """Three to five findings, each a count or a span from the data with a link to the page
    that shows it: the story's span, how the Arabic departs from the English, who speaks."""
    lang = ctx.lang
    article = ctx.article
    data = ctx.data
    events = sorted(article.events, key=event_sort_key)
    first, last = events[0], events[-1]
    timeline = ctx.link(paths.TIMELINE)
    out = []
    since, until = md_text(event_when(first, lang, data)), md_text(event_when(last, lang, data))
    if lang == "ar":
        out.append(
            f"يروي المقال {len(events)} حدثًا، من «{md_text(first.label.ar)}» ({since}) "
            f"إلى «{md_text(last.label.ar)}» ({until}): [التسلسل الزمني]({timeline})."
        )
    else:
        out.append(
            f"The article reports {len(events)} events, from “{md_text(first.label.en)}” ({since}) "
            f"to “{md_text(last.label.en)}” ({until}): [timeline]({timeline})."
        )
    notes = article.notes
    types: Counter[str] = Counter(n.type for n in notes)
    by_type = []
    for kind, count in sorted(types.items(), key=lambda kv: (-kv[1], NOTE_TYPES.index(kv[0]))):
        first_note = next(n for n in notes if n.type == kind)
        label = t("note." + kind, lang)
        by_type.append(f"[{label}: {count}]({ctx.link(paths.NOTES + '#' + first_note.id)})")
    notes_link = ctx.link(paths.NOTES)
    if lang == "ar":
        out.append(
            f"النص العربي اقتباس بتصرف لا ترجمة: تسجّل [ملاحظات التحرير]({notes_link}) {len(notes)} موضعًا "
            f"يختلف فيه عن الأصل الإنجليزي — {join_list(by_type, lang)}."
        )
    else:
        out.append(
            f"The Arabic is an adaptation, not a translation: the [editorial notes]({notes_link}) record "
            f"{len(notes)} places where it departs from the English original — {join_list(by_type, lang)}."
        )
    claims = article.claims
    speakers: Counter[str] = Counter(c.speaker for c in claims)
    top, top_count = speakers.most_common(1)[0]
    claims_link = ctx.link(paths.CLAIMS)
    if lang == "ar":
        out.append(
            f"{top_count} من {len(claims)} [أقوال منسوبة]({claims_link}) مصدرها {ctx.entity_link(top)}، "
            f"و{len(speakers)} قائلين في المجموع."
        )
    else:
        out.append(
            f"{top_count} of the {len(claims)} [attributed statements]({claims_link}) come from "
            f"{ctx.entity_link(top)}; {len(speakers)} speakers in all."
        )
    mentions = sum(len(ms) for ms in article.mentions.values())
    if lang == "ar":
        out.append(
            f"{len(data.entities)} شخصًا ومنظمة ومنصة ومكانًا في السجل، و{mentions} إشارة إليها "
            f"في {len(article.paragraphs)} فقرة."
        )
    else:
        out.append(
            f"{len(data.entities)} people, organisations, platforms and places in the register, with {mentions} "
            f"mentions in {len(article.paragraphs)} paragraphs."
        )
    return out


WAYS_IN: list[tuple[str, dict[Lang, str]]] = [
    (paths.ARTICLE, {"ar": "النص كما ورد، بالأسماء والملاحظات في مواضعها", "en": "the text, names and notes in place"}),
    (paths.PARALLEL, {"ar": "العربي والإنجليزي جنبًا إلى جنب", "en": "Arabic and English side by side"}),
    (paths.TIMELINE, {"ar": "الأحداث بتواريخها", "en": "the events, dated"}),
    (paths.CLAIMS, {"ar": "من قال ماذا، وبأي صيغة", "en": "who said what, and how it is attributed"}),
    (paths.NOTES, {"ar": "أين يختلف العربي عن الأصل", "en": "where the Arabic departs from the original"}),
    (paths.RELATIONS, {"ar": "من يرتبط بمن", "en": "who is linked to whom"}),
    (paths.DATA, {"ar": "البيانات للتنزيل", "en": "the data, to download"}),
    (paths.ABOUT, {"ar": "من أعدّ هذه النسخة وكيف", "en": "who made this edition, and how"}),
]


def _ways_in(ctx: Context) -> list[str]:
    """The pages to start from, each with a line saying what it offers (not the register list:
    the navigation already has it)."""
    lang = ctx.lang
    return [f"- [{t(PAGE_TITLES[page], lang)}]({ctx.link(page)}) — {blurb[lang]}" for page, blurb in WAYS_IN]


def render_home(ctx: Context, edition_name: str | None = None) -> str:
    """The edition's own name, the source card, a few findings, then the ways in."""
    lang = ctx.lang
    other: Lang = "en" if lang == "ar" else "ar"
    other_link = ctx.other(paths.HOME, other)
    heading = edition_name or ctx.article.record.title(lang)
    return "\n".join(
        [
            page_head(t("home", lang), heading=heading),
            "",
            HOME_INTRO[lang],
            "",
            _source_card(ctx),
            f'<p><a href="{other_link}" hreflang="{other}" lang="{other}">{t("other_edition", lang)}</a></p>',
            "",
            f"[{t('article', lang)}]({ctx.link(paths.ARTICLE)}){{ .md-button .md-button--primary }} "
            f"[{t('parallel', lang)}]({ctx.link(paths.PARALLEL)}){{ .md-button }} "
            f"[{t('timeline', lang)}]({ctx.link(paths.TIMELINE)}){{ .md-button }}",
            "",
            f"## {HOME_WORDS['findings'][lang]} {{#key-points}}",
            "",
            *(f"- {line}" for line in _findings(ctx)),
            "",
            f"## {HOME_WORDS['ways_in'][lang]} {{#more}}",
            "",
            *_ways_in(ctx),
            "",
            f"## {'كيف تقرأ هذه النسخة' if lang == 'ar' else 'How to read this edition'} {{#how-to-read}}",
            "",
            *(f"- {line}" for line in HOW_TO_READ[lang]),
            "",
        ]
    )


def render_parallel(ctx: Context) -> str:
    """Arabic and English paragraph by paragraph at full width (both sidebars hidden); each pair
    links to its anchors in both editions. Mentions are linked with their cards in both texts,
    and note markers (in this edition's text) open the same popovers as on the article page."""
    lang = ctx.lang
    article = ctx.article
    notes = notes_by_para(ctx.data)

    def pid_link(pid: str, edition: Lang) -> str:
        """This edition's paragraph as a checked Markdown link; the other edition's as a plain URL."""
        target = f"{paths.ARTICLE}#{pid}"
        if edition == lang:
            return f"[{pid}]({ctx.link(target)})"
        return f'<a href="{ctx.other(target, edition)}" hreflang="{edition}">{pid}</a>'

    def text(para: Paragraph, edition: Lang) -> str:
        body = paragraph_body(
            ctx.data, article, para, edition, ctx.page, ctx.directory_urls, id_prefix=f"{edition}-", card_lang=lang
        )
        if para.kind in PLAIN_KINDS:
            body = f"**{body}**"
        if edition == lang and para.id in notes:
            body += marker(notes[para.id], lang, ctx.page, ctx.directory_urls)
        return body

    rows = []
    for pid, para in article.paragraphs.items():
        ar_link, en_link = pid_link(pid, "ar"), pid_link(pid, "en")
        rows.append(
            f'<div id="{pid}-ar" lang="ar" dir="rtl" data-para="{pid}" markdown="span">'
            f'<span class="edition-pid">{ar_link}</span> {text(para, "ar")}</div>\n'
            f'<div id="{pid}-en" lang="en" dir="ltr" data-para="{pid}" markdown="span">'
            f'<span class="edition-pid">{en_link}</span> {text(para, "en")}</div>'
        )
    intro = (
        "النص العربي كما ورد، وإلى جانبه ترجمة هذه النسخة الإنجليزية، فقرة بفقرة."
        if lang == "ar"
        else "The Arabic text as received, beside this edition's English translation, paragraph by paragraph."
    )
    title = t("parallel", lang)
    # Full width: Material's front matter `hide` removes both sidebars on this page only.
    meta = {"title": escape.title(title), "hide": ["navigation", "toc"]}
    head = escape.front_matter(meta) + f"\n# {md_text(title)}\n"
    return (
        f"{head}\n{intro}\n\n"
        f'<div class="edition-parallel" markdown="block">\n'
        + "\n".join(rows)
        + "\n</div>\n\n"
        + endnotes(ctx.data, lang, ctx.page, ctx.directory_urls)
    )


def render_site(
    data: Dataset, lang: Lang, directory_urls: bool = True, edition_name: str | None = None
) -> dict[str, str]:
    """Every generated page of one edition, keyed by source path. `edition_name` (the site's
    name in the configuration) is the home page's heading."""
    pages = render_pages(data, lang, directory_urls)

    def ctx(page: str) -> Context:
        return Context(data, lang, page, directory_urls)

    pages[paths.HOME] = render_home(ctx(paths.HOME), edition_name)
    pages[paths.PARALLEL] = render_parallel(ctx(paths.PARALLEL))
    pages[paths.NOTES] = render_notes(ctx(paths.NOTES)) + render_readings(ctx(paths.NOTES))
    pages[paths.RELATIONS] = render_relations(ctx(paths.RELATIONS))
    pages[paths.DATA] = render_data_page(ctx(paths.DATA))
    pages[SOURCES] = render_sources(ctx(SOURCES))
    pages[CORRECTIONS] = render_corrections(ctx(CORRECTIONS))
    pages[REPORT] = render_report(ctx(REPORT))
    return pages
