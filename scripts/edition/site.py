"""The whole generated part of one edition: the registers, article, timeline and claims from
pages.py, plus the home page and the parallel reading page."""

from __future__ import annotations

from . import paths
from .context import Context, page_head
from .corrections import PAGE as CORRECTIONS
from .corrections import render_corrections
from .datapage import render_data_page
from .escape import md_text
from .labels import t
from .load import Dataset
from .model import Lang
from .notes import render_notes
from .pages import event_sort_key, event_when, render_pages
from .readings import render_summary as render_readings
from .relations import render_relations
from .report import PAGE as REPORT
from .report import render_report
from .sources_page import PAGE as SOURCES
from .sources_page import render_sources
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


def render_home(ctx: Context) -> str:
    lang = ctx.lang
    article = ctx.article
    title = article.record.title(lang)
    key_points = []
    for ev in sorted(article.events, key=event_sort_key):
        key_points.append(
            f"- **{md_text(event_when(ev, lang, ctx.data))}** — "
            f"[{md_text(ev.label(lang))}]({ctx.link(paths.TIMELINE + '#' + ev.id)})"
        )
    registers = []
    for etype in paths.TYPE_DIRS:
        entities = ctx.data.of_type(etype)
        links = join_list((ctx.entity_link(e.id) for e in entities), lang)
        registers.append(f"- [{t(etype, lang)}]({ctx.link(paths.type_index(etype))}) ({len(entities)}): {links}")
    other: Lang = "en" if lang == "ar" else "ar"
    other_link = ctx.other(paths.HOME, other)
    return "\n".join(
        [
            page_head(t("home", lang), heading=title),
            "",
            HOME_INTRO[lang],
            "",
            f'<p><a href="{other_link}" hreflang="{other}" lang="{other}">{t("other_edition", lang)}</a></p>',
            "",
            f"[{t('article', lang)}]({ctx.link(paths.ARTICLE)}){{ .md-button .md-button--primary }} "
            f"[{t('parallel', lang)}]({ctx.link(paths.PARALLEL)}){{ .md-button }} "
            f"[{t('timeline', lang)}]({ctx.link(paths.TIMELINE)}){{ .md-button }}",
            "",
            f"## {'النقاط الرئيسية' if lang == 'ar' else 'Key points'} {{#key-points}}",
            "",
            *key_points,
            "",
            f"## {'كيف تقرأ هذه النسخة' if lang == 'ar' else 'How to read this edition'} {{#how-to-read}}",
            "",
            *(f"- {line}" for line in HOW_TO_READ[lang]),
            "",
            f"## {'السجل' if lang == 'ar' else 'Register'} {{#register}}",
            "",
            *registers,
            "",
            f"## {'صفحات أخرى' if lang == 'ar' else 'More'} {{#more}}",
            "",
            f"- [{t('claims', lang)}]({ctx.link(paths.CLAIMS)})",
            f"- [{'ملاحظات التحرير' if lang == 'ar' else 'Editorial notes'}]({ctx.link(paths.NOTES)})",
            f"- [{'شبكة العلاقات' if lang == 'ar' else 'Relations'}]({ctx.link(paths.RELATIONS)})",
            f"- [{'البيانات' if lang == 'ar' else 'Data'}]({ctx.link(paths.DATA)})",
            f"- [{t('about', lang)}]({ctx.link(paths.ABOUT)})",
            "",
        ]
    )


def render_parallel(ctx: Context) -> str:
    """Arabic and English paragraph by paragraph; each pair links to its anchors in both editions."""
    lang = ctx.lang
    article = ctx.article

    def pid_link(pid: str, edition: Lang) -> str:
        """This edition's paragraph as a checked Markdown link; the other edition's as a plain URL."""
        target = f"{paths.ARTICLE}#{pid}"
        if edition == lang:
            return f"[{pid}]({ctx.link(target)})"
        return f'<a href="{ctx.other(target, edition)}" hreflang="{edition}">{pid}</a>'

    rows = []
    for pid, para in article.paragraphs.items():
        ar_text = md_text(para.text)
        en_text = md_text(article.translation.paragraphs[pid])
        if para.kind in ("heading", "box-heading"):
            ar_text, en_text = f"**{ar_text}**", f"**{en_text}**"
        ar_link, en_link = pid_link(pid, "ar"), pid_link(pid, "en")
        rows.append(
            f'<div id="{pid}-ar" lang="ar" dir="rtl" data-para="{pid}" markdown="span">'
            f'<span class="edition-pid">{ar_link}</span> {ar_text}</div>\n'
            f'<div id="{pid}-en" lang="en" dir="ltr" data-para="{pid}" markdown="span">'
            f'<span class="edition-pid">{en_link}</span> {en_text}</div>'
        )
    intro = (
        "النص العربي كما ورد، وإلى جانبه ترجمة هذه النسخة الإنجليزية، فقرة بفقرة."
        if lang == "ar"
        else "The Arabic text as received, beside this edition's English translation, paragraph by paragraph."
    )
    return (
        f"{page_head(t('parallel', lang))}\n{intro}\n\n"
        f'<div class="edition-parallel" markdown="block">\n' + "\n".join(rows) + "\n</div>\n"
    )


def render_site(data: Dataset, lang: Lang, directory_urls: bool = True) -> dict[str, str]:
    """Every generated page of one edition, keyed by source path."""
    pages = render_pages(data, lang, directory_urls)

    def ctx(page: str) -> Context:
        return Context(data, lang, page, directory_urls)

    pages[paths.HOME] = render_home(ctx(paths.HOME))
    pages[paths.PARALLEL] = render_parallel(ctx(paths.PARALLEL))
    pages[paths.NOTES] = render_notes(ctx(paths.NOTES)) + render_readings(ctx(paths.NOTES))
    pages[paths.RELATIONS] = render_relations(ctx(paths.RELATIONS))
    pages[paths.DATA] = render_data_page(ctx(paths.DATA))
    pages[SOURCES] = render_sources(ctx(SOURCES))
    pages[CORRECTIONS] = render_corrections(ctx(CORRECTIONS))
    pages[REPORT] = render_report(ctx(REPORT))
    return pages
