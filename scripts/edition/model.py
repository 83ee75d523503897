"""The shape of the edition's data: one pydantic model per kind of YAML record.

The models check shape only (types, required fields, allowed values). Whether ids resolve and
quotes are found in the text is the integrity check's job (integrity.py), because it needs the
whole dataset at once.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, model_validator

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PARA_PATTERN = r"^p[1-9][0-9]*$"

Lang = Literal["ar", "en"]
# Languages a cited source may be in (the edition itself is published in Lang only).
SourceLang = Literal["ar", "en", "ru"]
LANGS: tuple[Lang, ...] = ("ar", "en")

# ---- Text fields -------------------------------------------------------------------------------
# Every string of the data is one line of plain text: the pages escape it for where it lands
# (escape.py), so ordinary characters such as " | < * are welcome. Refused, because no escaping
# can make them right: line breaks and other control characters (a heading or a table row would
# split), the bidirectional embedding, override and isolate controls (U+202A–U+202E,
# U+2066–U+2069: one stray override mirrors everything after it on the page), blank values, white
# space at either end, and values past a length limit (README: "Data is text").
LINE_MAX = 300  # names, titles, labels, roles, quotes
PROSE_MAX = 3000  # descriptions, summaries, comments, translated paragraphs
BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))


def _checked(value: str, limit: int) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    if value != value.strip():
        raise ValueError("must not begin or end with white space")
    for index, ch in enumerate(value):
        if ch in BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Zl", "Zp"):
            name = unicodedata.name(ch, "control character")
            raise ValueError(f"contains U+{ord(ch):04X} ({name}) at character {index + 1}: not allowed in text")
    if len(value) > limit:
        raise ValueError(f"is {len(value)} characters long; the limit is {limit}")
    return value


def _line(value: str) -> str:
    return _checked(value, LINE_MAX)


def _prose(value: str) -> str:
    return _checked(value, PROSE_MAX)


class AnchoredToText:
    """Marks a field whose value must be found in the text (quotes, mention surfaces): the
    integrity check ties it to the article, so it is text the article already holds."""


Line = Annotated[str, AfterValidator(_line)]
Prose = Annotated[str, AfterValidator(_prose)]
Quote = Annotated[str, AfterValidator(_line), AnchoredToText()]


class Strict(BaseModel):
    """Every record rejects unknown fields, so a typo stops the build instead of vanishing."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """Prose in both languages of the edition (one paragraph each)."""

    ar: Prose = Field(description="Arabic")
    en: Prose = Field(description="English")

    def __call__(self, lang: Lang) -> str:
        return self.ar if lang == "ar" else self.en


class Label(Text):
    """A name, title or one-line label in both languages."""

    ar: Line = Field(description="Arabic")
    en: Line = Field(description="English")


class Names(Strict):
    """Other spellings a reader may type, per script/language."""

    ar: list[Line] = Field(default_factory=list, description="Arabic-script variants")
    en: list[Line] = Field(default_factory=list, description="Latin-script variants")


class Evidence(Strict):
    """Where the article says it: a paragraph id and an exact quote from that paragraph."""

    article: str | None = Field(
        default=None,
        pattern=ID_PATTERN,
        description="Article id; defaults to the article whose folder holds the record",
    )
    para: str = Field(pattern=PARA_PATTERN, description="Paragraph id, e.g. p4")
    quote: Quote = Field(min_length=2, description="Exact substring of that paragraph")
    en: Quote | None = Field(
        default=None,
        description="The same words in this edition's English translation of that paragraph (an exact substring)",
    )


class External(Strict):
    """A statement from outside the article, always with a public source."""

    statement: Text = Field(description="What the outside source says, in both languages (paraphrased)")
    source: str = Field(pattern=ID_PATTERN, description="Id in data/sources.yaml")


class OfficialSite(Strict):
    """The entity's own website, as a public source attests it (outside the article)."""

    url: HttpUrl = Field(description="The address of the entity's own site")
    source: str = Field(pattern=ID_PATTERN, description="Id in data/sources.yaml of where the address was checked")
    note: Text | None = Field(
        default=None, description="What a reader should know about the address today (renamed, closed…), per the source"
    )


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
    type: RelationType = Field(description="Kind of relation, read subject → type → target")
    target: str = Field(pattern=ID_PATTERN, description="Id of another entity")
    evidence: list[Evidence] = Field(min_length=1, description="Where the article supports the relation")


