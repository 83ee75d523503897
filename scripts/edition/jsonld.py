"""JSON-LD (schema.org) for the page head: NewsArticle on the article pages, Person / Organization /
Place / SoftwareApplication on entity pages, Event on the timeline, Dataset on the data page.

@ids are stable, edition-independent paths (the Arabic edition's URL plus a fragment), so the same
thing has the same id on every page; with a site_url they become absolute. sameAs lists only the
authority links verified in the data.
"""

from __future__ import annotations

from typing import Any

from . import paths
from .cite import EDITORS
from .load import Dataset
from .lookup import per_dataset
from .model import Entity, Lang
from .rights import CONTENT_LICENCE_URL

SCHEMA_TYPES = {
    "person": "Person",
    "organisation": "Organization",
    "platform": "SoftwareApplication",
    "place": "Place",
}


class Ids:
    def __init__(self, base: str):
        self.base = base.rstrip("/") + "/" if base else "/"

    def page(self, src: str, lang: Lang = "ar") -> str:
        return self.base + paths.EDITION_PREFIX[lang] + paths.url_of(src)

    def entity(self, data: Dataset, entity_id: str) -> str:
        return self.page(paths.entity_page(data.entity_types[entity_id], entity_id)) + "#entity"

    def event(self, event_id: str) -> str:
        return self.page(paths.TIMELINE) + "#" + event_id

    def article(self, lang: Lang = "ar") -> str:
        return self.page(paths.ARTICLE, lang) + "#article"


def _names(entity: Entity) -> list[dict[str, str]]:
    return [{"@value": entity.name.ar, "@language": "ar"}, {"@value": entity.name.en, "@language": "en"}]


def entity_node(data: Dataset, ids: Ids, entity: Entity, lang: Lang) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": SCHEMA_TYPES[data.entity_types[entity.id]],
        "@id": ids.entity(data, entity.id),
        "name": _names(entity),
        "alternateName": [*entity.aliases.ar, *entity.aliases.en],
        "description": entity.description(lang),
        "url": ids.page(paths.entity_page(data.entity_types[entity.id], entity.id), lang),
    }
    # sameAs: authority records and the item's own website (schema.org names both as its uses).
    same_as = [str(u) for u in entity.same_as]
    if entity.official_site:
        same_as.append(str(entity.official_site.url))
    if same_as:
        node["sameAs"] = same_as
    if data.entity_types[entity.id] == "platform":
        node["applicationCategory"] = "CommunicationApplication"
    return node


def editors_node(ids: Ids, lang: Lang) -> dict[str, Any]:
    return {"@type": "Organization", "@id": ids.page(paths.ABOUT) + "#editors", "name": EDITORS[lang]}


def article_node(data: Dataset, ids: Ids, lang: Lang, issued: str) -> dict[str, Any]:
    article = data.article
    rec = article.record
    based = rec.based_on
    mentioned = sorted({m.entity for ms in article.mentions.values() for m in ms})
    original = {
        "@type": "NewsArticle",
        "@id": ids.page(paths.ARTICLE) + "#original",
        "headline": based.title,
        "inLanguage": "en",
        "datePublished": based.date.isoformat(),
        "author": {"@id": ids.entity(data, based.author)},
        "publisher": {"@id": ids.entity(data, based.publisher)},
        "sameAs": [str(u) for u in based.copies],
    }
    arabic: dict[str, Any] = {
        "@type": "NewsArticle",
        "@id": ids.article("ar"),
        "headline": rec.title.ar,
        "inLanguage": "ar",
        "url": str(rec.url),
        # The outlet publishes under its own name: no person signs the Arabic article.
        "author": {"@id": ids.entity(data, rec.outlet)},
        "publisher": {"@id": ids.entity(data, rec.outlet)},
        "isBasedOn": original,
        "mentions": [{"@id": ids.entity(data, e)} for e in mentioned],
    }
    published = next(d for d in rec.dates if d.kind == "published")
    if published.value and published.status == "known":
        arabic["datePublished"] = published.value.isoformat()
    else:
        # schema.org has no "not before" date: the inference is stated, as the edition records it.
        arabic["publication"] = {"@type": "PublicationEvent", "description": published.note(lang)}
    if lang == "ar":
        return arabic
    return {
        "@type": "NewsArticle",
        "@id": ids.article("en"),
        "headline": rec.title.en,
        "inLanguage": "en",
        "url": ids.page(paths.ARTICLE, "en"),
        "author": {"@id": ids.entity(data, rec.outlet)},
        "translator": editors_node(ids, "en"),
        "publisher": {"@id": ids.page(paths.ABOUT) + "#editors"},
        "datePublished": issued,
        "translationOfWork": {"@id": ids.article("ar")},
        "isBasedOn": {"@id": ids.article("ar")},
        "mentions": [{"@id": ids.entity(data, e)} for e in mentioned],
    }


