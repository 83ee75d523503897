"""One set of assets for every edition.

The English edition (built into en/) would ship its own copy of Material's and the edition's CSS,
scripts and fonts: moving between editions would download all of them again. Instead its pages
point at the root edition's assets/ folder, and its own copy is never written.
"""

from __future__ import annotations

import re

ASSETS = "assets/"

# A relative asset URL in an attribute or in Material's config JSON ("search": "../assets/…"):
# the quote, any number of ../, then assets/. Root-absolute URLs (/assets/, the 404 page) already
# point at the root's assets; /en/assets/ is re-rooted.
_RELATIVE = re.compile(r'(?P<lead>(?:\s(?:src|href)=|"search":\s?)")(?P<up>(?:\.\./)*)assets/')


def is_shared_asset(src_uri: str) -> bool:
    """A theme or edition asset that the root edition publishes for all editions."""
    return src_uri.startswith(ASSETS)


def share_assets(html: str, prefix: str) -> str:
    """Point a page of the edition built into `prefix` (e.g. "en/") at the root's assets."""
    if not prefix:
        return html
    up = "../" * prefix.count("/")
    html = _RELATIVE.sub(lambda m: f"{m['lead']}{m['up']}{up}{ASSETS}", html)
    return html.replace(f'="/{prefix}{ASSETS}', f'="/{ASSETS}')
