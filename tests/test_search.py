"""Search quality in a real browser, on the fixed query set (tests/search/queries.yaml).

Thresholds are deterministic (same index, same queries); latency is only printed by
scripts/search_benchmark.py.
"""

from __future__ import annotations

import html
import json
import re
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import SearchBox, mkdocs_serve
from edition import paths, search
from edition.article import paragraph_text
from edition.escape import html_text
from edition.labels import PAGE_ABOUT, PAGE_TITLES, t
from edition.load import Dataset
from edition.normalise import content_tokens
from search_eval import EDITION_PREFIXES, SETS, Scores, load_queries, run

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.browser
QUERIES = load_queries()


def test_query_set_is_large_and_covers_every_class() -> None:
    assert len(QUERIES) >= 60
    classes = {q["class"] for q in QUERIES}
    assert classes >= {
        "hamza", "taa-marbuta", "alef-maqsura", "diacritics", "tatweel", "persian", "digits",
        "clitics", "variants", "english", "multi-word", "punctuation", "prefix",
    }  # fmt: skip


def test_every_expected_page_of_every_query_set_exists(site: Path) -> None:
    """The query sets (and the second annotators' labels, tests/search/second/) name pages of the
    site: a page renamed or removed would otherwise turn into misses nobody explains."""
    files = sorted(SETS.glob("*.yaml")) + sorted((SETS / "second").glob("*.yaml"))
    missing = [
        (f.name, q["q"], page)
        for f in files
        if f.name != "normalise_cases.yaml"
        for q in load_queries(str(f.relative_to(SETS).with_suffix("")))
        for page in q["expect"]
        if not (site / page / "index.html").is_file()
    ]
    assert len(files) >= 8 and not missing, missing


_TUNED: dict[tuple[str, str], Scores] = {}


def _tuned(browser: object, base_url: str, lang: str) -> Scores:
    """The tuned set typed once per edition, for the three tests that read it (one xdist group, so
    one test process types it)."""
    if (base_url, lang) not in _TUNED:
        _TUNED[base_url, lang] = run(browser, base_url, lang, QUERIES)
    return _TUNED[base_url, lang]


@pytest.mark.xdist_group("tuned-set")
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_recall_in_built_site(browser: object, base_url: str, lang: str) -> None:
    scores = _tuned(browser, base_url, lang)
    misses = [(o.query["q"], o.query["expect"], o.pages[:5]) for o in scores.failures(5)]
    assert scores.recall(5) >= 0.95, misses
    assert scores.recall(1) >= 0.85, [(o.query["q"], o.pages[:3]) for o in scores.failures(1)]


@pytest.mark.xdist_group("tuned-set")
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_name_queries_rank_the_entity_page_first(browser: object, base_url: str, lang: str) -> None:
    names = Scores([o for o in _tuned(browser, base_url, lang).outcomes if o.query.get("name")])
    assert len(names.outcomes) >= 20
    wrong = [(o.query["q"], o.pages[:3]) for o in names.failures(1)]
    assert names.recall(1) >= 0.95, wrong


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_search_works_under_mkdocs_serve(browser: object) -> None:
    """The README's serve command gives the same search (worker wrapper, names, both editions)."""
    sample = [q for q in QUERIES if q["class"] in {"clitics", "english", "variants"}][:12]
    with mkdocs_serve(free_port()) as url:
        for lang in ("ar", "en"):
            scores = run(browser, url, lang, sample)
            assert scores.recall(5) == 1.0, [(o.query["q"], o.pages[:5]) for o in scores.failures(5)]


# ---- Second round: highlighting, the reader's edition first, snippets, Material's strings -------


@pytest.fixture(scope="module", params=["ar", "en"])
def box(request: pytest.FixtureRequest, browser: object, base_url: str) -> Iterator[SearchBox]:
    """One search box per edition, kept open for the tests below (the index is built per load)."""
    b = SearchBox(browser, base_url + EDITION_PREFIXES[request.param])
    b.lang = request.param  # type: ignore[attr-defined]
    yield b
    b.close()


# Queries whose folded forms overlap: one form is a prefix or a substring of another («لندن» and
# its proclitic-stripped form «ندن»; «الباحث» and «باحث»), with and without clitics.
OVERLAPPING = ["لندن", "جسر لندن", "هجوم لندن", "للندن", "بيتر", "بلجيكا", "البلجيكي", "الباحث البلجيكي",
               "باحث الإرهاب البلجيكي", "والعراق", "سوريا", "بالتيليجرام", "فان أوستين"]  # fmt: skip


@pytest.mark.parametrize("query", OVERLAPPING)
def test_highlight_never_nests_marks(box: SearchBox, base_url: str, query: str) -> None:
    box.search(query, base_url)
    results = box.results()
    assert results, query
    for r in results:
        assert r["nested"] == 0, (query, r["href"], r["title"], r["text"])
        for markup in (r["title"], r["text"]):
            bare = str(markup).replace("<mark>", "").replace("</mark>", "")
            for broken in ("<mar", "mar<", "k>", "&lt;mar", "k&gt;"):
                assert broken not in bare, (query, markup)


@pytest.mark.parametrize(("query", "marked"), [("تام تام", "<mark>تام</mark> <mark>تام</mark>"),
                                               ("جسر لندن", "<mark>جسر</mark> <mark>لندن</mark>")])  # fmt: skip
def test_every_occurrence_is_highlighted(browser: object, base_url: str, query: str, marked: str) -> None:
    """A word typed twice, or two words, are each marked wherever they occur, not only the first one of a field
    (the wrapper once kept one position per field: Material's positions are numbers, not [start, length]).
    In the Arabic edition, whose titles and snippets hold the Arabic words."""
    box = SearchBox(browser, base_url)
    box.search(query, base_url)
    results = box.results()
    box.close()
    assert marked in str(results[0]["title"]), results[0]
    snippets = [str(r["text"]) for r in results]
    assert any(marked in s for s in snippets), snippets
    # Every word of a snippet that is the query's is marked: none left bare beside a marked one.
    bare = [s for s in snippets if marked.replace("<mark>", "").replace("</mark>", "") in _unmarked(s)]
    assert not bare, bare