EntityType = Literal["person", "organisation", "platform", "place"]


class Entity(Strict):
    """A register entry: a person, organisation, platform or place."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id, used in URLs")
    kind: str = Field(pattern=ID_PATTERN, description="Sub-kind, e.g. named, group, country")
    name: Label = Field(description="Name as the edition shows it (Arabic as the article writes it)")
    aliases: Names = Field(default_factory=Names, description="Other spellings and names a reader may type")
    role: Label = Field(description="One line for index tables")
    description: Text = Field(description="Short description from the article")
    evidence: list[Evidence] = Field(default_factory=list, description="Quotes that say who or what this is")
    relations: list[Relation] = Field(
        default_factory=list, description="Relations to other entities, each with evidence"
    )
    external: list[External] = Field(
        default_factory=list, description="Facts from outside the article, each with a source"
    )
    same_as: list[HttpUrl] = Field(default_factory=list, description="Authority links (e.g. Wikidata), verified only")
    official_site: OfficialSite | None = Field(
        default=None, description="The entity's own website (platforms, publishers), with the source that attests it"
    )


class SearchTerms(Strict):
    """A group of words that mean the same to a reader searching (data/search_terms.yaml): search
    aids, not facts; a query holding one term also asks for the others."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id of the group")
    terms: Names = Field(description="Its terms, one or more words each, per script/language")

    @model_validator(mode="after")
    def _two_terms(self) -> SearchTerms:
        if len(self.terms.ar) + len(self.terms.en) < 2:
            raise ValueError("a group needs two terms or more")
        return self


class When(Strict):
    """The time expression exactly as the article words it."""

    quote: Quote = Field(min_length=2, description="The article's time expression, exactly")
    para: str = Field(pattern=PARA_PATTERN, description="Paragraph holding the expression")
    en: Line = Field(min_length=2, description="English rendering of the expression")


TimeOfDay = Literal["morning", "noon", "afternoon", "evening", "night"]
Precision = Literal["day", "part-of-day", "range", "before"]
Certainty = Literal["stated", "inferred", "uncertain"]


class Event(Strict):
    id: str = Field(pattern=ID_PATTERN, description="Stable id, used as the timeline anchor")
    label: Label = Field(description="Short title")
    summary: Text = Field(description="What happened, per the article")
    when: When = Field(description="The time expression as the article words it")
    date: dt.date = Field(description="Calendar date derived from the article's wording")
    date_end: dt.date | None = Field(default=None, description="Last day, for ranges")
    time_of_day: TimeOfDay | None = Field(default=None, description="Part of day the article states")
    date_basis: str = Field(pattern=ID_PATTERN, description="Id in data/date_bases.yaml")
    precision: Precision = Field(description="How precise the date is (day, part-of-day, range, before)")
    certainty: Certainty = Field(description="stated, inferred or uncertain")
    actors: list[str] = Field(default_factory=list, description="Entity ids of who took part")
    platforms: list[str] = Field(default_factory=list, description="Platform entity ids")
    places: list[str] = Field(default_factory=list, description="Place entity ids")
    evidence: list[Evidence] = Field(min_length=1, description="Quotes supporting the event")
    relative_to: str | None = Field(
        default=None,
        pattern=ID_PATTERN,
        description=(
            "Id of a context event (data/context.yaml) when the article dates this event only against it, "
            "as in 'before ISIS lost its territory'. Then precision is 'before' and date is that event's date "
            "(an upper bound, not the day it happened)."
        ),
    )


