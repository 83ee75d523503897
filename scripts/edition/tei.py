"""The article as TEI P5 XML, for digital-edition readers (TEI Publisher, EVT), and as plain text.

The document follows TEI's conventions rather than a private dialect:
- teiHeader: the edition (title, responsibility, version, date) and, in sourceDesc, the source
  chain: the Arabic article (its outlet as author; its date as the edition records it, here
  notBefore with the inference in a note) and, as relatedItem, the English original it adapts.
- standOff: listPerson, listOrg, listPlace, listObject (platforms), listEvent (the article's
  events and the outside context) and listBibl (the public sources), each item with an xml:id.
- text: the Arabic text with its paragraph ids (p1…pN; headings open a div with <head>, bullets
  are list items), every mention as persName / orgName / placeName / name[@type=platform] with
  @ref to the standOff entry, and every time expression the edition dates as <date> (@when, or
  @from/@to, or @notAfter) with @corresp to its event; then the English translation (xml:lang en,
  paragraphs @corresp their Arabic). The editorial notes are <note target="#pN"> in <back>, so the
  text's content is exactly the verbatim text.

Written with lxml's serializer (never by string formatting): data is text, never markup.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from .integrity import find_span
from .load import Article, Dataset, Paragraph
from .model import ContextEvent, Entity, Event, Lang

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {None: TEI_NS}
LANG = f"{{{XML_NS}}}lang"
XML_ID = f"{{{XML_NS}}}id"

# The element a mention of each register becomes, and the standOff list and item it lives in.
NAME_ELEMENT = {"person": "persName", "organisation": "orgName", "place": "placeName", "platform": "name"}
LISTS = {
    "person": ("listPerson", "person"),
    "organisation": ("listOrg", "org"),
    "place": ("listPlace", "place"),
    "platform": ("listObject", "object"),
}
CERT = {"stated": "high", "inferred": "medium", "uncertain": "low"}
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")


def tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


# Elements whose content is text: never indented (their white space would be text).
MIXED = frozenset(
    tei(t)
    for t in (
        "p",
        "head",
        "item",
        "persName",
        "orgName",
        "placeName",
        "name",
        "date",
        "title",
        "quote",
        "label",
        "desc",
    )
)


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, tei(tag))
    for key, value in attrs.items():
        el.set(LANG if key == "lang" else XML_ID if key == "xml_id" else key, value)
    if text is not None:
        el.text = text
    return el


class Ids:
    """xml:ids are document-wide: the same string twice, or one that is not an XML name, stops."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, value: str) -> str:
        if not _NCNAME.match(value):
            raise ValueError(f"TEI: '{value}' cannot be an xml:id (it must start with a letter)")
        if value in self.seen:
            raise ValueError(
                f"TEI: xml:id '{value}' is used twice (entity, event, note and source ids share one space)"
            )
        self.seen.add(value)
        return value


# ---- Inline markup -------------------------------------------------------------------------------


@dataclass(order=True)
class Span:
    start: int
    end: int
    tag: str = field(compare=False)
    attrs: dict[str, str] = field(compare=False)


def _append_text(parent: etree._Element, last: etree._Element | None, text: str) -> None:
    if not text:
        return
    if last is None:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def fill(parent: etree._Element, text: str, spans: Sequence[Span], lo: int = 0, hi: int | None = None) -> None:
    """Write text[lo:hi] into parent, wrapping each span (spans nest; a partial overlap stops)."""
    hi = len(text) if hi is None else hi
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    pos, last, i = lo, None, 0
    while i < len(ordered):
        span = ordered[i]
        j = i + 1
        while j < len(ordered) and ordered[j].start < span.end:
            if ordered[j].end > span.end:
                raise ValueError(
                    f"TEI: «{text[span.start : span.end]}» and «{text[ordered[j].start : ordered[j].end]}» overlap"
                )
            j += 1
        _append_text(parent, last, text[pos : span.start])
        child = etree.SubElement(parent, tei(span.tag))
        for key, value in span.attrs.items():
            child.set(key, value)
        fill(child, text, ordered[i + 1 : j], span.start, span.end)
        last, pos, i = child, span.end, j
    _append_text(parent, last, text[pos:hi])


