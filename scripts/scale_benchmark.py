"""How cost grows (#16): the synthetic corpus (scripts/synthetic_corpus.py) built at each size.

For each size N it prints: the build of both editions (wall seconds and CPU seconds of the build
process, no compressed copies), HTML pages, the site's size on disk, each edition's search index
(raw and gzip), and per article copy the CPU seconds and bytes (flat when cost grows linearly).
Up to --search-max copies it also opens the built site in Chromium and times search as a reader
meets it: from opening the search box to the index being ready in Material's worker, and the
worker's time per query (median and max over QUERIES).

    python scripts/scale_benchmark.py 1,10,100            # make bench-scale
    python scripts/scale_benchmark.py 1000 --search-max 0  # build only (about 35 min and 9 GB here)
"""

from __future__ import annotations

import argparse
import gzip
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic_corpus
from browser import SearchBox, build_site, chromium, serve

ROOT = Path(__file__).resolve().parent.parent
# A name in each script and spelling, a place, a common word, a phrase: what readers type most.
QUERIES = ("تيليجرام", "فان اوستاين", "Telegram", "لندن", "مجموعات", "Van Ostaeyen", "الشرطة", "ghost town")


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def search_timing(site: Path, timeout_s: float) -> dict[str, float]:
    """Open the Arabic edition's home page, open search, wait for the worker's index, then time
    the worker on each query (the edition's worker reports its own milliseconds)."""
    with serve(site) as url, chromium() as browser:
        box = SearchBox(browser, url, ready_timeout_s=timeout_s)
        times = [box.search(query, url).worker_ms or 0.0 for query in QUERIES]
        assert box.ready_s is not None
    return {"ready_s": box.ready_s, "query_median_ms": statistics.median(times), "query_max_ms": max(times)}


def measure(copies: int, search_max: int, timeout_s: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        data, site = Path(tmp) / "data", Path(tmp) / "site"
        synthetic_corpus.write_corpus(ROOT / "data", data, copies)
        cpu, start = child_cpu(), time.perf_counter()
        result = build_site(site, env={"EDITION_DATA": str(data), "EDITION_PRECOMPRESS": "0"})
        wall, cpu = time.perf_counter() - start, child_cpu() - cpu
        if result.returncode != 0:
            raise RuntimeError(f"build of {copies} copies failed:\n{result.stderr[-3000:]}")
        row: dict[str, float] = {
            "copies": copies,
            "wall_s": wall,
            "cpu_s": cpu,
            "pages": sum(1 for _ in site.rglob("*.html")),
            "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        }
        for edition, folder in (("ar", site), ("en", site / "en")):
            index = (folder / "search" / "search_index.json").read_bytes()
            row[f"index_{edition}"] = len(index)
            row[f"index_{edition}_gz"] = len(gzip.compress(index, 9, mtime=0))
        if copies <= search_max:
            row |= search_timing(site, timeout_s)
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", help="article copies, e.g. 1,10,100,1000")
    parser.add_argument("--search-max", type=int, default=100, help="time search in Chromium up to this size")
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for the index in Chromium")
    args = parser.parse_args()
    head = (
        f"{'copies':>6}{'wall s':>9}{'CPU s':>9}{'pages':>8}{'site MB':>9}{'index ar kB':>13}{'gz kB':>8}"
        f"{'index en kB':>13}{'CPU s/copy':>12}{'MB/copy':>9}{'ready s':>9}{'query ms':>13}"
    )
    print("Scale: the synthetic corpus built at each size (both editions, no compressed copies)")
    print(head, flush=True)
    for n in (int(s) for s in args.sizes.split(",")):
        r = measure(n, args.search_max, args.timeout)
        search = (
            f"{r['ready_s']:>9.1f}{r['query_median_ms']:>6.1f} / {r['query_max_ms']:<5.0f}" if "ready_s" in r else ""
        )
        print(
            f"{n:>6}{r['wall_s']:>9.1f}{r['cpu_s']:>9.1f}{r['pages']:>8.0f}{r['site_bytes'] / 1e6:>9.1f}"
            f"{r['index_ar'] / 1e3:>13.0f}{r['index_ar_gz'] / 1e3:>8.0f}{r['index_en'] / 1e3:>13.0f}"
            f"{r['cpu_s'] / n:>12.2f}{r['site_bytes'] / 1e6 / n:>9.2f}{search}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
