"""Timeline, context, editorial notes and the relations diagram (generated from the data)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from pathlib import Path

import lxml.html
import pytest

from edition.load import Dataset
from edition.model import ContextEvent, Event
from edition.timeline import groups, items
from site_helpers import page_file, parse

EDITIONS = {"ar": "", "en": "en/"}


def test_every_event_has_a_date_and_a_basis(data: Dataset) -> None:
    for ev in data.article.events:
        assert ev.date is not None, ev.id
        assert ev.date_basis in data.date_bases, ev.id
        assert ev.precision and ev.certainty


def test_every_external_item_cites_a_public_source(data: Dataset) -> None:
    cited = [s for cx in data.context for s in cx.sources]
    cited += [x.source for e in data.entities.values() for x in e.external]
    cited += [s for n in data.article.notes for s in n.sources]
    assert cited
    for source_id in cited:
        assert str(data.sources[source_id].url).startswith(("https://", "http://")), source_id


def test_every_note_quote_is_in_its_paragraph(data: Dataset) -> None:
    assert data.article.notes
    for note in data.article.notes:
        assert note.quote in data.article.paragraphs[note.para].text, note.id


@pytest.mark.parametrize("lang", EDITIONS)
def test_timeline_shows_every_event_in_order(site: Path, data: Dataset, lang: str) -> None:
    html = page_file(site, "/" + EDITIONS[lang] + "timeline/").read_text(encoding="utf-8")
    shown = re.findall(r'<details class="edition-tl-event" id="([a-z0-9-]+)"', html)
    expected = [i.id for i in items(data, lang)]
    assert shown == expected
    assert set(shown) == {e.id for e in data.article.events} | {c.id for c in data.context}
    external = re.findall(
        r'<div class="edition-tl-item edition-tl-external"[^>]*>\s*'
        r'<details class="edition-tl-event" id="([a-z0-9-]+)"',
        html,
    )
    assert set(external) == {c.id for c in data.context}
    # Groups in date order; within a group, by part of day, except that an outside account of an
    # article event follows it directly (the attack, then Fishmongers' Hall).
    order = [g.order for g in groups(data, lang)]
    assert order == sorted(order)
    for group in groups(data, lang):
        ids = [i.id for i in group.items]
        for index, item in enumerate(group.items):
            if item.context and set(item.context.relates_to) & set(ids):
                before = group.items[index - 1]
                assert before.id in item.context.relates_to or (
                    before.context and set(before.context.relates_to) & set(item.context.relates_to)
                ), (item.id, ids)


@pytest.mark.parametrize("lang", EDITIONS)
def test_timeline_shows_the_originals_date_where_a_note_differs(site: Path, data: Dataset, lang: str) -> None:
    html = page_file(site, "/" + EDITIONS[lang] + "timeline/").read_text(encoding="utf-8")
    for note in data.article.notes:
        for alt in note.alternatives:
            block = html.split(f'id="{alt.event}"', 1)[1].split("</details>", 1)[0]
            assert f"notes/#{note.id}" in block


@pytest.mark.parametrize("lang", EDITIONS)
def test_notes_page_and_markers(site: Path, data: Dataset, lang: str) -> None:
    notes = page_file(site, "/" + EDITIONS[lang] + "notes/")
    ids = parse(notes).ids
    for note in data.article.notes:
        assert note.id in ids
    article = page_file(site, "/" + EDITIONS[lang] + "article/").read_text(encoding="utf-8")
    for note in data.article.notes:
        assert f"notes/#{note.id}" in article


# ---- Timeline: headings at the events' own precision (issue 11) ---------------------------------

AR_MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
AR_DAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]


def find(el: lxml.html.HtmlElement, selector: str) -> list[lxml.html.HtmlElement]:
    """Descendants matching `tag.class` (or `tag` / `.class`): enough CSS for these tests."""
    tag, _, name = selector.partition(".")
    path = f".//{tag or '*'}"
    if name:
        path += f"[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
    return list(el.xpath(path))


def _day(day: dt.date, lang: str) -> str:
    """A day as a heading names it, written here independently of timeline.py."""
    if lang == "ar":
        return f"{AR_DAYS[day.weekday()]} {day.day} {AR_MONTHS[day.month - 1]} {day.year}"
    return f"{day:%A} {day.day} {day:%B} {day.year}"


def _month(day: dt.date, lang: str) -> str:
    return f"{AR_MONTHS[day.month - 1]} {day.year}" if lang == "ar" else f"{day:%B %Y}"


def _sections(html_text: str) -> list[tuple[str, list[str]]]:
    """(heading text, event ids) of each group of the built timeline page."""
    root = lxml.html.fromstring(html_text)
    out = []
    for section in find(root, "section.edition-tl-group"):
        h2 = find(section, "h2")[0]
        text = "".join(h2.itertext()).replace("¶", "").strip()
        ids = [d.get("id") for d in find(section, "details.edition-tl-event")]
        out.append((text, ids))
    return out


@pytest.mark.parametrize("lang", EDITIONS)
def test_timeline_headings_claim_no_more_precision_than_the_events(site: Path, data: Dataset, lang: str) -> None:
    html_text = page_file(site, "/" + EDITIONS[lang] + "timeline/").read_text(encoding="utf-8")
    events: dict[str, Event | ContextEvent] = {e.id: e for e in data.article.events}
    events.update({c.id: c for c in data.context})
    before_word = "قبل" if lang == "ar" else "Before"
    sections = _sections(html_text)
    assert sections
    for heading, ids in sections:
        assert ids, heading
        for event_id in ids:
            ev = events[event_id]
            if isinstance(ev, Event) and ev.relative_to:
                anchor = events[ev.relative_to]
                assert heading.startswith(before_word) and anchor.label(lang) in heading, (heading, event_id)  # type: ignore[arg-type]
                assert _month(anchor.date, lang) in heading and _day(anchor.date, lang) not in heading
            elif ev.precision in ("day", "part-of-day"):
                assert heading == _day(ev.date, lang), (heading, event_id)
            elif ev.precision == "before":
                assert heading == f"{before_word} {_day(ev.date, lang)}", (heading, event_id)
            else:
                assert ev.precision == "range" and ev.date_end, event_id
                last = calendar.monthrange(ev.date.year, ev.date.month)[1]
                if ev.date.day == 1 and ev.date_end == ev.date.replace(day=last):
                    # Known to the month only: the heading names the month and no day.
                    assert heading == _month(ev.date, lang), (heading, event_id)
                else:
                    assert str(ev.date.day) in heading and str(ev.date_end.day) in heading, (heading, event_id)
                    assert _day(ev.date, lang) != heading
    # The month-only launch of TamTam never sits under a day (the defect of issue 11).
    launch = next(h for h, ids in sections if "tamtam-launch-2017" in ids)
    assert launch == ("مايو 2017" if lang == "ar" else "May 2017")
    # The table of contents repeats the headings, nothing else.
    root = lxml.html.fromstring(html_text)
    toc_nav = find(root, "nav.md-nav--secondary")[0]
    toc = ["".join(a.itertext()).strip() for a in find(toc_nav, "a.md-nav__link")]
    assert toc == [h for h, _ in sections]


@pytest.mark.parametrize("lang", EDITIONS)
def test_timeline_overview_lines_and_details(site: Path, data: Dataset, lang: str) -> None:
    html_text = page_file(site, "/" + EDITIONS[lang] + "timeline/").read_text(encoding="utf-8")
    root = lxml.html.fromstring(html_text)
    by_id = {i.id: i for i in items(data, lang)}
    marks = {"article": "المقال" if lang == "ar" else "Article", "external": "خارجي" if lang == "ar" else "External"}
    lines = find(root, "div.edition-tl-item")
    assert len(lines) == len(by_id)
    for li in lines:
        details = find(li, "details.edition-tl-event")[0]
        item = by_id[details.get("id")]
        assert details.get("open") is None  # closed: the overview is one line per event
        summary = find(details, "summary")[0]
        source = "external" if item.external else "article"
        assert li.get("data-source") == source
        assert find(summary, ".edition-tl-title")[0].text_content() == item.label
        mark = find(summary, f".edition-tl-mark-{source}")[0]
        assert mark.text_content().strip() == marks[source] and find(mark, ".edition-tl-shape")
        assert find(summary, ".edition-tl-when")[0].text_content().strip()
        # No empty fields: every row of the details says something.
        for dd in find(details, "dd"):
            assert dd.text_content().strip() not in ("", "—"), (item.id, lxml.html.tostring(dd))
    # The usual date basis is explained once, at the top; events repeat only exceptions.
    usual = Counter(ev.date_basis for ev in data.article.events).most_common(1)[0][0]
    explanation = data.date_bases[usual].explanation(lang)  # type: ignore[arg-type]
    assert root.text_content().count(explanation) == 1


@pytest.mark.parametrize("lang", EDITIONS)
def test_timeline_cross_links_the_article_event_and_its_outside_account(site: Path, data: Dataset, lang: str) -> None:
    html_text = page_file(site, "/" + EDITIONS[lang] + "timeline/").read_text(encoding="utf-8")
    root = lxml.html.fromstring(html_text)
    for cx in data.context:
        block = root.get_element_by_id(cx.id)
        for target in cx.relates_to:
            assert block.xpath(f'.//a[@href="#{target}"]'), (cx.id, target)
            back = root.get_element_by_id(target)
            assert back.xpath(f'.//a[@href="#{cx.id}"]'), (target, cx.id)
