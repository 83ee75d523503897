"""What one process computes once and reuses: `mkdocs build` builds the Arabic edition and then,
in the hook, the English one, and `mkdocs serve` rebuilds both after every change; the data, its
checks and the downloads are the same for both editions and for every rebuild that did not touch
the data.

Keyed by the content of the data folder (every file's path and bytes), not by time stamps: an
edit is always seen, an unchanged folder is read (cheap) but not parsed, validated or exported
again. One entry is kept: the last data seen.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .integrity import check
from .load import Dataset, load

T = TypeVar("T")

_entry: dict[str, Any] = {"key": None, "data": None, "memo": {}}


def fingerprint(root: Path) -> str:
    """A hash of every file under the data folder, with its path."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def checked_dataset(root: Path) -> Dataset:
    """load() and integrity.check() of root, once per content of the folder. Bad data is not
    kept: it raises DataError every time, as load() does."""
    key = fingerprint(root.resolve())
    if _entry["key"] != key:
        _entry.update(key=key, data=check(load(root)), memo={})
    data: Dataset = _entry["data"]
    return data


def memo(data: Dataset, name: str, make: Callable[[], T]) -> T:
    """make() once for the dataset checked_dataset() gave; `name` says what it made, with every
    argument that changes the result (make() must depend on nothing else)."""
    if _entry["data"] is not data:
        return make()
    table: dict[str, Any] = _entry["memo"]
    if name not in table:
        table[name] = make()
    result: T = table[name]
    return result
