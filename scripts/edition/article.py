"""The article page: the verbatim text with paragraph ids and mention links.

The Arabic edition shows the text exactly as received; the English edition shows this edition's
translation with the same paragraph ids. Only markup is added: ids, permalinks, links.
"""

from __future__ import annotations

from .escape import html_attr, md_text
from .integrity import find_span
from .labels import t
from .load import Article, Dataset, Paragraph
from .model import Lang, Mention
from .paths import ARTICLE, entity_page, raw_link

# Headings hold plain text: a link inside a heading reads as the heading's own link and lands in
# the table of contents. Their mentions stay recorded (entity pages list them).
PLAIN_KINDS = ("heading", "box-heading")


def linked_text(
    data: Dataset,
    text: str,
    mentions: list[Mention],
    page: str,
    pid: str,
    lang: Lang = "ar",
    directory_urls: bool = True,
    id_prefix: str = "",
    card_lang: Lang | None = None,
) -> str:
    """Markdown for text with each mention wrapped in a link to its entity page.

    The links are written as HTML, so no data lands in Markdown link or attribute syntax: the
    card's words (name, kind, role) are escaped data attributes, read by reading.js as text, and
    the linked words are escaped Markdown text. In English the mention's `en` span of the
    translation is linked (mentions without one are not). `card_lang` is the language of the
    card (the page's edition; the parallel page shows both texts with one edition's cards).
    """
    card = card_lang or lang
    spans = []
    for m in mentions:
        surface, occurrence = (m.surface, m.occurrence) if lang == "ar" else (m.en, m.en_occurrence)
        if surface is None:
            continue
        span = find_span(text, surface, occurrence)
        if span is None:  # integrity.check() has already refused this; keep the text intact anyway
            raise ValueError(f"mention «{surface}» not in {pid} ({lang})")
        spans.append((span[0], span[1], m))
    spans.sort(key=lambda s: s[0])
    out: list[str] = []
    cursor = 0
    counter: dict[str, int] = {}
    for start, end, m in spans:
        out.append(md_text(text[cursor:start]))
        etype = data.entity_types[m.entity]
        counter[m.entity] = counter.get(m.entity, 0) + 1
        href = raw_link(entity_page(etype, m.entity), page, directory_urls)
        entity = data.entities[m.entity]
        out.append(
            f'<a class="edition-mention" data-entity="{m.entity}" href="{html_attr(href)}" '
            f'id="{id_prefix}{pid}-{m.entity}-{counter[m.entity]}" '
            f'data-name="{html_attr(entity.name(card))}" data-kind="{html_attr(t(etype + ".one", card))}" '
            f'data-role="{html_attr(entity.role(card))}">'
            f"{md_text(text[start:end])}</a>"
        )
        cursor = end
    out.append(md_text(text[cursor:]))
    return "".join(out)


def paragraph_text(article: Article, para: Paragraph, lang: Lang) -> str:
    return para.text if lang == "ar" else article.translation.paragraphs[para.id]


def pid_link(pid: str, lang: Lang) -> str:
    label = "رابط دائم للفقرة" if lang == "ar" else "Permanent link to paragraph"
    return f'<a class="edition-pid" href="#{pid}" title="{label} {pid}" aria-label="{label} {pid}">{pid}</a>'


def paragraph_body(
    data: Dataset, article: Article, para: Paragraph, lang: Lang, page: str, directory_urls: bool, **kw: object
) -> str:
    """A paragraph's text as Markdown: mentions linked, except in headings (plain text)."""
    text = paragraph_text(article, para, lang)
    if para.kind in PLAIN_KINDS:
        return md_text(text)
    mentions = article.mentions.get(para.id, [])
    return linked_text(data, text, mentions, page, para.id, lang, directory_urls, **kw)  # type: ignore[arg-type]


def render_body(data: Dataset, article: Article, lang: Lang, page: str = ARTICLE, directory_urls: bool = True) -> str:
    """Markdown for the article text (Arabic, or the English translation), mentions linked, with
    one note marker per annotated paragraph and the notes themselves as (hidden) endnotes."""
    from .notes import endnotes, marker, notes_by_para
    from .readings import badge, by_para

    notes = notes_by_para(data)
    readings = by_para(article)
    parts: list[str] = []
    in_box = False
    bullets_open = False
    for para in article.paragraphs.values():
        body = paragraph_body(data, article, para, lang, page, directory_urls)
        note_marker = marker(notes[para.id], lang, page, directory_urls) if para.id in notes else ""
        # The second reading's label goes beside the paragraph id (headings: below, with their markers).
        reading = badge(readings[para.id], lang, page, directory_urls) if para.id in readings else ""
        if para.kind not in PLAIN_KINDS:
            body += note_marker
        if para.kind == "bullet":
            if not bullets_open:
                parts.append('<ul class="edition-bullets" markdown="block">')
                bullets_open = True
            parts.append(
                f'<li id="{para.id}" class="edition-para" data-para="{para.id}" markdown="span">'
                f"{pid_link(para.id, lang)} {reading} {body}</li>"
            )
            continue
        if bullets_open:
            parts.append("</ul>\n")
            bullets_open = False
        # Headings hold only their text (the table of contents shows it); their note markers
        # follow the heading, so no data is ever written into an attribute list.
        attrs = f'#{para.id} .edition-para data-para="{para.id}"'
        extras = " ".join(x for x in (reading, note_marker.strip()) if x)
        after = f'<p class="edition-heading-notes" markdown="span">{extras}</p>\n' if extras else ""
        if in_box:  # a box runs to the next heading (or the end of the text): boxes never nest
            parts.append("</aside>\n")
            in_box = False
        if para.kind == "heading":
            parts.append(f"## {body} {{{attrs}}}\n")
            parts.append(after)
        elif para.kind == "box-heading":
            in_box = True
            parts.append(f'<aside class="edition-box" aria-labelledby="{para.id}" markdown="block">\n')
            parts.append(f"### {body} {{{attrs}}}\n")
            parts.append(after)
        else:
            parts.append(
                f'<p id="{para.id}" class="edition-para" data-para="{para.id}" markdown="span">'
                f"{pid_link(para.id, lang)} {reading} {body}</p>\n"
            )
    if bullets_open:
        parts.append("</ul>\n")
    if in_box:
        parts.append("</aside>\n")
    parts.append(endnotes(data, lang, page, directory_urls))
    return "\n".join(parts)
