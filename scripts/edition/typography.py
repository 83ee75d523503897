"""Punctuation the generators add around data: list separators and quotation marks.

The Arabic edition uses Arabic punctuation in everything it generates («،» between list items,
«؛» between clauses); the English edition uses ", " and "; ". Quotes of the Arabic text are set
in guillemets in both editions, once: a quote that already carries its own «…» is not wrapped
again (no ««…»»), and one that holds a guillemet of the text (a quote cut across the article's
own «…») is set in “…” instead, as a quote within a quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Lang

# Month names of the Arabic edition (as the CSL locale ar writes them too), one list for the
# timeline's dates and the citations.
AR_MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip
LIST_SEPARATOR: dict[Lang, str] = {"ar": "، ", "en": ", "}
CLAUSE_SEPARATOR: dict[Lang, str] = {"ar": "؛ ", "en": "; "}


def join_list(items: Iterable[str], lang: Lang) -> str:
    """Items (already escaped for their context) joined with the edition's list separator."""
    return LIST_SEPARATOR[lang].join(items)


def join_clauses(items: Iterable[str], lang: Lang) -> str:
    return CLAUSE_SEPARATOR[lang].join(items)


def guillemets(text: str) -> str:
    """An Arabic quote in «…», unless the quoted words already open and close with them."""
    if text.startswith("«") and text.endswith("»") and text.count("«") == text.count("»") == 1:
        return text
    if "«" in text or "»" in text:
        return f"“{text}”"
    return f"«{text}»"


# A Latin comma that a tool (the CSL processor) writes between two Arabic words: the Arabic
# edition sets «،» there; commas inside English runs stay as they are.
_ARABIC_AFTER = r"(?= ?[(\[«“]?[\u0600-\u06FF])"
_LATIN_COMMA_IN_ARABIC = re.compile(
    r"(?<=[\u0600-\u06FF])," + _ARABIC_AFTER + r"|(?<=[\u0600-\u06FF][)\]»”])," + _ARABIC_AFTER
)


def arabic_commas(text: str, lang: Lang) -> str:
    """In the Arabic edition, a comma between Arabic words becomes «،» (generated text only)."""
    return _LATIN_COMMA_IN_ARABIC.sub("،", text) if lang == "ar" else text
