"""The Data page: every download and what it holds, how to read the CSV files, how to cite the
data, the columns of every CSV (from tables.py) and every field of the JSON Schema.

Every table cell goes through escape.md_cell (types are built from escaped pieces, so a "|" in an
enumeration is a character, not a column). Wide tables sit in a focusable, labelled region, so a
keyboard can scroll them. On the Arabic page the English names and descriptions are marked
lang="en" dir="ltr".
"""

from __future__ import annotations

from typing import Any

from . import tables
from .context import Context, page_head
from .datapackage import PACKAGE_FILE, WORKBOOK
from .escape import CSV_FORMULA_START, html_attr, html_text, md_cell, md_text
from .export import SCHEMA_ID, TEI_FILE, TEXT_FILES, json_schema
from .model import Lang

DOWNLOADS_DIR = "downloads"
BAR = " \\| "  # an escaped "|" between alternatives inside a table cell

WORDS: dict[str, dict[Lang, str]] = {
    "title": {"ar": "البيانات", "en": "Data"},
    "intro": {
        "ar": "كل ما في هذا الموقع مولَّد من بيانات مفتوحة، تُولَّد عند كل بناء من ملفات YAML نفسها التي تُبنى منها "
        "الصفحات. أسماء الحقول وأوصافها أدناه بالإنجليزية كما في المخططات.",
        "en": "Everything on this site is generated from open data, written at every build from the same YAML files "
        "the pages come from.",
    },
    "downloads": {"ar": "التنزيلات", "en": "Downloads"},
    "whole": {"ar": "المجموعة كاملة", "en": "The whole dataset"},
    "tables": {"ar": "الجداول (CSV)", "en": "Tables (CSV)"},
    "text": {"ar": "النص", "en": "The text"},
    "csv": {"ar": "قراءة ملفات CSV", "en": "Reading the CSV files"},
    "cite": {"ar": "الاستشهاد بالبيانات", "en": "Citing the data"},
    "columns": {"ar": "أعمدة الجداول", "en": "Table columns"},
    "fields": {"ar": "حقول JSON", "en": "JSON fields"},
    "head": {"ar": "الحقل|النوع|مطلوب|الوصف", "en": "Field|Type|Required|Description"},
    "region": {"ar": "جدول {name} (يمكن تمريره أفقيًا)", "en": "Table {name} (scrolls sideways)"},
}

FILES: dict[str, dict[Lang, str]] = {
    "edition.json": {
        "ar": "المجموعة كلها في ملف JSON واحد: النص والترجمة والسجلات والأحداث والأقوال والملاحظات والإشارات.",
        "en": "The whole dataset as one JSON file: text, translation, registers, events, claims, notes, mentions.",
    },
    SCHEMA_ID: {
        "ar": "مخطط JSON Schema الذي يصف edition.json، مولَّد من نماذج البيانات.",
        "en": "The JSON Schema of edition.json, generated from the data models.",
    },
    PACKAGE_FILE: {
        "ar": "حزمة بيانات Frictionless: مخطط جدول (Table Schema) لكل ملف CSV بأنواعه وقيمه المسموحة ومفاتيحه "
        "الأساسية والأجنبية. تحقق منها بالأمر frictionless validate datapackage.json.",
        "en": "A Frictionless Data Package: a Table Schema for every CSV file (types, allowed values, primary and "
        "foreign keys). Check the files with frictionless validate datapackage.json.",
    },
    WORKBOOK: {
        "ar": "كل الجداول في مصنف واحد لبرامج الجداول (ورقة لكل جدول)؛ الخلايا نص لا صيغ.",
        "en": "Every table in one workbook for spreadsheet programs (a sheet per table); cells are text, never "
        "formulas.",
    },
    TEI_FILE: {
        "ar": "المقال بصيغة TEI P5 لقارئات النسخ الرقمية (مثل TEI Publisher وEVT): الترويسة والمصادر، وقوائم الأشخاص "
        "والمنظمات والأماكن والأحداث، والفقرات بمعرّفاتها، وكل إشارة مع مرجعها، والتواريخ، والترجمة، والملاحظات.",
        "en": "The article in TEI P5 for digital-edition readers (TEI Publisher, EVT): header and source chain, "
        "lists of people, organisations, places and events, paragraphs with their ids, every mention with its "
        "@ref, dated time expressions, the translation and the editorial notes.",
    },
    TEXT_FILES["ar"]: {
        "ar": "النص العربي كما وصل، حرفًا بحرف (UTF-8).",
        "en": "The Arabic text exactly as received (UTF-8).",
    },
    TEXT_FILES["en"]: {
        "ar": "ترجمة هذه النسخة الإنجليزية، فقرة في كل سطر.",
        "en": "This edition's English translation, a paragraph a line.",
    },
}