def _unmarked(markup: str) -> str:
    """The markup with every marked word taken out, so what is left shows words the highlighter missed."""
    return re.sub(r"<mark>[^<]*</mark>", "\u2026", markup)


@pytest.mark.parametrize(("query", "word"), [("Van", "van"), ("فان", "فان"), ("Van Ostaeyen", "van")])
def test_latin_words_and_stop_words_are_highlighted_whole(box: SearchBox, base_url: str, query: str, word: str) -> None:
    """ "Van" does not mark "vanished"; «فان» (Van) does not mark «فإن» (a function word)."""
    box.search(query, base_url)
    marks = {m.lower() for r in box.results() for m in r["marks"]}  # type: ignore[attr-defined]
    assert word in marks, (query, marks)
    assert not {m for m in marks if m.startswith("van") and m != "van"}, marks
    assert "فإن" not in marks, marks


READER_FIRST = ["Telegram", "تيليجرام", "Van Ostaeyen", "فان أوستين", "London Bridge", "جسر لندن", "TamTam",
                "Timeline", "التسلسل الزمني", "Belgium", "بلجيكا"]  # fmt: skip


@pytest.mark.parametrize("query", READER_FIRST)
def test_reader_edition_first_and_no_pairs(box: SearchBox, base_url: str, query: str) -> None:
    """Pages of the reader's edition come first, whatever the script; a page of the other edition
    is listed only when its counterpart is not, after all of the reader's, marked with its language."""
    hit = box.search(query, base_url)
    lang = box.lang  # type: ignore[attr-defined]
    assert hit.pages, query
    own = [p.startswith("en/") == (lang == "en") for p in hit.pages]
    assert own[0], (query, hit.pages[:3])
    assert own == sorted(own, reverse=True), (query, hit.pages)
    canonical = [p[3:] if p.startswith("en/") else p for p in hit.pages]
    assert len(canonical) == len(set(canonical)), (query, hit.pages)
    mark = "From the Arabic edition" if lang == "en" else "من النسخة الإنجليزية"
    for r in box.results():
        if r["page"] and (str(r["href"]).startswith("../") or str(r["href"]).startswith("en/")):
            assert mark in str(r["text"]), r


def test_entity_snippets_show_the_role_not_the_id(box: SearchBox, base_url: str, data: Dataset) -> None:
    lang = box.lang  # type: ignore[attr-defined]
    for entity in data.entities.values():
        box.search(entity.name(lang), base_url)
        mine = [r for r in box.results() if r["page"] and str(r["href"]).rstrip("/").endswith("/" + entity.id)]
        assert mine, entity.id
        text = str(mine[0]["text"])
        assert entity.id not in text, (entity.id, text)
        assert html.escape(entity.role(lang), quote=False) in text.replace("<mark>", "").replace("</mark>", ""), (
            entity.id,
            text,
        )


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ({"ar": "الأشخاص", "en": "People"}, "people/"),
        ({"ar": "قراءة متوازية", "en": "Parallel reading"}, "parallel/"),
        ({"ar": "شبكة العلاقات", "en": "Relations"}, "relations/"),
        ({"ar": "مدينة أشباح", "en": "ghost town"}, "parallel/"),
    ],
)
def test_every_page_has_a_snippet(box: SearchBox, base_url: str, query: dict[str, str], page: str) -> None:
    lang = box.lang  # type: ignore[attr-defined]
    box.search(query[lang], base_url)
    mine = [r for r in box.results() if r["page"] and str(r["href"]).endswith(page)]
    assert mine and str(mine[0]["text"]).strip(), (query, page, box.results()[:3])


def test_timeline_snippet_is_the_event_not_every_field(box: SearchBox, base_url: str) -> None:
    lang = box.lang  # type: ignore[attr-defined]
    box.search({"ar": "مدينة أشباح", "en": "ghost town"}[lang], base_url)
    sections = [r for r in box.results() if "timeline/#" in str(r["href"])]
    assert sections
    for r in sections:
        assert {"ar": "الفاعلون", "en": "Actors"}[lang] not in str(r["text"]), r["text"]


def test_ya_and_iya_spellings_find_the_same_pages(box: SearchBox, base_url: str) -> None:
    ya = box.search("سوريا", base_url).pages
    iya = box.search("سورية", base_url).pages
    assert set(ya) == set(iya), (ya, iya)
    assert len(ya) >= 5


def arabic_count(n: int, more: bool = False) -> str:
    """Arabic for n results (or n more on this page), with the plural form Arabic uses for n."""
    tail = " في هذه الصفحة" if more else ""
    if n == 1:
        return ("نتيجة أخرى" if more else "نتيجة واحدة") + tail
    if n == 2:
        return ("نتيجتان أخريان" if more else "نتيجتان") + tail
    if 3 <= n % 100 <= 10:
        return f"{n} نتائج" + (" أخرى" if more else "") + tail
    return f"{n} نتيجة" + (" أخرى" if more else "") + tail


def test_material_arabic_strings(browser: object, base_url: str) -> None:
    """Material's counts in Arabic, each with its plural form (js/plurals.js over the override)."""
    counts = {arabic_count(n): n for n in range(1, 500)}
    mores = {arabic_count(n, more=True) for n in range(1, 500)}
    box = SearchBox(browser, base_url)
    try:
        seen = set()
        for query in ["داعش", "نحو", "بلجيكا", "جسر لندن", "TamTam", "سورية", "مدينة أشباح", "ميتش"]:
            box.search(query, base_url)
            meta = box.meta()
            assert meta in counts, (query, meta)
            seen.add(counts[meta])
            for text in box.page.eval_on_selector_all(
                ".md-search-result__more summary > div", "els => els.map(e => e.textContent)"
            ):
                assert text in mores, (query, text)
        assert len(seen) >= 3, seen
    finally:
        box.close()


def test_arabic_strings_without_javascript() -> None:
    """Before the plural script runs (or without it), the override's strings read right for any count."""
    table = (ROOT / "overrides/partials/languages/ar.html").read_text(encoding="utf-8")
    assert '"search.result.other": "عدد النتائج: #"' in table
    assert '"search.result.more.other": "نتائج أخرى في هذه الصفحة: #"' in table


