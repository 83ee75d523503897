"""Integrity of the whole dataset: ids resolve, ids are unique, quotes are found in their paragraph,
mentions match the text and do not overlap, and the translation aligns with the text.

Every problem names the file, the item and the field, and all problems are reported at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .load import Article, DataError, Dataset, problem, relative
from .model import LANGS, ContextEvent, Event, Evidence, Note

# Anchors the generated pages already use. An item id equal to one (or shaped like one) would
# give two elements the same id: the link, the table of contents or the cite box would jump to
# the wrong place. Register pages are <type>/<id>/, so an entity may not be called "index".
RESERVED_ANCHORS = frozenset(
    {
        "table",
        "list",
        "key-points",
        "how-to-read",
        "register",
        "more",
        "cite-this-page",
        "graph-title",
        "second-reading",
    }
)
RESERVED_PATTERNS = (
    (re.compile(r"^p[0-9]+(-|$)"), "paragraph anchors (p1, p1-…)"),
    (re.compile(r"^day-"), "the timeline's day headings"),
    (re.compile(r"^cite-"), "the cite box"),
    (re.compile(r"^reading-"), "the second reading of each paragraph on the notes page"),
    (re.compile(r"-title$"), "the headings of events, claims and notes (<id>-title)"),
)
RESERVED_ENTITY_IDS = frozenset({"index"})


def reserved(item_id: str) -> str | None:
    """Why an event, claim or note id would collide with an anchor of its page, or None."""
    if item_id in RESERVED_ANCHORS:
        return f"id '{item_id}' is reserved: a generated page already has an anchor of that name"
    for pattern, what in RESERVED_PATTERNS:
        if pattern.search(item_id):
            return f"id '{item_id}' is reserved: ids of this shape belong to {what}"
    return None


def find_span(text: str, surface: str, occurrence: int) -> tuple[int, int] | None:
    """Character span of the n-th (1-based) occurrence of surface in text, or None."""
    start = -1
    for _ in range(occurrence):
        start = text.find(surface, start + 1)
        if start < 0:
            return None
    return start, start + len(surface)


class Checker:
    def __init__(self, data: Dataset):
        self.data = data
        self.problems: list[str] = []

    def add(self, file: object, item: str | None, fld: str | None, message: str) -> None:
        self.problems.append(problem(str(file), item, fld, message))

    def entity_ref(self, file: object, item: str, fld: str, ref: str, etype: str | None = None) -> None:
        if ref not in self.data.entities:
            self.add(file, item, fld, f"unknown entity id '{ref}'")
        elif etype and self.data.entity_types[ref] != etype:
            actual = self.data.entity_types[ref]
            self.add(file, item, fld, f"'{ref}' is a {actual}, expected a {etype}")

    def quote(self, file: object, item: str, fld: str, article: Article, para: str, text: str) -> None:
        paragraph = article.paragraphs.get(para)
        if paragraph is None:
            self.add(file, item, fld, f"unknown paragraph '{para}' in article '{article.id}'")
        elif text not in paragraph.text:
            self.add(file, item, fld, f"quote not found in {para}: «{text}»")

    def evidence(
        self, file: object, item: str, fld: str, evidence: Iterable[Evidence], default: Article | None
    ) -> None:
        for index, ev in enumerate(evidence):
            where = f"{fld}[{index}]"
            article = self.data.articles.get(ev.article) if ev.article else default
            if article is None:
                self.add(file, item, f"{where}.article", f"unknown article '{ev.article}'")
                continue
            self.quote(file, item, f"{where}.quote", article, ev.para, ev.quote)
            self.translated(file, item, f"{where}.en", article, ev.para, ev.en)

    def translated(self, file: object, item: str, fld: str, article: Article, para: str, text: str | None) -> None:
        """An English span (`en`) is found in the translation of the same paragraph, like a
        mention's `en`: the English shown under an Arabic quote is this edition's own words."""
        if text is None or para not in article.paragraphs:
            return
        if text not in article.translation.paragraphs.get(para, ""):
            self.add(file, item, fld, f"not in the translation of {para}: «{text}»")

    def run(self) -> list[str]:
        data = self.data
        single = data.article if len(data.articles) == 1 else None
        for entity in data.entities.values():
            file = data.entity_files[entity.id]
            if entity.id in RESERVED_ENTITY_IDS:
                self.add(file, entity.id, "id", f"id '{entity.id}' is reserved: it is the register's own page")
            self.evidence(file, entity.id, "evidence", entity.evidence, single)
            for index, rel in enumerate(entity.relations):
                self.entity_ref(file, entity.id, f"relations[{index}].target", rel.target)
                if rel.target == entity.id:
                    self.add(file, entity.id, f"relations[{index}].target", "relation to itself")
                self.evidence(file, entity.id, f"relations[{index}].evidence", rel.evidence, single)
            for index, ext in enumerate(entity.external):
                if ext.source not in data.sources:
                    self.add(file, entity.id, f"external[{index}].source", f"unknown source '{ext.source}'")
            site = entity.official_site
            if site and site.source not in data.sources:
                self.add(file, entity.id, "official_site.source", f"unknown source '{site.source}'")
        for basis in data.date_bases.values():
            if basis.source and basis.source not in data.sources:
                self.add(data.root / "date_bases.yaml", basis.id, "source", f"unknown source '{basis.source}'")
        for article in data.articles.values():
            self.article(article)
            self.readings(article)
        self.context()
        self.source_records()
        self.changes()
        return self.problems

    def source_records(self) -> None:
        """A mirror or an aggregator is cited only with a note saying why (README: Sources)."""
        file = self.data.root / "sources.yaml"
        for src in self.data.sources.values():
            if src.kind in ("mirror", "aggregator") and src.note is None:
                self.add(file, src.id, "note", f"a {src.kind} needs a note saying why it is cited")

    def changes(self) -> None:
        """Versions in order, each once, dates never going back."""
        file = self.data.root / "changes.yaml"
        previous = None
        for change in self.data.changes:
            number = tuple(int(part) for part in change.version.split("."))
            if previous is not None:
                if number <= previous[0]:
                    self.add(file, change.version, "version", "versions must increase, oldest first")
                if change.date < previous[1]:
                    self.add(file, change.version, "date", "must not come before the previous version's date")
            previous = (number, change.date)

    def readings(self, article: Article) -> None:
        """Exactly one second reading per paragraph; its notes exist and include every note on it."""
        file = article.dir / "readings.yaml"
        seen: set[str] = set()
        notes = {note.id: note for note in article.notes}
        notes_on: dict[str, list[str]] = {}  # each paragraph's notes: one pass, not all notes per reading
        for note in article.notes:
            notes_on.setdefault(note.para, []).append(note.id)
        for reading in article.readings:
            pid = reading.para
            if pid not in article.paragraphs:
                self.add(file, pid, "para", f"unknown paragraph '{pid}'")
                continue
            if pid in seen:
                self.add(file, pid, "para", "a second reading of the same paragraph (one per paragraph)")
            seen.add(pid)
            self.sources(file, pid, reading.sources)
            for index, ref in enumerate(reading.notes):
                if ref not in notes:
                    self.add(file, pid, f"notes[{index}]", f"unknown note '{ref}'")
            for note_id in notes_on.get(pid, []):
                if note_id not in reading.notes:
                    self.add(file, pid, "notes", f"note '{note_id}' is about {pid} but the reading does not list it")
            if (reading.result == "notes") != bool(reading.notes):
                self.add(file, pid, "result", "'notes' exactly when the reading lists notes")
            if (reading.result == "unchecked") != (reading.against == "none" and not reading.notes):
                self.add(file, pid, "result", "'unchecked' exactly when there is nothing to compare with and no note")
            if reading.against != "none" and not reading.sources:
                self.add(file, pid, "sources", f"a reading against '{reading.against}' names what it compared")
        if article.readings:
            for pid in article.paragraphs:
                if pid not in seen:
                    self.add(file, pid, None, f"paragraph {pid} has no second reading")

    def context(self) -> None:
        data = self.data
        file = data.root / "context.yaml"
        events = {ev.id for a in data.articles.values() for ev in a.events}
        seen: set[str] = set()
        for ev in data.context:
            if why := reserved(ev.id):
                self.add(file, ev.id, "id", why)
            if ev.id in seen or ev.id in events:
                self.add(file, ev.id, "id", "duplicate id (context and article events share one id space)")
            seen.add(ev.id)
            self.dated(file, ev)
            self.sources(file, ev.id, ev.sources)
            for index, ref in enumerate(ev.relates_to):
                if ref not in events:
                    self.add(file, ev.id, f"relates_to[{index}]", f"unknown article event '{ref}'")

    def dated(self, file: object, ev: Event | ContextEvent) -> None:
        """What article and context events share: a date range in order, entities of the right type."""
        if ev.date_end and ev.date_end < ev.date:
            self.add(file, ev.id, "date_end", "must follow date")
        for fld, refs, etype in (
            ("actors", ev.actors, None),
            ("platforms", ev.platforms, "platform"),
            ("places", ev.places, "place"),
        ):
            for index, ref in enumerate(refs):
                self.entity_ref(file, ev.id, f"{fld}[{index}]", ref, etype)

    def english(self, file: object, note: Note) -> None:
        """The original's words are quoted only from a stored copy, and never invented when not stored."""
        words = note.english
        if words.stored:
            if words.quote is None or words.source is None:
                self.add(file, note.id, "english", "a stored passage needs its exact quote and the copy's source id")
            elif words.source not in self.data.sources:
                self.add(file, note.id, "english.source", f"unknown source '{words.source}'")
            if note.certainty != "verified_against_copy":
                self.add(file, note.id, "certainty", "a note quoting a stored copy is 'verified_against_copy'")
        else:
            if words.quote is not None or words.source is not None:
                self.add(file, note.id, "english", "no quote or source when the passage is not stored")
            if note.certainty != "secondary":
                self.add(file, note.id, "certainty", "a note whose passage is not stored can only be 'secondary'")

    def relative(self, file: object, ev: Event) -> None:
        """'Before <context event>': the event exists, and the date is its date, an upper bound."""
        if ev.relative_to is None:
            return
        anchor = next((cx for cx in self.data.context if cx.id == ev.relative_to), None)
        if anchor is None:
            self.add(file, ev.id, "relative_to", f"unknown context event '{ev.relative_to}' (data/context.yaml)")
            return
        if ev.precision != "before":
            self.add(file, ev.id, "precision", "must be 'before' when the event is dated relative_to another")
        if ev.date != anchor.date:
            self.add(file, ev.id, "date", f"must be {anchor.date.isoformat()}, the date of '{anchor.id}'")

    def sources(self, file: object, item: str, ids: list[str]) -> None:
        for index, src in enumerate(ids):
            if src not in self.data.sources:
                self.add(file, item, f"sources[{index}]", f"unknown source '{src}'")

    def article(self, article: Article) -> None:
        data = self.data
        folder = article.dir
        rec = folder / "record.yaml"
        self.entity_ref(rec, article.id, "outlet", article.record.outlet)
        self.entity_ref(rec, article.id, "based_on.publisher", article.record.based_on.publisher)
        self.entity_ref(rec, article.id, "based_on.author", article.record.based_on.author, "person")
        for pid in article.record.structure:
            if pid not in article.paragraphs:
                self.add(rec, article.id, f"structure.{pid}", "no such paragraph")
        # The translation aligns one to one with the text.
        tr = folder / "text.en.yaml"
        for pid in article.paragraphs:
            if not article.translation.paragraphs.get(pid, "").strip():
                self.add(tr, pid, f"paragraphs.{pid}", "translation missing")
        for pid in article.translation.paragraphs:
            if pid not in article.paragraphs:
                self.add(tr, pid, f"paragraphs.{pid}", "no such paragraph in the Arabic text")
        # Mentions: the surface is in the text, and two links never overlap.
        mfile = folder / "mentions.yaml"
        for pid, mentions in article.mentions.items():
            paragraph = article.paragraphs.get(pid)
            if paragraph is None:
                self.add(mfile, pid, pid, f"unknown paragraph '{pid}'")
                continue
            spans: list[tuple[int, int, str]] = []
            for index, m in enumerate(mentions):
                where = f"{pid}[{index}]"
                self.entity_ref(mfile, pid, f"{where}.entity", m.entity)
                span = find_span(paragraph.text, m.surface, m.occurrence)
                if span is None:
                    self.add(
                        mfile,
                        pid,
                        f"{where}.surface",
                        f"«{m.surface}» (occurrence {m.occurrence}) not found in {pid}",
                    )
                    continue
                for start, end, other in spans:
                    if span[0] < end and start < span[1]:
                        self.add(mfile, pid, f"{where}.surface", f"«{m.surface}» overlaps «{other}»")
                spans.append((*span, m.surface))
            # The same mentions in the English translation, where given.
            english = article.translation.paragraphs.get(pid, "")
            en_spans: list[tuple[int, int, str]] = []
            for index, m in enumerate(mentions):
                if m.en is None:
                    continue
                where = f"{pid}[{index}].en"
                span = find_span(english, m.en, m.en_occurrence)
                if span is None:
                    self.add(
                        mfile, pid, where, f"«{m.en}» (occurrence {m.en_occurrence}) not in the translation of {pid}"
                    )
                    continue
                for start, end, other in en_spans:
                    if span[0] < end and start < span[1]:
                        self.add(mfile, pid, where, f"«{m.en}» overlaps «{other}»")
                en_spans.append((*span, m.en))
        # Events and claims.
        efile = folder / "events.yaml"
        seen: set[str] = set()
        for ev in article.events:
            if ev.id in seen:
                self.add(efile, ev.id, "id", "duplicate id")
            if why := reserved(ev.id):
                self.add(efile, ev.id, "id", why)
            seen.add(ev.id)
            self.quote(efile, ev.id, "when.quote", article, ev.when.para, ev.when.quote)
            self.evidence(efile, ev.id, "evidence", ev.evidence, article)
            if ev.date_basis not in data.date_bases:
                self.add(efile, ev.id, "date_basis", f"unknown date basis '{ev.date_basis}'")
            self.dated(efile, ev)
            self.relative(efile, ev)
        cfile = folder / "claims.yaml"
        seen = set()
        note_ids = {note.id for note in article.notes}
        for claim in article.claims:
            if claim.id in seen:
                self.add(cfile, claim.id, "id", "duplicate id")
            if why := reserved(claim.id):
                self.add(cfile, claim.id, "id", why)
            seen.add(claim.id)
            self.entity_ref(cfile, claim.id, "speaker", claim.speaker)
            self.quote(cfile, claim.id, "attribution.quote", article, claim.attribution.para, claim.attribution.quote)
            self.translated(cfile, claim.id, "attribution.en", article, claim.attribution.para, claim.attribution.en)
            self.evidence(cfile, claim.id, "evidence", claim.evidence, article)
            for index, ref in enumerate(claim.about):
                self.entity_ref(cfile, claim.id, f"about[{index}]", ref)
            for index, ref in enumerate(claim.notes):
                if ref not in note_ids:
                    self.add(cfile, claim.id, f"notes[{index}]", f"unknown note '{ref}'")
        nfile = folder / "notes.yaml"
        seen = set()
        event_ids = {ev.id for ev in article.events}
        for note in article.notes:
            if note.id in seen:
                self.add(nfile, note.id, "id", "duplicate id")
            if why := reserved(note.id):
                self.add(nfile, note.id, "id", why)
            seen.add(note.id)
            self.quote(nfile, note.id, "quote", article, note.para, note.quote)
            self.translated(nfile, note.id, "quote_en", article, note.para, note.quote_en)
            self.sources(nfile, note.id, note.sources)
            self.english(nfile, note)
            for index, alt in enumerate(note.alternatives):
                if alt.event not in event_ids:
                    self.add(nfile, note.id, f"alternatives[{index}].event", f"unknown event '{alt.event}'")
        # Names are non-empty in both languages (shape) and unique per entity (sense).
        for entity in data.entities.values():
            for lang in LANGS:
                variants = getattr(entity.aliases, lang)
                if len(set(variants)) != len(variants):
                    self.add(data.entity_files[entity.id], entity.id, f"aliases.{lang}", "repeated variant")


def check(data: Dataset) -> Dataset:
    """Raise DataError listing every integrity problem; return the data unchanged if there is none."""
    problems = Checker(data).run()
    if problems:
        raise DataError(relative(problems, data.root))
    return data
