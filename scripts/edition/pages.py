"""Every generated page of one edition, as {source path: Markdown}. Pure: data in, text out.

The MkDocs hook adds these as virtual files; nothing here imports MkDocs, so another engine can
reuse it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import get_args

from . import paths
from .article import render_body
from .context import Context, page_head
from .escape import html_attr, md_text
from .filters import Facet, filter_bar, item_attrs
from .labels import t
from .load import Dataset
from .lookup import claims_about, claims_by_speaker, events_by_entity, mentions_in_data_order, mentions_in_text_order
from .model import Claim, Entity, EntityType, Event, Lang
from .relations import render_local
from .timeline import article_when, format_date, render_timeline, sort_key
from .typography import join_clauses, join_list

FORMS: tuple[str, ...] = get_args(Claim.model_fields["form"].annotation)


def event_when(ev: Event, lang: Lang, data: Dataset) -> str:
    return article_when(ev, data, lang)


def event_sort_key(ev: Event) -> tuple[dt.date, int, int]:
    return sort_key(ev.date, ev.time_of_day, ev.precision)


# ---- Registers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MentionRow:
    pid: str
    href: str
    before: str
    surface: str
    after: str
    english: tuple[str, str, str] | None = None  # the same mention in the translation, in the English edition


def mentions_of(data: Dataset, entity_id: str) -> list[tuple[str, str, int, int]]:
    """(paragraph id, paragraph text, start, end) for every mention of an entity, in text order."""
    return [(f.pid, f.text, f.start, f.end) for f in mentions_in_text_order(data).get(entity_id, [])]


def english_mentions(data: Dataset, entity_id: str) -> dict[tuple[str, int], tuple[str, str, str]]:
    """The English snippet (before, words, after) of each mention that has an `en` span, keyed
    by its paragraph and its start in the Arabic (as mentions_of gives them)."""
    from .integrity import find_span

    out = {}
    for found in mentions_in_text_order(data).get(entity_id, []):
        m = found.mention
        if m.en is None:
            continue
        english = data.article.translation.paragraphs[found.pid]
        en_span = find_span(english, m.en, m.en_occurrence)
        assert en_span is not None  # guaranteed by integrity.check()
        before, after = snippet(english, *en_span)
        out[(found.pid, found.start)] = (before, english[en_span[0] : en_span[1]], after)
    return out


CONTEXT_CHARS = 40

# Interface words of the entity page's infobox and name lists.
WORDS: dict[str, dict[Lang, str]] = {
    "infobox": {"ar": "بطاقة", "en": "At a glance"},
    "type": {"ar": "النوع", "en": "Type"},
    "first": {"ar": "أول ذكر", "en": "First mention"},
    "last": {"ar": "آخر ذكر", "en": "Last mention"},
    "count": {"ar": "عدد الإشارات", "en": "Mentions"},
    "ids": {"ar": "معرّفات", "en": "Identifiers"},
    "site": {"ar": "الموقع الرسمي", "en": "Official site"},
    "in_text": {"ar": "كما يكتبه النص", "en": "As the text writes it"},
    "in_translation": {"ar": "في الترجمة الإنجليزية", "en": "In the English translation"},
    "search_only": {"ar": "صيغ أخرى للبحث", "en": "Other spellings (for search)"},
}


def snippet(text: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The words around a mention, about `chars` characters each side, cut at word boundaries
    (a partly cut word is left out) and marked with an ellipsis where the paragraph goes on. The
    ellipsis stands apart from the words: search splits words at spaces, not at "…", and would
    otherwise index "Van…" as a word of its own."""
    before = text[max(0, start - chars) : start]
    if start > chars:
        space = before.find(" ")
        before = "… " + (before[space + 1 :] if space >= 0 else "")
    after = text[end : end + chars]
    if end + chars < len(text):
        space = after.rfind(" ")
        after = (after[:space] if space > 0 else "") + " …"
    return before, after


