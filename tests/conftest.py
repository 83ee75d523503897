"""Shared fixtures: the data, one strict build of the whole site, a local server, Chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import build_site, chromium, serve
from edition.integrity import check
from edition.load import Dataset, load

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def data() -> Dataset:
    return check(load(ROOT / "data"))


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both editions, built once with `mkdocs build --strict` (warnings fail the build)."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(out)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def node() -> str:
    """Node, which runs the search worker and its normaliser outside a browser."""
    found = shutil.which("node")
    if found is None:
        pytest.fail("node is needed to run the search worker and its normaliser (Debian: apt-get install nodejs)")
    return found


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not os.path.exists("/usr/bin/chromium"):
        message = "Debian's chromium is missing: run `make chromium` (apt-get install -y chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)  # in CI the browser tests must run, never be skipped
        pytest.skip(message)
    with chromium() as b:
        yield b


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    p = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    yield p
    p.close()
