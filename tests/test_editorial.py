"""The editorial apparatus: the second reading of every paragraph, the dating of p9's crackdown,
the original's exact words in the notes, claims and their caveats, sources, versions, the
Corrections and Report-an-error pages, the footer and the licences.

Driven by the data: a new paragraph, note, source or version is tested without a new test.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import lxml.html
import pytest
import yaml

from edition.load import Dataset
from edition.readings import LABELS
from edition.sources_page import uses

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = ("", "en/")


class Elements(HTMLParser):
    """Attributes and text of every element with a given class (nested text included)."""

    def __init__(self, cls: str) -> None:
        super().__init__(convert_charrefs=True)
        self.cls = cls
        self.found: list[tuple[dict[str, str | None], str]] = []
        self.depth: list[int] = []  # open matches, by index in found
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "img", "input", "meta", "link", "hr", "wbr"}:
            return
        a = dict(attrs)
        self.stack.append(tag)
        if self.cls in (a.get("class") or "").split():
            self.found.append((a, ""))
            self.depth.append(len(self.stack))

    def handle_endtag(self, tag: str) -> None:
        if self.stack:
            self.stack.pop()
        while self.depth and self.depth[-1] > len(self.stack):
            self.depth.pop()

    def handle_data(self, text: str) -> None:
        for index in range(len(self.found) - len(self.depth), len(self.found)):
            attrs, old = self.found[index]
            self.found[index] = (attrs, old + text)


def elements(path: Path, cls: str) -> list[tuple[dict[str, str | None], str]]:
    parser = Elements(cls)
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.found


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def config() -> dict[str, object]:
    # mkdocs.yml uses !ENV and python tags; only extra.edition matters here.
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


# ---- The data -----------------------------------------------------------------------------------


def test_every_paragraph_has_exactly_one_reading(data: Dataset) -> None:
    article = data.article
    assert [r.para for r in article.readings] == list(article.paragraphs)


def test_every_note_is_listed_by_its_paragraphs_reading(data: Dataset) -> None:
    readings = {r.para: r for r in data.article.readings}
    for note in data.article.notes:
        assert note.id in readings[note.para].notes, note.id


def test_p9_crackdown_is_dated_before_the_territorial_defeat(data: Dataset) -> None:
    """The known error of version 1.0: the Arabic dates the crackdown against ISIS's territorial
    defeat; the English original's 25 November 2019 is the alternative; no note calls p9 undated."""
    event = next(ev for ev in data.article.events if ev.id == "crackdown-on-telegram-accounts")
    anchor = next(cx for cx in data.context if cx.id == event.relative_to)
    assert event.precision == "before" and event.date == anchor.date
    assert anchor.date.isoformat() == "2019-03-23"
    assert anchor.sources and all(data.sources[s].kind == "report" for s in anchor.sources)
    alternatives = [
        (note.id, alt.date.isoformat()) for note in data.article.notes for alt in note.alternatives
        if alt.event == event.id
    ]  # fmt: skip
    assert alternatives == [("crackdown-dated-by-territorial-defeat", "2019-11-25")]
    for note in data.article.notes:
        for text in (note.comment.en, note.original.en):
            assert "undated" not in text, note.id
        assert "بلا تاريخ" not in note.comment.ar, note.id


def test_notes_quote_the_english_only_from_a_stored_copy(data: Dataset) -> None:
    for note in data.article.notes:
        words = note.english
        if words.stored:
            assert words.quote and words.source in data.sources, note.id
            assert data.sources[words.source].kind == "mirror", "the stored copies are the two syndicated mirrors"
            assert note.certainty == "verified_against_copy", note.id
        else:
            assert words.quote is None and note.certainty == "secondary", note.id


def test_every_source_is_complete_and_cited(data: Dataset) -> None:
    used = uses(data, "en")
    for sid, src in data.sources.items():
        assert src.publisher and src.consulted, sid
        if src.kind in ("mirror", "aggregator"):
            assert src.note is not None, f"{sid}: say why a {src.kind} is cited"
        assert used[sid], f"{sid} is cited nowhere"


def test_version_in_the_config_is_the_last_change(data: Dataset) -> None:
    edition = config()["extra"]["edition"]  # type: ignore[index]
    last = data.changes[-1]
    assert str(edition["version"]) == last.version
    assert str(edition["issued"]) == last.date.isoformat()


# ---- The built site -----------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", EDITIONS)
def test_article_shows_each_paragraphs_reading(site: Path, data: Dataset, prefix: str) -> None:
    lang = "en" if prefix else "ar"
    labels = elements(site / prefix / "article/index.html", "edition-reading")
    expected = [(r.against, LABELS[r.against][lang]) for r in data.article.readings]
    assert [(a["data-reading"], squash(text)) for a, text in labels] == expected
    for attrs, _ in labels:
        assert (attrs["href"] or "").startswith("../notes/#reading-p")


@pytest.mark.parametrize("prefix", EDITIONS)
def test_notes_page_says_how_the_text_was_checked(site: Path, data: Dataset, prefix: str) -> None:
    html = (site / prefix / "notes/index.html").read_text(encoding="utf-8")
    assert 'id="second-reading"' in html
    for pid in data.article.paragraphs:
        assert f'id="reading-{pid}"' in html
    quotes = elements(site / prefix / "notes/index.html", "edition-english")
    assert len(quotes) == len(data.article.notes)
    shown = [squash(text) for _, text in quotes]
    for note in data.article.notes:
        if note.english.stored:
            assert any(note.english.quote and note.english.quote in text for text in shown), note.id
    unstored = sum(1 for n in data.article.notes if not n.english.stored)
    assert sum(1 for a, _ in quotes if "edition-english--unstored" in (a["class"] or "")) == unstored