def spellings(data: Dataset, entity: Entity) -> tuple[list[str], list[str], list[str]]:
    """The entity's names as the Arabic text writes them (its mentions), as the English
    translation writes them (the mentions' `en`), and the other variants, kept for search."""
    in_text: list[str] = []
    in_translation: list[str] = []
    for _pid, m in mentions_in_data_order(data).get(entity.id, []):
        if m.surface not in in_text:
            in_text.append(m.surface)
        if m.en and m.en not in in_translation:
            in_translation.append(m.en)
    attested = set(in_text) | set(in_translation)
    others: list[str] = []
    for variant in [entity.name.ar, *entity.aliases.ar, entity.name.en, *entity.aliases.en]:
        if variant not in attested and variant not in others:
            others.append(variant)
    return in_text, in_translation, others


def infobox(ctx: Context, entity: Entity, etype: EntityType, pids: list[str]) -> list[tuple[str, str]]:
    """Rows (label, Markdown value) of the entity's infobox; rows without a value are left out."""
    lang = ctx.lang
    # The type links to its register: entity pages are not in the navigation (hooks/edition.py).
    register = f"[{md_text(t(etype + '.one', lang))}]({ctx.link(paths.type_index(etype))})"
    rows = [(WORDS["type"][lang], register), (t("role", lang), md_text(entity.role(lang)))]
    if pids:
        rows.append((WORDS["first"][lang], f"[{pids[0]}]({ctx.para_link(pids[0])})"))
        rows.append((WORDS["last"][lang], f"[{pids[-1]}]({ctx.para_link(pids[-1])})"))
    rows.append((WORDS["count"][lang], str(len(pids))))
    if entity.same_as:
        links = " · ".join(
            f'<a href="{html_attr(str(url))}" rel="external noopener">{md_text(_authority(str(url)))}</a>'
            for url in entity.same_as
        )
        rows.append((WORDS["ids"][lang], links))
    site = entity.official_site
    if site:
        # Outside the article: the address, marked external, with the source that attests it.
        address = str(site.url)
        shown = address.split("://", 1)[-1].rstrip("/")
        value = f'{ctx.badge()} <a href="{html_attr(address)}" rel="external noopener" dir="ltr">{md_text(shown)}</a>'
        if site.note:
            value += f" — {md_text(site.note(lang))}"
        value += f" ({ctx.t('source')}: {ctx.source_link(site.source)})"
        rows.append((WORDS["site"][lang], value))
    return rows


def _authority(url: str) -> str:
    """A verified identifier as a reader knows it: Wikidata's Q-number, else the address."""
    if "wikidata.org/" in url:
        return "Wikidata " + url.rstrip("/").rsplit("/", 1)[-1]
    return url


def render_entity(ctx: Context, entity: Entity) -> str:
    data = ctx.data
    etype = data.entity_types[entity.id]
    rows = []
    pids: list[str] = []
    english = english_mentions(data, entity.id) if ctx.lang == "en" else {}
    for pid, text, start, end in mentions_of(data, entity.id):
        pids.append(pid)
        before, after = snippet(text, start, end)
        rows.append(
            MentionRow(
                pid=pid,
                href=ctx.para_link(pid),
                before=before,
                surface=text[start:end],
                after=after,
                english=english.get((pid, start)),
            )
        )
    events = []
    for ev in events_by_entity(data).get(entity.id, []):
        events.append(
            {
                "label": ev.label,
                "href": ctx.link(f"{paths.TIMELINE}#{ev.id}"),
                "when_label": event_when(ev, ctx.lang, ctx.data),
            }
        )

    def claim_row(c: Claim) -> dict[str, object]:
        return {"content": c.content, "href": ctx.link(f"{paths.CLAIMS}#{c.id}")}

    claims_by = [claim_row(c) for c in claims_by_speaker(data).get(entity.id, [])]
    about = [claim_row(c) for c in claims_about(data).get(entity.id, [])]
    in_text, in_translation, search_only = spellings(data, entity)
    names = [
        (WORDS["in_text"][ctx.lang], "ar", in_text),
        (WORDS["in_translation"][ctx.lang], "en", in_translation),
        (WORDS["search_only"][ctx.lang], "", search_only),
    ]
    return ctx.render(
        "entity.md.j2",
        entity=entity,
        etype=etype,
        infobox=infobox(ctx, entity, etype, pids),
        names=[n for n in names if n[2]],
        mentions=rows,
        relations_section=render_local(ctx, entity),
        events=events,
        claims_by=claims_by,
        claims_about=about,
    )