def test_arabic_strings_cover_materials_keys() -> None:
    """The override copies Material's Arabic table: same keys, so nothing falls back to English."""
    import material

    def keys(path: Path) -> set[str]:
        return set(re.findall(r'^\s*"([a-z.]+)":', path.read_text(encoding="utf-8"), re.M))

    theirs = Path(material.__file__).parent / "templates/partials/languages/ar.html"
    ours = ROOT / "overrides/partials/languages/ar.html"
    assert keys(ours) == keys(theirs)


@pytest.mark.xdist_group("tuned-set")
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_reader_edition_first_on_the_query_sets(browser: object, base_url: str, lang: str) -> None:
    scores = _tuned(browser, base_url, lang)
    assert scores.own_first >= 0.95, [(o.query["q"], o.pages[:2]) for o in scores.outcomes if not o.own_first]


# Floors of the blind sets (recall@5, recall@1, own edition first, descriptive queries in the top 3):
# their measured figures in the README, rounded down. heldout2 (session 2), heldout3 (session 3) and
# heldout6 (session 6) were written by people who saw only the article and the page list; each was
# reported on its first run, and changes made after seeing it are said so in the README: the floors
# guard, they no longer measure. heldout2 and heldout3 were lowered in session 6 on purpose: their
# authors wanted the article first for a phrase of it, the later authors the page that quotes it
# (README, Search). heldout3's recall@5 was lowered in session 7 (0.97 → 0.96, English edition):
# its author wants the parallel reading for an Arabic phrase typed in the English edition, which
# now counts one word less for a query in the other edition's script (five of its phrases went
# from 4th or 5th to 6th; the later blind sets gain by it). heldout15 and heldout16 (session 13),
# written the same way, met issue 14's targets on their first runs: their floors are the targets
# themselves (recall@5 0.97, recall@1 0.90, own edition 0.95), and descriptions in the top three
# 0.90, as on heldout2.
BLIND_FLOORS = {
    "heldout2": (0.98, 0.89, 0.97, 0.90),
    "heldout3": (0.96, 0.81, 0.97, 0.85),
    "heldout6": (0.96, 0.79, 0.97, 0.72),
    "heldout15": (0.97, 0.90, 0.95, 0.90),
    "heldout16": (0.97, 0.90, 0.95, 0.90),
}


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("name", BLIND_FLOORS)
def test_blind_heldout_set_does_not_regress(browser: object, base_url: str, lang: str, name: str) -> None:
    """A change that loses ground on queries nobody tuned for fails here."""
    at5, at1, own, descriptive_top3 = BLIND_FLOORS[name]
    scores = run(browser, base_url, lang, load_queries(name))
    assert scores.recall(5) >= at5, [(o.query["q"], o.pages[:5]) for o in scores.failures(5)]
    assert scores.recall(1) >= at1, [(o.query["q"], o.pages[:3]) for o in scores.failures(1)]
    assert scores.own_first >= own
    descriptive = [
        o for o in scores.outcomes if o.query.get("descriptive") or o.query["class"].startswith("descriptive")
    ]
    top3 = sum(1 for o in descriptive if o.rank and o.rank <= 3) / len(descriptive)
    assert top3 >= descriptive_top3, [(o.query["q"], o.pages[:3]) for o in descriptive if not o.rank or o.rank > 3]


def _index(site: Path, prefix: str) -> dict[str, Any]:
    """The built search index of the edition under prefix ("" or "en/")."""
    return json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_title_that_names_an_app_answers_to_its_other_spellings(site: Path, prefix: str) -> None:
    """The article's title names Telegram and TamTam in Latin letters: its entry also holds their
    names in Arabic letters and their one-word spellings, not the words of a descriptive alias
    (TamTam's «موطن داعش الإلكتروني الجديد»)."""
    index = _index(site, prefix)
    article = next(d for d in index["docs"] if d["location"] == "article/" and "edition" not in d)
    about = set(article["about"].split())
    assert {"تيليجرام", "تلغرام", "تام", "تامتام", "telegram", "tamtam", "داعش", "daesh"} <= about
    assert not {"موطن", "الالكتروني"} & about


ARABIC_EDITION_FIRST = [
    # The Arabic timeline's headings answer to their events' English labels (before, the Russian
    # social network or Telegram came first). The English edition's timeline holds the labels as
    # its text, and its entity pages, which name TamTam and the groups, still come first there.
    ("every group gone from TamTam on Tuesday", "timeline/"),
    ("Saturday noon groups vanish", "timeline/"),
    # Thesaurus: area, territory, space (before, the parallel reading came first). In the English
    # edition the article's paragraph holds "last stable area" and "loss of territory" both, and
    # comes first.
    ("police: the last stable territory of ISIS", "organisations/police/"),
]


@pytest.mark.parametrize("box", ["ar"], indirect=True)
@pytest.mark.parametrize(("query", "expected"), ARABIC_EDITION_FIRST)
def test_queries_no_set_holds_find_their_page_first_in_the_arabic_edition(
    box: SearchBox, base_url: str, query: str, expected: str
) -> None:
    _first_in_own_edition(box, base_url, query, expected)


@pytest.mark.parametrize(("prefix", "other"), [("", "en"), ("en/", "ar")])
def test_the_articles_entries_hold_their_paragraphs_in_the_other_language(
    site: Path, data: Dataset, prefix: str, other: str
) -> None:
    """Each of the article's entries (the page, and a section per heading) holds, in `counterpart`,
    the other language's text of the paragraphs it holds, in order: all of them, each once."""
    article = data.article
    docs = _index(site, prefix)["docs"]
    entries = [d for d in docs if d["location"].split("#")[0] == "article/" and "edition" not in d]
    assert entries[0]["location"] == "article/"
    held = [html.unescape(m) for d in entries for m in re.findall(r"<p>(.*?)</p>", d["counterpart"], re.S)]
    wanted = [paragraph_text(article, p, other) for p in article.paragraphs.values()]
    assert held == wanted
    for d in entries[1:]:  # a section begins with its heading's paragraph
        pid = d["location"].split("#")[1]
        assert d["counterpart"].startswith("<p>" + html_text(wanted[list(article.paragraphs).index(pid)]) + "</p>")


