"""The TEI P5 download and the plain-text downloads, read back from the built site."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from lxml import etree

from edition.load import Dataset

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
NAME_TAGS = {"person": "persName", "organisation": "orgName", "place": "placeName", "platform": "name"}


@pytest.fixture(scope="module")
def doc(site: Path) -> etree._ElementTree:
    # A real XML parser: the file must be well-formed, with no entity tricks allowed.
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(str(site / "downloads/article.tei.xml"), parser)


def text_of(el: etree._Element) -> str:
    return "".join(el.itertext())


def test_is_a_tei_document(doc: etree._ElementTree) -> None:
    root = doc.getroot()
    assert root.tag == TEI + "TEI"
    assert [c.tag.removeprefix(TEI) for c in root] == ["teiHeader", "standOff", "text"]
    assert root.find("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:biblStruct", NS) is not None
    for name in ("listPerson", "listOrg", "listPlace", "listEvent"):
        assert root.find(f"tei:standOff/tei:{name}", NS) is not None, name


def test_arabic_text_content_is_the_verbatim_text(doc: etree._ElementTree, data: Dataset) -> None:
    div = doc.getroot().find(".//tei:div[@type='edition']", NS)
    assert div is not None
    blocks = div.xpath(".//tei:p | .//tei:head | .//tei:item", namespaces=NS)
    assert [b.get(XML_ID) for b in blocks] == list(data.article.paragraphs)
    for block in blocks:
        assert text_of(block) == data.article.paragraphs[block.get(XML_ID)].text, block.get(XML_ID)
    # Line for line, with the bullet marker the list markup stands for, the text as received.
    lines = [("- " if b.tag == TEI + "item" else "") + text_of(b) for b in blocks]
    assert lines == [line for line in data.article.source_text.split("\n") if line.strip()]


def test_translation_is_aligned(doc: etree._ElementTree, data: Dataset) -> None:
    div = doc.getroot().find(".//tei:div[@type='translation']", NS)
    assert div is not None
    blocks = div.xpath(".//tei:p | .//tei:head | .//tei:item", namespaces=NS)
    assert [b.get("corresp") for b in blocks] == ["#" + pid for pid in data.article.paragraphs]
    for block in blocks:
        assert text_of(block) == data.article.translation.paragraphs[block.get("corresp")[1:]]


def test_every_mention_is_marked_with_its_entity(doc: etree._ElementTree, data: Dataset) -> None:
    div = doc.getroot().find(".//tei:div[@type='edition']", NS)
    assert div is not None
    for pid, mentions in data.article.mentions.items():
        block = div.xpath(f".//*[@xml:id='{pid}']", namespaces=NS)[0]
        found = [(el.tag.removeprefix(TEI), el.get("ref"), text_of(el)) for el in block.iter() if el.get("ref")]
        expected = [(NAME_TAGS[data.entity_types[m.entity]], "#" + m.entity, m.surface) for m in mentions]
        assert sorted(found) == sorted(expected), pid


def test_dated_time_expressions(doc: etree._ElementTree, data: Dataset) -> None:
    dates = doc.getroot().findall(".//tei:div[@type='edition']//tei:date", NS)
    by_event = {ref[1:]: d for d in dates for ref in d.get("corresp", "").split()}
    for ev in data.article.events:
        date = by_event[ev.id]
        assert text_of(date) == ev.when.quote
        assert ev.date.isoformat() in (date.get("when"), date.get("from"), date.get("notAfter")), ev.id


def test_every_pointer_resolves(doc: etree._ElementTree) -> None:
    ids = {el.get(XML_ID) for el in doc.iter() if el.get(XML_ID)}
    dangling = []
    for el in doc.iter():
        for attr in ("ref", "target", "corresp", "source", "resp"):
            for token in (el.get(attr) or "").split():
                if token.startswith("#") and token[1:] not in ids:
                    dangling.append(f"{el.tag}@{attr}={token}")
                elif not token.startswith(("#", "https://", "http://")):
                    dangling.append(f"{el.tag}@{attr}={token} (neither a local pointer nor a URL)")
    assert dangling == []


def test_notes_point_at_their_paragraphs(doc: etree._ElementTree, data: Dataset) -> None:
    notes = doc.getroot().findall(".//tei:back//tei:note", NS)
    assert [n.get(XML_ID) for n in notes] == [n.id for n in data.article.notes]
    for note, item in zip(notes, data.article.notes, strict=True):
        assert note.get("target") == "#" + item.para
        quote = note.find("tei:quote", NS)
        assert quote is not None and quote.text == item.quote


def test_standoff_lists_every_entity_and_event(doc: etree._ElementTree, data: Dataset) -> None:
    standoff = doc.find("tei:standOff", NS)
    assert standoff is not None
    ids = {el.get(XML_ID) for el in standoff.iter() if el.get(XML_ID)}
    assert set(data.entities) <= ids
    assert {e.id for e in data.article.events} | {c.id for c in data.context} <= ids
    assert set(data.sources) <= ids


def test_plain_text_downloads(site: Path, data: Dataset) -> None:
    ar = (site / "downloads/article.ar.txt").read_bytes()
    assert hashlib.sha256(ar).hexdigest() == data.article.record.text_sha256
    en = (site / "downloads/article.en.txt").read_text(encoding="utf-8")
    paragraphs = [re.sub(r"^- ", "", p) for p in en.strip("\n").split("\n\n")]
    assert paragraphs == list(data.article.translation.paragraphs.values())