CSV_NOTES: dict[Lang, list[str]] = {
    "ar": [
        "الترميز UTF-8 مع علامة ترتيب البايت (BOM)، كي تقرأ برامج الجداول التي تفترض ترميزًا قديمًا الحروفَ العربية "
        "صحيحة. الفاصل فاصلة، ونهاية السطر CRLF.",
        "في القوائم تُفصل العناصر بـ «|»، والأدلة بصيغة «pN: الاقتباس». قوائم المعرّفات تظهر أيضًا صفًّا صفًّا في "
        "entity_links.csv وsource_links.csv، حيث تُفحص مفاتيحها.",
        "الخلية التي تبدأ بأحد المحارف {chars} تُكتب مسبوقة بفاصلة علوية (') كي لا يقرأها برنامج الجداول صيغةً "
        "(حقن الصيغ في CSV، توصية OWASP). القيمة الأصلية في edition.json.",
    ],
    "en": [
        "Encoding: UTF-8 with a byte order mark, so that spreadsheet programs that otherwise assume a legacy "
        "encoding read the Arabic correctly. Comma-separated, CRLF line ends.",
        "In lists, items are separated by “|”, and evidence is written “pN: quote”. Lists of ids are also "
        "given a row each in entity_links.csv and source_links.csv, where their keys are checked.",
        "A cell that starts with one of {chars} is written with a leading apostrophe (') so that a spreadsheet "
        "does not run it as a formula (CSV injection, as OWASP recommends). The original value is in edition.json.",
    ],
}


def _en(text_md: str, lang: Lang) -> str:
    """English Markdown inline text, marked as English on the Arabic page."""
    return f'<span lang="en" dir="ltr">{text_md}</span>' if lang == "ar" and text_md else text_md


def _en_block(text_md: str, lang: Lang) -> str:
    """An English paragraph; on the Arabic page a left-to-right block marked as English."""
    return f'<p lang="en" dir="ltr" markdown="span">{text_md}</p>' if lang == "ar" else text_md


def _code(value: object) -> str:
    return f"<code>{md_cell(str(value))}</code>"


