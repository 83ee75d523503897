"""Search benchmark: builds the site, serves it on 127.0.0.1, types every query of
tests/search/queries.yaml into Material's search box in Chromium, and prints, overall and per
query class, per edition: recall@1, recall@5, MRR, the share of queries whose top result is in the
reader's own edition ("own"), the worker's own time per query (from the query message in to the
result message out, as the edition's worker reports it), the round trip the page sees (query
posted → result received) and the time from the last keystroke to painted results, p50 and p95
(each query typed 3 times, its median kept). Material's default search is measured on the same
pages in the same run, interleaved: both sites are open, every query is typed in one and then the
other (each repeat in the other order), so a busy moment of a shared machine falls on both alike;
then the latency ratio is printed (aim: within 10 %).

    python scripts/search_benchmark.py            # this edition's search, then Material's default
    python scripts/search_benchmark.py --baseline # Material's default search only
    python scripts/search_benchmark.py --edition-only   # this edition's search only
    python scripts/search_benchmark.py --misses   # also list the queries that miss the top 5
    python scripts/search_benchmark.py --queries heldout2  # another query set in tests/search/
    python scripts/search_benchmark.py --site DIR # a site built elsewhere (e.g. an older commit)
    python scripts/search_benchmark.py --site before=DIR1 --site after=DIR2  # two sites, interleaved
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import build_site, chromium, serve
from search_eval import EDITION_PREFIXES, Scores, load_queries, run_interleaved

ROOT = Path(__file__).resolve().parent.parent

# Material's defaults: plain search plugin, Material's own worker, no names field.
BASELINE = """INHERIT: {base}
plugins:
  - search
extra:
  edition:
    search_wrapper: false
"""


def row(name: str, s: Scores) -> str:
    return (
        f"  {name:<14} n={len(s.outcomes):>3}  recall@1={s.recall(1):.2f}  @3={s.recall(3):.2f}  @5={s.recall(5):.2f}"
        f"  MRR={s.mrr:.2f}  own={s.own_first:.2f}  worker p50/p95={_ms(s.worker(0.5))}/{_ms(s.worker(0.95))} ms"
        f"  round trip p50/p95={s.trip(0.5):.1f}/{s.trip(0.95):.1f} ms"
        f"  keystroke→paint p50/p95={s.latency(0.5):.0f}/{s.latency(0.95):.0f} ms"
    )


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def index_sizes(site: Path) -> str:
    sizes = [(lang, site / prefix / "search/search_index.json") for lang, prefix in EDITION_PREFIXES.items()]
    return ", ".join(f"{lang}: {path.stat().st_size:,} B" for lang, path in sizes if path.exists())


def report(label: str, scores: Scores, misses: bool) -> None:
    print(f"\n{label}:")
    print(row("all", scores))
    for cls, sub in scores.by_class().items():
        print(row(cls, sub))
    if misses:
        for o in scores.failures(5):
            print(f"    miss: {o.query['q']!r} expected {o.query['expect']} got {o.pages[:5]}")
        for o in scores.failures(1):
            if o.rank:
                print(f"    rank {o.rank}: {o.query['q']!r} got {o.pages[:3]}")
        for o in scores.outcomes:
            if not o.own_first:
                print(f"    other edition first: {o.query['q']!r} got {o.pages[:2]}")


def measure(sites: dict[str, Path], queries: list[dict], misses: bool, repeat: int) -> dict[str, dict[str, Scores]]:
    """{site label: {edition: scores}}; several sites are measured interleaved (see run_interleaved)."""
    print(f"\n{' and '.join(sites)}: {len(queries)} queries, Chromium, sites on 127.0.0.1")
    for label, site in sites.items():
        print(f"  {label}: search index {index_sizes(site)}")
    out: dict[str, dict[str, Scores]] = {label: {} for label in sites}
    with contextlib.ExitStack() as stack:
        urls = {label: stack.enter_context(serve(site)) for label, site in sites.items()}
        browser = stack.enter_context(chromium())
        for lang in ("ar", "en"):
            scores = run_interleaved(browser, urls, lang, queries, repeat)
            for label in sites:
                out[label][lang] = scores[label]
                report(f"{label}, edition '{lang}' (queries typed on its home page)", scores[label], misses)
    return out


def build(out: Path, baseline: bool) -> bool:
    env = {}
    if baseline:
        configs = []
        for name in ("mkdocs.yml", "mkdocs.en.yml"):
            cfg = ROOT / f".baseline.{name}"
            cfg.write_text(BASELINE.format(base=name), encoding="utf-8")
            configs.append(cfg)
        # The Arabic baseline builds the English baseline as its alternate.
        configs[0].write_text(
            BASELINE.format(base="mkdocs.yml")
            + "    alternates:\n      - {lang: en, config: .baseline.mkdocs.en.yml, dir: en}\n",
            encoding="utf-8",
        )
        env["EDITION_CONFIG"] = str(configs[0])
    try:
        result = build_site(out, env=env, config=env.get("EDITION_CONFIG"))
    finally:
        for cfg in ROOT.glob(".baseline.*.yml"):
            cfg.unlink()
    if result.returncode != 0:
        print(result.stdout, result.stderr, file=sys.stderr)
    return result.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", action="store_true", help="measure Material's default search only")
    parser.add_argument("--edition-only", action="store_true", help="measure this edition's search only")
    parser.add_argument("--misses", action="store_true", help="list queries missing the top 5")
    parser.add_argument(
        "--site",
        action="append",
        metavar="[LABEL=]DIR",
        help="measure a site already built (no build, no baseline); repeat it to measure several "
        "sites interleaved (e.g. --site before=/tmp/old --site after=/tmp/new)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="type each query N times, keep median times")
    parser.add_argument(
        "--queries",
        default="queries",
        help="query set under tests/search/: 'queries' (the tuned set the tests use), 'heldout' or "
        "'heldout2' (written blind by people who had not seen the tuning, for generalisation)",
    )
    args = parser.parse_args()
    queries = load_queries(args.queries)
    print(f"Search benchmark, query set '{args.queries}'")
    if args.site:
        given = [spec.split("=", 1) if "=" in spec else [f"site {spec}", spec] for spec in args.site]
        measure({label: Path(folder) for label, folder in given}, queries, args.misses, args.repeat)
        return 0
    runs = [] if args.baseline else [("edition search", False)]
    if not args.edition_only:
        runs.append(("Material default search (baseline)", True))
    with tempfile.TemporaryDirectory() as tmp:
        sites = {}
        for label, baseline in runs:
            sites[label] = Path(tmp) / ("baseline" if baseline else "site")
            if not build(sites[label], baseline):
                return 1
        results = measure(sites, queries, args.misses, args.repeat)
    if len(results) == 2:
        ours_all, theirs_all = results["edition search"], results["Material default search (baseline)"]
        print("\nKeystroke → painted results, edition vs Material default (p50, p95), measured interleaved:")
        for lang in ("ar", "en"):
            ours, theirs = ours_all[lang], theirs_all[lang]
            print(
                f"  {lang}: p50 {ours.latency(0.5):.0f} vs {theirs.latency(0.5):.0f} ms"
                f" ({ours.latency(0.5) / theirs.latency(0.5) - 1:+.0%}),"
                f" p95 {ours.latency(0.95):.0f} vs {theirs.latency(0.95):.0f} ms"
                f" ({ours.latency(0.95) / theirs.latency(0.95) - 1:+.0%})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