def _date_attrs(ev: Event | ContextEvent) -> dict[str, str]:
    if ev.date_end:
        return {"from": ev.date.isoformat(), "to": ev.date_end.isoformat()}
    if ev.precision == "before":
        return {"notAfter": ev.date.isoformat()}
    return {"when": ev.date.isoformat()}


def spans_for(data: Dataset, article: Article, para: Paragraph, lang: Lang, dated_here: list[Event]) -> list[Span]:
    """Mentions and dated time expressions of one paragraph, in the Arabic text or the translation.
    dated_here: the events dated by words of this paragraph (grouped once by the caller)."""
    text = para.text if lang == "ar" else article.translation.paragraphs[para.id]
    spans: list[Span] = []
    for m in article.mentions.get(para.id, []):
        surface, occurrence = (m.surface, m.occurrence) if lang == "ar" else (m.en, m.en_occurrence)
        if surface is None:
            continue
        found = find_span(text, surface, occurrence)
        if found is None:
            continue  # integrity.check() guarantees the Arabic spans; `en` is optional
        etype = data.entity_types[m.entity]
        attrs = {"ref": "#" + m.entity}
        if etype == "platform":
            attrs["type"] = "platform"
        spans.append(Span(found[0], found[1], NAME_ELEMENT[etype], attrs))
    dated: dict[tuple[int, int], Span] = {}
    for ev in dated_here:
        found = find_span(text, ev.when.quote if lang == "ar" else ev.when.en, 1)
        if found is None:
            continue  # the English rendering of an expression need not be word for word
        if found in dated:  # two events dated by the same words
            dated[found].attrs["corresp"] += " #" + ev.id
            continue
        attrs = {**_date_attrs(ev), "corresp": "#" + ev.id, "cert": CERT[ev.certainty]}
        dated[found] = Span(found[0], found[1], "date", attrs)
    return spans + list(dated.values())


# ---- The document ------------------------------------------------------------------------------


def _header(root: etree._Element, data: Dataset, version: str, issued: dt.date, site_url: str) -> None:
    article = data.article
    rec = article.record
    based = rec.based_on
    outlet = data.entities[rec.outlet]
    header = sub(root, "teiHeader")
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", rec.title.ar, type="main", lang="ar")
    sub(title_stmt, "title", rec.title.en, type="sub", lang="en")
    resp = sub(title_stmt, "respStmt")
    sub(resp, "resp", "Edition, annotation and English translation")
    sub(resp, "orgName", article.translation.translator)
    edition_stmt = sub(file_desc, "editionStmt")
    edition = sub(edition_stmt, "edition", f"Version {version}", n=version)
    sub(edition, "date", issued.isoformat(), when=issued.isoformat())
    pub = sub(file_desc, "publicationStmt")
    sub(pub, "publisher", article.translation.translator)
    sub(pub, "date", issued.isoformat(), when=issued.isoformat())
    if site_url:
        sub(pub, "idno", site_url + "downloads/article.tei.xml", type="URI")
    source_desc = sub(file_desc, "sourceDesc")
    bibl = sub(source_desc, "biblStruct", type="article", xml_id="source-text", lang="ar")
    analytic = sub(bibl, "analytic")
    sub(analytic, "title", rec.title.ar, level="a", lang="ar")
    author = sub(analytic, "author")
    sub(author, "orgName", outlet.name.en, ref="#" + outlet.id)
    sub(analytic, "idno", str(rec.url), type="URI")
    monogr = sub(bibl, "monogr")
    sub(monogr, "title", f"{outlet.name.en} ({outlet.name.ar})", level="j")
    imprint = sub(monogr, "imprint")
    sub(imprint, "publisher", outlet.name.en)
    for d in rec.dates:
        if d.value:
            sub(imprint, "date", d.value.isoformat(), when=d.value.isoformat(), type=d.kind)
        elif d.not_before:
            date = sub(imprint, "date", type=d.kind, notBefore=d.not_before.isoformat(), cert="medium")
            date.text = d.note.en
        else:
            sub(imprint, "date", d.note.en, type=d.kind)
    related = sub(bibl, "relatedItem", type="original")
    original = sub(related, "biblStruct", type="article", xml_id="source-original", lang="en")
    analytic = sub(original, "analytic")
    sub(analytic, "title", based.title, level="a", lang="en")
    author = sub(analytic, "author")
    sub(author, "persName", data.entities[based.author].name.en, ref="#" + based.author)
    monogr = sub(original, "monogr")
    sub(monogr, "title", data.entities[based.publisher].name.en, level="j")
    imprint = sub(monogr, "imprint")
    sub(imprint, "publisher", data.entities[based.publisher].name.en)
    sub(imprint, "date", based.date.isoformat(), when=based.date.isoformat())
    note = sub(original, "note", based.relation.en, type="relation")
    for url in based.copies:
        sub(note, "ref", str(url), target=str(url), type="copy")
    profile = sub(header, "profileDesc")
    usage = sub(profile, "langUsage")
    sub(usage, "language", "Arabic", ident="ar")
    sub(usage, "language", "English", ident="en")


