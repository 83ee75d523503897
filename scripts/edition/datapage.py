"""The Data page: the downloads, how to cite them, and every field of the JSON Schema."""

from __future__ import annotations

from typing import Any

from .context import Context, page_head
from .escape import md_cell, md_text
from .export import SCHEMA_ID, csv_tables, json_schema
from .load import Dataset
from .model import Lang

DOWNLOADS_DIR = "downloads"


def _type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in prop:
        return " | ".join(_type(p) for p in prop["anyOf"])
    if prop.get("type") == "array":
        return f"list of {_type(prop.get('items', {}))}"
    if "enum" in prop:
        return " | ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    fmt = prop.get("format")
    return f"{prop.get('type', 'object')}" + (f" ({fmt})" if fmt else "")


def _table(name: str, schema: dict[str, Any], lang: Lang) -> str:
    head = ("الحقل", "النوع", "مطلوب", "الوصف") if lang == "ar" else ("Field", "Type", "Required", "Description")
    required = set(schema.get("required", []))
    rows = [
        f"| `{field}` | {md_cell(_type(prop))} | {'✓' if field in required else ''} "
        f"| {md_cell(prop.get('description', ''))} |"
        for field, prop in schema.get("properties", {}).items()
    ]
    desc = md_text(schema.get("description", "").strip().split("\n")[0])
    return (
        f"### {name} {{#schema-{name.lower()}}}\n\n{desc}\n\n"
        f"| {' | '.join(head)} |\n| --- | --- | --- | --- |\n" + "\n".join(rows) + "\n"
    )


def render_data_page(ctx: Context) -> str:
    data: Dataset = ctx.data
    lang: Lang = ctx.lang
    # Downloads live once, at the root of the site; the English edition links up to them.
    base = ctx.site_file(f"{DOWNLOADS_DIR}/")
    schema = json_schema()
    files = [("edition.json", "JSON"), (SCHEMA_ID, "JSON Schema")] + [(n, "CSV") for n in csv_tables(data)]
    links = "\n".join(f'- <a href="{base}{name}" download>{name}</a> ({kind})' for name, kind in files)
    if lang == "ar":
        title, intro = (
            "البيانات",
            (
                "كل ما في هذا الموقع مولَّد من بيانات مفتوحة: ملف JSON واحد يضم المجموعة كلها، ومخطط JSON Schema "
                "يصفها، وجداول CSV لكل سجل وللأحداث والأقوال. تُولَّد عند كل بناء من ملفات YAML نفسها التي تُبنى "
                "منها الصفحات. أسماء الحقول وأوصافها أدناه بالإنجليزية كما في المخطط."
            ),
        )
        fields_title, cite_title = "الحقول", "الاستشهاد بالبيانات"
        cite = "استشهد بهذه النسخة (انظر «استشهد بهذه الصفحة» أسفل كل صفحة) واذكر اسم الملف وتاريخ التنزيل."
        csv_note = (
            "في ملفات CSV تُفصل عناصر القوائم بـ «|»، والأدلة بصيغة «pN: الاقتباس». "
            "الخلية التي تبدأ بأحد المحارف ‎= + - @‎ أو بمسافة جدولة تُكتب مسبوقة بفاصلة عليا ‎'‎ "
            "كي لا تقرأها برامج الجداول معادلة (توصية OWASP)؛ احذف الفاصلة لتستعيد القيمة."
        )
    else:
        title, intro = (
            "Data",
            (
                "Everything on this site is generated from open data: one JSON file with the whole dataset, the "
                "JSON Schema that describes it, and CSV tables for each register and for events and claims. They "
                "are generated at every build from the same YAML files the pages come from."
            ),
        )
        fields_title, cite_title = "Fields", "Citing the data"
        cite = (
            "Cite this edition (see “Cite this page” at the foot of every page) and give the file name and the "
            "date you downloaded it."
        )
        csv_note = (
            "In the CSV files list items are separated by “|”, and evidence is written “pN: quote”. "
            "A cell that would begin with =, +, -, @, a tab or a carriage return is written with a leading "
            "apostrophe (') so that spreadsheet programs do not run it as a formula (OWASP's advice on CSV "
            "injection); remove that apostrophe to get the value."
        )
    defs = schema.get("$defs", {})
    tables = [_table("Export", schema, lang)] + [_table(name, defs[name], lang) for name in sorted(defs)]
    return (
        f"{page_head(title)}\n{intro}\n\n{links}\n\n{csv_note}\n\n"
        f"## {cite_title} {{#cite}}\n\n{cite}\n\n## {fields_title} {{#fields}}\n\n" + "\n".join(tables)
    )