@pytest.mark.parametrize("prefix", EDITIONS)
def test_timeline_and_home_date_the_crackdown_honestly(site: Path, prefix: str) -> None:
    expected = "قبل خسارة داعش آخر أراضيه في الباغوز (مارس 2019)" if not prefix else (
        "Before ISIS's territorial defeat at Baghuz (March 2019)"
    )  # fmt: skip
    timeline = (site / prefix / "timeline/index.html").read_text(encoding="utf-8")
    card = timeline[timeline.index('id="crackdown-on-telegram-accounts"') :]
    card = card[: card.index("</article>")]
    assert expected in squash(re.sub(r"<[^>]+>", "", card)).replace("&#x27;", "'").replace("&#39;", "'")
    assert "25" in card and ("November 2019" in card or "نوفمبر 2019" in card)  # the original's date
    day = timeline[timeline.index('id="day-2019-11-29"') :]
    assert 'id="crackdown-on-telegram-accounts"' not in day[: day.find("</section>")]
    home = (site / prefix / "index.html").read_text(encoding="utf-8")
    assert expected in home.replace("&#x27;", "'").replace("&#39;", "'")


@pytest.mark.parametrize("prefix", EDITIONS)
def test_quote_claims_whose_words_are_not_the_persons_show_the_caveat(site: Path, data: Dataset, prefix: str) -> None:
    html = (site / prefix / "claims/index.html").read_text(encoding="utf-8")
    for claim in data.article.claims:
        block = html[html.index(f'id="{claim.id}"') :]
        block = block[: block.index("</article>")]
        for note in claim.notes:
            assert f"notes/#{note}" in block, (claim.id, note)
    quoted = next(c for c in data.article.claims if c.id == "vanostaeyen-withdrawal")
    assert quoted.form == "quote" and "narration-as-quotation" in quoted.notes


@pytest.mark.parametrize("prefix", EDITIONS)
def test_footer_names_version_rights_and_links(site: Path, data: Dataset, prefix: str) -> None:
    last = data.changes[-1]
    pages = sorted((site / prefix).glob("**/index.html"))
    if not prefix:
        pages = [p for p in pages if not p.relative_to(site).as_posix().startswith("en/")]
    assert len(pages) > 30
    for path in pages:
        footer = elements(path, "edition-footer")
        assert len(footer) == 1, path
        text = squash(footer[0][1])
        assert last.version in text and last.date.isoformat() in text, path
        assert "CC BY 4.0" in text and "MIT" in text, path
        html = path.read_text(encoding="utf-8")
        for name in ("corrections", "report", "sources"):
            assert re.search(rf'href="(\.\./)*{name}/"', html), (path, name)


@pytest.mark.parametrize("prefix", EDITIONS)
def test_sources_page_lists_every_source_with_its_uses(site: Path, data: Dataset, prefix: str) -> None:
    html = (site / prefix / "sources/index.html").read_text(encoding="utf-8")
    for sid, src in data.sources.items():
        assert f'id="{sid}"' in html, sid
        section = html[html.index(f'id="{sid}"') :]
        assert str(src.url).replace("&", "&amp;") in section[:4000], sid


@pytest.mark.parametrize("prefix", EDITIONS)
def test_corrections_page_lists_every_version(site: Path, data: Dataset, prefix: str) -> None:
    html = (site / prefix / "corrections/index.html").read_text(encoding="utf-8")
    for change in data.changes:
        assert f'id="version-{change.version.replace(".", "-")}"' in html
    assert html.index("version-1-1") < html.index("version-1-0"), "newest first"
    # The pages a change touched are named as a reader knows them, never by their file names.
    doc = lxml.html.fromstring(html)
    links = doc.xpath('//article//p[strong][contains(., ":")]//a[contains(@href, "/")]')
    assert len(links) >= sum(len(c.pages) for c in data.changes)
    assert not [a.text_content() for a in links if ".md" in a.text_content()]


@pytest.mark.parametrize("prefix", EDITIONS)
def test_report_page_is_honest_when_no_address_is_set(site: Path, prefix: str) -> None:
    html = (site / prefix / "report/index.html").read_text(encoding="utf-8")
    assert 'id="what-to-include"' in html and "edition-report-unset" in html
    assert "mailto:" not in html


REPORT = ROOT / "overrides/partials/edition-report-where.html"


@pytest.mark.parametrize(
    ("report", "present", "absent"),
    [
        ({"url": "", "email": ""}, ["edition-report-unset"], ["mailto:", "<a "]),
        ({"url": "https://example.org/issues/new", "email": ""}, ['href="https://example.org/issues/new"'], ["unset"]),
        ({"url": "", "email": "errors@example.org"}, ['href="mailto:errors@example.org"'], ["unset"]),
        ({"url": 'https://x.org/?a=1&b="2"', "email": ""}, ["a=1&amp;b=&#34;2&#34;"], ['b="2"']),
    ],
)
def test_report_address_is_configured_once(report: dict[str, str], present: list[str], absent: list[str]) -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(REPORT.parent))
    html = env.get_template(REPORT.name).render(config={"extra": {"edition": {"lang": "en", "report": report}}})
    for text in present:
        assert text in html
    for text in absent:
        assert text not in html


def test_licence_files() -> None:
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    content = (ROOT / "LICENSE-CONTENT.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in content and "Al-Watan" in content