def _entity(parent: etree._Element, etype: str, entity: Entity, ids: Ids) -> None:
    _, item_tag = LISTS[etype]
    item = sub(parent, item_tag, xml_id=ids(entity.id))
    if etype == "platform":
        # object: names go in objectIdentifier
        ident = sub(item, "objectIdentifier")
        sub(ident, "objectName", entity.name.ar, lang="ar")
        sub(ident, "objectName", entity.name.en, lang="en")
        sub(item, "p", entity.description.en, lang="en")
    else:
        name_tag = NAME_ELEMENT[etype]
        sub(item, name_tag, entity.name.ar, lang="ar")
        sub(item, name_tag, entity.name.en, lang="en")
        for alias in entity.aliases.ar:
            sub(item, name_tag, alias, lang="ar", type="variant")
        for alias in entity.aliases.en:
            sub(item, name_tag, alias, lang="en", type="variant")
        for url in entity.same_as:
            sub(item, "idno", str(url), type="URI")
        sub(item, "note", entity.description.en, lang="en")


def _event(parent: etree._Element, ev: Event | ContextEvent, ids: Ids, kind: str) -> etree._Element:
    attrs = {**_date_attrs(ev), "type": kind}
    if isinstance(ev, Event):
        attrs["cert"] = CERT[ev.certainty]
    item = sub(parent, "event", xml_id=ids(ev.id), **attrs)
    sub(item, "label", ev.label.ar, lang="ar")
    sub(item, "label", ev.label.en, lang="en")
    desc = sub(item, "desc", lang="en")
    desc.text = ev.summary.en
    refs = [*ev.actors, *ev.platforms, *ev.places]
    if refs:
        item.set("corresp", " ".join("#" + r for r in refs))
    return item


def _standoff(root: etree._Element, data: Dataset, ids: Ids) -> None:
    standoff = sub(root, "standOff")
    for etype, (list_tag, _) in LISTS.items():
        entities = data.of_type(etype)  # type: ignore[arg-type]
        if entities:
            parent = sub(standoff, list_tag)
            for entity in entities:
                _entity(parent, etype, entity, ids)
    events = sub(standoff, "listEvent")
    for ev in data.article.events:
        _event(events, ev, ids, "article")
    for cx in data.context:
        item = _event(events, cx, ids, "context")
        item.set("source", " ".join("#" + s for s in cx.sources))
    bibls = sub(standoff, "listBibl")
    for source in data.sources.values():
        bibl = sub(bibls, "bibl", xml_id=ids(source.id), lang=source.language)
        sub(bibl, "title", source.title)
        sub(bibl, "publisher", source.publisher)
        if source.date:
            sub(bibl, "date", source.date.isoformat(), when=source.date.isoformat())
        sub(bibl, "ptr", target=str(source.url))


