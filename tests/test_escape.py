"""The escaping helpers (scripts/edition/escape.py), judged by the real parsers of each context on
generated text (Hypothesis): whatever the data holds, the reader gets exactly those characters.

The text strategy mirrors what the data model accepts (model.Line): one line, no control or
bidirectional control characters, not blank, no white space at either end, with Markdown, HTML,
TeX and spreadsheet syntax strongly over-represented.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import bibtexparser
import lxml.html
import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pybtex.database import parse_string
from pydantic import TypeAdapter, ValidationError

from edition import escape
from edition.context import TEMPLATE_FILTERS, TEMPLATES
from edition.model import Line

ROOT = Path(__file__).resolve().parent.parent
# The Markdown extensions of mkdocs.yml (the ones that add syntax).
EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "def_list", "toc", "pymdownx.details"]
SYNTAX = [*"\\`*_{}[]()#+-.!|<>&:?=~%^$@\"';,/ ", "<!--", "-->", "&amp;", "&#60;", "{: .x}", "{#id}", "](", "!!!"]
LINE = TypeAdapter(Line)


def valid(text: str) -> bool:
    try:
        LINE.validate_python(text)
    except ValidationError:
        return False
    return True


texts = st.one_of(
    st.lists(st.sampled_from([*SYNTAX, "a", "ب", "1", "TamTam", "داعش"]), min_size=1, max_size=30).map("".join),
    st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=60),
).filter(valid)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])


def render(source: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(markdown.markdown(source, extensions=EXTENSIONS), create_parent="div")


def only_child(root: lxml.html.HtmlElement, tag: str) -> lxml.html.HtmlElement:
    children = list(root)
    assert [c.tag for c in children] == [tag], lxml.html.tostring(root, encoding="unicode")
    return children[0]


@FAST
@given(texts)
def test_markdown_text_is_text(text: str) -> None:
    p = only_child(render(escape.md_text(text)), "p")
    assert len(p) == 0 and p.text_content() == text


@FAST
@given(texts)
def test_markdown_heading_keeps_its_id(text: str) -> None:
    h = only_child(render(f"## {escape.md_text(text)} {{#anchor}}"), "h2")
    assert h.get("id") == "anchor" and len(h) == 0 and h.text_content() == text


@FAST
@given(texts, texts)
def test_markdown_table_cell_is_one_cell(text: str, other: str) -> None:
    table = only_child(
        render(f"| a | b |\n| --- | --- |\n| {escape.md_cell(text)} | {escape.md_cell(other)} |\n"), "table"
    )
    cells = table.xpath(".//tbody//td")
    assert [c.text_content() for c in cells] == [text, other]
    assert not table.xpath(".//td/*")


@FAST
@given(texts, texts)
def test_inline_html_in_markdown_keeps_attribute_and_text(text: str, title: str) -> None:
    """The article's mention links: an <a> written as HTML inside a markdown="span" paragraph."""
    source = (
        f'<p id="x" markdown="span"><a href="../y/" title="{escape.html_attr(title)}">{escape.md_text(text)}</a></p>'
    )
    p = only_child(render(source), "p")
    a = only_child(p, "a")
    assert a.get("title") == title and a.get("href") == "../y/" and a.text_content() == text and len(a) == 0


@FAST
@given(texts)
def test_raw_html_text(text: str) -> None:
    dd = only_child(render(f"<dl>\n<dd>{escape.html_text(text)}</dd>\n</dl>"), "dl")
    assert dd.text_content().strip("\n") == text


@FAST
@given(texts)
def test_front_matter_round_trips(text: str) -> None:
    block = escape.front_matter({"title": escape.title(text)})
    assert block.startswith("---\n") and block.endswith("---\n")
    meta = yaml.safe_load(block[4:-4])
    assert meta == {"title": escape.title(text)}
    assert escape.title_text(meta["title"]) == text
    assert lxml.html.fragment_fromstring(f"<span>{meta['title']}</span>").text_content() == text