def test_the_arabic_timeline_headings_hold_their_events_english_labels(site: Path) -> None:
    """Searched, not shown: in `quotes`, which Material never displays; the English edition's
    headings, which show the English, have none."""
    ar = _index(site, "")
    day = next(d for d in ar["docs"] if d["location"] == "timeline/#day-2019-12-03")
    assert {"groups", "tamtam", "tuesday"} <= set(day["quotes"].split())
    en = _index(site, "en/")
    assert not [d for d in en["docs"] if d["location"].startswith("timeline/#") and "quotes" in d]


def test_a_query_of_stop_words_only_finds_the_name_it_spells(box: SearchBox, base_url: str) -> None:
    """«تم» is a stop word (the passive auxiliary) and «تم تم» a spelling of TamTam (set 13). Its
    last word was asked as a prefix, so Material kept only pages with a word starting «تم»
    («تمشيط»), and TamTam's page, found by its whole-name key, was not among them."""
    _first_in_own_edition(box, base_url, "تم تم", "platforms/tamtam/")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_an_entity_whose_name_holds_another_answers_to_its_other_spellings(site: Path, prefix: str) -> None:
    """«داعمو داعش» names ISIS: the supporters' entry holds ISIS's other spellings. The tweeter's
    role names Van Ostaeyen, but its title does not: its entry gains none of his spellings."""
    index = _index(site, prefix)
    mine = {d["location"]: d for d in index["docs"] if "edition" not in d}
    assert {"ايسيس", "isil", "daesh", "دواعش"} <= set(mine["people/isis-supporters/"]["about"].split())
    assert "بيتير" not in mine["people/anonymous-isis-supporter/"]["about"].split()


@pytest.mark.parametrize(("prefix", "other"), [("", "en"), ("en/", "ar")])
def test_index_holds_its_own_pages_and_only_the_other_editions_names(site: Path, prefix: str, other: str) -> None:
    index = _index(site, prefix)
    docs = index["docs"]
    theirs = [d for d in docs if "edition" in d]
    mine = [d for d in docs if "edition" not in d]
    assert theirs and mine
    assert {d["edition"] for d in theirs} == {other}
    # One light entry per page of the other edition: no sections, no text beyond one line.
    assert all("#" not in d["location"] for d in theirs)
    assert all(set(d) <= {"location", "title", "text", "names", "keys", "boost", "edition", "page"} for d in theirs)
    assert sum(len(d["text"]) for d in theirs) < 0.1 * sum(len(d.get("text", "")) for d in mine)
    # Snippets: an entity's own entry shows its kind and role, not its id.
    registers = ("people/", "organisations/", "platforms/", "places/")
    entities = [d for d in mine if d["location"].startswith(registers) and "#" not in d["location"]]
    assert len(entities) > 20
    for d in entities:
        assert "<code>" not in d["text"] and d["text"].startswith("<p>"), d


DESCRIPTIONS = [
    ("Belgian researcher", "people/pieter-van-ostaeyen/"),
    ("الباحث البلجيكي", "people/pieter-van-ostaeyen/"),
    ("باحث الإرهاب البلجيكي", "people/pieter-van-ostaeyen/"),
    ("Russian app", "platforms/tamtam/"),
    ("تطبيق روسي", "platforms/tamtam/"),
    ("the analyst", "people/mitch-prothero/"),
]


@pytest.mark.parametrize(("query", "expected"), DESCRIPTIONS)
def test_descriptions_find_the_entity_in_the_top_three(
    box: SearchBox, base_url: str, query: str, expected: str
) -> None:
    """The issue's examples: an entity whose role says what the reader types is in the top three."""
    pages = [p.removeprefix("en/") for p in box.search(query, base_url).pages]
    assert expected in pages[:3], (query, pages[:5])


FORGIVING = [
    # a typo: a word of five letters or more that matches nothing asks the words one edit away
    ("Telgram", "platforms/telegram/"),
    ("Ostayen", "people/pieter-van-ostaeyen/"),
    ("تويتير", "platforms/twitter/"),
    # English endings: one stem for a word's inflections, nationality and country
    ("researchers", "people/terrorism-researchers/"),
    ("Syrian", "places/syria/"),
    ("Russian developers", "organisations/russian-social-network/"),
    # nisba: the adjective and the country meet
    ("باحث من بلجيكا", "people/pieter-van-ostaeyen/"),
    ("سوري", "places/syria/"),
]


@pytest.mark.parametrize(("query", "expected"), FORGIVING)
def test_typos_inflections_and_nisba_find_the_page(box: SearchBox, base_url: str, query: str, expected: str) -> None:
    _in_top_three(box, base_url, query, expected)


# Transliterations that follow the Arabic spelling, found by the consonant skeleton of the entity's
# Arabic name (normalise.skeleton_keys); a one-letter slip in a four-letter word, found among the
# words of names one edit away (a neighbouring key: غ for ع). None of them is a query of a query set.
SKELETONS = [
    ("Lundun", "places/london/"),
    ("Baljika", "places/belgium/"),
    ("Rusya", "places/russia/"),
    ("Sooriya", "places/syria/"),
    ("Tilighram", "platforms/telegram/"),
    ("Da3esh", "organisations/isis/"),
    ("Jisr Lundun", "places/london-bridge/"),
    # across the Latin article, whose "al" no longer matches Al-Watan's name (the name's skeleton
    # with its articles and without)
    ("al-Muqatilin al-Ajanib", "people/foreign-fighters/"),
    ("Bahithi al-Irhab", "people/terrorism-researchers/"),
    ("al-Shurtah", "organisations/police/"),
    # a fixed page by the skeleton of its Arabic title
    ("Mulahazat al-Tahreer", "notes/"),
    # Al-Watan is still found by its name, with the article or without a separator
    ("Al-Watan", "organisations/al-watan/"),
    ("al watan", "organisations/al-watan/"),
    ("Alwatan", "organisations/al-watan/"),
]
SLIPS = [("داغش", "organisations/isis/")]
# Latin transliterations of ordinary words (not names), met by the skeletons of the words of every
# page (normalise.word_skeletons), with Latin's variants of one Arabic letter: -at for ة, "th" for
# ذ, Arabizi 2 for ق. None of them is a query of a held-out set.
WORD_SKELETONS = [
    ("at-tasweebat", "corrections/"),
    ("man qala madha", "claims/"),
    ("shabakat al-3ala2at", "relations/"),
    ("al-3ira2", "places/iraq/"),
]


