"""Search benchmark: builds the site, serves it on 127.0.0.1, types every query of
tests/search/queries.yaml into Material's search box in Chromium, and prints recall@1, recall@5,
MRR and latency (last keystroke → results painted), overall and per query class, per edition.

    python scripts/search_benchmark.py            # this edition's search
    python scripts/search_benchmark.py --baseline # Material's default search on the same pages
    python scripts/search_benchmark.py --misses   # also list the queries that miss the top 5
    python scripts/search_benchmark.py --queries heldout   # the held-out query set
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import build_site, chromium, serve
from search_eval import Scores, load_queries, run

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
        f"  {name:<14} n={len(s.outcomes):>3}  recall@1={s.recall(1):.2f}  recall@5={s.recall(5):.2f}"
        f"  MRR={s.mrr:.2f}  p50={s.latency(0.5):.0f} ms  p95={s.latency(0.95):.0f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", action="store_true", help="measure Material's default search")
    parser.add_argument("--misses", action="store_true", help="list queries missing the top 5")
    parser.add_argument(
        "--queries",
        default="queries",
        help="query set under tests/search/: 'queries' (the tuned set the tests use) or 'heldout' "
        "(written blind by someone who had not seen the tuning, for generalisation)",
    )
    args = parser.parse_args()
    queries = load_queries(args.queries)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        env = {}
        if args.baseline:
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
            return 1
        label = "Material default search (baseline)" if args.baseline else "edition search"
        print(f"Search benchmark: {label}, {len(queries)} queries ({args.queries}), Chromium, site on 127.0.0.1")
        with serve(out) as url, chromium() as browser:
            for lang in ("ar", "en"):
                scores = run(browser, url, lang, queries)
                print(f"\nEdition '{lang}' (queries typed on its home page):")
                print(row("all", scores))
                for cls, sub in scores.by_class().items():
                    print(row(cls, sub))
                if args.misses:
                    for o in scores.failures(5):
                        print(f"    miss: {o.query['q']!r} expected {o.query['expect']} got {o.pages[:5]}")
                    for o in scores.failures(1):
                        if o.rank:
                            print(f"    rank {o.rank}: {o.query['q']!r} got {o.pages[:3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