@FAST
@given(st.dictionaries(st.text(max_size=5), texts, max_size=4))
def test_json_in_script(obj: dict[str, str]) -> None:
    out = escape.json_script(obj)
    assert not set("<>&") & set(out)
    assert json.loads(out) == obj


@FAST
@given(texts)
def test_csv_cell_is_never_a_formula(text: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([escape.csv_cell(text), "x"])
    (cell, _), *_ = csv.reader(io.StringIO(buffer.getvalue()))
    assert not cell.startswith(escape.CSV_FORMULA_START)
    assert cell == (("'" + text) if text.startswith(escape.CSV_FORMULA_START) else text)


@FAST
@given(texts)
def test_bibtex_value_stays_in_its_field(text: str) -> None:
    value = escape.bibtex(text)
    source = f"@misc{{key,\n  title = {{{value}}},\n  year = {{2019}}\n}}\n"
    library = bibtexparser.parse_string(source)
    assert not library.failed_blocks
    (entry,) = library.entries
    assert {f.key: f.value for f in entry.fields} == {"title": value, "year": "2019"}
    # pybtex, like BibTeX itself, folds runs of white space into one space.
    fields = parse_string(source, "bibtex").entries["key"].fields
    assert dict(fields) == {"title": " ".join(value.split()), "year": "2019"}


@pytest.mark.parametrize("template", sorted(TEMPLATES.glob("*.j2")), ids=lambda p: p.name)
def test_every_template_value_names_its_context(template: Path) -> None:
    """MkDocs-style templates have no autoescaping: each {{ }} ends in a context filter."""
    expressions = re.findall(r"{{(.*?)}}", template.read_text(encoding="utf-8"), flags=re.S)
    assert expressions
    unnamed = [e.strip() for e in expressions if e.split("|")[-1].strip() not in TEMPLATE_FILTERS]
    assert not unnamed, f"add | md, | cell, | e, | attr or | markup to: {unnamed}"


def test_no_renderer_writes_front_matter_by_hand() -> None:
    sources = [p for p in (ROOT / "scripts/edition").rglob("*") if p.suffix in (".py", ".j2")]
    offenders = [p.name for p in sources if re.search(r"""title: ["']?\{""", p.read_text(encoding="utf-8"))]
    assert not offenders, "write front matter with escape.front_matter()"


# ---- The loader never crashes -------------------------------------------------------------------

yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


def _nodes(obj: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    out = [path]
    if isinstance(obj, dict):
        for key, value in obj.items():
            out += _nodes(value, (*path, key))
    elif isinstance(obj, list):
        for index, value in enumerate(obj):
            out += _nodes(value, (*path, index))
    return out


def _replace(obj: object, path: tuple[object, ...], value: object) -> object:
    if not path:
        return value
    head, *rest = path
    copy = dict(obj) if isinstance(obj, dict) else list(obj)  # type: ignore[call-overload]
    copy[head] = _replace(copy[head], tuple(rest), value)  # type: ignore[index]
    return copy


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_wrong_value_is_a_data_error_not_a_traceback(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Any node of any data file replaced by any YAML value: the loader and the integrity check
    either accept it or raise DataError with one line per problem, never another exception."""
    from edition.integrity import check
    from edition.load import DataError, load

    root = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(ROOT / "data", root)
    files = sorted(root.rglob("*.yaml"))
    target = data.draw(st.sampled_from(files), label="file")
    raw = yaml.safe_load(target.read_text(encoding="utf-8"))
    path = data.draw(st.sampled_from(_nodes(raw)), label="node")
    value = data.draw(yaml_values, label="value")
    target.write_text(yaml.safe_dump(_replace(raw, path, value), allow_unicode=True), encoding="utf-8")
    try:
        check(load(root))
    except DataError as exc:
        assert exc.problems and all(line.startswith("data/") and "\n" not in line for line in exc.problems)