def render_type_index(ctx: Context, etype: EntityType) -> str:
    rows = []
    for entity in ctx.data.of_type(etype):
        rows.append(
            {
                "name": entity.name(ctx.lang),
                "href": ctx.link(paths.entity_page(etype, entity.id)),
                "role": entity.role(ctx.lang),
                "mentions": len(mentions_of(ctx.data, entity.id)),
            }
        )
    return ctx.render("type_index.md.j2", etype=etype, rows=rows)


# ---- Article -----------------------------------------------------------------------------------


def render_record(ctx: Context) -> str:
    """The bibliographic record shown above the text."""
    rec = ctx.article.record
    lang = ctx.lang
    dates = []
    for d in rec.dates:
        status = t(f"status.{d.status}", lang)
        if d.value:
            value = format_date(d.value, lang)
        elif d.not_before:
            value = f"{t('not_before', lang)} {format_date(d.not_before, lang)}"
        else:
            value = t("status.unknown", lang)
        dates.append(f"{value} ({status}). {md_text(d.note(lang))}")
    based = rec.based_on
    copies = " · ".join(
        f'<a href="{html_attr(str(u))}" rel="external noopener">{i + 1}</a>' for i, u in enumerate(based.copies)
    )
    rows = [
        (
            t("record.title", lang),
            f'<span lang="ar" dir="rtl">{md_text(rec.title.ar)}</span>'
            + ("" if lang == "ar" else f" ({md_text(rec.title.en)})"),
        ),
        (t("record.outlet", lang), ctx.entity_link(rec.outlet)),
        (
            t("record.url", lang),
            f'<a href="{html_attr(str(rec.url))}" rel="external noopener" dir="ltr">{md_text(str(rec.url))}</a>',
        ),
        (t("record.date", lang), join_clauses(dates, lang)),
        (t("record.language", lang), t(f"lang.{rec.language}", lang)),
        (
            t("record.based_on", lang),
            join_list(
                [
                    ctx.entity_link(based.author),
                    f'<span lang="en" dir="ltr">“{md_text(based.title)}”</span>',
                    ctx.entity_link(based.publisher),
                    f"{format_date(based.date, lang)} ({t('status.' + based.date_status, lang)})",
                ],
                lang,
            )
            + f". {md_text(based.relation(lang))}.",
        ),
        (t("record.copies", lang), copies),
    ]
    body = "\n".join(f'<dt>{k}</dt>\n<dd markdown="span">{v}</dd>' for k, v in rows)
    return (
        f'<details class="edition-record" open markdown="block">\n'
        f"<summary>{t('record', lang)}</summary>\n<dl markdown='block'>\n{body}\n</dl>\n</details>\n"
    )


def render_article(ctx: Context) -> str:
    title = ctx.article.record.title(ctx.lang)
    note = ""
    if ctx.lang == "en":
        note = (
            f'<p class="edition-translation-note"><strong>{t("translation.label", "en")}</strong>. '
            f"It translates the Arabic adaptation, not the Business Insider original; "
            f"words in [square brackets] are the translator's. "
            f'<a href="{ctx.other(paths.ARTICLE, "ar")}" hreflang="ar">'
            f"Read the Arabic text</a>.</p>\n"
        )
    return (
        f"{page_head(title)}\n"
        f"{render_record(ctx)}\n{note}\n"
        f'<div class="edition-text" lang="{ctx.lang}" markdown="block">\n\n'
        f"{render_body(ctx.data, ctx.article, ctx.lang, ctx.page, ctx.directory_urls)}\n</div>\n"
    )