@pytest.mark.parametrize(("query", "expected"), SKELETONS + SLIPS + WORD_SKELETONS)
def test_transliterations_and_four_letter_slips_find_the_entity_first(
    box: SearchBox, base_url: str, query: str, expected: str
) -> None:
    _first_in_own_edition(box, base_url, query, expected)


def _first_in_own_edition(box: SearchBox, base_url: str, query: str, expected: str) -> None:
    """The reader's own edition's copy of the page is the first result."""
    own = "en/" if box.lang == "en" else ""  # type: ignore[attr-defined]
    pages = box.search(query, base_url).pages
    assert pages[:1] == [own + expected], (query, pages[:3])


def _in_top_three(box: SearchBox, base_url: str, query: str, expected: str) -> None:
    """The page (either edition's copy) is among the first three results."""
    pages = [p.removeprefix("en/") for p in box.search(query, base_url).pages]
    assert expected in pages[:3], (query, pages[:5])


def test_a_page_is_found_by_its_title_in_either_language(box: SearchBox, base_url: str) -> None:
    """Every fixed page and register is named by its navigation title in both languages
    (labels.PAGE_TITLES): the reader's own copy of the page comes first, whichever language the
    title is typed in, not a page that merely uses the word."""
    own = "en/" if box.lang == "en" else ""  # type: ignore[attr-defined]
    for page, key in PAGE_TITLES.items():
        expected = own + paths.url_of(page)
        for lang in ("ar", "en"):
            pages = box.search(t(key, lang), base_url).pages
            assert pages[:1] == [expected], (t(key, lang), pages[:3])


def test_a_page_is_found_by_what_it_holds(box: SearchBox, base_url: str) -> None:
    """Every fixed page and register is described by one line in both languages (labels.PAGE_ABOUT),
    indexed as its role: a reader who describes the page in the edition's language finds it first."""
    own = "en/" if box.lang == "en" else ""  # type: ignore[attr-defined]
    for page, line in PAGE_ABOUT.items():
        pages = box.search(line[box.lang], base_url).pages  # type: ignore[attr-defined]
        assert pages[:1] == [own + paths.url_of(page)], (line, pages[:3])


# Words the data does not use, found through the thesaurus (data/search_terms.yaml), and the words of
# an entity's type and kind (labels kind.*). None of them is a query of a held-out set.
OTHER_WORDS = [
    ("cops", "organisations/police/"),
    ("governments", "organisations/authorities/"),
    ("قاتلوا مع داعش", "people/foreign-fighters/"),
    ("fight for ISIS", "people/foreign-fighters/"),
    ("sympathisers", "people/isis-supporters/"),
    ("المتعاطفون مع داعش", "people/isis-supporters/"),
    ("خبراء الإرهاب", "people/terrorism-researchers/"),
    ("terrorism experts", "people/terrorism-researchers/"),
    ("chronology", "timeline/"),
    ("bilingual", "parallel/"),
    ("microblogging", "platforms/twitter/"),
    ("Russian company", "organisations/russian-social-network/"),
    ("مدينة", "places/london/"),
    ("revisions", "corrections/"),
    ("remarks", "notes/"),
    ("downloadable files", "data/"),
    ("the messenger the supporters deserted", "platforms/telegram/"),
    ("who cracked down on the groups", "organisations/authorities/"),
]


# The names a reader gives fixed pages (labels.PAGE_ABOUT says them): the page first. A register's
# line names its kind ("list of the people"), so "list of people" finds it, not Relations, which
# lists every kind.
PAGE_NAMES = [
    ("errata", "corrections/"),
    ("bibliography", "sources/"),
    ("claims", "claims/"),
    ("من نحن", "about/"),
    ("about us", "about/"),
    ("about this website", "about/"),
    ("change history", "corrections/"),
    ("network diagram", "relations/"),
    ("list of people", "people/"),
    ("قائمة المنصات", "platforms/"),
    # eighth round: quantifiers are stop words, the pages' other names (labels.PAGE_ALIASES), and
    # the About page's "How to cite" section
    ("all the platforms", "platforms/"),
    ("جميع الأماكن", "places/"),
    ("About the site", "about/"),
    ("عن النسخة", "about/"),
    ("main page", ""),
    ("how do I cite this", "about/"),
    ("كيف أستشهد", "about/"),
    # and the pages' lines say day by day (timeline), quotes (claims), links (sources)
    ("day by day", "timeline/"),
    ("يوما بيوم", "timeline/"),
    ("quotes and who said them", "claims/"),
    ("الاقتباسات ومن قالها", "claims/"),
    ("links to the sources", "sources/"),
    ("the original report", "sources/"),
    # the registers' lines say what they list in other words too: persons, apps and networks,
    # locations (the ninth round; the authors of set 9 looked for them so)
    ("الشخصيات", "people/"),
    ("persons", "people/"),
    ("التطبيقات والشبكات", "platforms/"),
    ("apps and networks", "platforms/"),
    ("المواقع", "places/"),
    ("locations", "places/"),
    # tenth round: the lines say statements (claims), the translation (parallel reading), and
    # «التنظيمات» for the organisations
    ("تصريحات المقال", "claims/"),
    ("النص والترجمة الإنجليزية", "parallel/"),
    ("قائمة التنظيمات", "organisations/"),
]


@pytest.mark.parametrize(("query", "expected"), PAGE_NAMES)
def test_a_fixed_page_is_found_first_by_its_common_name(
    box: SearchBox, base_url: str, query: str, expected: str
) -> None:
    _first_in_own_edition(box, base_url, query, expected)


