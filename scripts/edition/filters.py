"""Filters for lists of items (notes, claims): a bar of toggle buttons per facet, written at build
time as raw HTML and run by reading.js, so they work offline and from file://.

Each item carries one data attribute per facet (`data-type="omission"`); a button shows the items
whose attribute holds its value. The bar is hidden until the script runs: without JavaScript
every item is simply shown. It is excluded from search (its words are interface, not content).
"""

from __future__ import annotations

from dataclasses import dataclass

from .escape import html_attr, html_text
from .model import Lang

WORDS: dict[str, dict[Lang, str]] = {
    "filter": {"ar": "تصفية", "en": "Filter"},
    "all": {"ar": "الكل", "en": "All"},
    "status": {"ar": "المعروض {shown} من {total}", "en": "Showing {shown} of {total}"},
}


@dataclass(frozen=True)
class Facet:
    key: str  # the data attribute of the items (data-<key>), lower-case letters only
    label: str
    values: list[tuple[str, str, int]]  # (value, label, number of items)


def item_attrs(values: dict[str, str]) -> str:
    """The data attributes an item needs, escaped: ` data-type="omission" data-status="…"`."""
    return "".join(f' data-{key}="{html_attr(value)}"' for key, value in values.items())


def filter_bar(items: str, facets: list[Facet], total: int, lang: Lang, headings: str = "") -> str:
    """Raw HTML for the filter bar over the elements matching the CSS selector `items`; the
    `headings` (a CSS selector) of groups of items are hidden when none of their items is shown.
    Only <p>, <span> and <button> inside the <div> (see notes.endnotes on Material's search parser)."""
    groups = []
    for facet in facets:
        label_id = f"filter-{facet.key}"
        buttons = [
            f'<button type="button" data-facet="{facet.key}" data-value="" aria-pressed="true">'
            f"{WORDS['all'][lang]} ({total})</button>"
        ]
        for value, label, count in facet.values:
            buttons.append(
                f'<button type="button" data-facet="{facet.key}" data-value="{html_attr(value)}" '
                f'aria-pressed="false">{html_text(label)} ({count})</button>'
            )
        groups.append(
            f'<p class="edition-filters__group" role="group" aria-labelledby="{label_id}">'
            f'<span class="edition-filters__label" id="{label_id}">{html_text(facet.label)}</span> '
            + " ".join(buttons)
            + "</p>"
        )
    return (
        f'<div class="edition-filters" data-items="{html_attr(items)}" data-headings="{html_attr(headings)}" '
        'hidden="hidden" data-search-exclude="true" '
        f'role="region" aria-label="{WORDS["filter"][lang]}">\n'
        + "\n".join(groups)
        + f'\n<p class="edition-filters__status" role="status" data-template="{html_attr(WORDS["status"][lang])}">'
        "</p>\n"
        "</div>\n"
    )
