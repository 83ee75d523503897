"""What refers to an entity, found once per dataset.

Every entity page lists the entity's mentions, spellings, events, claims and relations. Scanning
all of them for each entity is entities × items: quadratic in the size of the corpus (the scale
benchmark in the README measured it). Here each list is grouped by entity in one pass, kept for
the last dataset seen, and read per entity in constant time.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import NamedTuple, TypeVar

from .load import Claim, Dataset, Event, Mention
from .timeline import sort_key

T = TypeVar("T")


def per_dataset(make: Callable[[Dataset], T]) -> Callable[[Dataset], T]:
    """make(data) once for each dataset object; one entry kept (a build uses one dataset)."""
    kept: dict[int, tuple[Dataset, T]] = {}

    @functools.wraps(make)
    def get(data: Dataset) -> T:
        hit = kept.get(id(data))
        if hit is not None and hit[0] is data:
            return hit[1]
        kept.clear()
        result = make(data)
        kept[id(data)] = (data, result)
        return result

    return get


class Found(NamedTuple):
    """A mention located in its paragraph."""

    pid: str
    text: str  # the paragraph's text
    start: int
    end: int
    mention: Mention


@per_dataset
def mentions_in_text_order(data: Dataset) -> dict[str, list[Found]]:
    """Each entity's mentions in the order of the text (paragraph, then position)."""
    from .integrity import find_span

    article = data.article
    index: dict[str, list[Found]] = {}
    for pid, para in article.paragraphs.items():  # in text order
        text = para.text
        rows = []
        for m in article.mentions.get(pid, []):
            span = find_span(text, m.surface, m.occurrence)
            assert span is not None  # guaranteed by integrity.check()
            rows.append(Found(pid, text, span[0], span[1], m))
        for row in sorted(rows, key=lambda r: r.start):
            index.setdefault(row.mention.entity, []).append(row)
    return index


@per_dataset
def mentions_in_data_order(data: Dataset) -> dict[str, list[tuple[str, Mention]]]:
    """Each entity's mentions as mentions.yaml lists them (the order its spellings are shown in)."""
    index: dict[str, list[tuple[str, Mention]]] = {}
    for pid, mentions in data.article.mentions.items():
        for m in mentions:
            index.setdefault(m.entity, []).append((pid, m))
    return index


@per_dataset
def events_by_entity(data: Dataset) -> dict[str, list[Event]]:
    """The events each entity takes part in (actor, platform or place), in date order."""
    index: dict[str, list[Event]] = {}
    for ev in sorted(data.article.events, key=lambda e: sort_key(e.date, e.time_of_day, e.precision)):
        for eid in dict.fromkeys((*ev.actors, *ev.platforms, *ev.places)):
            index.setdefault(eid, []).append(ev)
    return index


@per_dataset
def claims_by_speaker(data: Dataset) -> dict[str, list[Claim]]:
    """Each speaker's claims, in the order of the data."""
    index: dict[str, list[Claim]] = {}
    for c in data.article.claims:
        index.setdefault(c.speaker, []).append(c)
    return index


@per_dataset
def claims_about(data: Dataset) -> dict[str, list[Claim]]:
    """The claims about each entity by someone else, in the order of the data."""
    index: dict[str, list[Claim]] = {}
    for c in data.article.claims:
        for eid in dict.fromkeys(c.about):
            if eid != c.speaker:
                index.setdefault(eid, []).append(c)
    return index