@pytest.mark.parametrize(("query", "expected"), OTHER_WORDS)
def test_words_the_data_does_not_use_find_the_page(box: SearchBox, base_url: str, query: str, expected: str) -> None:
    _in_top_three(box, base_url, query, expected)


def test_a_literal_match_ranks_before_a_synonym(box: SearchBox, base_url: str) -> None:
    """A page that has the word typed comes before one that has only a synonym of it: "supporters"
    finds the supporters, not a page that says "followers"."""
    pages = [p.removeprefix("en/") for p in box.search("ISIS supporters", base_url).pages]
    assert pages[0] == "people/isis-supporters/", pages[:3]


def test_countries_found_by_their_kind(box: SearchBox, base_url: str, data: Dataset) -> None:
    countries = {paths.url_of(paths.entity_page("place", e.id)) for e in data.of_type("place") if e.kind == "country"}
    for query in ("country", "بلد"):
        pages = {p.removeprefix("en/") for p in box.search(query, base_url).pages[: len(countries)]}
        assert pages == countries, (query, pages)


@pytest.mark.parametrize("query", ["nation that made TamTam", "البلد الذي طور TamTam"])
def test_a_word_for_country_does_not_find_the_islamic_state(box: SearchBox, base_url: str, query: str) -> None:
    """The thesaurus's words for a country are not "state" / «دولة», which name ISIS too («الدولة
    الإسلامية», "Islamic State"): a description of a country lists the countries, not ISIS."""
    pages = [p.removeprefix("en/") for p in box.search(query, base_url).pages]
    assert pages[0] == "places/russia/", pages[:3]
    assert "organisations/isis/" not in pages[:4], pages[:4]


def _article_phrases(data: Dataset, lang: str, words: int = 5) -> list[str]:
    """From the middle of every paragraph of the article (or its translation) of 15 words or more, a
    run of words holding `words` that are not stop words."""
    article = data.article
    texts = (
        [p.text for p in article.paragraphs.values()] if lang == "ar" else list(article.translation.paragraphs.values())
    )
    out = []
    for text in texts:
        split = text.split()
        if len(split) < 15:
            continue
        phrase: list[str] = []
        for word in split[len(split) // 2 - 3 :]:
            phrase.append(word)
            if len(content_tokens(" ".join(phrase))) == words:
                out.append(" ".join(phrase))
                break
    return out


def test_a_phrase_of_the_article_ranks_first_a_page_that_holds_it(
    box: SearchBox, base_url: str, data: Dataset, site: Path
) -> None:
    """A phrase of five words from the middle of every long paragraph ranks first a page that
    holds it: the article, its parallel reading, or a page that quotes it as evidence. The article
    has no precedence by rule (the blind authors of sets 4 to 6 and both second annotators chose
    the quoting page, the authors of sets 2 and 3 the article: see the README); names still rank
    their entity first (test_name_queries_rank_the_entity_page_first)."""
    phrases = _article_phrases(data, box.lang)  # type: ignore[attr-defined]
    assert len(phrases) >= 10
    wrong = []
    for q in phrases:
        first = box.search(q, base_url).pages[:1]
        if not first or not _holds(site / first[0] / "index.html", q):
            wrong.append((q, first))
    assert not wrong, wrong


def _holds(page: Path, phrase: str) -> bool:
    """Does the page's text hold the phrase's words in order, each at most three words after the
    one before (stop words are not indexed; the search allows as much)?"""
    text = html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))
    words, wanted = content_tokens(text), content_tokens(phrase)
    for start, word in enumerate(words):
        if word != wanted[0]:
            continue
        at, ok = start, True
        for want in wanted[1:]:
            ahead = words[at + 1 : at + 4]
            if want not in ahead:
                ok = False
                break
            at += 1 + ahead.index(want)
        if ok:
            return True
    return False


def test_the_article_ranks_before_its_parallel_reading(box: SearchBox, base_url: str, data: Dataset) -> None:
    """The parallel reading repeats the article beside its translation (search.REPEATS): for a
    phrase of the edition's own text, long or of two words, that both pages hold, the article
    comes first."""
    own = "en/" if box.lang == "en" else ""  # type: ignore[attr-defined]
    phrases = _article_phrases(data, box.lang) + _article_phrases(data, box.lang, words=2)  # type: ignore[attr-defined]
    both = 0
    for q in phrases:
        pages = box.search(q, base_url).pages
        if own + "article/" in pages and own + "parallel/" in pages:
            both += 1
            assert pages.index(own + "article/") < pages.index(own + "parallel/"), (q, pages[:5])
    assert both >= len(phrases) // 2, (both, len(phrases))


def test_a_phrase_in_the_other_script_finds_the_page_it_is_about(box: SearchBox, base_url: str) -> None:
    """A phrase typed in the other edition's script (English in the Arabic edition, Arabic in the
    English one) matches the parallel reading only through its translation of the article: the
    page the phrase is about comes first (before, the parallel reading did). Not queries of a
    held-out set."""
    if box.lang == "ar":  # type: ignore[attr-defined]
        _first_in_own_edition(box, base_url, "urged to calm down and subscribe", "people/people-urged-to-calm/")
        # unless the query names it: a transliteration of its Arabic title
        _first_in_own_edition(box, base_url, "al-qiraa al-mutawaziya", "parallel/")
    else:
        _first_in_own_edition(box, base_url, "بقيت مجموعتان نشطتان فقط", "platforms/telegram/")


