"""Fidelity: the project's copy of the text is the text as received, and the built article page
shows it verbatim, paragraph by paragraph (only markup and HTML white space may differ)."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from edition.load import Dataset

ROOT = Path(__file__).resolve().parent.parent
TEXT = ROOT / "data/articles/alwatan-2019-tamtam/text.ar.txt"
# sha256 of shared/seeds/article.ar.txt as received (19 non-empty lines, 4389 bytes).
RECEIVED_SHA256 = "67f12093ca0f76ef87208d77765da7863842b8cdb5590d0d413214ea1e8d181a"
# Markup the edition adds inside a paragraph, whose text is not the article's.
ADDED = {"edition-pid", "headerlink", "edition-note-marker", "edition-reading"}


class ParagraphText(HTMLParser):
    """Text of every element carrying data-para, minus the edition's own markers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paras: dict[str, str] = {}
        self.stack: list[tuple[str, str | None, bool]] = []  # tag, para id, inside added markup

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "img", "input", "meta", "link", "hr", "wbr"}:
            return
        a = dict(attrs)
        parent_para = self.stack[-1][1] if self.stack else None
        parent_added = self.stack[-1][2] if self.stack else False
        para = a.get("data-para") or parent_para
        added = parent_added or bool(ADDED & set((a.get("class") or "").split()))
        if a.get("data-para"):
            self.paras.setdefault(a["data-para"], "")
        self.stack.append((tag, para, added))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, text: str) -> None:
        if self.stack and self.stack[-1][1] and not self.stack[-1][2]:
            self.paras[self.stack[-1][1]] += text


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def page_paragraphs(html_path: Path) -> dict[str, str]:
    parser = ParagraphText()
    parser.feed(html_path.read_text(encoding="utf-8"))
    return {pid: squash(text) for pid, text in parser.paras.items()}


def test_copy_is_the_text_as_received() -> None:
    assert hashlib.sha256(TEXT.read_bytes()).hexdigest() == RECEIVED_SHA256


def test_nineteen_paragraphs(data: Dataset) -> None:
    kinds = [p.kind for p in data.article.paragraphs.values()]
    assert len(kinds) == 19
    assert kinds.count("heading") == 3 and kinds.count("box-heading") == 1 and kinds.count("bullet") == 5


def test_article_page_is_verbatim(site: Path, data: Dataset) -> None:
    shown = page_paragraphs(site / "article/index.html")
    expected = {pid: squash(p.text) for pid, p in data.article.paragraphs.items()}
    assert list(shown) == list(expected), "paragraph ids or order differ"
    for pid, text in expected.items():
        assert shown[pid] == text, f"{pid} differs from the text as received"


def test_whole_text_is_recoverable(site: Path) -> None:
    """Joining the page's paragraphs (with bullet markers) gives back every line of the file."""
    shown = page_paragraphs(site / "article/index.html")
    lines = [line for line in TEXT.read_text(encoding="utf-8").split("\n") if line.strip()]
    rebuilt = [("- " if line.startswith("- ") else "") + shown[f"p{i}"] for i, line in enumerate(lines, 1)]
    assert rebuilt == [squash(line) for line in lines]


def test_english_article_is_the_translation(site: Path, data: Dataset) -> None:
    shown = page_paragraphs(site / "en/article/index.html")
    tr = data.article.translation.paragraphs
    assert list(shown) == list(data.article.paragraphs)
    for pid, text in tr.items():
        assert shown[pid] == squash(text)
