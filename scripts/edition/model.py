"""The shape of the edition's data: one pydantic model per kind of YAML record.

The models check shape only (types, required fields, allowed values). Whether ids resolve and
quotes are found in the text is the integrity check's job (integrity.py), because it needs the
whole dataset at once.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PARA_PATTERN = r"^p[1-9][0-9]*$"

Lang = Literal["ar", "en"]
LANGS: tuple[Lang, ...] = ("ar", "en")


class Strict(BaseModel):
    """Every record rejects unknown fields, so a typo stops the build instead of vanishing."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A string in both languages of the edition."""

    ar: str = Field(min_length=1, description="Arabic")
    en: str = Field(min_length=1, description="English")

    def __call__(self, lang: Lang) -> str:
        return self.ar if lang == "ar" else self.en


class Names(Strict):
    """Other spellings a reader may type, per script/language."""

    ar: list[str] = Field(default_factory=list, description="Arabic-script variants")
    en: list[str] = Field(default_factory=list, description="Latin-script variants")


class Evidence(Strict):
    """Where the article says it: a paragraph id and an exact quote from that paragraph."""

    article: str | None = Field(
        default=None,
        pattern=ID_PATTERN,
        description="Article id; defaults to the article whose folder holds the record",
    )
    para: str = Field(pattern=PARA_PATTERN, description="Paragraph id, e.g. p4")
    quote: str = Field(min_length=2, description="Exact substring of that paragraph")


class External(Strict):
    """A statement from outside the article, always with a public source."""

    statement: Text
    source: str = Field(pattern=ID_PATTERN, description="Id in data/sources.yaml")


RelationType = Literal[
    "member_of",
    "nationality",
    "studies",
    "writes_for",
    "supports",
    "posted_on",
    "questioned",
    "operated_in",
    "hosted_on",
    "developed",
    "developed_by",
    "based_in",
    "targets",
    "located_in",
]


class Relation(Strict):
    type: RelationType
    target: str = Field(pattern=ID_PATTERN, description="Id of another entity")
    evidence: list[Evidence] = Field(min_length=1)


EntityType = Literal["person", "organisation", "platform", "place"]


class Entity(Strict):
    """A register entry: a person, organisation, platform or place."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id, used in URLs")
    kind: str = Field(pattern=ID_PATTERN, description="Sub-kind, e.g. named, group, country")
    name: Text
    aliases: Names = Field(default_factory=Names)
    role: Text = Field(description="One line for index tables")
    description: Text
    evidence: list[Evidence] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    external: list[External] = Field(default_factory=list)
    same_as: list[HttpUrl] = Field(default_factory=list, description="Authority links (e.g. Wikidata), verified only")


class When(Strict):
    """The time expression exactly as the article words it."""

    quote: str = Field(min_length=2)
    para: str = Field(pattern=PARA_PATTERN)
    en: str = Field(min_length=2, description="English rendering of the expression")


TimeOfDay = Literal["morning", "noon", "afternoon", "evening", "night"]
Precision = Literal["day", "part-of-day", "range", "before"]
Certainty = Literal["stated", "inferred", "uncertain"]


class Event(Strict):
    id: str = Field(pattern=ID_PATTERN)
    label: Text
    summary: Text
    when: When
    date: dt.date = Field(description="Calendar date derived from the article's wording")
    date_end: dt.date | None = None
    time_of_day: TimeOfDay | None = None
    date_basis: str = Field(pattern=ID_PATTERN, description="Id in data/date_bases.yaml")
    precision: Precision
    certainty: Certainty
    actors: list[str] = Field(default_factory=list)
    platforms: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(min_length=1)


class ContextEvent(Strict):
    """An event from outside the article that a reader needs; always sourced (data/context.yaml)."""

    id: str = Field(pattern=ID_PATTERN)
    label: Text
    summary: Text
    date: dt.date
    date_end: dt.date | None = None
    time_of_day: TimeOfDay | None = None
    precision: Precision
    actors: list[str] = Field(default_factory=list)
    platforms: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    sources: list[str] = Field(min_length=1, description="Ids in data/sources.yaml")
    relates_to: list[str] = Field(default_factory=list, description="Ids of article events")


NoteType = Literal["omission", "addition", "mistranslation", "factual_error", "attribution", "structure", "spelling"]


class Alternative(Strict):
    """The original's version of an event's date, where a note says the Arabic changed it."""

    event: str = Field(pattern=ID_PATTERN)
    date: dt.date
    time_of_day: TimeOfDay | None = None


class Note(Strict):
    """An editorial note: where the Arabic adaptation departs from the English original."""

    id: str = Field(pattern=ID_PATTERN)
    type: NoteType
    para: str = Field(pattern=PARA_PATTERN)
    quote: str = Field(min_length=1, description="Exact Arabic words the note is about")
    title: Text
    original: Text = Field(description="What the original says, paraphrased (never copied)")
    comment: Text
    certainty: Literal["verified_against_copy", "secondary"]
    sources: list[str] = Field(min_length=1)
    alternatives: list[Alternative] = Field(default_factory=list)


class Attribution(Strict):
    quote: str = Field(min_length=2, description="The attributing words, exactly")
    para: str = Field(pattern=PARA_PATTERN)


class Claim(Strict):
    id: str = Field(pattern=ID_PATTERN)
    speaker: str = Field(pattern=ID_PATTERN, description="Entity id of who says it")
    form: Literal["quote", "reported", "narration"]
    attribution: Attribution
    content: Text
    about: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(min_length=1)


class Mention(Strict):
    surface: str = Field(min_length=1, description="Exact characters to link")
    entity: str = Field(pattern=ID_PATTERN)
    occurrence: int = Field(default=1, ge=1, description="Which occurrence in the paragraph")


class DateBasis(Strict):
    id: str = Field(pattern=ID_PATTERN)
    label: Text
    explanation: Text
    source: str | None = Field(pattern=ID_PATTERN)


class Source(Strict):
    id: str = Field(pattern=ID_PATTERN)
    title: str
    publisher: str
    url: HttpUrl
    date: dt.date | None
    language: Lang


class PublicationDate(Strict):
    kind: Literal["published"]
    value: dt.date | None
    not_before: dt.date | None = None
    status: Literal["known", "inferred", "unknown"]
    note: Text


class BasedOn(Strict):
    publisher: str = Field(pattern=ID_PATTERN)
    author: str = Field(pattern=ID_PATTERN)
    title: str
    date: dt.date
    date_status: Literal["known", "inferred"]
    relation: Text
    copies: list[HttpUrl]


class Record(Strict):
    """The bibliographic record of one article."""

    id: str = Field(pattern=ID_PATTERN)
    title: Text
    outlet: str = Field(pattern=ID_PATTERN)
    language: Lang
    url: HttpUrl
    dates: list[PublicationDate]
    based_on: BasedOn
    structure: dict[str, Literal["heading", "box-heading"]]


class Translation(Strict):
    translator: str
    paragraphs: dict[str, str]