def test_a_phrase_of_the_other_language_finds_the_readers_article(box: SearchBox, base_url: str, data: Dataset) -> None:
    """The article's index entries hold the same paragraphs in the other language, searched and
    never shown (search.py, `counterpart`): a phrase of the other language's text finds the
    reader's own article, before the parallel reading. Before, neither article held the other
    language: «مدينة أشباح» (ghost town) did not find the English edition's article at all, nor did
    "even if only virtually" the Arabic edition's.

    A phrase of the Arabic original, typed in the English edition, finds it among the first five,
    as it does in the Arabic edition. A phrase of the English translation, in the Arabic edition,
    counts one word less (as the parallel reading does for either), so the page it is about may
    come first (see the README, Search)."""
    own = "en/" if box.lang == "en" else ""  # type: ignore[attr-defined]
    other = "ar" if own else "en"
    article, parallel = own + "article/", own + "parallel/"
    phrases = _article_phrases(data, other) + _article_phrases(data, other, words=2)
    assert len(phrases) >= 20
    wrong = []
    for q in phrases:
        pages = box.search(q, base_url).pages
        found = article in (pages[:5] if own else pages)
        if not found or (parallel in pages and pages.index(parallel) < pages.index(article)):
            wrong.append((q, pages[:5]))
    assert not wrong, wrong


def test_a_paragraph_counts_in_its_own_field(box: SearchBox, base_url: str) -> None:
    """A query whose words one paragraph of the text holds counts all of them there, whatever the
    counterpart's paragraph of the same number holds: Material numbers each field's blocks from
    0, and the worker once merged the text's paragraph n with the counterpart's paragraph n, then
    took a word off for the counterpart. "businessinsider TamTam", both in p12 of the Arabic text
    (and of the translation), put the article sixth in the Arabic edition; it is third in both,
    after the two pages the query names."""
    _in_top_three(box, base_url, "businessinsider TamTam", "article/")


# Queries no held-out set holds, each finding its page first in both editions, one group per rule
# or data change, with what came first before it.
FIRST_PAGES = [
    # Own forms count only between pages that match the same words ("asked" / urged, "join" /
    # subscribe, "terror" / terrorist: before, the parallel reading came first in the Arabic edition).
    ("supporters asked to calm down and join", "people/people-urged-to-calm/"),
    ("terror attack near the bridge last Friday", "places/london-bridge/"),
    # A synonym in a page's own title or names counts as the word typed ("Daesh followers" asks
    # for "ISIS supporters"; before, the notes, which say "followers", came first in both editions,
    # and "Daesh backers" found the sources first in the Arabic edition).
    ("Daesh followers", "people/isis-supporters/"),
    ("Daesh backers", "people/isis-supporters/"),
    # A query that says when and asks no where finds the timeline (before, the article in the
    # Arabic edition and the Van Ostaeyen page in the English one); the place a query names still
    # comes first.
    ("اختفاء المجموعات ظهيرة الثلاثاء", "timeline/"),
    ("اختفاء المجموعات بمساء الاثنين", "timeline/"),  # the day's word with a clitic
    ("attack on Friday near the bridge", "places/london-bridge/"),
    # The tenth round's data: Prothero's role says he judges the move short-lived, Telegram's that
    # it became a "ghost town" (before, in the English edition, TamTam and ISIS came first); the
    # authorities' names include «الجهات الحكومية» and «الجهات الرسمية» (before, the police or the
    # chat groups came first); the supporters' role says they are online (before, the chat groups
    # or the anonymous supporter came first); TamTam's role says it started blocking them (before,
    # the chat groups, whose page says "starting on Friday evening", came first).
    ("short-lived move to TamTam", "people/mitch-prothero/"),
    ("the app started blocking the groups", "platforms/tamtam/"),
    ("بدأ TamTam بحجب المجموعات", "platforms/tamtam/"),
    ("a ghost town for ISIS", "platforms/telegram/"),
    ("الجهات الرسمية", "organisations/authorities/"),
    ("الجهات التي تطارد الجماعات على الإنترنت", "organisations/authorities/"),
    ("online backers of ISIS", "people/isis-supporters/"),
    ("مؤيدو داعش على الإنترنت", "people/isis-supporters/"),
    # The eleventh round. A title that names an app in Latin letters answers to its Arabic
    # spellings (before, TamTam's page came first in both editions).
    ("هجرة جماعية لداعش من تليغرام إلى تام تام", "article/"),
    # Its data: the police's role gives both statements the article attributes to it (before, ISIS
    # came first in both editions), and still the first one; Business Insider is the site the
    # article cites (before, Al-Watan came first).
    ("من قال إن المجموعات آخر منطقة مستقرة للتنظيم", "organisations/police/"),
    ("who said the authorities want to suppress the groups", "organisations/police/"),
    ("الموقع الذي ينقل عنه المقال", "organisations/business-insider/"),
    # Joining a group and subscribing to it are one thing (before, the sceptics in the Arabic
    # edition and the supporters in the English one came first).
    ("الذين طُلب منهم الاشتراك في المجموعات الجديدة", "people/people-urged-to-calm/"),
    # The twelfth round's data: the apps answer to their Russian spellings, London to «لندرة» and
    # ISIS to «إيسيس» (before, nothing or the sources in both editions); TamTam's role says ISIS's
    # claim appeared there first (before, ISIS came first in the Arabic edition).
    ("Телеграм канал", "platforms/telegram/"),
    ("тамтам", "platforms/tamtam/"),
    ("للندرة", "places/london/"),
    ("آيسيس", "organisations/isis/"),
    ("on which app was the claim of responsibility first posted", "platforms/tamtam/"),
    # Thesaurus: trap, «فخ» and «أفخاخ» are one word (before, the supporters came first in both
    # editions).
    ("honeypots for unsophisticated supporters", "people/trap-sceptics/"),
    ("مصيدة للداعمين", "people/trap-sceptics/"),
    # An entity's title that names another entity answers to that entity's other spellings (before,
    # ISIS's page, and London's, came first in both editions).
    ("أنصار إيسيس", "people/isis-supporters/"),
    ("جسر لندرة", "places/london-bridge/"),
    # Question words («متى», «ماذا», "when", "what") are stop words: they say what is asked, and a
    # page that happens to hold them does not answer it (before, the chat groups came first in the
    # Arabic edition); the when rule still reads them.
    ("ماذا حدث مساء الاثنين", "timeline/"),
    # From set 13's misses: Business Insider answers to its address, "law enforcement" is the
    # police's (the thesaurus says so; it was also a name of the authorities, who came first), and
    # "abroad" is "foreign" (before, Business Insider came second in the English edition, the
    # authorities first in both, Van Ostaeyen first in the Arabic edition).
    ("businessinsider.com website", "organisations/business-insider/"),
    ("law enforcement officers", "organisations/police/"),
    ("مقاتلون من الخارج", "people/foreign-fighters/"),
    # London Bridge's English role says "site", as its Arabic role «موقع الهجوم» does (before, the
    # notes came first in the English edition, London in the Arabic one).
    ("the site of the London attack", "places/london-bridge/"),
]


