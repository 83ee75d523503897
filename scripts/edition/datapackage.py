"""The tables (tables.py) as a Frictionless Data Package and as a spreadsheet workbook.

datapackage.json describes every CSV with a Table Schema (types, enumerations, required fields,
primary and foreign keys), so `frictionless validate downloads/datapackage.json` checks the files
against it. edition.xlsx has one sheet per table for spreadsheet users; its cells are written as
text, never as formulas.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from typing import Any

from .load import Dataset
from .tables import Column, Table, tables

PACKAGE_NAME = "alwatan-2019-tamtam-edition"
PROFILE = "tabular-data-package"
WORKBOOK = "edition.xlsx"
PACKAGE_FILE = "datapackage.json"


def _field(column: Column) -> dict[str, Any]:
    out: dict[str, Any] = {"name": column.name, "type": column.type, "description": column.description}
    if column.type == "list":
        out["delimiter"] = "|"
        out["itemType"] = "string"
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if constraints:
        out["constraints"] = constraints
    return out


def table_schema(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(c) for c in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(fk.fields), "reference": {"resource": fk.resource, "fields": list(fk.reference)}}
            for fk in table.foreign_keys
        ]
    return schema


def datapackage(data: Dataset, version: str) -> dict[str, Any]:
    return {
        "name": PACKAGE_NAME,
        "title": "Register and timeline of «هجرة جماعية لداعش من Telegram إلى TamTam»",
        "description": "People, organisations, platforms, places, events, claims, editorial notes and mentions of one "
        "Arabic article, each with its evidence. The JSON download (edition.json) holds the same data as nested "
        "records.",
        "version": version,
        "profile": PROFILE,
        "resources": [
            {
                "name": t.name,
                "title": t.title,
                "description": t.description,
                "path": t.file,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",  # with a byte order mark, which readers skip
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
                "schema": table_schema(t),
            }
            for t in tables(data)
        ],
    }


def datapackage_json(data: Dataset, version: str) -> str:
    return json.dumps(datapackage(data, version), ensure_ascii=False, indent=2) + "\n"


def workbook(data: Dataset, issued: dt.date, which: list[Table] | None = None) -> bytes:
    """Every table (or those given) as a sheet of one .xlsx workbook (openpyxl), cells as text or numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for table in tables(data) if which is None else which:
        sheet = book.create_sheet(title=table.name[:31])
        sheet.append([c.name for c in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for number, row in enumerate(table.rows(data), start=2):
            sheet.append(["" if v is None else v for v in row])
            # The row by its number: sheet.max_row scans every cell (quadratic in the rows).
            cells = (sheet.cell(row=number, column=n) for n in range(1, len(table.columns) + 1))
            for cell, column in zip(cells, table.columns, strict=True):
                if column.type != "integer" and cell.value != "":
                    # Text stays text: openpyxl would store "=…" as a formula.
                    cell.value = str(cell.value)
                    cell.data_type = "s"
        sheet.freeze_panes = "A2"
    # Fixed timestamps: the same data gives the same file.
    stamp = dt.datetime(issued.year, issued.month, issued.day)
    book.properties.created = stamp  # modified: openpyxl stamps it on save (see _reproducible)
    book.properties.creator = "The editors of this edition"
    out = io.BytesIO()
    book.save(out)
    return _reproducible(out.getvalue(), stamp)


def _reproducible(xlsx: bytes, stamp: dt.datetime) -> bytes:
    """The same workbook, byte for byte, whenever it is built: openpyxl stamps the save time into
    docProps/core.xml (dcterms:modified) and every zip entry, whatever the properties say."""
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "docProps/core.xml":
                body = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + when.encode() + rb"\g<2>", body
                )
            entry = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, body)
    return out.getvalue()
