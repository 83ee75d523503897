"""The dataset as tables: one description per table (its columns with types, enumerations and
meaning, its keys) and its rows, from which the CSV files, the Frictionless Data Package
(datapackage.py) and the spreadsheet workbook are all written, so they cannot disagree.

Lists of ids are written joined with "|" (Table Schema type `list`); lists of free text (aliases,
evidence) too, as plain strings, since a text value may itself hold a "|": the JSON download has
them as real lists. References inside id lists cannot be foreign keys in Table Schema, so every
one is also a row of entity_links.csv or source_links.csv, whose keys are checked.

CSV files are UTF-8 with a byte order mark, so spreadsheet programs that otherwise assume a legacy
encoding (common among Arabic-speaking users) read the Arabic correctly; every cell goes through
escape.csv_cell, which neutralises spreadsheet formulas (a cell starting = + - @ gets a leading
apostrophe; the Data page says so).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, get_args

from . import escape, paths
from .load import Dataset
from .model import Certainty, EntityType, NoteType, Precision, RelationType, SourceLang, TimeOfDay

BOM = "\ufeff"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema type: string, integer, date, list
    description: str
    enum: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str  # table name
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str  # resource name and file stem
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    rows: Callable[[Dataset], list[list[Any]]]
    foreign_keys: tuple[ForeignKey, ...] = field(default=())

    @property
    def file(self) -> str:
        return f"{self.name}.csv"


def _join(values: Iterable[object]) -> str:
    return "|".join(str(v) for v in values)


def _evidence(items: Iterable[Any]) -> str:
    return _join(f"{e.para}: {e.quote}" for e in items)


def _date(value: Any) -> str | None:
    return value.isoformat() if value else None


# ---- Columns shared by several tables -----------------------------------------------------------

ID = Column("id", "string", "Stable id (lower-case, hyphens)", required=True)
TIME_OF_DAY = Column("time_of_day", "string", "Part of day, if stated", enum=get_args(TimeOfDay))
PRECISION = Column("precision", "string", "How precise the date is", enum=get_args(Precision), required=True)
EVIDENCE = Column("evidence", "string", 'Quotes, each "pN: exact words", separated by "|"')
ENTITY_TYPES: tuple[EntityType, ...] = get_args(EntityType)

REGISTER_COLUMNS = (
    ID,
    Column("kind", "string", "Sub-kind, e.g. named, group, country", required=True),
    Column("name_ar", "string", "Name as the edition shows it, Arabic", required=True),
    Column("name_en", "string", "Name, English", required=True),
    Column("aliases_ar", "string", 'Other Arabic-script spellings, separated by "|"'),
    Column("aliases_en", "string", 'Other Latin-script spellings, separated by "|"'),
    Column("role_ar", "string", "One-line role, Arabic", required=True),
    Column("role_en", "string", "One-line role, English", required=True),
    Column("description_ar", "string", "Short description, Arabic", required=True),
    Column("description_en", "string", "Short description, English", required=True),
    EVIDENCE,
    Column("same_as", "list", 'Verified authority links (e.g. Wikidata), separated by "|"'),
    Column("official_site", "string", "The entity's own website (outside the article; see official_site_source)"),
    Column("official_site_source", "string", "Id in sources.csv of where the official site was checked"),
)


# The source of an official site is a row of sources.csv (empty when the entity has no site).
SITE_SOURCE = ForeignKey(("official_site_source",), "sources", ("id",))


def _register_row(entity: Any) -> list[Any]:
    return [
        entity.id,
        entity.kind,
        entity.name.ar,
        entity.name.en,
        _join(entity.aliases.ar),
        _join(entity.aliases.en),
        entity.role.ar,
        entity.role.en,
        entity.description.ar,
        entity.description.en,
        _evidence(entity.evidence),
        _join(entity.same_as),
        str(entity.official_site.url) if entity.official_site else "",
        entity.official_site.source if entity.official_site else "",
    ]


def _register(etype: EntityType) -> Table:
    folder = paths.TYPE_DIRS[etype]
    return Table(
        name=folder,
        title=f"Register: {folder}",
        description=f"The {folder} register (the rows of entities.csv whose type is {etype}).",
        columns=REGISTER_COLUMNS,
        primary_key=("id",),
        foreign_keys=(ForeignKey(("id",), "entities", ("id",)), SITE_SOURCE),
        rows=lambda data: [_register_row(e) for e in data.of_type(etype)],
    )


def _paragraph_rows(data: Dataset) -> list[list[Any]]:
    article = data.article
    return [[p.id, p.kind, p.text, article.translation.paragraphs[p.id]] for p in article.paragraphs.values()]


def _mention_rows(data: Dataset) -> list[list[Any]]:
    from .integrity import find_span

    rows = []
    for pid, items in data.article.mentions.items():
        text = data.article.paragraphs[pid].text
        for m in items:
            span = find_span(text, m.surface, m.occurrence)
            assert span is not None  # integrity.check() guarantees it
            rows.append([pid, m.surface, m.occurrence, span[0], m.entity, m.en, m.en_occurrence if m.en else None])
    return rows


def _relation_rows(data: Dataset) -> list[list[Any]]:
    return [[e.id, r.type, r.target, _evidence(r.evidence)] for e in data.entities.values() for r in e.relations]


def _entity_link_rows(data: Dataset) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for ev in data.article.events:
        for fld in ("actors", "platforms", "places"):
            rows += [["events", ev.id, fld, e] for e in getattr(ev, fld)]
    for cx in data.context:
        for fld in ("actors", "platforms", "places"):
            rows += [["context", cx.id, fld, e] for e in getattr(cx, fld)]
    for c in data.article.claims:
        rows += [["claims", c.id, "about", e] for e in c.about]
    return _unique(rows)


def _unique(rows: list[list[Any]]) -> list[list[Any]]:
    """One row per reference (two external facts may cite the same source)."""
    return [list(r) for r in dict.fromkeys(tuple(r) for r in rows)]


def _source_link_rows(data: Dataset) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for n in data.article.notes:
        rows += [["notes", n.id, "sources", s] for s in n.sources]
    for cx in data.context:
        rows += [["context", cx.id, "sources", s] for s in cx.sources]
    for e in data.entities.values():
        rows += [["entities", e.id, "external", x.source] for x in e.external]
    return _unique(rows)


def tables(data: Dataset) -> list[Table]:
    """Every table of the dataset, in the order the Data page lists them."""
    basis_ids = tuple(data.date_bases)
    paragraph_fk = ForeignKey(("para",), "paragraphs", ("id",))
    return [
        Table(
            name="entities",
            title="Entities",
            description="Every register entry (people, organisations, platforms, places) in one table.",
            columns=(
                REGISTER_COLUMNS[0],
                Column("type", "string", "Register", enum=ENTITY_TYPES, required=True),
                *REGISTER_COLUMNS[1:],
            ),
            primary_key=("id",),
            foreign_keys=(SITE_SOURCE,),
            rows=lambda d: [[r[0], d.entity_types[r[0]], *r[1:]] for r in map(_register_row, d.entities.values())],
        ),
        *(_register(t) for t in ENTITY_TYPES),
        Table(
            name="paragraphs",
            title="Paragraphs",
            description="The article's text, exactly as received, and this edition's translation, by paragraph.",
            columns=(
                Column("id", "string", "Paragraph id (p1…pN), the anchor in the article page", required=True),
                Column("kind", "string", "Kind of line", enum=("paragraph", "heading", "box-heading", "bullet")),
                Column("text_ar", "string", "Arabic text exactly as received (bullet marker removed)"),
                Column("text_en", "string", "This edition's English translation"),
            ),
            primary_key=("id",),
            rows=_paragraph_rows,
        ),
        Table(
            name="mentions",
            title="Mentions",
            description="Where the text names an entity: the exact characters in a paragraph.",
            columns=(
                Column("para", "string", "Paragraph id", required=True),
                Column("surface", "string", "Exact characters in the Arabic paragraph", required=True),
                Column("occurrence", "integer", "Which occurrence of the surface (1-based)", required=True),
                Column("start", "integer", "Character offset of the span in the paragraph", required=True),
                Column("entity", "string", "Entity id", required=True),
                Column("en", "string", "The same mention in the English translation"),
                Column("en_occurrence", "integer", "Which occurrence of `en` in the English paragraph"),
            ),
            primary_key=("para", "surface", "occurrence"),
            foreign_keys=(paragraph_fk, ForeignKey(("entity",), "entities", ("id",))),
            rows=_mention_rows,
        ),
        Table(
            name="relations",
            title="Relations",
            description="Relations between entities, read subject → type → target, each with evidence.",
            columns=(
                Column("subject", "string", "Entity id", required=True),
                Column("type", "string", "Kind of relation", enum=get_args(RelationType), required=True),
                Column("target", "string", "Entity id", required=True),
                EVIDENCE,
            ),
            primary_key=("subject", "type", "target"),
            foreign_keys=(
                ForeignKey(("subject",), "entities", ("id",)),
                ForeignKey(("target",), "entities", ("id",)),
            ),
            rows=_relation_rows,
        ),
        Table(
            name="events",
            title="Events",
            description="Events the article reports, with the time expression and the date derived from it.",
            columns=(
                ID,
                Column("label_ar", "string", "Short title, Arabic", required=True),
                Column("label_en", "string", "Short title, English", required=True),
                Column("date", "date", "Calendar date derived from the article's wording", required=True),
                Column("date_end", "date", "Last day, for ranges"),
                TIME_OF_DAY,
                PRECISION,
                Column("certainty", "string", "stated, inferred or uncertain", enum=get_args(Certainty)),
                Column("date_basis", "string", "How the date was derived (data/date_bases.yaml)", enum=basis_ids),
                Column("when_quote", "string", "The article's time expression, exactly", required=True),
                Column("when_para", "string", "Paragraph holding the time expression", required=True),
                Column("actors", "list", 'Entity ids of who took part, separated by "|"'),
                Column("platforms", "list", 'Platform entity ids, separated by "|"'),
                Column("places", "list", 'Place entity ids, separated by "|"'),
                EVIDENCE,
            ),
            primary_key=("id",),
            foreign_keys=(ForeignKey(("when_para",), "paragraphs", ("id",)),),
            rows=lambda d: [
                [
                    ev.id,
                    ev.label.ar,
                    ev.label.en,
                    _date(ev.date),
                    _date(ev.date_end),
                    ev.time_of_day,
                    ev.precision,
                    ev.certainty,
                    ev.date_basis,
                    ev.when.quote,
                    ev.when.para,
                    _join(ev.actors),
                    _join(ev.platforms),
                    _join(ev.places),
                    _evidence(ev.evidence),
                ]
                for ev in d.article.events
            ],
        ),
        Table(
            name="context",
            title="Context events",
            description="Events from outside the article that a reader needs, each with public sources.",
            columns=(
                ID,
                Column("label_ar", "string", "Short title, Arabic", required=True),
                Column("label_en", "string", "Short title, English", required=True),
                Column("summary_ar", "string", "What happened, Arabic (paraphrased from the sources)"),
                Column("summary_en", "string", "What happened, English (paraphrased from the sources)"),
                Column("date", "date", "Calendar date", required=True),
                Column("date_end", "date", "Last day, for ranges"),
                TIME_OF_DAY,
                PRECISION,
                Column("actors", "list", 'Entity ids, separated by "|"'),
                Column("platforms", "list", 'Platform entity ids, separated by "|"'),
                Column("places", "list", 'Place entity ids, separated by "|"'),
                Column("sources", "list", 'Source ids, separated by "|"', required=True),
                Column("relates_to", "list", 'Ids of article events, separated by "|"'),
            ),
            primary_key=("id",),
            rows=lambda d: [
                [
                    cx.id,
                    cx.label.ar,
                    cx.label.en,
                    cx.summary.ar,
                    cx.summary.en,
                    _date(cx.date),
                    _date(cx.date_end),
                    cx.time_of_day,
                    cx.precision,
                    _join(cx.actors),
                    _join(cx.platforms),
                    _join(cx.places),
                    _join(cx.sources),
                    _join(cx.relates_to),
                ]
                for cx in d.context
            ],
        ),
        Table(
            name="claims",
            title="Claims",
            description="Who said what, with the attribution as the article gives it.",
            columns=(
                ID,
                Column("speaker", "string", "Entity id of who says it", required=True),
                Column("form", "string", "How it is attributed", enum=("quote", "reported", "narration")),
                Column("attribution_quote", "string", "The attributing words, exactly", required=True),
                Column("attribution_para", "string", "Paragraph holding the attributing words", required=True),
                Column("content_ar", "string", "What is said, paraphrased, Arabic"),
                Column("content_en", "string", "What is said, paraphrased, English"),
                Column("about", "list", 'Entity ids the statement is about, separated by "|"'),
                EVIDENCE,
            ),
            primary_key=("id",),
            foreign_keys=(
                ForeignKey(("speaker",), "entities", ("id",)),
                ForeignKey(("attribution_para",), "paragraphs", ("id",)),
            ),
            rows=lambda d: [
                [
                    c.id,
                    c.speaker,
                    c.form,
                    c.attribution.quote,
                    c.attribution.para,
                    c.content.ar,
                    c.content.en,
                    _join(c.about),
                    _evidence(c.evidence),
                ]
                for c in d.article.claims
            ],
        ),
        Table(
            name="notes",
            title="Editorial notes",
            description="Where the Arabic adaptation departs from the English original.",
            columns=(
                ID,
                Column("type", "string", "Kind of departure", enum=get_args(NoteType), required=True),
                Column("para", "string", "Paragraph the note is about", required=True),
                Column("quote", "string", "Exact Arabic words the note is about", required=True),
                Column("title_ar", "string", "Short title, Arabic"),
                Column("title_en", "string", "Short title, English"),
                Column("original_ar", "string", "What the original says (paraphrased), Arabic"),
                Column("original_en", "string", "What the original says (paraphrased), English"),
                Column("comment_ar", "string", "The editors' explanation, Arabic"),
                Column("comment_en", "string", "The editors' explanation, English"),
                Column(
                    "certainty",
                    "string",
                    "How the note was checked",
                    enum=("verified_against_copy", "secondary"),
                    required=True,
                ),
                Column("sources", "list", 'Source ids, separated by "|"', required=True),
                Column(
                    "alternatives",
                    "string",
                    'The original\'s dates for events, each "event-id: date [part of day]", separated by "|"',
                ),
            ),
            primary_key=("id",),
            foreign_keys=(paragraph_fk,),
            rows=lambda d: [
                [
                    n.id,
                    n.type,
                    n.para,
                    n.quote,
                    n.title.ar,
                    n.title.en,
                    n.original.ar,
                    n.original.en,
                    n.comment.ar,
                    n.comment.en,
                    n.certainty,
                    _join(n.sources),
                    _join(
                        f"{a.event}: {a.date.isoformat()}" + (f" {a.time_of_day}" if a.time_of_day else "")
                        for a in n.alternatives
                    ),
                ]
                for n in d.article.notes
            ],
        ),
        Table(
            name="sources",
            title="Sources",
            description="Public sources of the facts from outside the article.",
            columns=(
                ID,
                Column("title", "string", "Title of the page", required=True),
                Column("publisher", "string", "Who published it", required=True),
                Column("url", "string", "Public address", required=True),
                Column("date", "date", "Publication date, if known"),
                Column("language", "string", "Language of the page", enum=get_args(SourceLang), required=True),
            ),
            primary_key=("id",),
            rows=lambda d: [
                [s.id, s.title, s.publisher, str(s.url), _date(s.date), s.language] for s in d.sources.values()
            ],
        ),
        Table(
            name="entity_links",
            title="Entity references",
            description="Every entity id listed in events, context events and claims, one per row (checked keys).",
            columns=(
                Column("table", "string", "Table of the referring row", enum=("events", "context", "claims")),
                Column("id", "string", "Id of the referring row", required=True),
                Column("field", "string", "Column of the reference", enum=("actors", "platforms", "places", "about")),
                Column("entity", "string", "Entity id", required=True),
            ),
            primary_key=("table", "id", "field", "entity"),
            foreign_keys=(ForeignKey(("entity",), "entities", ("id",)),),
            rows=_entity_link_rows,
        ),
        Table(
            name="source_links",
            title="Source references",
            description="Every source id cited by notes, context events and external facts, one per row.",
            columns=(
                Column("table", "string", "Table of the referring row", enum=("notes", "context", "entities")),
                Column("id", "string", "Id of the referring row", required=True),
                Column("field", "string", "Field of the reference", enum=("sources", "external")),
                Column("source", "string", "Source id", required=True),
            ),
            primary_key=("table", "id", "field", "source"),
            foreign_keys=(ForeignKey(("source",), "sources", ("id",)),),
            rows=_source_link_rows,
        ),
    ]


def csv_text(table: Table, data: Dataset) -> str:
    """The table as CSV: UTF-8 with a byte order mark, every cell through escape.csv_cell."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    for row in table.rows(data):
        assert len(row) == len(table.columns), table.name
        writer.writerow([escape.csv_cell(v) for v in row])
    return out.getvalue()