def _type(prop: dict[str, Any]) -> str:
    """The type of a JSON Schema property, as table-cell Markdown built from escaped pieces."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{md_cell(name)}](#schema-{name.lower()})"
    if "anyOf" in prop:
        return BAR.join(_type(p) for p in prop["anyOf"])
    if prop.get("type") == "array":
        return "list of " + _type(prop.get("items", {}))
    if "enum" in prop:
        return BAR.join(_code(v) for v in prop["enum"])
    if "const" in prop:
        return _code(prop["const"])
    fmt = prop.get("format")
    return md_cell(str(prop.get("type", "object")) + (f" ({fmt})" if fmt else ""))


def _column_type(column: tables.Column) -> str:
    kind = md_cell(column.type + (' ("|")' if column.type == "list" else ""))
    if column.enum:
        return kind + ": " + BAR.join(_code(v) for v in column.enum)
    return kind


def _scroll_table(name: str, rows: list[tuple[str, str, bool, str]], lang: Lang) -> str:
    """A 4-column table in a focusable, labelled region: (name Markdown, type Markdown, required, description)."""
    head = WORDS["head"][lang].split("|")
    label = WORDS["region"][lang].format(name=name)
    body = "\n".join(
        f"| <code>{md_cell(field)}</code> | {_en(kind, lang)} | {'✓' if required else ''} "
        f"| {_en(md_cell(desc), lang)} |"
        for field, kind, required, desc in rows
    )
    return (
        f'<div class="edition-scroll" role="region" tabindex="0" aria-label="{html_attr(label)}" markdown="block">\n\n'
        f"| {' | '.join(head)} |\n| --- | --- | --- | --- |\n{body}\n\n</div>\n"
    )


def _schema_section(name: str, schema: dict[str, Any], lang: Lang) -> str:
    required = set(schema.get("required", []))
    rows = [
        (field, _type(prop), field in required, prop.get("description", ""))
        for field, prop in schema.get("properties", {}).items()
    ]
    desc = schema.get("description", "").strip().split("\n")[0]
    intro = f"{_en_block(md_text(desc), lang)}\n\n" if desc else ""
    return f"### {md_text(name)} {{#schema-{name.lower()}}}\n\n{intro}{_scroll_table(name, rows, lang)}"


def _csv_section(table: tables.Table, lang: Lang) -> str:
    rows = [(c.name, _column_type(c), c.required, c.description) for c in table.columns]
    keys = "primary key: " + ", ".join(table.primary_key)
    keys += "".join(f"; {', '.join(fk.fields)} → {fk.resource}.{', '.join(fk.reference)}" for fk in table.foreign_keys)
    intro = _en_block(md_text(f"{table.description} ({keys})"), lang)
    return f"### {md_text(table.file)} {{#csv-{table.name.replace('_', '-')}}}\n\n{intro}\n\n" + _scroll_table(
        table.file, rows, lang
    )


def _link(base: str, name: str, lang: Lang) -> str:
    link = f'<a href="{html_attr(base + name)}" download>{html_text(name)}</a>'
    return f"- {link}: {md_text(FILES[name][lang])}" if name in FILES else f"- {link}"


def render_data_page(ctx: Context) -> str:
    data = ctx.data
    lang: Lang = ctx.lang
    # Downloads live once, at the root of the site; the English edition links up to them.
    base = ctx.site_file(f"{DOWNLOADS_DIR}/")
    all_tables = tables.tables(data)
    whole = [_link(base, n, lang) for n in ("edition.json", SCHEMA_ID, PACKAGE_FILE, WORKBOOK)]
    csvs = [
        f'- <a href="{html_attr(base + t.file)}" download>{html_text(t.file)}</a>: '
        + _en(md_text(t.description), lang)
        + f" ([{md_text(WORDS['columns'][lang])}](#csv-{t.name.replace('_', '-')}))"
        for t in all_tables
    ]
    texts = [_link(base, n, lang) for n in (TEI_FILE, TEXT_FILES["ar"], TEXT_FILES["en"])]
    chars = " ".join({"\t": "Tab", "\r": "CR"}.get(c, c) for c in CSV_FORMULA_START)
    notes = "\n".join(f"- {md_text(n.format(chars=chars))}" for n in CSV_NOTES[lang])
    cite = (
        "استشهد بهذه النسخة (انظر «استشهد بهذه الصفحة» أسفل كل صفحة) واذكر اسم الملف وتاريخ التنزيل."
        if lang == "ar"
        else "Cite this edition (see “Cite this page” at the foot of every page) and give the file name and the "
        "date you downloaded it."
    )
    schema = json_schema()
    defs = schema.get("$defs", {})
    fields = [_schema_section("Export", schema, lang)] + [_schema_section(n, defs[n], lang) for n in sorted(defs)]
    w = {k: md_text(v[lang]) for k, v in WORDS.items()}
    return (
        f"{page_head(WORDS['title'][lang])}\n{md_text(WORDS['intro'][lang])}\n\n"
        f"## {w['downloads']} {{#downloads}}\n\n"
        f"### {w['whole']} {{#whole}}\n\n" + "\n".join(whole) + "\n\n"
        f"### {w['tables']} {{#tables}}\n\n" + "\n".join(csvs) + "\n\n"
        f"### {w['text']} {{#text}}\n\n" + "\n".join(texts) + "\n\n"
        f"## {w['csv']} {{#csv}}\n\n{notes}\n\n"
        f"## {w['cite']} {{#cite}}\n\n{md_text(cite)}\n\n"
        f"## {w['columns']} {{#columns}}\n\n" + "\n".join(_csv_section(t, lang) for t in all_tables) + "\n"
        f"## {w['fields']} {{#fields}}\n\n" + "\n".join(fields)
    )