def _text_div(body: etree._Element, data: Dataset, article: Article, lang: Lang) -> None:
    div = sub(body, "div", type="edition" if lang == "ar" else "translation", lang=lang)
    section = div
    current_list: etree._Element | None = None
    dated: dict[str, list[Event]] = {}  # one pass over the events, not one per paragraph
    for ev in article.events:
        dated.setdefault(ev.when.para, []).append(ev)
    for para in article.paragraphs.values():
        pid = para.id if lang == "ar" else f"{lang}-{para.id}"
        attrs = {"xml_id": pid} if lang == "ar" else {"xml_id": pid, "corresp": "#" + para.id}
        text = para.text if lang == "ar" else article.translation.paragraphs[para.id]
        if para.kind in ("heading", "box-heading"):
            section = sub(div, "div", type="box" if para.kind == "box-heading" else "section")
            el = sub(section, "head", **attrs)
            current_list = None
        elif para.kind == "bullet":
            if current_list is None:
                current_list = sub(section, "list", rend="bulleted")
            el = sub(current_list, "item", **attrs)
        else:
            el = sub(section, "p", **attrs)
            current_list = None
        fill(el, text, spans_for(data, article, para, lang, dated.get(para.id, [])))


def _notes(back: etree._Element, data: Dataset, ids: Ids) -> None:
    div = sub(back, "div", type="notes")
    for n in data.article.notes:
        cert = "high" if n.certainty == "verified_against_copy" else "medium"
        note = sub(div, "note", xml_id=ids(n.id), target="#" + n.para, type=n.type, cert=cert, resp="#editors")
        note.set("source", " ".join("#" + s for s in n.sources))
        sub(note, "label", n.title.en, lang="en")
        sub(note, "quote", n.quote, lang="ar")
        sub(note, "p", n.original.en, type="original", lang="en")
        sub(note, "p", n.comment.en, type="comment", lang="en")


def tei_document(data: Dataset, version: str, issued: dt.date, site_url: str = "") -> bytes:
    """The TEI P5 document, serialised as UTF-8 with an XML declaration."""
    ids = Ids()
    for para in data.article.paragraphs.values():
        ids(para.id)
        ids(f"en-{para.id}")
    ids("editors")
    ids("source-text")
    ids("source-original")
    root = etree.Element(tei("TEI"), nsmap=NSMAP)
    root.set(LANG, "ar")
    _header(root, data, version, issued, site_url)
    # The editors: the @resp of every note.
    header = root.find(tei("teiHeader"))
    assert header is not None
    resp = header.find(f"{tei('fileDesc')}/{tei('titleStmt')}/{tei('respStmt')}/{tei('orgName')}")
    assert resp is not None
    resp.set(XML_ID, "editors")
    _standoff(root, data, ids)
    text = sub(root, "text")
    body = sub(text, "body")
    _text_div(body, data, data.article, "ar")
    _text_div(body, data, data.article, "en")
    if data.article.notes:
        _notes(sub(text, "back"), data, ids)
    indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def indent(el: etree._Element, level: int = 0) -> None:
    """Line up element-only content for people reading the file. lxml's pretty_print could put
    white space into a paragraph that is a single name, which would change the text."""
    children = list(el)
    if not children or el.text or any(c.tail for c in children) or el.tag in MIXED:
        return
    el.text = "\n" + "  " * (level + 1)
    for child in children:
        child.tail = "\n" + "  " * (level + 1)
        indent(child, level + 1)
    children[-1].tail = "\n" + "  " * level


# ---- Plain text ---------------------------------------------------------------------------------


def text_ar(data: Dataset) -> str:
    """The Arabic text exactly as received (its SHA-256 is the record's)."""
    return data.article.source_text


def text_en(data: Dataset) -> str:
    """The translation, laid out like the Arabic file: one paragraph a line, a blank line between."""
    article = data.article
    lines = [p.marker + article.translation.paragraphs[p.id] for p in article.paragraphs.values()]
    return "\n\n".join(lines) + "\n"
