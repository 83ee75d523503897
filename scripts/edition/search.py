"""Build-time side of search: what each page's index entry holds, the worker wrapper, the indexes.

Material's search stays as it is in the browser (UI, lunr, highlighting); what changes:
- entity pages carry `names` (every name and variant, both scripts), `keys` (whole names), `role`
  and `about` (the words of their role and description, both languages), so a name or a
  description ranks the entity's own page above pages that merely mention it; `quotes`, the
  article's words that attribute a statement to it and, in the Arabic edition, the English of its
  evidence, which that edition's page shows in Arabic; in that edition, each heading of the
  timeline carries the English labels of its events in `quotes` alike;
- the article's entries carry, in `counterpart`, the same paragraphs in the other language: an
  Arabic phrase of the original typed in the English edition finds that edition's article (see
  _article_counterpart);
- every entry's `text` is what Material shows as its snippet: text outside any paragraph or list
  (tables, definition lists, the relations diagram) moves to `more`, searched but not shown, and
  pages with nothing left to show get one line made from the data (see entry_fields);
- the worker is our wrapper (js/edition-search.js), which normalises index and queries with
  js/normalise.js, the twin of normalise.py (joined into the same file at build time), and puts
  the reader's edition first;
- each edition's index holds its own pages in full and, from the other edition, one light entry
  per page: title, names and keys, marked with its language; each page's own entry also holds,
  in `about`, the other edition's title and the other spellings of the proper names its titles
  hold (see merge_indexes). The article is the one exception: its text in the other language
  is in `counterpart` (the parallel reading, a page of each edition, holds both already).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from . import paths, timeline
from .article import PLAIN_KINDS, paragraph_text
from .assets import join_scripts
from .escape import html_text
from .labels import PAGE_ABOUT, PAGE_ALIASES, PAGE_TITLES, t
from .load import Dataset
from .lookup import claims_by_speaker
from .model import Entity, Lang
from .normalise import content_tokens, keys, skeleton_keys, tokens

JS = Path(__file__).parent / "js"
WORKERS = Path("assets/javascripts/workers")
WRAPPER = "edition-search.js"
_MATERIAL_WORKER = re.compile(r"workers/search\.[0-9a-f]+\.min\.js")
OTHER_EDITION_BOOST = 0.5
# How a result from the other edition is marked, in the reader's language (reader → other).
OTHER_EDITION_MARK: dict[str, str] = {"ar": "من النسخة الإنجليزية", "en": "From the Arabic edition"}
# Top-level HTML elements Material shows as a snippet; anything outside them is not shown.
_BLOCK = re.compile(r"<(p|ul|ol|blockquote)\b[^>]*>.*?</\1>", re.S)


def page_fields(data: Dataset, lang: Lang) -> dict[str, dict[str, str]]:
    """{page source path: fields for that page's own index entry; path#anchor: a section's}.

    Entity pages:
      names: each distinct word of every name and variant, once (lunr scores by term frequency,
             so an entity with many variants must not outrank one with few), and the consonant
             skeletons of its Arabic names (normalise.skeleton_keys);
      keys:  one whole-name key per name and variant (see normalise.keys), matched only exactly;
      role:  each distinct word of the role in both languages, stop words left out, so "Belgian
             researcher" or «تطبيق روسي» finds the person or the app, and of its type and kind
             (labels kind.*: "country", «تطبيق مراسلة»);
      about: the same for the description (a longer text, boosted less);
      quotes: each distinct word of the article's words that attribute a statement to it
              (claims' attribution, both languages) and, in the Arabic edition, of the English of
              its evidence quotes;
      text:  the snippet: kind and role (not the id).
    Register index pages and the parallel page get a snippet made from the data; the article's
    entries, `counterpart` (see _article_counterpart).
    """
    out: dict[str, dict[str, str]] = {}
    claims_by = claims_by_speaker(data)
    for entity in data.entities.values():
        etype = data.entity_types[entity.id]
        naming = _naming([entity.name.ar, entity.name.en, *entity.aliases.ar, *entity.aliases.en])
        words = set(naming["names"].split())
        # The role, then the words of the entry's type, one and many (شخص/person, الأشخاص/people),
        # and kind (بلد/country…), so a reader who describes the entity by what it is ("country
        # where TamTam was made", "people who combed the groups") finds it.
        kind = [t(key, lang) for key in (etype + ".one", etype, "kind." + entity.kind) for lang in ("ar", "en")]
        role = dict.fromkeys(
            tok for text in (entity.role.ar, entity.role.en, *kind) for tok in content_tokens(text) if tok not in words
        )
        about = dict.fromkeys(
            tok
            for text in (entity.description.ar, entity.description.en)
            for tok in content_tokens(text)
            if tok not in words and tok not in role
        )
        fields = {
            **naming,
            "role": " ".join(role),
            "about": " ".join(about),
            "text": _p(f"{t(etype + '.one', lang)} · {entity.role(lang)}"),
            # Not a field lunr indexes: the worker reads it from the result (a question that asks
            # "who", with no word saying what, wants a person's page).
            "entity": etype,
        }
        quoted: list[str] = []
        if lang == "ar":
            # This edition's page quotes the article in Arabic only (the English edition's gives
            # each quote in both languages): the words of the quotes' English, searched and not
            # shown, let a reader who types a quote in English find the page in either edition.
            quoted += _english_quotes(entity)
        # The words with which the article attributes a statement to the entity («رأى حوالي 50
        # مجموعة اختفت», "saw about 50 groups disappear"): the page gives the statement in the
        # editors' words, and a reader who remembers the article's finds who said it.
        quoted += [q for c in claims_by.get(entity.id, []) for q in (c.attribution.quote, c.attribution.en or "")]
        if quoted:
            toks = (tok for quote in quoted for tok in content_tokens(quote))
            fields["quotes"] = " ".join(dict.fromkeys(tok for tok in toks if tok not in words))
        out[paths.entity_page(etype, entity.id)] = fields
    for etype in paths.TYPE_DIRS:
        members = [e.name(lang) for e in data.of_type(etype)]
        out[paths.type_index(etype)] = {"text": _p(("، " if lang == "ar" else ", ").join(members))}
    # The diagram's labels run together in Material's text; its list section says the same in words.
    out[paths.RELATIONS] = {"more": ""}
    article = data.article
    for key, text in _article_counterpart(data, lang).items():
        out.setdefault(key, {})["counterpart"] = text
    out[paths.PARALLEL] = {
        "text": "".join(
            _p(f"{pid} {para.text}") + _p(f"{pid} {article.translation.paragraphs[pid]}")
            for pid, para in article.paragraphs.items()
        )
    }
    # Every fixed page is named by its title in both languages, as the navigation names it: a
    # reader of either edition who types «المصادر» or "Sources" wants that page, not one that
    # mentions sources.
    for page, key in PAGE_TITLES.items():
        line = PAGE_ABOUT[page]  # KeyError: a page without its line stops the build
        aliases = PAGE_ALIASES.get(page, {})
        fields = _naming([t(key, "ar"), t(key, "en"), *aliases.get("ar", []), *aliases.get("en", [])])
        said = [tok for text in (line["ar"], line["en"]) for tok in content_tokens(text)]
        fields["role"] = " ".join(dict.fromkeys(said))
        out.setdefault(page, {}).update(fields)
    if lang == "ar":
        out.update(_timeline_english(data))  # the English of its headings' events (see there)
    # Not a field lunr indexes: the worker reads it from the result (a query that says when,
    # «اختفاء المجموعات ظهيرة الثلاثاء», with no word asking where, wants the dated account).
    out[paths.TIMELINE]["dated"] = "1"
    return out


def _timeline_english(data: Dataset) -> dict[str, dict[str, str]]:
    """{timeline path#heading: its `quotes`}: the words of the English label of each of the
    article's events under the heading, stop words left out. The Arabic timeline gives its events
    in Arabic only; a reader of that edition who types an event in English ("50 groups
    disappeared Friday evening") finds the heading that holds it, as the English edition's reader
    does (entity pages hold their quotes' English alike). The labels only: with the summaries and
    evidence too, the timeline outranked the entity a query describes as often as it found an
    event (on the seen sets, 16 queries to first, 15 from first); with the time as the
    translation words it ("last Friday"), it outranked London Bridge for "terror attack near
    London Bridge last Friday" (11 and 2); with the labels alone, 10 and none."""
    out: dict[str, dict[str, str]] = {}
    for group in timeline.groups(data, "ar"):
        labels = [item.event.label.en for item in group.items if item.event is not None]
        words = dict.fromkeys(tok for label in labels for tok in content_tokens(label))
        if words:  # a heading of context events only has none
            out[f"{paths.TIMELINE}#{group.anchor}"] = {"quotes": " ".join(words)}
    return out


def _article_counterpart(data: Dataset, lang: Lang) -> dict[str, str]:
    """{article path, or path#heading: the same paragraphs in the other language}, a paragraph
    to a block, as the article's index entries hold them (a heading starts a section).

    An Arabic phrase of the article typed in the English edition finds the paragraph it is the
    original of, as it does in the Arabic edition (and an English one the other way round): that
    edition's article is the translation, and the text in the reader's language is what they can
    read. The parallel reading holds both languages already; the worker reads these blocks as it
    reads the text's paragraphs, and never shows them.
    """
    article = data.article
    other: Lang = "en" if lang == "ar" else "ar"
    out: dict[str, list[str]] = {paths.ARTICLE: []}
    key = paths.ARTICLE
    for para in article.paragraphs.values():
        if para.kind in PLAIN_KINDS:
            key = f"{paths.ARTICLE}#{para.id}"
        out.setdefault(key, []).append(_p(paragraph_text(article, para, other)))
    return {k: "".join(v) for k, v in out.items()}


def _english_quotes(entity: Entity) -> list[str]:
    """The English of the quotes an entity's facts rest on (its evidence and its relations'), as
    the edition's translation words them (Evidence.en)."""
    evidence = [*entity.evidence, *(e for relation in entity.relations for e in relation.evidence)]
    return [e.en for e in evidence if e.en]


def _naming(names: list[str]) -> dict[str, str]:
    """The fields that name a page: each distinct word of its names, once (lunr scores by term
    frequency, so a page with many names must not outrank one with few), then the consonant
    skeletons of its Arabic names (normalise.skeleton_keys; a name in another script has none), so
    a transliteration that follows the Arabic spelling ("Tilijram", "al-tasalsul al-zamani") finds
    the page: the worker asks a word the index does not hold as its skeleton too; and one
    whole-name key per name (normalise.keys), matched only exactly."""
    named = dict.fromkeys(tok for name in names for tok in tokens(name))
    skeletons = dict.fromkeys(k for name in names for k in skeleton_keys(name))
    return {
        "names": " ".join([*named, *skeletons]),
        "keys": " ".join(dict.fromkeys(k for name in names for k in keys(name))),
    }


def _p(text: str) -> str:
    return f"<p>{html_text(text)}</p>"


# The pages whose running text is the article's (in either language); their entries are marked
# `prose`, so the worker can tell the article from the parallel reading that repeats it (REPEATS).
# A phrase of the article gives them no precedence over a page that quotes it as evidence (see
# js/edition-search.js, 4, and the README's Search section for why).
PROSE_PAGES = (paths.ARTICLE, paths.PARALLEL)
# A page that reproduces another: when both match a query as well, the reproduced one comes first
# (the parallel reading repeats the article beside its translation; a reader looking for a
# phrase of the text wants the article, and finds the parallel reading right after it).
REPEATS = {paths.PARALLEL: paths.ARTICLE}


def entry_fields(entry: dict[str, str], page_fields: dict[str, str] | None, prose: str = "") -> dict[str, str]:
    """An index entry with its snippet tidied (see the module's docstring).

    Material shows an entry's `text` as its snippet, and for a match only the paragraphs or list
    items that hold it: text outside any of them (a table, a definition list, the labels of a
    diagram) is shown as one run of every field together. It moves to `more`, searched but not
    shown. A page's own fields (page_fields) are added; a `text` among them replaces Material's.
    Every entry of a page in PROSE_PAGES is marked `prose` with the page's source path (`prose`
    is the page's path for those pages, empty otherwise), and `repeats` if REPEATS names it.
    """
    text = entry.get("text", "")
    out = {**entry, "text": " ".join(m.group(0) for m in _BLOCK.finditer(text))}
    rest = " ".join(_plain(_BLOCK.sub(" ", text)).split())
    if rest:
        out["more"] = rest
    if page_fields:
        out.update(page_fields)
        if "text" in page_fields or not out.get("more"):
            out.pop("more", None)
    if prose:
        out["prose"] = prose  # not fields lunr indexes: the worker reads them from the result
        if prose in REPEATS:
            out["repeats"] = REPEATS[prose]
    return out


def plural_script(lang: Lang) -> str:
    """The Arabic pages' inline script that words Material's result counts with Arabic plural
    forms (js/plurals.js); nothing for other languages, whose Material strings are right."""
    if lang != "ar":
        return ""
    return "<script>" + (JS / "plurals.js").read_text(encoding="utf-8") + "</script>"


def use_wrapper(html: str) -> str:
    """Point Material's config at the wrapper instead of its own worker."""
    return _MATERIAL_WORKER.sub(f"workers/{WRAPPER}", html)


def material_worker(site: Path) -> str:
    found = sorted(p.name for p in (site / WORKERS).glob("search.*.min.js"))
    if len(found) != 1:
        raise RuntimeError(f"expected one Material search worker in {site / WORKERS}, found {found}")
    return found[0]


def thesaurus(data: Dataset) -> list[list[list[str]]]:
    """The search thesaurus (data/search_terms.yaml, checked when loaded) as the worker reads it:
    groups of terms, each term its words folded, stop words left out."""
    return [[content_tokens(term) for term in [*group.terms.ar, *group.terms.en]] for group in data.search_terms]


def install_worker(site: Path, groups: list[list[list[str]]]) -> None:
    """Write the worker: the thesaurus (groups, see thesaurus()), the normaliser, then the wrapper
    (with Material's worker name filled in), in one file (one request); js/normalise.js stays the
    one source, also read by the tests."""
    target = site / WORKERS
    wrapper = (JS / WRAPPER).read_text(encoding="utf-8")
    if "MATERIAL_WORKER" not in wrapper:
        raise RuntimeError("the worker wrapper lost its MATERIAL_WORKER placeholder")
    normaliser = (JS / "normalise.js").read_text(encoding="utf-8")
    terms = "self.EditionThesaurus = " + json.dumps(groups, ensure_ascii=False, separators=(",", ":")) + "\n"
    worker = join_scripts(
        [
            ("search_terms.yaml", terms),
            ("normalise.js", normaliser),
            (WRAPPER, wrapper.replace("MATERIAL_WORKER", material_worker(site))),
        ]
    )
    (target / WRAPPER).write_text(worker, encoding="utf-8")


def _index_path(site: Path, prefix: str) -> Path:
    return site / prefix / "search" / "search_index.json"


# Entities whose names are proper names (a person's, a place's, an app's, a publisher's): a title
# that names one in one script (the article's "… من Telegram إلى TamTam") also answers to its other
# spellings (see merge_indexes). Groups of people and generic bodies ("the police", «المجموعات»)
# are named by common words, which would tie titles to pages they do not name.
PROPER_KINDS = frozenset(
    {"named", "messaging-app", "social-network", "country", "city", "landmark", "outlet", "company"}
)
# ISIS is of kind "group", as the terrorism researchers are, but is named by proper names (داعش, Daesh).
PROPER_IDS = frozenset({"isis"})


def proper_names(data: Dataset) -> list[list[tuple[str, ...]]]:
    """Each proper-named entity's name in both languages and its one-word aliases (other
    spellings: تلغرام, Daesh), as tuples of folded words (stop words left out): one list per
    entity. Aliases of several words describe as often as they spell («موطن داعش الإلكتروني
    الجديد», "Islamic State of Iraq and Syria"): their words would tie a title to other pages."""
    out = []
    for e in data.entities.values():
        if e.kind in PROPER_KINDS or e.id in PROPER_IDS:
            spellings = [content_tokens(n) for n in (e.name.ar, e.name.en)]
            spellings += [s for s in (content_tokens(n) for n in (*e.aliases.ar, *e.aliases.en)) if len(s) == 1]
            out.append(list(dict.fromkeys(tuple(s) for s in spellings if s)))
    return out


def _named_in(title: list[str], names: list[list[tuple[str, ...]]]) -> list[str]:
    """The words of every spelling of each entity one of whose spellings the title's words hold,
    one after the other."""
    found: list[str] = []
    for spellings in names:
        if any(_holds(title, s) for s in spellings):
            found += [w for s in spellings for w in s]
    return found


def _holds(words: list[str], run: tuple[str, ...]) -> bool:
    n = len(run)
    return any(tuple(words[i : i + n]) == run for i in range(len(words) - n + 1))


def merge_indexes(site: Path, langs: dict[str, Lang], names: list[list[tuple[str, ...]]]) -> None:
    """Give every edition's index a light entry for each page of the other editions.

    langs maps each edition's folder prefix ("" for the root, "en/") to its language. The other
    edition's page entries keep their title, names and keys (not their text): a name typed in
    either script finds the page in either edition, but only the reader's own pages are searched
    in full. Such an entry carries `edition` (its language) and `page` (the same page's location
    in the reader's edition), so the worker can put it after the reader's pages and leave it out
    when that page is listed; its snippet says which edition it comes from. Its locations are
    re-rooted (`en/…` seen from the root, `../…` seen from `en/`).

    Every page of the reader's edition also gets the other edition's title in its `about`, so
    "Timeline" typed in the Arabic edition finds the Arabic timeline; and every entry, in its
    `about`, the other spellings of the proper names (`names`, see proper_names) its titles hold
    (an entity's page, its own title): «هجرة داعش إلى تام تام» finds the article titled "… من
    Telegram إلى TamTam", «أنصار إيسيس» the page of ISIS supporters. The index's
    `config` names its edition's language (`edition`).
    """
    indexes = {p: json.loads(_index_path(site, p).read_text(encoding="utf-8")) for p in langs}
    pages = {p: {d["location"]: d for d in idx["docs"] if "#" not in d["location"]} for p, idx in indexes.items()}
    for prefix, idx in indexes.items():
        up = "../" * prefix.count("/")
        lang = langs[prefix]
        light = []
        for other, docs in pages.items():
            if other == prefix:
                continue
            for location, doc in docs.items():
                own = pages[prefix].get(location)
                if own is not None:
                    words = dict.fromkeys([*own.get("about", "").split(), *content_tokens(_plain(doc["title"]))])
                    own["about"] = " ".join(words)
                light.append(
                    {
                        "location": up + other + location,
                        "title": f'<span lang="{langs[other]}">{doc["title"]}</span>',
                        "text": _p(OTHER_EDITION_MARK[lang]) + _first_block(doc.get("text", "")),
                        **{k: doc[k] for k in ("names", "keys") if k in doc},
                        "boost": OTHER_EDITION_BOOST,
                        "edition": langs[other],
                        "page": location,
                    }
                )
        for doc in idx["docs"]:
            if "#" in doc["location"]:
                continue  # a section is named by its page
            # A page's `about` holds the other edition's title, read with its own. An entity's
            # holds its role and description too, which name others: its title alone («داعمو
            # داعش» answers to «إيسيس»; the tweeter's role, which names Van Ostaeyen, does not
            # make it answer to «بيتير»).
            title = content_tokens(_plain(doc["title"]))
            if "entity" not in doc:
                title += doc.get("about", "").split()
            extra = _named_in(title, names)
            if extra:
                doc["about"] = " ".join(dict.fromkeys([*doc.get("about", "").split(), *extra]))
        idx["docs"] = idx["docs"] + light
        # The edition's language, for the worker (Material passes `config` on whole; lunr's own
        # `lang` is "en" in both editions): a query in the other edition's script is told apart.
        idx["config"]["edition"] = lang
        _index_path(site, prefix).write_text(json.dumps(idx, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _plain(html: str) -> str:
    return re.sub(r"<[^>]*>", " ", html)


def _first_block(html: str) -> str:
    found = _BLOCK.search(html)
    return found.group(0) if found else ""


def inline_indexes(site: Path, others: list[str]) -> None:
    """Offline bundle: Material reads the index from search_index.js (no fetch over file://).
    Its offline plugin wrote that file before the indexes were merged, so write it again."""
    for prefix in ["", *others]:
        path = _index_path(site, prefix)
        path.with_suffix(".js").write_text(f"var __index = {path.read_text(encoding='utf-8')}", encoding="utf-8")
