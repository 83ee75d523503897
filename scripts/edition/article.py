"""The article page: the verbatim text with paragraph ids and mention links.

The Arabic edition shows the text exactly as received; the English edition shows this edition's
translation with the same paragraph ids. Only markup is added: ids, permalinks, links.
"""

from __future__ import annotations

import html

from .integrity import find_span
from .load import Article, Dataset, Paragraph
from .model import Lang, Mention
from .paths import ARTICLE, entity_page, rel

# Characters Python-Markdown treats as syntax in inline text. Escaping them keeps the text verbatim.
_MD_SPECIAL = set("\\`*_{}[]()#+!>")


def md_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in _MD_SPECIAL:
            out.append("\\" + ch)
        elif ch == "<":
            out.append("&lt;")
        elif ch == "&":
            out.append("&amp;")
        else:
            out.append(ch)
    return "".join(out)


def linked_text(data: Dataset, text: str, mentions: list[Mention], page: str, pid: str, lang: Lang = "ar") -> str:
    """Markdown for text with each mention wrapped in a link to its entity page.

    In English the mention's `en` span of the translation is linked (mentions without one are not).
    """
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
        out.append(md_escape(text[cursor:start]))
        etype = data.entity_types[m.entity]
        counter[m.entity] = counter.get(m.entity, 0) + 1
        target = rel(entity_page(etype, m.entity), page)
        name = data.entities[m.entity].name
        title = html.escape(f"{name.ar} · {name.en}", quote=True)
        out.append(
            f'[{md_escape(text[start:end])}]({target} "{title}")'
            f"{{#{pid}-{m.entity}-{counter[m.entity]} .edition-mention data-entity={m.entity}}}"
        )
        cursor = end
    out.append(md_escape(text[cursor:]))
    return "".join(out)


def paragraph_text(article: Article, para: Paragraph, lang: Lang) -> str:
    return para.text if lang == "ar" else article.translation.paragraphs[para.id]


def pid_link(pid: str, lang: Lang) -> str:
    label = "رابط دائم للفقرة" if lang == "ar" else "Permanent link to paragraph"
    return f'<a class="edition-pid" href="#{pid}" title="{label} {pid}" aria-label="{label} {pid}">{pid}</a>'


def render_body(data: Dataset, article: Article, lang: Lang, page: str = ARTICLE, directory_urls: bool = True) -> str:
    """Markdown for the article text (Arabic, or the English translation), mentions linked."""
    from .notes import marker, notes_by_para

    notes = notes_by_para(data)
    parts: list[str] = []
    in_box = False
    bullets_open = False
    for para in article.paragraphs.values():
        text = paragraph_text(article, para, lang)
        body = linked_text(data, text, article.mentions.get(para.id, []), page, para.id, lang)
        if para.id in notes:
            body += marker(notes[para.id], lang, page, directory_urls)
        if para.kind == "bullet":
            if not bullets_open:
                parts.append('<ul class="edition-bullets" markdown="block">')
                bullets_open = True
            parts.append(
                f'<li id="{para.id}" class="edition-para" data-para="{para.id}" markdown="span">'
                f"{pid_link(para.id, lang)} {body}</li>"
            )
            continue
        if bullets_open:
            parts.append("</ul>\n")
            bullets_open = False
        # Headings: the table of contents shows the text alone, without links or note markers.
        toc_label = html.escape(text, quote=True)
        attrs = f'#{para.id} .edition-para data-para="{para.id}" data-toc-label="{toc_label}"'
        if para.kind == "heading":
            parts.append(f"## {body} {{{attrs}}}\n")
        elif para.kind == "box-heading":
            in_box = True
            parts.append(f'<aside class="edition-box" aria-labelledby="{para.id}" markdown="block">\n')
            parts.append(f"### {body} {{{attrs}}}\n")
        else:
            parts.append(
                f'<p id="{para.id}" class="edition-para" data-para="{para.id}" markdown="span">'
                f"{pid_link(para.id, lang)} {body}</p>\n"
            )
    if bullets_open:
        parts.append("</ul>\n")
    if in_box:
        parts.append("</aside>\n")
    return "\n".join(parts)
