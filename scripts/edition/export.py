"""Machine-readable downloads: the whole dataset as JSON (with its JSON Schema) and CSV tables.

Everything is derived from the same YAML the pages come from. The schema is generated from the
pydantic models, so it cannot drift from what the build accepts.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from . import datapackage, paths, tables, tei
from .load import Dataset
from .model import (
    Change,
    Claim,
    ContextEvent,
    DateBasis,
    Entity,
    EntityType,
    Event,
    Note,
    Reading,
    Record,
    Source,
)
from .rights import RIGHTS, Rights

SCHEMA_ID = "edition.schema.json"
FORMAT_VERSION = "1.0"


class ParagraphOut(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(description="Paragraph id (p1…pN), the anchor in the article page")
    kind: str = Field(description="paragraph, heading, box-heading or bullet")
    text: str = Field(description="Arabic text exactly as received (bullet marker removed)")
    translation_en: str = Field(description="This edition's English translation of the paragraph")


class MentionOut(BaseModel):
    model_config = ConfigDict(extra="forbid")
    para: str = Field(description="Paragraph id")
    surface: str = Field(description="Exact characters linked in the paragraph")
    occurrence: int = Field(description="Which occurrence of the surface in the paragraph (1-based)")
    start: int = Field(description="Character offset of the span in the paragraph text")
    entity: str = Field(description="Entity id")


class ArticleOut(BaseModel):
    model_config = ConfigDict(extra="forbid")
    record: Record = Field(description="Bibliographic record")
    translator: str = Field(description="Who made the English translation")
    paragraphs: list[ParagraphOut] = Field(description="The text, paragraph by paragraph")
    mentions: list[MentionOut] = Field(description="Entity mentions in the text")
    events: list[Event] = Field(description="Events the article reports")
    claims: list[Claim] = Field(description="Who said what")
    notes: list[Note] = Field(description="Editorial notes on departures from the English original")
    readings: list[Reading] = Field(description="The editors' second reading of every paragraph")


class EntityOut(Entity):
    type: EntityType = Field(description="Register: person, organisation, platform or place")
    url: str = Field(description="Page of the entity, relative to the site root")


class Export(BaseModel):
    """The whole dataset of the edition."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"$id": SCHEMA_ID})
    format_version: str = Field(description="Version of this export format")
    version: str | None = Field(description="Version of the edition (the last entry of changes)")
    rights: Rights = Field(description="Who owns the article's text; the licence of the edition's own work")
    changes: list[Change] = Field(description="Every version of the edition: what changed, why, and where")
    articles: list[ArticleOut] = Field(description="Articles of the edition (one for now)")
    entities: list[EntityOut] = Field(description="People, organisations, platforms and places")
    context: list[ContextEvent] = Field(description="Events from outside the article, each sourced")
    sources: list[Source] = Field(description="Public sources of external facts")
    date_bases: list[DateBasis] = Field(description="Rules that turn relative days into dates")


def build_export(data: Dataset) -> Export:
    from .integrity import find_span

    articles = []
    for article in data.articles.values():
        mentions = []
        for pid, items in article.mentions.items():
            text = article.paragraphs[pid].text
            for m in items:
                span = find_span(text, m.surface, m.occurrence)
                assert span is not None  # integrity.check() guarantees it
                mentions.append(
                    MentionOut(para=pid, surface=m.surface, occurrence=m.occurrence, start=span[0], entity=m.entity)
                )
        articles.append(
            ArticleOut(
                record=article.record,
                translator=article.translation.translator,
                paragraphs=[
                    ParagraphOut(id=p.id, kind=p.kind, text=p.text, translation_en=article.translation.paragraphs[p.id])
                    for p in article.paragraphs.values()
                ],
                mentions=mentions,
                events=article.events,
                claims=article.claims,
                notes=article.notes,
                readings=article.readings,
            )
        )
    entities = [
        EntityOut(
            **e.model_dump(),
            type=data.entity_types[e.id],
            url=paths.url_of(paths.entity_page(data.entity_types[e.id], e.id)),
        )
        for e in data.entities.values()
    ]
    return Export(
        format_version=FORMAT_VERSION,
        version=data.changes[-1].version if data.changes else None,
        rights=RIGHTS,
        changes=data.changes,
        articles=articles,
        entities=entities,
        context=data.context,
        sources=list(data.sources.values()),
        date_bases=list(data.date_bases.values()),
    )


def dataset_json(data: Dataset) -> str:
    return build_export(data).model_dump_json(indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    schema = Export.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schema_json() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


# ---- Every download ---------------------------------------------------------------------------

TEI_FILE = "article.tei.xml"
TEXT_FILES = {"ar": "article.ar.txt", "en": "article.en.txt"}


def csv_tables(data: Dataset) -> dict[str, str]:
    """{file name: CSV text}, one per table of tables.py (UTF-8 with BOM, cells escaped)."""
    return {t.file: tables.csv_text(t, data) for t in tables.tables(data)}


def downloads(data: Dataset, version: str, issued: dt.date, site_url: str = "") -> dict[str, str | bytes]:
    """Every download, keyed by file name (published under downloads/)."""
    files: dict[str, str | bytes] = {"edition.json": dataset_json(data), SCHEMA_ID: schema_json()}
    files.update(csv_tables(data))
    files[datapackage.PACKAGE_FILE] = datapackage.datapackage_json(data, version)
    files[datapackage.WORKBOOK] = datapackage.workbook(data, issued)
    files[TEI_FILE] = tei.tei_document(data, version, issued, site_url)
    files[TEXT_FILES["ar"]] = tei.text_ar(data)
    files[TEXT_FILES["en"]] = tei.text_en(data)
    return files