def event_nodes(data: Dataset, ids: Ids, lang: Lang) -> list[dict[str, Any]]:
    nodes = []
    for ev in data.article.events:
        node: dict[str, Any] = {
            "@type": "Event",
            "@id": ids.event(ev.id),
            "name": ev.label(lang),
            "description": ev.summary(lang),
            "startDate": ev.date.isoformat(),
            "subjectOf": {"@id": ids.article("ar")},
        }
        if ev.date_end:
            node["endDate"] = ev.date_end.isoformat()
        if ev.places:
            node["location"] = [{"@id": ids.entity(data, p)} for p in ev.places]
        if ev.actors:
            node["actor"] = [{"@id": ids.entity(data, a)} for a in ev.actors]
        nodes.append(node)
    for cx in data.context:
        node = {
            "@type": "Event",
            "@id": ids.event(cx.id),
            "name": cx.label(lang),
            "description": cx.summary(lang),
            "startDate": cx.date.isoformat(),
            # Event has no `citation`: the public sources are works about the event.
            "subjectOf": [
                {
                    "@type": "WebPage",
                    "url": str(data.sources[s].url),
                    "name": data.sources[s].title,
                    "inLanguage": data.sources[s].language,
                }
                for s in cx.sources
            ],
        }
        if cx.date_end:
            node["endDate"] = cx.date_end.isoformat()
        if cx.places:
            node["location"] = [{"@id": ids.entity(data, p)} for p in cx.places]
        nodes.append(node)
    return nodes


MEDIA_TYPES = {
    ".json": "application/json",
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xml": "application/tei+xml",
    ".txt": "text/plain",
}


def media_type(name: str) -> str:
    return MEDIA_TYPES[name[name.rindex(".") :]]


def dataset_node(data: Dataset, ids: Ids, lang: Lang, downloads: list[str]) -> dict[str, Any]:
    return {
        "@type": "Dataset",
        "@id": ids.page(paths.DATA) + "#dataset",
        "name": "Register and timeline of «هجرة جماعية لداعش من Telegram إلى TamTam»",
        "description": "People, organisations, platforms, places, events, claims and editorial notes of one Arabic "
        "article, each with its evidence (paragraph id and exact quote).",
        "url": ids.page(paths.DATA, lang),
        "creator": editors_node(ids, lang),
        "isBasedOn": {"@id": ids.article("ar")},
        "license": CONTENT_LICENCE_URL,  # the edition's own work; the article's text stays its publisher's
        **({"version": data.changes[-1].version} if data.changes else {}),
        "distribution": [
            {
                "@type": "DataDownload",
                "name": name,
                "contentUrl": ids.base + "downloads/" + name,
                "encodingFormat": media_type(name),
            }
            for name in downloads
        ],
    }


def for_page(
    data: Dataset, lang: Lang, src: str, base: str, downloads: list[str], issued: str = ""
) -> list[dict[str, Any]]:
    """The JSON-LD objects for one page (none for pages with nothing to describe)."""
    ids = Ids(base)
    context = "https://schema.org"
    if src == paths.ARTICLE:
        return [{"@context": context, **article_node(data, ids, lang, issued)}]
    if src == paths.TIMELINE:
        return [{"@context": context, "@graph": event_nodes(data, ids, lang)}]
    if src == paths.DATA:
        return [{"@context": context, **dataset_node(data, ids, lang, downloads)}]
    entity = _entity_pages(data).get(src)
    if entity is not None:
        return [{"@context": context, **entity_node(data, ids, entity, lang)}]
    return []


@per_dataset
def _entity_pages(data: Dataset) -> dict[str, Entity]:
    """Each entity by its page's source path (one lookup per page, not a scan of the register)."""
    return {paths.entity_page(data.entity_types[e.id], e.id): e for e in data.entities.values()}