class ContextEvent(Strict):
    """An event from outside the article that a reader needs; always sourced (data/context.yaml)."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id (shared id space with article events)")
    label: Label = Field(description="Short title")
    summary: Text = Field(description="What happened, paraphrased from the sources")
    date: dt.date = Field(description="Calendar date")
    date_end: dt.date | None = Field(default=None, description="Last day, for ranges")
    time_of_day: TimeOfDay | None = Field(default=None, description="Part of day")
    precision: Precision = Field(description="How precise the date is")
    actors: list[str] = Field(default_factory=list, description="Entity ids")
    platforms: list[str] = Field(default_factory=list, description="Platform entity ids")
    places: list[str] = Field(default_factory=list, description="Place entity ids")
    sources: list[str] = Field(min_length=1, description="Ids in data/sources.yaml")
    relates_to: list[str] = Field(default_factory=list, description="Ids of article events")


NoteType = Literal["omission", "addition", "mistranslation", "factual_error", "attribution", "structure", "spelling"]


class Alternative(Strict):
    """The original's version of an event's date, where a note says the Arabic changed it."""

    event: str = Field(pattern=ID_PATTERN, description="Id of the article event whose date differs")
    date: dt.date = Field(description="The date in the English original")
    time_of_day: TimeOfDay | None = Field(default=None, description="Part of day in the English original")


class OriginalWords(Strict):
    """The English original's own words for what a note is about, or a plain statement that no stored
    copy of the original holds the passage (then nothing is asserted about its wording)."""

    stored: bool = Field(description="True when a stored copy of the English original holds the passage")
    quote: Line | None = Field(
        default=None, description="The English words exactly as the stored copy gives them (only when stored)"
    )
    source: str | None = Field(
        default=None, pattern=ID_PATTERN, description="Id in data/sources.yaml of the stored copy quoted"
    )


class Note(Strict):
    """An editorial note: where the Arabic adaptation departs from the English original."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id, used as the notes page anchor")
    type: NoteType = Field(description="Kind of departure from the original")
    para: str = Field(pattern=PARA_PATTERN, description="Paragraph the note is about")
    quote: Quote = Field(description="Exact Arabic words the note is about")
    quote_en: Quote | None = Field(
        default=None, description="The same words in this edition's English translation of the paragraph"
    )
    title: Label = Field(description="Short title")
    original: Text = Field(description="What the original says, paraphrased (never copied)")
    comment: Text = Field(description="The editors' explanation")
    english: OriginalWords = Field(
        description="The original's exact words where a stored copy has them; otherwise says they are not stored"
    )
    certainty: Literal["verified_against_copy", "secondary"] = Field(description="How the note was checked")
    sources: list[str] = Field(min_length=1, description="Source ids (data/sources.yaml)")
    alternatives: list[Alternative] = Field(
        default_factory=list, description="The original's dates for events, where they differ"
    )


class Attribution(Strict):
    quote: Quote = Field(min_length=2, description="The attributing words, exactly")
    para: str = Field(pattern=PARA_PATTERN, description="Paragraph holding the attributing words")
    en: Quote | None = Field(
        default=None, description="The same words in this edition's English translation of the paragraph"
    )


class Claim(Strict):
    id: str = Field(pattern=ID_PATTERN, description="Stable id, used as the claims page anchor")
    speaker: str = Field(pattern=ID_PATTERN, description="Entity id of who says it")
    form: Literal["quote", "reported", "narration"] = Field(
        description="quote (in «»), reported (X says) or narration (no speaker named)"
    )
    attribution: Attribution = Field(description="The words that attribute the statement")
    content: Text = Field(description="What is said, paraphrased in both languages")
    about: list[str] = Field(default_factory=list, description="Entity ids the statement is about")
    evidence: list[Evidence] = Field(min_length=1, description="Quotes of the statement")
    notes: list[str] = Field(
        default_factory=list,
        description=(
            "Ids of editorial notes that qualify the claim (e.g. words in «» that are not the person's); "
            "the claims page shows them with it"
        ),
    )


class Mention(Strict):
    surface: Quote = Field(description="Exact characters to link")
    entity: str = Field(pattern=ID_PATTERN, description="Entity id the span links to")
    occurrence: int = Field(default=1, ge=1, description="Which occurrence in the paragraph")
    en: Quote | None = Field(default=None, description="The same mention in the English translation")
    en_occurrence: int = Field(default=1, ge=1, description="Which occurrence of `en` in the English paragraph")


class DateBasis(Strict):
    id: str = Field(pattern=ID_PATTERN, description="Stable id")
    label: Label = Field(description="Short name of the rule")
    explanation: Text = Field(description="How dates are derived with this rule")
    source: str | None = Field(pattern=ID_PATTERN, description="Source id for the anchor date, if external")


SourceKind = Literal["primary", "report", "reference", "mirror", "aggregator"]


