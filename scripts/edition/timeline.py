"""The timeline: the article's events and the external context on one dated line.

The page is a compact overview, one line per event, grouped under headings at the events' own
precision: a day heading only for events dated to a day (or a part of it), a month heading for an
event known only to its month, a range heading for "Friday and Saturday", and a "Before …" group
for events the data bounds from above. No heading ever claims a day the data does not claim.
Each line is a <details> element: the date, an article/external marker (a word and a shape), the
title; opening it shows the summary, the article's words, the evidence and the sources. It works
without JavaScript; timeline.js adds only the article/external filter and opens an event named in
the URL. The date basis is explained once at the top; events show it only where it differs.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from . import paths
from .context import Context, page_head
from .escape import html_attr, html_text, md_text
from .labels import t
from .load import Dataset
from .model import ContextEvent, Event, Lang, Note, TimeOfDay
from .typography import AR_MONTHS, LIST_SEPARATOR, join_list

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


def format_month(day: dt.date, lang: Lang) -> str:
    return f"{AR_MONTHS[day.month - 1]} {day.year}" if lang == "ar" else f"{day:%B %Y}"


def whole_month(date: dt.date, date_end: dt.date | None) -> bool:
    """A range from the first to the last day of one month: the data knows the month, not the day."""
    return (
        date_end is not None
        and date.day == 1
        and (date_end.year, date_end.month) == (date.year, date.month)
        and date_end.day == calendar.monthrange(date.year, date.month)[1]
    )


def format_range(date: dt.date, date_end: dt.date, lang: Lang) -> str:
    """Two days as one range ("29–30 November 2019"), naming the month and year once when shared."""
    if (date.year, date.month) == (date_end.year, date_end.month):
        month = AR_MONTHS[date.month - 1] if lang == "ar" else f"{date:%B}"
        return f"{date.day}–{date_end.day} {month} {date.year}"
    if date.year == date_end.year:
        first = f"{date.day} {AR_MONTHS[date.month - 1]}" if lang == "ar" else f"{date.day} {date:%B}"
        return f"{first} – {format_date(date_end, lang, weekday=False)}"
    return f"{format_date(date, lang, weekday=False)} – {format_date(date_end, lang, weekday=False)}"


def when_text(date: dt.date, date_end: dt.date | None, tod: TimeOfDay | None, precision: str, lang: Lang) -> str:
    """A date as the timeline states it, at its own precision: a month, a range, a day and part of
    day, or an upper bound."""
    if precision == "range" and whole_month(date, date_end):
        text = format_month(date, lang)
    elif date_end:
        text = format_date(date, lang) + " – " + format_date(date_end, lang)
    else:
        text = format_date(date, lang)
    if precision == "before":
        text = ("قبل " if lang == "ar" else "Before ") + text
    if tod:
        text += LIST_SEPARATOR[lang] + t(f"tod.{tod}", lang)
    return text


def relative_anchor(ev: Event | None, data: Dataset) -> ContextEvent | None:
    """The context event an article event is dated against ("before ISIS lost its territory"), if
    the data names one (the optional `relative_to` field; integrity.py checks that it resolves)."""
    if ev is None or ev.relative_to is None:
        return None
    return next(cx for cx in data.context if cx.id == ev.relative_to)


def article_when(ev: Event, data: Dataset, lang: Lang) -> str:
    """An article event's date as stated; one the article dates only against an outside event
    reads "Before <that event> (<its month>)": the data knows no day for it."""
    anchor = relative_anchor(ev, data)
    if anchor is None:
        return when_text(ev.date, ev.date_end, ev.time_of_day, ev.precision, lang)
    before = "قبل" if lang == "ar" else "Before"
    return f"{before} {anchor.label(lang)} ({format_month(anchor.date, lang)})"


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
    """Every article event and context event, in the order the timeline shows them."""
    return [item for group in groups(data, lang) for item in group.items]


def _all_items(data: Dataset, lang: Lang) -> list[Item]:
    article = data.article
    out: list[Item] = []
    # Each note's alternative dates, by event: one pass, not every note for every event.
    by_event: dict[str, list[tuple[Note, dt.date, TimeOfDay | None]]] = {}
    for note in article.notes:
        for alt in note.alternatives:
            by_event.setdefault(alt.event, []).append((note, alt.date, alt.time_of_day))
    for ev in article.events:
        alternatives = by_event.get(ev.id, [])
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
    return out


# ---- Groups at the events' own precision ---------------------------------------------------------

# Within one start date: the "before" bound, then the whole month, then the day, then ranges that
# start that day (they run on past it).
KIND_ORDER = {"before": 0, "month": 1, "day": 2, "range": 3}


@dataclass
class Group:
    """A heading of the timeline and the events it covers, all of the same precision."""

    kind: str  # before, month, day, range
    anchor: str  # always "day-…": that id shape is reserved for the timeline (integrity.py)
    heading: str
    order: tuple[dt.date, int, dt.date]
    items: list[Item] = field(default_factory=list)


def group_of(item: Item, data: Dataset, lang: Lang) -> Group:
    """The heading an event belongs under, at exactly the precision its data claims."""
    anchor = relative_anchor(item.event, data)
    if anchor is not None:
        heading = article_when(item.event, data, lang) if item.event else ""
        return Group("before", f"day-before-{anchor.id}", heading, (anchor.date, KIND_ORDER["before"], anchor.date))
    if item.precision == "before":
        heading = ("قبل " if lang == "ar" else "Before ") + format_date(item.date, lang)
        return Group(
            "before", f"day-before-{item.date.isoformat()}", heading, (item.date, KIND_ORDER["before"], item.date)
        )
    if item.precision == "range" and item.date_end is not None:
        if whole_month(item.date, item.date_end):
            anchor_id = f"day-{item.date:%Y-%m}"
            return Group(
                "month", anchor_id, format_month(item.date, lang), (item.date, KIND_ORDER["month"], item.date_end)
            )
        anchor_id = f"day-{item.date.isoformat()}-to-{item.date_end.isoformat()}"
        heading = format_range(item.date, item.date_end, lang)
        return Group("range", anchor_id, heading, (item.date, KIND_ORDER["range"], item.date_end))
    # day and part-of-day (a range without an end is refused by nothing, so treat it as its day)
    return Group(
        "day", f"day-{item.date.isoformat()}", format_date(item.date, lang), (item.date, KIND_ORDER["day"], item.date)
    )


def groups(data: Dataset, lang: Lang) -> list[Group]:
    """The timeline's groups in date order, each with its events in order.

    Within a group, events follow the part of the day; a context event that relates to an article
    event of the same group comes right after it (the attack, then what the sources say of it), so
    an outside account never lands after what followed it.
    """
    by_anchor: dict[str, Group] = {}
    for item in _all_items(data, lang):
        group = group_of(item, data, lang)
        by_anchor.setdefault(group.anchor, group).items.append(item)
    out = sorted(by_anchor.values(), key=lambda g: g.order)
    for group in out:
        ordered = sorted(group.items, key=lambda i: (TOD_ORDER[i.time_of_day], i.external))
        companions = [
            i
            for i in ordered
            if i.context and any(r in {o.id for o in ordered if not o.external} for r in i.context.relates_to)
        ]
        main = [i for i in ordered if i not in companions]
        for comp in companions:
            assert comp.context is not None
            host = max(main.index(o) for o in main if o.id in comp.context.relates_to)
            main.insert(host + 1, comp)
        group.items = main
    return out


# ---- The page -----------------------------------------------------------------------------------


def render_timeline(ctx: Context) -> str:
    data: Dataset = ctx.data
    lang: Lang = ctx.lang
    all_groups = groups(data, lang)
    basis, certainty = _usual(data)
    out = [
        page_head(t("timeline", lang)),
        _intro(data, lang, basis, certainty),
        _disambiguation(ctx, lang),
        _filter(all_groups, lang),
        '<div class="edition-tl" markdown="block">\n',
    ]
    for group in all_groups:
        out.append(
            f'<section class="edition-tl-group edition-tl-{group.kind}" markdown="block">\n\n'
            f"## {md_text(group.heading)} {{#{group.anchor}}}\n\n"
            # A list by role, not <ol>: search shows <p>, <ol>, <ul> and <blockquote> as snippets,
            # and an event's snippet should be its summary and quotes, not every field of it.
            '<div class="edition-tl-list" role="list" markdown="block">\n'
        )
        for item in group.items:
            out.append(_item(ctx, item, basis, certainty))
        out.append("</div>\n</section>\n")
    out.append("</div>\n")
    return "\n".join(out)


def _usual(data: Dataset) -> tuple[str, str]:
    """The date basis and certainty most article events share: explained once, at the top."""
    events = data.article.events
    basis = Counter(ev.date_basis for ev in events).most_common(1)[0][0]
    certainty = Counter(ev.certainty for ev in events).most_common(1)[0][0]
    return basis, certainty


def _intro(data: Dataset, lang: Lang, basis_id: str, certainty: str) -> str:
    basis = data.date_bases[basis_id]
    if lang == "ar":
        return (
            "الأحداث التي يرويها المقال بتواريخها التقويمية، ومعها أحداث من خارج المقال يحتاجها القارئ. "
            "كل سطر حدث واحد: تاريخه بالدقة التي تسمح بها البيانات (يوم، أو شهر، أو نطاق، أو «قبل» تاريخ)، "
            "وعلامته (● المقال أو ◇ خارجي)، وعنوانه؛ افتح السطر لترى التفاصيل والأدلة والمصادر.\n\n"
            f'<p class="edition-tl-basis" markdown="span"><strong>{t("date.basis", lang)}:</strong> '
            f"{md_text(basis.label(lang))}. {md_text(basis.explanation(lang))} "
            f"درجة اليقين: {t('certainty.' + certainty, lang)}. "
            "لا يُذكر أساس التاريخ ودرجة اليقين عند حدث إلا إذا خالفا ذلك.</p>\n"
        )
    return (
        "The events the article reports, with calendar dates, and the events from outside the article a "
        "reader needs. Each line is one event: its date at the precision the data allows (a day, a month, "
        "a range, or “before” a date), its marker (● article or ◇ external) and its title; open a line for "
        "the details, the evidence and the sources.\n\n"
        f'<p class="edition-tl-basis" markdown="span"><strong>{t("date.basis", lang)}:</strong> '
        f"{md_text(basis.label(lang))}. {md_text(basis.explanation(lang))} "
        f"Certainty: {t('certainty.' + certainty, lang)}. "
        "An event names its date basis or certainty only where they differ from these.</p>\n"
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


FILTER = {
    "legend": {"ar": "اعرض", "en": "Show"},
    "all": {"ar": "الكل", "en": "All"},
    "article": {"ar": "أحداث المقال", "en": "The article's events"},
    "external": {"ar": "الأحداث الخارجية", "en": "External events"},
    "count": {"ar": "معروض {shown} من {total} حدثًا", "en": "Showing {shown} of {total} events"},
}


def _filter(all_groups: list[Group], lang: Lang) -> str:
    """The article/external filter, run by timeline.js. timeline.css shows it only when scripts
    run (the edition-js class), so without JavaScript there is no control that does nothing, and
    every event stays visible."""
    found = [i for g in all_groups for i in g.items]
    counts = {
        "all": len(found),
        "article": sum(not i.external for i in found),
        "external": sum(i.external for i in found),
    }
    options = "".join(
        f'<label><input type="radio" name="edition-tl-show" value="{key}"{" checked" if key == "all" else ""}> '
        f"{FILTER[key][lang]} ({n})</label>"
        for key, n in counts.items()
    )
    count_template = html_attr(FILTER["count"][lang])
    return (
        f'<form class="edition-tl-filter" data-count="{count_template}">'
        f"<fieldset><legend>{FILTER['legend'][lang]}</legend>{options}</fieldset>"
        '<p class="edition-tl-count" role="status"></p></form>\n'
    )


def _links(ctx: Context, ids: list[str]) -> str:
    return join_list((ctx.entity_link(i) for i in ids), ctx.lang)


def marker(external: bool, lang: Lang) -> str:
    """The article/external marker: a shape and a word, so colour is never the only signal."""
    kind = "external" if external else "article"
    word = t("external.badge", lang) if external else ("المقال" if lang == "ar" else "Article")
    return f'<span class="edition-tl-mark edition-tl-mark-{kind}"><span class="edition-tl-shape"></span>{word}</span>'


def _short_when(item: Item, data: Dataset, lang: Lang) -> tuple[str, str | None]:
    """The line's date at the event's own precision, and a machine-readable value where one is
    exact (<time datetime>): a day, or a month."""
    if item.event is not None and relative_anchor(item.event, data) is not None:
        return article_when(item.event, data, lang), None
    if item.precision == "before":
        return ("قبل " if lang == "ar" else "Before ") + format_date(item.date, lang, weekday=False), None
    if item.precision == "range" and whole_month(item.date, item.date_end):
        return format_month(item.date, lang), f"{item.date:%Y-%m}"
    if item.precision == "range" and item.date_end is not None:
        return format_range(item.date, item.date_end, lang), None
    text = format_date(item.date, lang, weekday=False)
    if item.time_of_day:
        text += LIST_SEPARATOR[lang] + t(f"tod.{item.time_of_day}", lang)
    return text, item.date.isoformat()


def _item(ctx: Context, item: Item, basis_id: str, certainty: str) -> str:
    data: Dataset = ctx.data
    lang: Lang = ctx.lang
    when, machine = _short_when(item, data, lang)
    when_html = f'<time datetime="{machine}">{html_text(when)}</time>' if machine else f"<span>{html_text(when)}</span>"
    source = "external" if item.external else "article"
    summary = (
        f'<summary><span class="edition-tl-when">{when_html}</span> {marker(item.external, lang)} '
        f'<span class="edition-tl-title">{html_text(item.label)}</span></summary>'
    )
    facts: list[tuple[str, str]] = []
    body: list[str] = []
    if item.event is not None:
        ev = item.event
        as_stated = f'<span lang="ar" dir="rtl">«{md_text(ev.when.quote)}»</span>' + (
            "" if lang == "ar" else f" ({md_text(ev.when.en)})"
        )
        facts.append((t("when.as_stated", lang), f"{as_stated} — [{ev.when.para}]({ctx.para_link(ev.when.para)})"))
        if ev.date_basis != basis_id:
            basis = data.date_bases[ev.date_basis]
            facts.append((t("date.basis", lang), f"{md_text(basis.label(lang))}: {md_text(basis.explanation(lang))}"))
        if ev.certainty != certainty:
            facts.append((t("certainty", lang), t("certainty." + ev.certainty, lang)))
        for note, date, tod in item.alternatives:
            other = when_text(date, None, tod, "day", lang)
            label = "في الأصل الإنجليزي" if lang == "ar" else "In the English original"
            href = ctx.link(f"{paths.NOTES}#{note.id}")
            facts.append((label, f"{md_text(other)} ([{md_text(note.title(lang))}]({href}))"))
        # Cross-links to the outside accounts of the same happening (e.g. the attack itself).
        related = [cx for cx in data.context if ev.id in cx.relates_to]
        if related:
            word = "من خارج المقال" if lang == "ar" else "From outside the article"
            facts.append((word, _event_links(ctx, [cx.id for cx in related], data, lang)))
    else:
        cx = item.context
        assert cx is not None
        if cx.relates_to:
            word = "في المقال" if lang == "ar" else "In the article"
            facts.append((word, _event_links(ctx, cx.relates_to, data, lang)))
    for key, ids in (("actors", item.actors), ("platforms", item.platforms), ("places", item.places)):
        if ids:
            facts.append((t(key, lang), _links(ctx, ids)))
    if item.event is not None:
        body.append("".join(ctx.evidence(e) for e in item.event.evidence))
    else:
        assert item.context is not None
        sources = " · ".join(ctx.source_link(s) for s in item.context.sources)
        facts.append((t("source", lang), sources))
    dl = "\n".join(f'<dt>{k}</dt>\n<dd markdown="span">{v}</dd>' for k, v in facts)
    return (
        f'<div class="edition-tl-item edition-tl-{source}" role="listitem" data-source="{source}" markdown="block">\n'
        f'<details class="edition-tl-event" id="{item.id}" markdown="block">\n{summary}\n\n'
        f'<div class="edition-tl-body" markdown="block">\n\n{md_text(item.summary)}\n\n'
        # The facts are links to pages search already finds; Material's search leaves them out
        # (data-search-exclude), so an event's snippet is its line and summary, not every field.
        f'<dl class="edition-tl-facts" data-search-exclude="" markdown="block">\n{dl}\n</dl>\n\n'
        + "".join(body)
        + "\n</div>\n"
        "</details>\n</div>\n"
    )


def _event_links(ctx: Context, ids: list[str], data: Dataset, lang: Lang) -> str:
    labels = {ev.id: ev.label(lang) for ev in data.article.events} | {cx.id: cx.label(lang) for cx in data.context}
    return join_list((f"[{md_text(labels[i])}](#{i})" for i in ids), lang)
