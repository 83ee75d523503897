"""Precompressed copies of the built site's text files, for hosts that serve them.

Beside every HTML, CSS, JS, JSON, XML, SVG and text file of 1 KiB or more, write `name.gz`
(gzip -9) and `name.br` (brotli, quality 11): nginx (gzip_static, brotli_static), Caddy
(precompressed), Netlify and most static hosts send them to browsers that ask, with no work per
request. Fonts (woff2 is already brotli inside), images and zips are left alone.

Deterministic: gzip headers carry no file name and a zero timestamp, so a rebuild gives the same
bytes. Brotli at quality 11 costs about 5 s of CPU for the whole site, more than the build itself:
results are cached by content hash (the hook keeps them in .cache/precompress/), so a rebuild only
compresses the files that changed, and Material's bundles are compressed once.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import brotli

SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", ".bib", ".jsonld", ".md"}
MIN_BYTES = 1024


@dataclass
class Totals:
    files: int = 0
    raw: int = 0
    gzip: int = 0
    brotli: int = 0


def compress_bytes(data: bytes) -> tuple[bytes, bytes]:
    """(gzip, brotli) of data, both at their highest level."""
    gz = gzip.compress(data, compresslevel=9, mtime=0)
    br = brotli.compress(data, quality=11)
    return gz, br


def cached_compress(data: bytes, cache: Path | None) -> tuple[bytes, bytes]:
    if cache is None:
        return compress_bytes(data)
    key = hashlib.sha256(data).hexdigest()
    gz_path, br_path = cache / f"{key}.gz", cache / f"{key}.br"
    if gz_path.exists() and br_path.exists():
        return gz_path.read_bytes(), br_path.read_bytes()
    gz, br = compress_bytes(data)
    cache.mkdir(parents=True, exist_ok=True)
    _write_whole(gz_path, gz)
    _write_whole(br_path, br)
    return gz, br


def _write_whole(path: Path, data: bytes) -> None:
    """Write to a file of its own, then rename it into place: two builds at once (the test
    workers on a fresh clone) share the cache, and one of them must never read a copy the other
    is still writing (a truncated .br once reached a built site that way)."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(fd)
    Path(name).write_bytes(data)
    os.replace(name, path)


def precompress(site: Path, cache: Path | None = None) -> Totals:
    """Write the .gz and .br copies; `cache` is a folder that keeps them between builds."""
    totals = Totals()
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in SUFFIXES:
            continue
        data = path.read_bytes()
        if len(data) < MIN_BYTES:
            continue
        gz, br = cached_compress(data, cache)
        path.with_name(path.name + ".gz").write_bytes(gz)
        path.with_name(path.name + ".br").write_bytes(br)
        totals.files += 1
        totals.raw += len(data)
        totals.gzip += len(gz)
        totals.brotli += len(br)
    return totals