@pytest.mark.parametrize(("query", "expected"), FIRST_PAGES)
def test_queries_no_set_holds_find_their_page_first(box: SearchBox, base_url: str, query: str, expected: str) -> None:
    _first_in_own_edition(box, base_url, query, expected)


# Queries the when rule must leave alone: «أين» (where) and «مكان» (place), with a clitic too,
# turn it off (with them left out of NOT_WHEN, the first two found the timeline first in both
# editions), and «اثنين» bare is "two", not Monday (with it among the when words, the third found
# the timeline first in the English edition).
NOT_WHEN_QUERIES = ["أين اختفاء المجموعات ظهيرة الثلاثاء", "بمكان المجموعات ظهيرة السبت", "اثنين من الباحثين"]


@pytest.mark.parametrize("query", NOT_WHEN_QUERIES)
def test_a_query_that_does_not_ask_when_does_not_put_the_timeline_first(
    box: SearchBox, base_url: str, query: str
) -> None:
    own = "en/" if box.lang == "en" else ""  # type: ignore[attr-defined]
    pages = box.search(query, base_url).pages
    assert pages and pages[0] != own + "timeline/", (query, pages[:3])


def test_an_evidence_quote_in_english_finds_its_entity(box: SearchBox, base_url: str, data: Dataset) -> None:
    """The English of every quote that says who or what an entity is (its evidence, as the data
    gives it) finds that entity's page among the first three, in both editions: the English
    edition shows each quote in both languages, the Arabic edition's page in Arabic only and holds
    the English words in its `quotes` field. Among three because one quote can say what several
    entities are («ISIS's loss of territory in Syria and Iraq»). A relation's quotes are left
    out: they are about the other end as much ("developed by a Russian social network")."""
    quotes = {
        (data.entity_types[entity.id], entity.id, e.en)
        for entity in data.entities.values()
        for e in entity.evidence
        if e.en
    }
    assert len(quotes) >= 30
    for etype, eid, quote in sorted(quotes):
        _in_top_three(box, base_url, quote, paths.url_of(paths.entity_page(etype, eid)))


def test_the_words_attributing_a_statement_find_who_said_it(box: SearchBox, base_url: str, data: Dataset) -> None:
    """The article's own words that attribute a statement to someone («رأى حوالي 50 مجموعة اختفت»,
    "saw about 50 groups disappear"), in Arabic and in English, find the speaker's page among the
    first three: the page gives the statement in the editors' words, and holds the attributing
    words in its `quotes` field (searched, not shown). All but one of them: the article quotes p4,
    which holds those words, on the pages of everyone it names there, and they tie (before the
    field, 13 and 14 of the 16 in the Arabic and English editions)."""
    claims = [(c.speaker, q) for c in data.article.claims for q in (c.attribution.quote, c.attribution.en) if q]
    assert len(claims) >= 16
    missed = []
    for speaker, quote in claims:
        page = paths.url_of(paths.entity_page(data.entity_types[speaker], speaker))
        pages = [p.removeprefix("en/") for p in box.search(quote, base_url).pages[:3]]
        if page not in pages:
            missed.append((quote, pages))
    assert len(missed) <= 1, missed


def test_words_scattered_over_the_article_do_not_rank_it_first(box: SearchBox, base_url: str) -> None:
    """An article page counts the query words one paragraph holds, not the words it holds anywhere:
    a description whose words the article has only far apart finds the pages it describes first
    (before, the parallel reading, which holds both languages' text, came first)."""
    pages = box.search("supporter whose tweet revealed the new app", base_url).pages
    assert pages and pages[0].removeprefix("en/") not in (paths.url_of(p) for p in search.PROSE_PAGES), pages[:3]


# Descriptions with a relative clause: the head (the words before the relative pronoun) names what
# the reader wants; the page whose naming fields hold it comes first, before pages that hold more
# of the clause's words, even all of them (the app TamTam holds "built" and "app"; the company that
# built it holds "company"). An entity's naming fields hold its type's word in the singular and the
# plural ("people"), and what its kind is called ("website"). None of them is a query of a held-out set.
HEADED = [
    ("الباحث الذي لاحظ اختفاء المجموعات", "people/pieter-van-ostaeyen/"),
    ("company that built the app", "organisations/russian-social-network/"),
    ("البلد الذي صنع فيه التطبيق", "places/russia/"),
    ("people who combed the groups", "people/terrorism-researchers/"),
    ("website that carried the tweet", "platforms/twitter/"),
    # a head of one or two words before in / at / by / في («المختص في …»: the specialist)
    ("المختص في الحركات الجهادية", "people/terrorism-researchers/"),
]


# Questions that open with "who" or "whose" and name no kind: a person's page first among pages that match as
# many words (before, the article's paragraph that holds the words). «من» before a noun with the
# article is "from", not "who". None of them is a query of a held-out set.
ASKS_WHO = [
    ("من تتبع المجموعات بعد الهجوم", "people/terrorism-researchers/"),
    ("who warned the new groups could be traps", "people/trap-sceptics/"),
    ("whose tweet pointed to TamTam", "people/anonymous-isis-supporter/"),
]


@pytest.mark.parametrize(("query", "expected"), ASKS_WHO)
def test_a_question_asking_who_finds_a_person(box: SearchBox, base_url: str, query: str, expected: str) -> None:
    _first_in_own_edition(box, base_url, query, expected)


@pytest.mark.parametrize(("query", "expected"), HEADED)
def test_a_description_finds_what_its_head_names(box: SearchBox, base_url: str, query: str, expected: str) -> None:
    _first_in_own_edition(box, base_url, query, expected)
    _in_top_three(box, base_url, "the analyst who doubted the move would last", "people/mitch-prothero/")
