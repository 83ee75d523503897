"""Cost that grows with the square of the corpus, caught before a 1,000-copy build meets it (#16).

Python-Markdown (3.11) copies the rest of the page at the end of every top-level HTML block to
look for a blank line after it: a page of n top-level blocks costs n × its length to convert.
Blocks nested in one wrapper do not pay it. So a page may grow with the corpus, but the number of
its top-level HTML blocks may not: every generated page has as many at 3 copies as at 1."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

import synthetic_corpus
from edition.integrity import check
from edition.load import load
from edition.site import render_site

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\x02wzxhzdk:\d+\x03")


def top_level_html_blocks(source: str, converter: markdown.Markdown) -> int:
    """The raw HTML blocks Python-Markdown's HTML block preprocessor finds at the top of a page:
    each becomes one placeholder line (what nests inside it is stored with it)."""
    converter.reset()
    lines = source.split("\n")
    for preprocessor in converter.preprocessors:
        lines = preprocessor.run(lines)
        if type(preprocessor).__name__.endswith("HtmlBlockPreprocessor"):
            break
    return sum(1 for line in lines if PLACEHOLDER.fullmatch(line.strip()))


@pytest.fixture(scope="module")
def converter() -> markdown.Markdown:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_no_page_has_more_top_level_blocks_as_the_corpus_grows(
    tmp_path: Path, converter: markdown.Markdown, lang: str
) -> None:
    counts = {}
    for copies in (1, 3):
        synthetic_corpus.write_corpus(ROOT / "data", tmp_path / str(copies), copies)
        pages = render_site(check(load(tmp_path / str(copies))), lang)  # type: ignore[arg-type]
        counts[copies] = {page: top_level_html_blocks(text, converter) for page, text in pages.items()}
    shared = counts[1].keys() & counts[3].keys()  # the copies' own entity pages are new pages
    assert len(shared) == len(counts[1])
    assert counts[1]["notes.md"] > 1  # the count sees blocks at all
    grown = {page: (counts[1][page], counts[3][page]) for page in shared if counts[3][page] != counts[1][page]}
    assert not grown, f"top-level HTML blocks at 1 and 3 copies: {grown}"
