"""Read the YAML data into typed records, naming file, item and field on any error.

Layout (see README): data/entities/<type>.yaml, data/sources.yaml, data/date_bases.yaml, and one
folder per article under data/articles/<id>/ holding the verbatim text and what refers to it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .model import (
    Change,
    Claim,
    ContextEvent,
    DateBasis,
    Entity,
    EntityType,
    Event,
    Mention,
    Note,
    Reading,
    Record,
    SearchTerms,
    Source,
    Translation,
)
from .normalise import content_tokens

# Register files and the entity type each one holds. The order is the order of the site's sections.
ENTITY_FILES: dict[EntityType, str] = {
    "person": "people.yaml",
    "organisation": "organisations.yaml",
    "platform": "platforms.yaml",
    "place": "places.yaml",
}

M = TypeVar("M", bound=BaseModel)


class DataError(Exception):
    """Bad data. Each line of the message names the file, the item and the field."""

    def __init__(self, problems: Iterable[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def problem(file: Path | str, item: str | None, fld: str | None, message: str) -> str:
    parts = [str(file)]
    if item is not None:
        parts.append(f"item '{item}'")
    if fld is not None:
        parts.append(f"field '{fld}'")
    return ": ".join([*parts, message])


# libyaml's parser when PyYAML was built with it (the wheels are): the data is read for every
# build and every `mkdocs serve` rebuild, and the pure-Python parser is about 5 times slower.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):
    """PyYAML keeps the last of two equal keys; we refuse them instead.

    Dates stay strings here (no implicit timestamps): the models parse them, so an impossible date
    such as 2019-02-30 is reported against its field instead of crashing the YAML reader.
    """

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[Any, Any]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key '{key}'", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def read_text(path: Path) -> str:
    """A data file's text; a missing file or one that is not UTF-8 is a DataError, not a traceback."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError([problem(path, None, None, "file is missing")]) from None
    except OSError as exc:
        raise DataError([problem(path, None, None, f"cannot be read: {exc.strerror}")]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"not UTF-8 text: byte 0x{raw[exc.start]:02x} on line {line} (save the file as UTF-8)"
        raise DataError([problem(path, None, None, message)]) from None


def read_yaml(path: Path) -> Any:
    text = read_text(path)
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as exc:
        raise DataError([problem(path, None, None, f"invalid YAML: {' '.join(str(exc).split())}")]) from None


def _field_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_items(path: Path, raw: Any, model: type[M], problems: list[str]) -> list[M]:
    """Validate a YAML list of records; collect every problem rather than stopping at the first."""
    if not isinstance(raw, list):
        problems.append(problem(path, None, None, "expected a list of items"))
        return []
    items: list[M] = []
    for index, entry in enumerate(raw):
        item_id = entry.get("id") if isinstance(entry, dict) else None
        label = str(item_id) if item_id else f"#{index + 1}"
        try:
            items.append(model.model_validate(entry))
        except ValidationError as exc:
            for err in exc.errors():
                problems.append(problem(path, label, _field_path(err["loc"]), err["msg"]))
    return items


def parse_one(path: Path, raw: Any, model: type[M], problems: list[str]) -> M | None:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            problems.append(problem(path, None, _field_path(err["loc"]), err["msg"]))
        return None


@dataclass(frozen=True)
class Paragraph:
    """One non-empty line of the verbatim text."""

    id: str
    kind: str  # paragraph | heading | box-heading | bullet
    text: str  # the line without its bullet marker; otherwise exactly as received
    marker: str = ""  # "- " for bullets: markup, not text


@dataclass
class Article:
    dir: Path
    record: Record
    source_text: str
    paragraphs: dict[str, Paragraph]
    translation: Translation
    mentions: dict[str, list[Mention]]
    events: list[Event]
    claims: list[Claim]
    notes: list[Note] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.record.id


@dataclass
class Dataset:
    root: Path
    entities: dict[str, Entity] = field(default_factory=dict)
    entity_types: dict[str, EntityType] = field(default_factory=dict)
    entity_files: dict[str, Path] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    date_bases: dict[str, DateBasis] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    context: list[ContextEvent] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    search_terms: list[SearchTerms] = field(default_factory=list)

    def of_type(self, etype: EntityType) -> list[Entity]:
        return [e for e in self.entities.values() if self.entity_types[e.id] == etype]

    @property
    def article(self) -> Article:
        """The edition's article (the data model allows more; the site publishes the first)."""
        return next(iter(self.articles.values()))


BULLET = "- "


def split_paragraphs(text: str, structure: Mapping[str, str]) -> dict[str, Paragraph]:
    """Number the non-empty lines p1…pN. Bullets lose their "- " marker, nothing else changes."""
    paras: dict[str, Paragraph] = {}
    lines = [line for line in text.split("\n") if line.strip()]
    for number, line in enumerate(lines, start=1):
        pid = f"p{number}"
        if line.startswith(BULLET):
            paras[pid] = Paragraph(pid, "bullet", line[len(BULLET) :], BULLET)
        else:
            paras[pid] = Paragraph(pid, structure.get(pid, "paragraph"), line)
    return paras


def verbatim_problem(path: Path, text: str, expected: str) -> str | None:
    """Why the text is not the text as received (its SHA-256 is in record.yaml), or None."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest == expected:
        return None
    why = "it starts with a byte-order mark; " if text.startswith("\ufeff") else ""
    why += "it has Windows line endings; " if "\r" in text else ""
    return problem(
        path,
        None,
        None,
        f"is not the text as received: {why}its SHA-256 is {digest}, record.yaml field 'text_sha256' says "
        f"{expected}. Restore the text; never edit it to fix a quote.",
    )


def load_article(folder: Path, problems: list[str]) -> Article | None:
    record = parse_one(folder / "record.yaml", read_yaml(folder / "record.yaml"), Record, problems)
    text_path = folder / "text.ar.txt"
    source_text = read_text(text_path)
    if record is not None and (why := verbatim_problem(text_path, source_text, record.text_sha256)):
        problems.append(why)
    translation = parse_one(folder / "text.en.yaml", read_yaml(folder / "text.en.yaml"), Translation, problems)
    raw_mentions = read_yaml(folder / "mentions.yaml")
    mentions: dict[str, list[Mention]] = {}
    mpath = folder / "mentions.yaml"
    if raw_mentions is None:
        raw_mentions = {}
    if not isinstance(raw_mentions, dict):
        problems.append(problem(mpath, None, None, "expected a mapping of paragraph id to mentions"))
        raw_mentions = {}
    for pid, items in raw_mentions.items():
        parsed: list[Mention] = []
        if not isinstance(items, list):
            problems.append(problem(mpath, str(pid), str(pid), "expected a list of mentions"))
            continue
        for index, entry in enumerate(items):
            try:
                parsed.append(Mention.model_validate(entry))
            except ValidationError as exc:
                for err in exc.errors():
                    where = f"{pid}[{index}]" + (f".{_field_path(err['loc'])}" if err["loc"] else "")
                    problems.append(problem(mpath, pid, where, err["msg"]))
        mentions[str(pid)] = parsed
    events = parse_items(folder / "events.yaml", read_yaml(folder / "events.yaml"), Event, problems)
    claims = parse_items(folder / "claims.yaml", read_yaml(folder / "claims.yaml"), Claim, problems)
    notes_path = folder / "notes.yaml"
    notes = parse_items(notes_path, read_yaml(notes_path), Note, problems) if notes_path.exists() else []
    readings_path = folder / "readings.yaml"
    readings = parse_items(readings_path, read_yaml(readings_path), Reading, problems) if readings_path.exists() else []
    if record is None or translation is None:
        return None
    if record.id != folder.name:
        problems.append(problem(folder / "record.yaml", record.id, "id", f"must equal folder name '{folder.name}'"))
    if not any(mentions.values()) and not record.unlinked:
        problems.append(
            problem(
                mpath,
                None,
                None,
                "no mentions: the article would be published without a single entity link. Restore the "
                "mentions, or set 'unlinked: true' in record.yaml if that is intended",
            )
        )
    return Article(
        dir=folder,
        record=record,
        source_text=source_text,
        paragraphs=split_paragraphs(source_text, record.structure),
        translation=translation,
        mentions=mentions,
        events=events,
        claims=claims,
        notes=notes,
        readings=readings,
    )


def load(root: Path) -> Dataset:
    """Load every data file under root. Raises DataError listing every shape problem found.

    Integrity (ids resolve, quotes are found) is checked separately by integrity.check().
    """
    root = root.resolve()
    try:
        return _load(root)
    except DataError as exc:
        raise DataError(relative(exc.problems, root)) from None


def _load(root: Path) -> Dataset:
    problems: list[str] = []
    data = Dataset(root=root)
    for etype, filename in ENTITY_FILES.items():
        path = root / "entities" / filename
        for entity in parse_items(path, read_yaml(path), Entity, problems):
            if entity.id in data.entities:
                first = data.entity_files[entity.id]
                problems.append(problem(path, entity.id, "id", f"duplicate id (first in {first})"))
                continue
            data.entities[entity.id] = entity
            data.entity_types[entity.id] = etype
            data.entity_files[entity.id] = path
    sources_path, bases_path = root / "sources.yaml", root / "date_bases.yaml"
    for source in parse_items(sources_path, read_yaml(sources_path), Source, problems):
        if source.id in data.sources:
            problems.append(problem(sources_path, source.id, "id", "duplicate id"))
        data.sources[source.id] = source
    for basis in parse_items(bases_path, read_yaml(bases_path), DateBasis, problems):
        if basis.id in data.date_bases:
            problems.append(problem(bases_path, basis.id, "id", "duplicate id"))
        data.date_bases[basis.id] = basis
    context_path = root / "context.yaml"
    if context_path.exists():
        data.context = parse_items(context_path, read_yaml(context_path), ContextEvent, problems)
    changes_path = root / "changes.yaml"
    if changes_path.exists():
        data.changes = parse_items(changes_path, read_yaml(changes_path), Change, problems)
    terms_path = root / "search_terms.yaml"
    if terms_path.exists():
        data.search_terms = parse_items(terms_path, read_yaml(terms_path), SearchTerms, problems)
        problems.extend(search_terms_problems(terms_path, data.search_terms))
    articles_dir = root / "articles"
    for folder in sorted(p for p in articles_dir.iterdir() if p.is_dir()):
        article = load_article(folder, problems)
        if article is not None:
            data.articles[article.id] = article
    if not data.articles and not problems:
        problems.append(problem(articles_dir, None, None, "no article folder found"))
    if problems:
        raise DataError(problems)
    return data


def search_terms_problems(path: Path, groups: list[SearchTerms]) -> list[str]:
    """Ids unique; every term holds a word search can match (not only stop words); a term (as
    search matches it: folded, stop words out) belongs to one group only."""
    out: list[str] = []
    ids: set[str] = set()
    owner: dict[tuple[str, ...], str] = {}
    for group in groups:
        if group.id in ids:
            out.append(problem(path, group.id, "id", "duplicate id"))
        ids.add(group.id)
        for lang in ("ar", "en"):
            for index, term in enumerate(getattr(group.terms, lang)):
                words = tuple(content_tokens(term))
                where = f"terms.{lang}[{index}]"
                if not words:
                    out.append(problem(path, group.id, where, f"'{term}' holds only stop words"))
                elif words in owner and owner[words] != group.id:
                    out.append(problem(path, group.id, where, f"'{term}' is also a term of '{owner[words]}'"))
                elif words in owner:
                    out.append(problem(path, group.id, where, f"'{term}' is listed twice"))
                owner.setdefault(words, group.id)
    return out


def relative(problems: list[str], root: Path) -> list[str]:
    """Name files as the project does (data/…), wherever the data folder sits."""
    prefix = str(root.resolve().parent) + "/"
    return [p.replace(prefix, "") for p in problems]
