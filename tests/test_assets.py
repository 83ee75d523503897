"""The built site's assets: one set for both editions, and precompressed copies for hosts."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli  # type: ignore[import-untyped]

from edition.assets import share_assets
from edition.precompress import MIN_BYTES, SUFFIXES


def test_english_pages_use_the_roots_assets(site: Path) -> None:
    assert not (site / "en" / "assets").exists()
    page = (site / "en" / "people" / "mitch-prothero" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../assets/stylesheets/edition.css"' in page
    assert '"search": "../assets/javascripts/workers/' in (site / "en" / "index.html").read_text(encoding="utf-8")


def test_share_assets_rewrites_only_asset_urls() -> None:
    html = (
        '<link href="../assets/a.css"><script src="assets/b.js"></script><a href="../article/">x</a>'
        '<img src="/en/assets/c.png"> {"search": "../assets/w.js"} <code>assets/x</code>'
    )
    assert share_assets(html, "en/") == (
        '<link href="../../assets/a.css"><script src="../assets/b.js"></script><a href="../article/">x</a>'
        '<img src="/assets/c.png"> {"search": "../../assets/w.js"} <code>assets/x</code>'
    )
    assert share_assets(html, "") == html


def test_text_files_have_gzip_and_brotli_copies(site: Path) -> None:
    """Every text file of 1 KiB or more has .gz and .br copies that decompress to it."""
    missing = []
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix in SUFFIXES and path.stat().st_size >= MIN_BYTES:
            gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
            if not (gz.exists() and br.exists()):
                missing.append(str(path.relative_to(site)))
                continue
            data = path.read_bytes()
            assert gzip.decompress(gz.read_bytes()) == data, gz
            assert brotli.decompress(br.read_bytes()) == data, br
    assert not missing
    assert (site / "article" / "index.html.br").stat().st_size < (site / "article" / "index.html").stat().st_size / 4
