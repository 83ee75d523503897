"""The timeline: the article's events and the external context on one dated line, grouped by day,
then the same as a compact table. Rendered at build time as HTML/CSS (no JavaScript, prints well).

Article events show their quote and paragraph; context events are marked external and cite
their sources. Where an editorial note says the English original dates an event differently,
the event shows both versions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import paths
from .context import Context, page_head
from .escape import md_cell, md_text
from .labels import t
from .load import Dataset
from .model import ContextEvent, Event, Lang, Note, TimeOfDay
from .typography import join_list

AR_MONTHS = [
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
]  # fmt: skip
AR_DAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
TOD_ORDER: dict[TimeOfDay | None, int] = {
    None: 0, "morning": 1, "noon": 2, "afternoon": 3, "evening": 4, "night": 5,
}  # fmt: skip


def format_date(day: dt.date, lang: Lang, weekday: bool = True) -> str:
    if lang == "ar":
        text = f"{day.day} {AR_MONTHS[day.month - 1]} {day.year}"
        return f"{AR_DAYS[day.weekday()]} {text}" if weekday else text
    text = f"{day.day} {day:%B} {day.year}"
    return f"{day:%A} {text}" if weekday else text


def when_text(date: dt.date, date_end: dt.date | None, tod: TimeOfDay | None, precision: str, lang: Lang) -> str:
    """A date as the timeline states it: range, part of day, or an upper bound."""
    if precision == "range" and date_end and date.day == 1 and date_end.month == date.month:
        text = f"{AR_MONTHS[date.month - 1]} {date.year}" if lang == "ar" else f"{date:%B %Y}"
    else:
        text = format_date(date, lang)
        if date_end:
            text += " – " + format_date(date_end, lang)
    if precision == "before":
        text = ("قبل " if lang == "ar" else "Before ") + text
    if tod:
        text += " · " + t(f"tod.{tod}", lang)
    return text


def article_when(ev: Event, data: Dataset, lang: Lang) -> str:
    """An article event's date as stated; one the article dates only against an outside event
    (relative_to) reads "Before <that event> (<its month>)", since its own date is not known."""
    if ev.relative_to is None:
        return when_text(ev.date, ev.date_end, ev.time_of_day, ev.precision, lang)
    anchor = next(cx for cx in data.context if cx.id == ev.relative_to)
    if lang == "ar":
        return f"قبل {anchor.label(lang)} ({AR_MONTHS[anchor.date.month - 1]} {anchor.date.year})"
    return f"Before {anchor.label(lang)} ({anchor.date:%B %Y})"


def sort_key(date: dt.date, tod: TimeOfDay | None, precision: str) -> tuple[dt.date, int, int]:
    return (date, -1 if precision == "before" else 0, TOD_ORDER[tod])


@dataclass
class Item:
    """One line of the timeline, from the article or from outside it."""

    id: str
    external: bool
    date: dt.date
    date_end: dt.date | None
    time_of_day: TimeOfDay | None
    precision: str
    label: str
    summary: str
    actors: list[str]
    platforms: list[str]
    places: list[str]
    event: Event | None = None
    context: ContextEvent | None = None
    alternatives: list[tuple[Note, dt.date, TimeOfDay | None]] = field(default_factory=list)

    @property
    def key(self) -> tuple[dt.date, int, int]:
        return sort_key(self.date, self.time_of_day, self.precision)


def items(data: Dataset, lang: Lang) -> list[Item]:
    """Every article event and context event, in chronological order."""
    article = data.article
    out: list[Item] = []
    for ev in article.events:
        alternatives = [
            (note, alt.date, alt.time_of_day)
            for note in article.notes
            for alt in note.alternatives
            if alt.event == ev.id
        ]
        out.append(
            Item(
                ev.id, False, ev.date, ev.date_end, ev.time_of_day, ev.precision, ev.label(lang),
                ev.summary(lang), ev.actors, ev.platforms, ev.places, event=ev, alternatives=alternatives,
            )
        )  # fmt: skip
    for cx in data.context:
        out.append(
            Item(
                cx.id, True, cx.date, cx.date_end, cx.time_of_day, cx.precision, cx.label(lang),
                cx.summary(lang), cx.actors, cx.platforms, cx.places, context=cx,
            )
        )  # fmt: skip
    return sorted(out, key=lambda i: i.key)


def day_of(item: Item) -> str:
    return item.date.isoformat()


def render_timeline(ctx: Context) -> str:
    data: Dataset = ctx.data
    lang: Lang = ctx.lang
    all_items = items(data, lang)
    out = [
        page_head(t("timeline", lang)),
        _intro(lang),
        _disambiguation(ctx, lang),
        '<div class="edition-timeline" markdown="block">\n',
    ]
    current = None
    for item in all_items:
        if day_of(item) != current:
            if current is not None:
                out.append("</section>\n")
            current = day_of(item)
            heading = format_date(item.date, lang)
            out.append(f'<section class="edition-day" markdown="block">\n\n## {heading} {{#day-{current}}}\n')
        out.append(_item(ctx, item, lang))
    if current is not None:
        out.append("</section>\n")
    out.append("</div>\n")
    out.append(_table(ctx, all_items, lang))
    return "\n".join(out)


def _intro(lang: Lang) -> str:
    if lang == "ar":
        return (
            "الأحداث التي يرويها المقال بتواريخها التقويمية، مشتقة من تعابيره النسبية («الجمعة الماضي»، "
            "«ظهيرة السبت»)، ومعها أحداث من خارج المقال يحتاجها القارئ، موسومة «خارجي» ومحاطة بإطار متقطع. "
            "لكل حدث أساس تاريخه ودرجة دقته ودرجة اليقين فيه.\n"
        )
    return (
        'The events the article reports, with calendar dates derived from its relative days ("last '
        'Friday", "Saturday noon"), and the events from outside the article a reader needs, marked '
        "“External” and drawn with a dashed border. Each event gives the basis of its date, its "
        "precision and its certainty.\n"
    )


def _disambiguation(ctx: Context, lang: Lang) -> str:
    link = ctx.link(f"{paths.TIMELINE}#london-bridge-attack-2017")
    if lang == "ar":
        title = "أي هجوم؟"
        body = (
            "الهجوم المقصود هو هجوم قاعة فيشمونغرز عند الطرف الشمالي لجسر لندن، يوم الجمعة 29 نوفمبر 2019، "
            f"وليس هجوم جسر لندن وسوق بورو يوم السبت 3 يونيو 2017 ([انظر أدناه]({link}))."
        )
    else:
        title = "Which attack?"
        body = (
            "The attack is the one at Fishmongers' Hall, at the north end of London Bridge, on Friday "
            "29 November 2019, not the London Bridge and Borough Market attack of Saturday 3 June 2017 "
            f"([see below]({link}))."
        )
    return f'!!! note "{title}"\n\n    {body}\n'


def _links(ctx: Context, ids: list[str]) -> str:
    return join_list((ctx.entity_link(i) for i in ids), ctx.lang) or "—"


def _item(ctx: Context, item: Item, lang: Lang) -> str:
    data: Dataset = ctx.data
    when = md_text(
        article_when(item.event, data, lang)
        if item.event is not None
        else when_text(item.date, item.date_end, item.time_of_day, item.precision, lang)
    )
    facts = [
        (t("actors", lang), _links(ctx, item.actors)),
        (t("platforms", lang), _links(ctx, item.platforms)),
        (t("places", lang), _links(ctx, item.places)),
    ]
    classes = "edition-event"
    badge = ""
    body: list[str] = []
    if item.event is not None:
        ev = item.event
        basis = data.date_bases[ev.date_basis]
        as_stated = f'{t("when.as_stated", lang)}: <span lang="ar" dir="rtl">«{md_text(ev.when.quote)}»</span>' + (
            "" if lang == "ar" else f" ({md_text(ev.when.en)})"
        )
        facts.append((t("date.basis", lang), f"{md_text(basis.label(lang))}: {md_text(basis.explanation(lang))}"))
        facts.append(
            (
                f"{t('precision', lang)} · {t('certainty', lang)}",
                f"{t('precision.' + ev.precision, lang)} · {t('certainty.' + ev.certainty, lang)}",
            )
        )
        for note, date, tod in item.alternatives:
            other = when_text(date, None, tod, "day", lang)
            label = "في الأصل الإنجليزي" if lang == "ar" else "In the English original"
            href = ctx.link(f"{paths.NOTES}#{note.id}")
            facts.append((label, f"{other} ([{md_text(note.title(lang))}]({href}))"))
        body.append("".join(ctx.evidence(e) for e in ev.evidence))
        when_line = f'<p class="edition-when" markdown="span"><strong>{when}</strong> · {as_stated}</p>'
    else:
        cx = item.context
        assert cx is not None
        classes += " edition-external-event"
        badge = f'<span class="edition-badge">{t("external.badge", lang)}</span> '
        sources = " · ".join(ctx.source_link(s) for s in cx.sources)
        facts.append((t("source", lang), sources))
        if cx.relates_to:
            related = join_list((f"[{md_text(_event_label(data, r, lang))}](#{r})" for r in cx.relates_to), lang)
            facts.append(("يتصل بـ" if lang == "ar" else "Relates to", related))
        when_line = f'<p class="edition-when" markdown="span"><strong>{when}</strong></p>'
    dl = "\n".join(f'<dt>{k}</dt>\n<dd markdown="span">{v}</dd>' for k, v in facts)
    # The badge stands before the heading, so the heading (and the table of contents) is the label alone.
    return (
        f'<article class="{classes}" id="{item.id}" markdown="block">\n\n'
        + (f'<p class="edition-event-badge">{badge.strip()}</p>\n\n' if badge else "")
        + f"### {md_text(item.label)} {{#{item.id}-title}}\n\n"
        f"{when_line}\n\n{md_text(item.summary)}\n\n"
        f'<dl class="edition-facts" markdown="block">\n{dl}\n</dl>\n\n' + "".join(body) + "\n</article>\n"
    )


def _event_label(data: Dataset, event_id: str, lang: Lang) -> str:
    for ev in data.article.events:
        if ev.id == event_id:
            return ev.label(lang)
    raise KeyError(event_id)


def _table(ctx: Context, all_items: list[Item], lang: Lang) -> str:
    head = ("التاريخ", "الحدث", "المصدر") if lang == "ar" else ("Date", "Event", "Source")
    rows = []
    for item in all_items:
        when = (
            article_when(item.event, ctx.data, lang)
            if item.event is not None
            else when_text(item.date, item.date_end, item.time_of_day, item.precision, lang)
        )
        if item.event is not None:
            paras = join_list((f"[{e.para}]({ctx.para_link(e.para)})" for e in item.event.evidence), lang)
            source = f"{t('in_text', lang)}: {paras}"
        else:
            source = t("external.badge", lang)
        rows.append(f"| {md_cell(when)} | [{md_cell(item.label)}](#{item.id}) | {source} |")
    title = "جدول مختصر" if lang == "ar" else "Compact table"
    return (
        f"## {title} {{#table}}\n\n| {head[0]} | {head[1]} | {head[2]} |\n| --- | --- | --- |\n"
        + "\n".join(rows)
        + "\n"
    )
