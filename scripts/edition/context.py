"""The rendering context shared by every page renderer: the data, the edition, the page being
written, and how to link from it (Markdown links MkDocs checks, or finished URLs for raw HTML)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import paths
from .article import md_escape
from .labels import t
from .load import Article, Dataset
from .model import Evidence, External, Lang

TEMPLATES = Path(__file__).parent / "templates"

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    undefined=jinja2.StrictUndefined,  # a missing value stops the build
    keep_trailing_newline=True,
    autoescape=False,  # we write Markdown; HTML-escaping is explicit (| e)
    # Markdown attribute lists use "{#id}", Jinja's default comment start: move comments aside.
    comment_start_string="<#--",
    comment_end_string="--#>",
)
_ENV.filters["md"] = md_escape


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
        return f"[{md_escape(entity.name(self.lang))}]({self.link(paths.entity_page(etype, entity_id))})"

    def para_link(self, pid: str) -> str:
        return self.link(f"{paths.ARTICLE}#{pid}")

    def evidence(self, ev: Evidence) -> str:
        """A quote from the article with a link to its paragraph (in this edition, and the Arabic)."""
        link = f"[{ev.para}]({self.para_link(ev.para)})"
        if self.lang == "en":
            ar = self.other(f"{paths.ARTICLE}#{ev.para}", "ar")
            link += f' · <a href="{ar}" hreflang="ar">Arabic</a>'
        return (
            f'<blockquote class="edition-evidence" markdown="span">'
            f'<span lang="ar" dir="rtl">«{md_escape(ev.quote)}»</span> — {link}</blockquote>\n'
        )

    def evidence_inline(self, ev: Evidence) -> str:
        return f'<span class="edition-inline-evidence">([{ev.para}]({self.para_link(ev.para)}))</span>'

    def external(self, x: External) -> str:
        source = self.data.sources[x.source]
        badge = self.t("external.badge")
        return (
            f'<div class="edition-external" markdown="span"><span class="edition-badge">{badge}</span> '
            f"{md_escape(x.statement(self.lang))} — {self.t('source')}: "
            f'<a href="{source.url}" rel="external noopener">{md_escape(source.publisher)}</a></div>\n'
        )

    def render(self, template: str, **values: object) -> str:
        return _ENV.get_template(template).render(
            t=self.t,
            lang=self.lang,
            evidence=self.evidence,
            evidence_inline=self.evidence_inline,
            external=self.external,
            **values,
        )
