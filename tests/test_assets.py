"""The built site's assets: one set for both editions, and precompressed copies for hosts."""

from __future__ import annotations

import gzip
import os
import re
import urllib.request
from pathlib import Path

import brotli  # type: ignore[import-untyped]
import lxml.etree
import pytest

from edition.assets import (
    FAVICON_FILL,
    favicon_uri,
    join_scripts,
    join_stylesheets,
    material_stylesheets,
    script_bundle,
    share_assets,
    stylesheet_bundle,
)
from edition.precompress import MIN_BYTES, SUFFIXES, cached_compress


def test_english_pages_use_the_roots_assets(site: Path) -> None:
    assert not (site / "en" / "assets").exists()
    page = (site / "en" / "people" / "mitch-prothero" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./\.\./\.\./assets/stylesheets/edition-bundle\.[0-9a-f]{8}\.css"', page)
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


def test_a_build_never_reads_a_half_written_copy_from_the_shared_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two builds at once (the test workers on a fresh clone) share .cache/precompress. Here one
    build's .br write is interrupted half-way while another build asks the cache for the same file:
    it must get whole copies, and the cache must hold whole copies afterwards (before, it got the
    truncated .br, which reached a built site once)."""
    data = os.urandom(4096) + b"edition " * 4096
    write = Path.write_bytes
    interrupted: list[Path] = []

    def half_then_rest(self: Path, content: bytes) -> int:
        if ".br" not in self.name or interrupted:
            return write(self, content)
        interrupted.append(self)
        write(self, content[: len(content) // 2])
        gz, br = cached_compress(data, tmp_path)  # the other build, meanwhile
        assert gzip.decompress(gz) == data and brotli.decompress(br) == data
        with self.open("ab") as rest:
            rest.write(content[len(content) // 2 :])
        return len(content)

    monkeypatch.setattr(Path, "write_bytes", half_then_rest)
    cached_compress(data, tmp_path)
    assert interrupted
    monkeypatch.undo()
    gz, br = cached_compress(data, tmp_path)
    assert gzip.decompress(gz) == data and brotli.decompress(br) == data
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".br", ".gz"]


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


def test_one_stylesheet_and_one_edition_script_per_page(site: Path) -> None:
    """Material's stylesheets and the edition's are one file, the edition's scripts another
    (hooks/edition.py, bundle_assets); their parts are not published; the favicon is in the page."""
    for path in ("article/index.html", "en/timeline/index.html", "404.html"):
        page = (site / path).read_text(encoding="utf-8")
        sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
        scripts = re.findall(r'<script src="([^"]+)"', page)
        assert len(sheets) == 1 and "/stylesheets/edition-bundle." in sheets[0], (path, sheets)
        assert [s.split("/")[-1].split(".")[0] for s in scripts] == ["bundle", "edition-bundle"], (path, scripts)
    stylesheets = site / "assets" / "stylesheets"
    assert sorted(p.name.split(".")[0] for p in stylesheets.glob("*.css")) == ["edition-bundle"]
    bundle = next(stylesheets.glob("edition-bundle.*.css")).read_text(encoding="utf-8")
    assert bundle.startswith('@charset "UTF-8";\n/* main.') and "sourceMappingURL" not in bundle
    assert bundle.index("/* palette.") < bundle.index("/* fonts.css */") < bundle.index("/* reading.css */")


def test_joining_keeps_each_part_whole() -> None:
    """A block left open in one stylesheet would swallow every later one in the bundle: refused.
    Braces in comments and strings do not count; only the first part's @charset is kept, first in the file."""
    css = join_stylesheets([("s/a.css", '@charset "UTF-8";a{content:"}"}/* { */'), ("s/b.css", '@charset "UTF-8";b{}')])
    assert css.startswith('@charset "UTF-8";\n') and css.count("@charset") == 1
    assert css.index("a{") < css.index("b{}")
    with pytest.raises(ValueError, match=r"b\.css: 1 block"):
        join_stylesheets([("s/a.css", "a{}"), ("s/b.css", "b{color:red")])
    with pytest.raises(ValueError, match="outside"):
        join_stylesheets([("s/a.css", "a{}"), ("t/b.css", "b{}")])
    assert join_scripts([("j/a.js", "a()\n//# sourceMappingURL=a.map"), ("j/b.js", "(b)()")]).count(";\n") == 2


def test_bundles_are_named_by_their_content() -> None:
    """A changed part gives the bundle a new address; Material's stylesheets are found by name, main first."""
    a, b = (
        stylesheet_bundle([("assets/stylesheets/a.css", "a{}")]),
        stylesheet_bundle([("assets/stylesheets/a.css", "b{}")]),
    )
    assert re.fullmatch(r"assets/stylesheets/edition-bundle\.[0-9a-f]{8}\.css", a.path) and a.path != b.path
    assert a.parts == ("assets/stylesheets/a.css",)
    assert re.fullmatch(r"assets/javascripts/edition-bundle\.[0-9a-f]{8}\.js", script_bundle([("j/a.js", "a()")]).path)
    theme = ["assets/stylesheets/palette.ab12.min.css", "assets/stylesheets/main.cd34.min.css", "assets/x.css"]
    assert material_stylesheets(theme, palette=True) == theme[1::-1]
    assert material_stylesheets(theme, palette=False) == theme[1:2]
    with pytest.raises(ValueError, match="main stylesheets"):
        material_stylesheets(theme[:1], palette=True)


def test_favicon_is_a_data_uri_of_well_formed_svg(site: Path) -> None:
    """The favicon in every page: a data: URI that parses (urllib's data: handler) into well-formed
    SVG (lxml's XML parser) in the logo's colour; what a URL or the attribute would read as syntax is
    encoded. Checked on the built pages and on an icon holding every such character."""
    text = '"it\'s" &amp; &lt;b&gt; #1 100%'
    uris = [favicon_uri(f'<svg xmlns="http://www.w3.org/2000/svg"><title>{text}</title></svg>\n')]
    for path in ("index.html", "en/timeline/index.html", "404.html"):
        found = re.search(r'<link rel="icon" href="([^"]+)">', (site / path).read_text(encoding="utf-8"))
        assert found, path
        uris.append(found[1])
    icons = []
    for uri in uris:
        assert uri.startswith("data:image/svg+xml,") and not set(uri) & set('"<>&# '), uri
        with urllib.request.urlopen(uri) as response:
            assert response.headers.get_content_type() == "image/svg+xml"
            icons.append(lxml.etree.fromstring(response.read()))
    assert all(i.tag == "{http://www.w3.org/2000/svg}svg" and i.get("fill") == FAVICON_FILL for i in icons)
    assert icons[0].findtext("*") == '"it\'s" & <b> #1 100%'
    assert icons[1].find("{http://www.w3.org/2000/svg}path") is not None  # the logo itself
