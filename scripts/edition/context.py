"""The rendering context shared by every page renderer: the data, the edition, the page being
written, and how to link from it (Markdown links MkDocs checks, or finished URLs for raw HTML)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import escape, paths
from .escape import html_attr, md_text
from .labels import t
from .load import Article, Dataset
from .model import Evidence, External, Lang
from .typography import guillemets

TEMPLATES = Path(__file__).parent / "templates"

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    undefined=jinja2.StrictUndefined,  # a missing value stops the build
    keep_trailing_newline=True,
    # We write Markdown, so HTML autoescaping would be wrong; instead every {{ }} names its context
    # with a filter (md, cell, e, attr, or markup for fragments the renderers built), and
    # tests/test_escape.py refuses a template expression without one.
    autoescape=False,
    # Markdown attribute lists use "{#id}", Jinja's default comment start: move comments aside.
    comment_start_string="<#--",
    comment_end_string="--#>",
)
_ENV.filters["md"] = lambda value: escape.md_text(str(value))
_ENV.filters["cell"] = lambda value: escape.md_cell(str(value))
_ENV.filters["attr"] = lambda value: escape.html_attr(str(value))
_ENV.filters["markup"] = lambda fragment: fragment  # built by a renderer from escaped parts
TEMPLATE_FILTERS = frozenset({"md", "cell", "e", "attr", "markup"})


def page_head(title: str, heading: str | None = None) -> str:
    """Front matter and H1 of a generated page (the H1 is the title unless given), each escaped
    for its context: the title is HTML for Material, the heading Markdown."""
    return escape.front_matter({"title": escape.title(title)}) + f"\n# {md_text(heading or title)}\n"


@dataclass
class Context:
    """What every renderer needs: the data, the edition and the page being written."""

    data: Dataset
    lang: Lang
    page: str
    directory_urls: bool = True  # False in the offline bundle (file URLs)

    @property
    def article(self) -> Article:
        return self.data.article

    def t(self, key: str) -> str:
        return t(key, self.lang)

    def link(self, target: str) -> str:
        """A Markdown link target (a .md path MkDocs checks and rewrites)."""
        return paths.rel(target, self.page)

    def url(self, target: str) -> str:
        """A finished URL to a page of this edition, for raw HTML and SVG."""
        return paths.raw_link(target, self.page, self.directory_urls)

    def site_file(self, name: str) -> str:
        """A finished URL to a file at the root of the site (shared by both editions)."""
        return paths.site_file(name, self.page, self.lang, self.directory_urls)

    def other(self, target: str, lang: Lang) -> str:
        """A finished URL to a page of another edition."""
        return paths.cross_edition(target, self.page, self.lang, lang, self.directory_urls)

    def entity_link(self, entity_id: str) -> str:
        entity = self.data.entities[entity_id]
        etype = self.data.entity_types[entity_id]
        return f"[{md_text(entity.name(self.lang))}]({self.link(paths.entity_page(etype, entity_id))})"

    def para_link(self, pid: str) -> str:
        return self.link(f"{paths.ARTICLE}#{pid}")

    def evidence(self, ev: Evidence) -> str:
        """A quote from the article with a link to its paragraph (in this edition, and the Arabic);
        in English followed by this edition's translation of the same words."""
        link = f"[{ev.para}]({self.para_link(ev.para)})"
        if self.lang == "en":
            ar = self.other(f"{paths.ARTICLE}#{ev.para}", "ar")
            link += f' · <a href="{ar}" hreflang="ar">Arabic</a>'
        return (
            f'<blockquote class="edition-evidence" markdown="span">'
            f"{self.quoted(ev.quote, ev.en)} — {link}</blockquote>\n"
        )

    def quoted(self, arabic: str, english: str | None) -> str:
        """An Arabic quote in «», and in the English edition its English rendering after it."""
        out = f'<span lang="ar" dir="rtl">{md_text(guillemets(arabic))}</span>'
        if self.lang == "en" and english:
            out += f' <span class="edition-evidence-en" lang="en">“{md_text(english)}”</span>'
        return out

    def evidence_inline(self, ev: Evidence) -> str:
        return f'<span class="edition-inline-evidence">([{ev.para}]({self.para_link(ev.para)}))</span>'

    def source_link(self, source_id: str) -> str:
        """A link to a public source, named by its publisher (for Markdown span contexts)."""
        source = self.data.sources[source_id]
        # <bdi>: a Latin publisher with its own brackets must not reorder the Arabic around it.
        name = md_text(source.publisher)
        return f'<a href="{html_attr(str(source.url))}" rel="external noopener"><bdi>{name}</bdi></a>'

    def badge(self) -> str:
        """The mark of what comes from outside the article."""
        return f'<span class="edition-badge">{self.t("external.badge")}</span>'

    def external(self, x: External) -> str:
        return (
            f'<div class="edition-external" markdown="span">{self.badge()} '
            f"{md_text(x.statement(self.lang))} — {self.t('source')}: {self.source_link(x.source)}</div>\n"
        )

    def render(self, template: str, **values: object) -> str:
        return _ENV.get_template(template).render(
            page_head=page_head,
            t=self.t,
            lang=self.lang,
            evidence=self.evidence,
            evidence_inline=self.evidence_inline,
            external=self.external,
            **values,
        )
