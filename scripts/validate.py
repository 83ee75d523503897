"""Check the edition's data: schema, then integrity. Exit 1 with one line per problem.

python scripts/validate.py [DATA_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edition.integrity import check
from edition.load import DataError, load


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "data"
    try:
        data = check(load(root))
    except DataError as exc:
        print(f"{len(exc.problems)} problem(s) in the data:", file=sys.stderr)
        for line in exc.problems:
            print(f"  {line}", file=sys.stderr)
        return 1
    article = data.article
    print(
        f"data OK: {len(data.entities)} entities, {len(data.articles)} article(s), "
        f"{len(article.paragraphs)} paragraphs, {sum(len(m) for m in article.mentions.values())} mentions, "
        f"{len(article.events)} events, {len(article.claims)} claims"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
