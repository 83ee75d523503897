"""Hostile data for the escaping tests: put a payload into every free-text field of a copy of the
data, using the models themselves to find the fields (a field added later is covered without
editing anything here).

Every value becomes PAYLOAD + MARKER + " " + the original value, where MARKER is unique to the
field occurrence. Fields tied to the text (quotes, mention surfaces: model.AnchoredToText) keep
their value, since they must be found in the article; the article text itself is poisoned line by
line instead, with its SHA-256 updated in record.yaml.
"""

from __future__ import annotations

import hashlib
import itertools
import shutil
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import AfterValidator, BaseModel

from edition import model

# Which model each data file holds. tests/test_hostile_data.py fails if a YAML file under data/
# is not listed here, so a new kind of file cannot escape the test.
FILE_MODELS: dict[str, Any] = {
    "entities/*.yaml": list[model.Entity],
    "sources.yaml": list[model.Source],
    "date_bases.yaml": list[model.DateBasis],
    "context.yaml": list[model.ContextEvent],
    "articles/*/record.yaml": model.Record,
    "articles/*/text.en.yaml": model.Translation,
    "articles/*/mentions.yaml": dict[str, list[model.Mention]],
    "articles/*/events.yaml": list[model.Event],
    "articles/*/claims.yaml": list[model.Claim],
    "articles/*/notes.yaml": list[model.Note],
    "articles/*/readings.yaml": list[model.Reading],
    "changes.yaml": list[model.Change],
    "search_terms.yaml": list[model.SearchTerms],
}

TEXT_VALIDATORS = {model._line, model._prose}


def is_free_text(metadata: list[Any]) -> bool:
    """A Line or Prose field that is not tied to the text."""
    validators = {m.func for m in metadata if isinstance(m, AfterValidator)}
    anchored = any(isinstance(m, model.AnchoredToText) for m in metadata)
    return bool(validators & TEXT_VALIDATORS) and not anchored


def walk(raw: Any, annotation: Any, metadata: list[Any], poison: Callable[[str], str]) -> Any:
    """Return raw with poison() applied to every free-text string the annotation describes."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return walk(raw, base, [*metadata, *extra], poison)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return raw if raw is None else walk(raw, options[0], metadata, poison)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if not isinstance(raw, dict):
            return raw
        fields = annotation.model_fields
        return {
            key: walk(value, fields[key].annotation, list(fields[key].metadata), poison) if key in fields else value
            for key, value in raw.items()
        }
    if origin is list and isinstance(raw, list):
        (item,) = typing.get_args(annotation)
        return [walk(v, item, [], poison) for v in raw]
    if origin is dict and isinstance(raw, dict):
        _, value_type = typing.get_args(annotation)
        return {k: walk(v, value_type, [], poison) for k, v in raw.items()}
    if isinstance(raw, str) and is_free_text(metadata):
        return poison(raw)
    return raw


def data_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.yaml"))


def model_of(root: Path, path: Path) -> Any:
    rel = path.relative_to(root)
    for pattern, annotation in FILE_MODELS.items():
        if rel.match(pattern):
            return annotation
    return None


def poisoned_copy(src: Path, dest: Path, payload: str) -> dict[str, str]:
    """Copy the data folder with payload in every free-text value. Returns {marker: payload}."""
    shutil.copytree(src, dest)
    counter = itertools.count(1)
    markers: dict[str, str] = {}

    def poison(value: str) -> str:
        marker = f"MK{next(counter):04d}Q"
        markers[marker] = payload
        return f"{payload}{marker} {value}"

    for path in data_files(dest):
        annotation = model_of(dest, path)
        assert annotation is not None, f"{path.relative_to(dest)} is not in tests/hostile.py FILE_MODELS"
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(
            yaml.safe_dump(walk(raw, annotation, [], poison), allow_unicode=True, sort_keys=False, width=10_000),
            encoding="utf-8",
        )
    for text_path in dest.glob("articles/*/text.ar.txt"):
        lines = []
        for line in text_path.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                lines.append(line)
                continue
            bullet = "- " if line.startswith("- ") else ""
            lines.append(bullet + poison(line[len(bullet) :]))
        text = "\n".join(lines)
        text_path.write_text(text, encoding="utf-8")
        record = text_path.parent / "record.yaml"
        raw = yaml.safe_load(record.read_text(encoding="utf-8"))
        raw["text_sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        record.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return markers
