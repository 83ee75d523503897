"""Schema and integrity: the real data passes; every invalid fixture fails with its message.

Each file in fixtures/invalid/ changes one thing in a copy of data/ (find → replace) and says
which message must name the file, the item and the field.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from browser import build_site
from edition.integrity import check
from edition.load import DataError, Dataset, load

ROOT = Path(__file__).resolve().parent.parent
INVALID = sorted((ROOT / "tests/fixtures/invalid").glob("*.yaml"))


def broken_copy(tmp_path: Path, case: dict[str, str]) -> Path:
    """A copy of data/ with one change: find → replace (then the bytes of replace_hex, for
    encodings), or prepend, or the whole content, or the file deleted."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    target = data / case["file"]
    if case.get("delete"):
        target.unlink()
        return data
    if "content" in case:
        target.write_text(case["content"], encoding="utf-8")
        return data
    text = target.read_text(encoding="utf-8")
    if "prepend" in case:
        target.write_text(case["prepend"] + text, encoding="utf-8")
        return data
    assert text.count(case["find"]) == 1, f"fixture's find text must occur once in {case['file']}"
    before, after = text.split(case["find"])
    raw = bytes.fromhex(case.get("replace_hex", ""))
    target.write_bytes(before.encode() + case["replace"].encode() + raw + after.encode())
    return data


def test_real_data_is_valid(data: Dataset) -> None:
    assert data.entities and data.article.events and data.article.claims


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_data_is_refused(path: Path, tmp_path: Path) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    root = broken_copy(tmp_path, case)
    with pytest.raises(DataError) as err:
        check(load(root))
    assert any(case["expect"] in line for line in err.value.problems), err.value.problems


def test_validate_command_names_the_problem(tmp_path: Path) -> None:
    case = yaml.safe_load((ROOT / "tests/fixtures/invalid/quote-not-found.yaml").read_text(encoding="utf-8"))
    root = broken_copy(tmp_path, case)
    out = subprocess.run([sys.executable, str(ROOT / "scripts/validate.py"), str(root)], capture_output=True, text=True)
    assert out.returncode == 1
    assert case["expect"] in out.stderr


def test_build_stops_on_bad_data(tmp_path: Path) -> None:
    """The MkDocs build itself refuses bad data, with the same message (not only the validator)."""
    case = yaml.safe_load((ROOT / "tests/fixtures/invalid/unknown-relation-target.yaml").read_text("utf-8"))
    root = broken_copy(tmp_path, case)
    result = build_site(tmp_path / "site", env={"EDITION_DATA": str(root)})
    assert result.returncode != 0
    assert case["expect"] in result.stdout + result.stderr


def test_every_entity_has_a_page_and_is_reachable(data: Dataset) -> None:
    """Completeness: every entity is either mentioned in the text or is the article's outlet/source."""
    article = data.article
    mentioned = {m.entity for ms in article.mentions.values() for m in ms}
    outside = {article.record.outlet}
    assert set(data.entities) == mentioned | outside


def test_failed_build_keeps_the_last_good_site(tmp_path: Path) -> None:
    """`make build` replaces the site folder only when the strict build succeeds."""
    case = yaml.safe_load((ROOT / "tests/fixtures/invalid/quote-not-found.yaml").read_text(encoding="utf-8"))
    root = broken_copy(tmp_path, case)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("last good build", encoding="utf-8")
    env = {**os.environ, "EDITION_DATA": str(root), "PYTHON": sys.executable}
    out = subprocess.run(
        ["make", "--no-print-directory", "build", f"SITE={site}"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode != 0
    assert case["expect"] in out.stdout + out.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "last good build"
    assert not (tmp_path / "site.tmp").exists()
