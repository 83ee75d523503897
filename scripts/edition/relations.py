"""The relations view: who and what is connected, as an inline SVG drawn at build time.

Columns hold people, organisations, platforms, places and events (mirrored in Arabic, so the story
reads from the right); lines join an entity to what its relations and the events name. Every node
links to its page. A list of the same connections follows for screen readers and print.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import paths
from .context import Context, page_head
from .escape import html_attr, html_text, md_text
from .labels import RELATIONS, t
from .load import Dataset
from .model import Lang
from .timeline import sort_key

COLUMN_W = 210
NODE_W = 180
NODE_H = 30
ROW_GAP = 12
TOP = 40


@dataclass
class Node:
    id: str
    label: str
    href: str
    column: int
    row: int = 0

    def center(self, lang: Lang) -> tuple[float, float]:
        x = self.x(lang) + NODE_W / 2
        return x, TOP + self.row * (NODE_H + ROW_GAP) + NODE_H / 2

    def x(self, lang: Lang, columns: int = 5) -> float:
        col = self.column if lang == "en" else columns - 1 - self.column
        return 10 + col * COLUMN_W


def graph(data: Dataset, lang: Lang) -> tuple[list[Node], list[tuple[str, str, str]]]:
    """Nodes (entities and article events) and edges (source, target, label)."""
    nodes: dict[str, Node] = {}
    for column, etype in enumerate(paths.TYPE_DIRS):
        for row, entity in enumerate(data.of_type(etype)):
            nodes[entity.id] = Node(entity.id, entity.name(lang), paths.entity_page(etype, entity.id), column, row)
    events = sorted(data.article.events, key=lambda e: sort_key(e.date, e.time_of_day, e.precision))
    for row, ev in enumerate(events):
        nodes["event:" + ev.id] = Node("event:" + ev.id, ev.label(lang), f"{paths.TIMELINE}#{ev.id}", 4, row)
    edges: list[tuple[str, str, str]] = []
    for entity in data.entities.values():
        for rel in entity.relations:
            edges.append((entity.id, rel.target, RELATIONS[rel.type][lang]))
    for ev in events:
        for ref in (*ev.actors, *ev.platforms, *ev.places):
            edges.append(("event:" + ev.id, ref, ""))
    return list(nodes.values()), edges


def render_svg(ctx: Context) -> str:
    data: Dataset = ctx.data
    lang: Lang = ctx.lang
    nodes, edges = graph(data, lang)
    by_id = {n.id: n for n in nodes}
    rows = max(n.row for n in nodes) + 1
    width = 10 + 5 * COLUMN_W
    height = TOP + rows * (NODE_H + ROW_GAP) + 10
    headers = [
        t("person", lang),
        t("organisation", lang),
        t("platform", lang),
        t("place", lang),
        t("events", lang),
    ]
    title = "شبكة العلاقات" if lang == "ar" else "Relations"
    direction = "rtl" if lang == "ar" else "ltr"
    parts = [
        f'<svg class="edition-graph" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="graph-title" xmlns="http://www.w3.org/2000/svg" direction="{direction}">',
        f'<title id="graph-title">{html_text(title)}</title>',
    ]
    for col, header in enumerate(headers):
        x = 10 + (col if lang == "en" else 4 - col) * COLUMN_W + NODE_W / 2
        parts.append(
            f'<text class="edition-graph-header" x="{x}" y="22" text-anchor="middle">{html_text(header)}</text>'
        )
    for source, target, label in edges:
        a, b = by_id[source], by_id[target]
        (x1, y1), (x2, y2) = a.center(lang), b.center(lang)
        tip = f"{a.label} — {label} — {b.label}" if label else f"{a.label} — {b.label}"
        parts.append(
            f'<line class="edition-graph-edge" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}">'
            f"<title>{html_text(tip)}</title></line>"
        )
    for n in nodes:
        x, y = n.x(lang), TOP + n.row * (NODE_H + ROW_GAP)
        label = n.label if len(n.label) <= 26 else n.label[:25] + "…"
        parts.append(
            f'<a href="{html_attr(ctx.url(n.href))}" class="edition-graph-node">'
            f'<rect x="{x}" y="{y}" width="{NODE_W}" height="{NODE_H}" rx="6"/>'
            f'<text x="{x + NODE_W / 2}" y="{y + NODE_H / 2}" text-anchor="middle" dominant-baseline="central">'
            f"{html_text(label)}</text><title>{html_text(n.label)}</title></a>"
        )
    parts.append("</svg>")
    return "".join(parts)


def render_relations(ctx: Context) -> str:
    data: Dataset = ctx.data
    lang: Lang = ctx.lang
    title = "شبكة العلاقات" if lang == "ar" else "Relations"
    intro = (
        "من يرتبط بمن وبماذا: الأشخاص والمنظمات والمنصات والأماكن والأحداث. كل عقدة رابط إلى صفحتها؛ "
        "والقائمة التي تلي الشكل تذكر الصلات نفسها نصًا."
        if lang == "ar"
        else "Who and what is connected: people, organisations, platforms, places and events. Every node "
        "links to its page; the list after the diagram states the same connections in words."
    )
    nodes, edges = graph(data, lang)
    by_id = {n.id: n for n in nodes}
    lines = []
    for source, target, label in edges:
        a, b = by_id[source], by_id[target]
        a_link = f"[{md_text(a.label)}]({ctx.link(a.href)})"
        b_link = f"[{md_text(b.label)}]({ctx.link(b.href)})"
        verb = label or ("يشمل" if lang == "ar" else "involves")
        lines.append(f"- {a_link} — {verb} — {b_link}")
    list_title = "الصلات نصًا" if lang == "ar" else "The connections in words"
    return (
        f"{page_head(title)}\n{intro}\n\n"
        f'<div class="edition-graph-wrap">{render_svg(ctx)}</div>\n\n'
        f"## {list_title} {{#list}}\n\n" + "\n".join(lines) + "\n"
    )