class Source(Strict):
    id: str = Field(pattern=ID_PATTERN, description="Stable id")
    title: Line = Field(description="Title of the page")
    publisher: Line = Field(description="Who published it")
    url: HttpUrl = Field(description="Public address")
    date: dt.date | None = Field(description="Publication date, if known")
    language: SourceLang = Field(description="Language of the page (ar, en, ru)")
    kind: SourceKind = Field(
        description=(
            "primary (the institution or author itself), report (a news organisation or research body "
            "reporting), reference (a profile or reference page), mirror (a copy of someone else's text), "
            "aggregator (rewrites others' reports)"
        )
    )
    consulted: dt.date = Field(description="When the editors last read the page (its stored copy)")
    archived: HttpUrl | None = Field(default=None, description="An archived copy (e.g. a web archive), where known")
    note: Text | None = Field(
        default=None,
        description="Why a mirror or aggregator is cited (it must be the only stored copy), or another caveat",
    )


ReadingBasis = Literal["original", "secondary", "none"]


class Reading(Strict):
    """The editors' second reading of one paragraph: what it was checked against, how, and the result."""

    para: str = Field(pattern=PARA_PATTERN, description="Paragraph id")
    against: ReadingBasis = Field(
        description=(
            "original (the passage is in a stored copy of the English original), secondary (only reports "
            "by others could be compared) or none (nothing to compare it with)"
        )
    )
    sources: list[str] = Field(default_factory=list, description="Ids in data/sources.yaml of what was compared")
    result: Literal["no_divergence", "notes", "unchecked"] = Field(
        description=(
            "notes (the notes listed say where the Arabic departs), no_divergence, or unchecked "
            "(nothing to compare with: against is none)"
        )
    )
    notes: list[str] = Field(default_factory=list, description="Ids of the notes this reading produced or confirmed")
    remark: Text | None = Field(
        default=None, description="What the reading found that is not a departure (e.g. a time word that fits)"
    )


# A page of the site as a source path with an optional anchor: a link target, not text.
PageRef = Annotated[str, Field(pattern=r"^[a-z0-9_-]+(/[a-z0-9_-]+)*\.md(#[a-z0-9-]+)?$")]


class Change(Strict):
    """One version of the edition: what changed, why, and where (data/changes.yaml)."""

    version: str = Field(pattern=r"^[0-9]+\.[0-9]+$", description="Version number, e.g. 1.1")
    date: dt.date = Field(description="Day the version was published")
    summary: Text = Field(description="What changed")
    reason: Text = Field(description="Why it changed")
    correction: bool = Field(description="True when the change corrects an error the edition had published")
    pages: list[PageRef] = Field(
        default_factory=list,
        description="Pages affected, as source paths with an optional anchor (article.md, notes.md#id…); "
        "the strict build checks that each exists",
    )


class PublicationDate(Strict):
    kind: Literal["published"] = Field(description="Which date this is")
    value: dt.date | None = Field(description="The date, if known")
    not_before: dt.date | None = Field(default=None, description="Earliest possible date, if only that is known")
    status: Literal["known", "inferred", "unknown"] = Field(description="known, inferred or unknown")
    note: Text = Field(description="How the date is known")


class BasedOn(Strict):
    publisher: str = Field(pattern=ID_PATTERN, description="Entity id of the original's publisher")
    author: str = Field(pattern=ID_PATTERN, description="Entity id of the original's author")
    title: Line = Field(description="Title of the original")
    date: dt.date = Field(description="Publication date of the original")
    date_status: Literal["known", "inferred"] = Field(description="known or inferred")
    relation: Text = Field(description="How the article relates to the original")
    copies: list[HttpUrl] = Field(description="Public stored copies of the original")


class Record(Strict):
    """The bibliographic record of one article."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id of the article (its folder name)")
    title: Label = Field(description="Headline")
    outlet: str = Field(pattern=ID_PATTERN, description="Entity id of the publisher")
    language: Lang = Field(description="Language of the text")
    url: HttpUrl = Field(description="Address of the published article")
    dates: list[PublicationDate] = Field(description="Publication dates")
    based_on: BasedOn = Field(description="The English original it adapts")
    structure: dict[str, Literal["heading", "box-heading"]] = Field(
        description="Paragraph ids of headings (the rest are paragraphs or bullets)"
    )
    text_sha256: str = Field(
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 of text.ar.txt as received: every build and `make validate` stop if the text differs",
    )
    unlinked: bool = Field(
        default=False,
        description="True only when the text is published on purpose without entity links (empty mentions.yaml)",
    )


class Translation(Strict):
    translator: Line = Field(description="Who translated")
    paragraphs: dict[str, Prose] = Field(description="English text per paragraph id")