# ---- Claims ------------------------------------------------------------------------------------


def render_claims(ctx: Context) -> str:
    """Claims as cards in body text, grouped under one heading per speaker (in order of first
    appearance): the statement, then how the article attributes it, then the evidence."""
    lang = ctx.lang
    claims = ctx.article.claims
    out = [page_head(t("claims", lang))]
    from .notes import numbered

    notes = {note.id: (number, note) for number, note in numbered(ctx.data)}
    caveat_word = "تحفّظ" if lang == "ar" else "Caveat"
    counts = Counter(c.speaker for c in claims)
    forms: Counter[str] = Counter(c.form for c in claims)
    facets = [
        Facet("speaker", t("speaker", lang), [(s, ctx.data.entities[s].name(lang), n) for s, n in counts.items()]),
        Facet("form", t("form", lang), [(f, t("form." + f, lang), forms[f]) for f in FORMS if f in forms]),
    ]
    # The speakers' headings go when none of their claims is shown (reading.js, data-headings).
    out.append(filter_bar(".edition-claim", facets, len(claims), lang, headings="h2"))
    # One wrapper around the list, so the page has a fixed number of top-level HTML blocks
    # whatever the number of claims (why: the same comment in notes.render_notes).
    out.append('<div class="edition-claims-list" markdown="block">\n')
    for speaker, said in claims_by_speaker(ctx.data).items():
        # The heading is the name alone (no link inside a heading); the card links the speaker.
        name = ctx.data.entities[speaker].name(lang)
        out.append(f"## {md_text(name)} {{#{speaker}-title}}\n")
        for c in said:
            evidence = "".join(ctx.evidence(e) for e in c.evidence)
            # A note that qualifies the claim (e.g. words in «» that are not the person's) is shown with it.
            caveats = " · ".join(
                f"[{t('note', lang)} {notes[n][0]}: {md_text(notes[n][1].title(lang))}]"
                f"({ctx.link(f'{paths.NOTES}#{n}')})"
                for n in c.notes
            )
            if caveats:
                caveat = (
                    f'<p class="edition-claim-caveat" markdown="span"><strong>{caveat_word}:</strong> {caveats}</p>'
                )
                evidence = caveat + "\n\n" + evidence
            attrs = item_attrs({"speaker": c.speaker, "form": c.form})
            out.append(
                f'<div class="edition-claim" id="{c.id}"{attrs} markdown="block">\n\n'
                f'<p class="edition-claim__content" markdown="span">{md_text(c.content(lang))}</p>\n\n'
                f'<p class="edition-claim__meta" markdown="span">{ctx.entity_link(c.speaker)} · '
                f"<strong>{t('form', lang)}:</strong> {t('form.' + c.form, lang)} — "
                f"{ctx.quoted(c.attribution.quote, c.attribution.en)} "
                f"([{c.attribution.para}]({ctx.para_link(c.attribution.para)}))</p>\n\n"
                f"{evidence}\n</div>\n"
            )
    out.append("</div>\n")
    return "\n".join(out)


# ---- The whole edition -------------------------------------------------------------------------


def render_pages(data: Dataset, lang: Lang, directory_urls: bool = True) -> dict[str, str]:
    """Every generated page of one edition, keyed by source path."""
    pages: dict[str, str] = {}

    def ctx(page: str) -> Context:
        return Context(data, lang, page, directory_urls)

    pages[paths.ARTICLE] = render_article(ctx(paths.ARTICLE))
    pages[paths.TIMELINE] = render_timeline(ctx(paths.TIMELINE))
    pages[paths.CLAIMS] = render_claims(ctx(paths.CLAIMS))
    for etype in paths.TYPE_DIRS:
        index = paths.type_index(etype)
        pages[index] = render_type_index(ctx(index), etype)
        for entity in data.of_type(etype):
            page = paths.entity_page(etype, entity.id)
            pages[page] = render_entity(ctx(page), entity)
    return pages
