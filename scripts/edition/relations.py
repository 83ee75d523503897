"""Relations: who and what is connected, drawn at build time as inline SVG (no script, no library).

Two views:
- the overview (relations page): the register's entities in one column per kind (two columns on
  small screens), mirrored in Arabic so the story reads from the right. Edges are routed
  orthogonally in the gutters between columns and the gaps between rows, so no edge crosses a box;
  each edge carries the number of its relation type (legend below the drawing), and names its
  statement on hover and focus (<title>, and it links to that statement in the list). Events are
  left out: they have their own view, the timeline.
- the local graph (every entity page): the entity at the top, a trunk, and one labelled branch
  per relation (both directions) and per event it takes part in.

Each drawing is followed by the same relations in words, grouped by relation type.
Geometry is computed in left-to-right coordinates and mirrored for Arabic.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import paths
from .context import Context, page_head
from .escape import html_attr, html_text, md_text
from .labels import RELATIONS, t
from .load import Dataset
from .lookup import events_by_entity, per_dataset
from .model import Entity, EntityType, Lang

FONT = 12  # px, the drawings' text size at scale 1
LINE = 15  # px between lines of a wrapped label
DIRECTION = {"ar": "rtl", "en": "ltr"}
# Relations recorded in both directions: the overview draws one edge for the pair.
INVERSE = {"developed_by": "developed"}


@dataclass(frozen=True)
class Edge:
    """A relation as the data states it: subject — type — target."""

    source: str
    type: str
    target: str

    @property
    def anchor(self) -> str:
        """The id of this statement in the list after the drawing."""
        return f"rel-{self.source}-{self.type.replace('_', '-')}-{self.target}"


@per_dataset
def edges(data: Dataset) -> list[Edge]:
    """Every relation between entities, in register order (callers must not change the list)."""
    return [Edge(e.id, r.type, r.target) for e in data.entities.values() for r in e.relations]


@per_dataset
def _edges_by_entity(data: Dataset) -> dict[str, list[Edge]]:
    index: dict[str, list[Edge]] = {}
    for edge in edges(data):
        for eid in dict.fromkeys((edge.source, edge.target)):
            index.setdefault(eid, []).append(edge)
    return index


def edges_of(data: Dataset, entity_id: str) -> list[Edge]:
    """The relations an entity is the subject or the object of, in register order."""
    return _edges_by_entity(data).get(entity_id, [])


def overview_edges(data: Dataset) -> list[Edge]:
    """Relations for the overview: a pair stated both ways (developed / developed by) drawn once."""
    found = edges(data)
    keys = {(e.source, e.type, e.target) for e in found}
    return [e for e in found if not (e.type in INVERSE and (e.target, INVERSE[e.type], e.source) in keys)]


@per_dataset
def type_numbers(data: Dataset) -> dict[str, int]:
    """The legend: each relation type used, numbered in the order of labels.RELATIONS."""
    used = {e.type for e in edges(data)}
    return {rtype: n for n, rtype in enumerate((r for r in RELATIONS if r in used), start=1)}


def statement(data: Dataset, edge: Edge, lang: Lang) -> str:
    """An edge in words, for <title> and aria-label: "A — member of — B"."""
    a, b = data.entities[edge.source], data.entities[edge.target]
    return f"{a.name(lang)} — {RELATIONS[edge.type][lang]} — {b.name(lang)}"


MAX_LINES = 3


def wrap(text: str, width: float) -> list[str]:
    """Break a label into at most MAX_LINES lines that fit `width` px (estimated), at spaces only;
    a word longer than a line stands alone. Nothing is cut or changed: the lines joined with
    single spaces give the text back (the caller makes the box as tall as the lines)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and text_width(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > MAX_LINES:  # keep every word: merge the tail into the last line
        lines = [*lines[: MAX_LINES - 1], " ".join(lines[MAX_LINES - 1 :])]
    return lines


def text_width(text: str) -> float:
    """Estimated width at FONT px: Arabic letters are narrower than Latin ones in Noto Naskh."""
    return sum(0.48 * FONT if "\u0600" <= ch <= "\u06ff" else 0.6 * FONT for ch in text)


# ---- Drawing helpers ---------------------------------------------------------------------------


@dataclass
class Box:
    id: str
    label: str
    href: str
    x: float
    y: float
    w: float
    h: float
    lines: list[str] = field(default_factory=list)
    centre: bool = False


class Canvas:
    """Collects shapes in left-to-right coordinates and writes them mirrored for Arabic."""

    def __init__(self, width: float, lang: Lang) -> None:
        self.width = width
        self.lang = lang
        self.parts: list[str] = []

    def x(self, x: float) -> float:
        return round(self.width - x if self.lang == "ar" else x, 1)

    def path(self, points: list[tuple[float, float]]) -> str:
        return "M" + " L".join(f"{self.x(px)} {round(py, 1)}" for px, py in points)

    def box(self, ctx: Context, b: Box) -> None:
        left = self.x(b.x + b.w if self.lang == "ar" else b.x)
        cls = "edition-rel-node edition-rel-centre" if b.centre else "edition-rel-node"
        mid = self.x(b.x + b.w / 2)
        top = b.y + b.h / 2 - (len(b.lines) - 1) * LINE / 2
        # Always MAX_LINES <tspan>s (unused ones empty), so the markup is the same whatever the
        # text; each line but the last keeps its space, so the text reads back exactly.
        lines = [line + " " for line in b.lines[:-1]] + b.lines[-1:]
        lines += [""] * (MAX_LINES - len(lines))
        text = "".join(
            f'<tspan x="{mid}" y="{round(top + i * LINE, 1)}">{html_text(line)}</tspan>' for i, line in enumerate(lines)
        )
        shape = (
            f'<rect x="{left}" y="{b.y}" width="{b.w}" height="{b.h}" rx="5"/>'
            f'<text text-anchor="middle" dominant-baseline="central">{text}</text>'
        )
        if b.centre:  # the page's own entity: not a link to itself
            self.parts.append(f'<g class="{cls}">{shape}</g>')
        else:
            self.parts.append(
                f'<a class="{cls}" href="{html_attr(ctx.url(b.href))}"><title>{html_text(b.label)}</title>{shape}</a>'
            )


def svg_open(cls: str, title_id: str, title: str, width: float, height: float, lang: Lang) -> str:
    return (
        f'<svg class="{cls}" viewBox="0 0 {width} {round(height)}" width="{width}" height="{round(height)}" '
        f'aria-labelledby="{title_id}" xmlns="http://www.w3.org/2000/svg" direction="{DIRECTION[lang]}">'
        f'<title id="{title_id}">{html_text(title)}</title>'
    )


def arrow_defs(marker_id: str) -> str:
    return (
        f'<defs><marker id="{marker_id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path class="edition-rel-arrow" d="M0 1 L9 5 L0 9 z"/></marker></defs>'
    )


# ---- The overview ------------------------------------------------------------------------------

# Which kinds of entity go in which column: one per kind when wide, two stacked per column when narrow.
LAYOUTS: dict[str, list[list[EntityType]]] = {
    "wide": [["person"], ["organisation"], ["platform"], ["place"]],
    "narrow": [["person", "platform"], ["organisation", "place"]],
}
WIDTHS = {"wide": 680.0, "narrow": 360.0}
GUTTER = {"wide": 40.0, "narrow": 34.0}
ROW_GAP = 16.0
HEADER_H = 22.0
TOP = 6.0


@dataclass
class Grid:
    """Boxes on a grid of columns and rows that every column shares, so the gap under any row is
    free across the whole drawing and the gutters between columns are free from top to bottom."""

    width: float
    gutters: list[float]  # widths; gutter k is before column k, the last after the last column
    col_w: float
    row_h: float
    boxes: dict[str, Box]
    cells: dict[str, tuple[int, int]]  # entity id → (column, row)
    headers: list[tuple[int, int, str]]  # (column, row, text)
    rows: int

    def col_x(self, col: int) -> float:
        return sum(self.gutters[: col + 1]) + col * self.col_w

    def row_y(self, row: int) -> float:
        return TOP + row * (self.row_h + ROW_GAP)

    def gutter_x(self, gutter: int) -> float:
        """Centre of gutter k."""
        return self.col_x(gutter) - self.gutters[gutter] / 2

    def gap_y(self, row: int) -> float:
        """Centre of the gap under row `row`."""
        return self.row_y(row) + self.row_h + ROW_GAP / 2


TRACK = 6.0  # px between parallel edges in a gutter
MIN_GUTTER = 22.0


@dataclass
class Lanes:
    """The edges that share one gutter or one row gap, in track order, and each edge's track."""

    users: list[Edge]
    at: dict[Edge, int]  # an edge's place in users: looked up, not searched (edges × edges)

    @classmethod
    def of(cls, users: list[Edge]) -> Lanes:
        at: dict[Edge, int] = {}
        for i, edge in enumerate(users):
            at.setdefault(edge, i)  # the first, as users.index(edge) would give
        return cls(users, at)


def grid(ctx: Context, layout: str, drawn: list[Edge]) -> tuple[Grid, dict[tuple[str, int], Lanes]]:
    """The layout and which edges use which gutter and row gap. Each gutter is as wide as its
    edges need (one track each); the columns share what is left."""
    data, lang = ctx.data, ctx.lang
    columns = LAYOUTS[layout]
    cells: dict[str, tuple[int, int]] = {}
    headers: list[tuple[int, int, str]] = []
    rows = 0
    for col, kinds in enumerate(columns):
        row = 0
        for etype in kinds:
            headers.append((col, row, t(etype, lang)))
            row += 1
            for entity in data.of_type(etype):
                cells[entity.id] = (col, row)
                row += 1
        rows = max(rows, row)
    tracks = {key: Lanes.of(users) for key, users in plan_tracks(cells, rows, drawn).items()}
    in_gutter = [len(tracks[("gutter", k)].users) if ("gutter", k) in tracks else 0 for k in range(len(columns) + 1)]
    gutters = [max(MIN_GUTTER, (n + 1) * TRACK + 16) for n in in_gutter]
    width = WIDTHS[layout]
    col_w = (width - sum(gutters)) / len(columns)
    labels = {e.id: e.name(lang) for e in data.entities.values()}
    lines = {i: wrap(label, col_w - 10) for i, label in labels.items()}
    row_h = max(HEADER_H, max(len(v) for v in lines.values()) * LINE + 10)
    g = Grid(width, gutters, col_w, row_h, {}, cells, headers, rows)
    for entity_id, (col, row) in cells.items():
        etype = data.entity_types[entity_id]
        g.boxes[entity_id] = Box(
            entity_id, labels[entity_id], paths.entity_page(etype, entity_id),
            g.col_x(col), g.row_y(row), col_w, row_h, lines[entity_id],
        )  # fmt: skip
    return g, tracks


def route(g: Grid, edge: Edge, tracks: dict[tuple[str, int], Lanes]) -> list[tuple[float, float]]:
    """An orthogonal path from the source box to the target box that stays in the gutters and
    the gaps between rows, where there are no boxes. Each edge has its own track (x offset) in a
    gutter and its own height in a row gap, so parallel edges stay apart."""
    ca, cb = g.cells[edge.source][0], g.cells[edge.target][0]
    a, b = g.boxes[edge.source], g.boxes[edge.target]
    ya, yb = a.y + a.h / 2, b.y + b.h / 2

    def track(gutter: int) -> float:
        lanes = tracks[("gutter", gutter)]
        n = len(lanes.users)
        step = min(TRACK, (g.gutters[gutter] - 8) / max(1, n))
        return g.gutter_x(gutter) + (lanes.at[edge] - (n - 1) / 2) * step

    def lane(row: int) -> float:
        lanes = tracks[("gap", row)]
        n = len(lanes.users)
        step = min(4.0, (ROW_GAP - 4) / max(1, n))
        return g.gap_y(row) + (lanes.at[edge] - (n - 1) / 2) * step

    if ca == cb:  # same column: out and back in through the gutter after it
        x = track(ca + 1)
        return [(a.x + a.w, ya), (x, ya), (x, yb), (b.x + b.w, yb)]
    if ca < cb:
        out_x, in_x, g_out, g_in = a.x + a.w, b.x, ca + 1, cb
    else:
        out_x, in_x, g_out, g_in = a.x, b.x + b.w, ca, cb + 1
    if g_out == g_in:  # neighbouring columns share one gutter
        x = track(g_out)
        return [(out_x, ya), (x, ya), (x, yb), (in_x, yb)]
    x1, x2, y = track(g_out), track(g_in), lane(gap_row(g.cells, g.rows, edge))
    return [(out_x, ya), (x1, ya), (x1, y), (x2, y), (x2, yb), (in_x, yb)]


def gap_row(cells: dict[str, tuple[int, int]], rows: int, edge: Edge) -> int:
    """The row gap a long edge crosses the drawing in: the one nearest both ends."""
    ra, rb = cells[edge.source][1], cells[edge.target][1]
    return max(0, min(rows - 1, (ra + rb) // 2))


def plan_tracks(cells: dict[str, tuple[int, int]], rows: int, drawn: list[Edge]) -> dict[tuple[str, int], list[Edge]]:
    """Which edges use which gutter and which row gap (the same choices route() makes)."""
    uses: dict[tuple[str, int], list[Edge]] = defaultdict(list)
    for edge in drawn:
        ca, cb = cells[edge.source][0], cells[edge.target][0]
        if ca == cb:
            uses[("gutter", ca + 1)].append(edge)
            continue
        g_out, g_in = (ca + 1, cb) if ca < cb else (ca, cb + 1)
        uses[("gutter", g_out)].append(edge)
        if g_in != g_out:
            uses[("gutter", g_in)].append(edge)
            uses[("gap", gap_row(cells, rows, edge))].append(edge)
    # Order each gutter's users by where they start, so tracks cross each other as little as possible.
    for users in uses.values():
        users.sort(key=lambda e: (cells[e.source][1], cells[e.target][1]))
    return dict(uses)


def render_overview_svg(ctx: Context, layout: str) -> str:
    data, lang = ctx.data, ctx.lang
    drawn = overview_edges(data)
    g, tracks = grid(ctx, layout, drawn)
    numbers = type_numbers(data)
    canvas = Canvas(g.width, lang)
    height = g.row_y(g.rows) + 4
    title = "شبكة العلاقات بين كيانات السجل" if lang == "ar" else "Relations between the register's entities"
    title_id = "graph-title" if layout == "wide" else f"graph-title-{layout}"
    marker = f"edition-rel-arrow-{layout}"
    out = [svg_open(f"edition-rel-graph edition-rel-{layout}", title_id, title, g.width, height, lang)]
    out.append(arrow_defs(marker))
    for col, row, text in g.headers:
        x = canvas.x(g.col_x(col) + g.col_w / 2)
        y = g.row_y(row) + g.row_h - 6
        out.append(f'<text class="edition-rel-header" x="{x}" y="{y}" text-anchor="middle">{html_text(text)}</text>')
    # Where a number may not go: on a box (with a margin) or on a number already placed.
    blocked = Obstacles()
    margin = BADGE_R + 1
    for b in g.boxes.values():
        blocked.add(b.x - margin, b.y - margin, b.x + b.w + margin, b.y + b.h + margin)
    for edge in drawn:
        points = route(g, edge, tracks)
        bx, by = badge_spot(points, blocked)
        apart = 2 * BADGE_R + 1
        blocked.add(bx - apart, by - apart, bx + apart, by + apart)
        bx = canvas.x(bx)
        # The visible number is part of the name (WCAG 2.5.3, label in name).
        words = f"{numbers[edge.type]}. {statement(data, edge, lang)}"
        out.append(
            f'<a class="edition-rel-edge" href="#{edge.anchor}">'
            f"<title>{html_text(words)}</title>"
            f'<path d="{canvas.path(points)}" marker-end="url(#{marker})"/>'
            f'<circle cx="{bx}" cy="{round(by, 1)}" r="{BADGE_R}"/>'
            f'<text x="{bx}" y="{round(by, 1)}" text-anchor="middle" dominant-baseline="central">'
            f"{numbers[edge.type]}</text></a>"
        )
    for box in g.boxes.values():
        canvas.box(ctx, box)
    out.extend(canvas.parts)
    out.append("</svg>")
    return "".join(out)


BADGE_R = 7.5


class Obstacles:
    """Open rectangles filed in square buckets, so that asking whether a point is inside one looks
    at the few rectangles near it, not at every box and number of the drawing (that scan made the
    overview quadratic in the size of the register; see the scale benchmark in the README)."""

    SIZE = 64.0

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}

    def add(self, x0: float, y0: float, x1: float, y1: float) -> None:
        for i in range(int(x0 // self.SIZE), int(x1 // self.SIZE) + 1):
            for j in range(int(y0 // self.SIZE), int(y1 // self.SIZE) + 1):
                self.cells.setdefault((i, j), []).append((x0, y0, x1, y1))

    def hit(self, x: float, y: float) -> bool:
        near = self.cells.get((int(x // self.SIZE), int(y // self.SIZE)), [])
        return any(x0 < x < x1 and y0 < y < y1 for x0, y0, x1, y1 in near)


def middle_out(steps: int) -> Iterator[int]:
    """0…steps from the middle outwards, the lower first where two are as near: the order of
    sorted(range(steps + 1), key=lambda i: abs(i - steps / 2)), lazily (a run's steps grow with
    the drawing, and the first free spot is usually near the middle)."""
    low, high = steps // 2, steps // 2 + (steps % 2)
    if low == high:
        yield low
        low, high = low - 1, high + 1
    while low >= 0 or high <= steps:
        if low >= 0:
            yield low
        if high <= steps:
            yield high
        low, high = low - 1, high + 1


def badge_spot(points: list[tuple[float, float]], blocked: Obstacles) -> tuple[float, float]:
    """Where an edge's number goes: on the edge, clear of every box and of the numbers already
    placed (both in `blocked`), as near the middle of its longest vertical run (in a gutter) as
    possible."""
    runs = sorted(
        ((p, q) for p, q in itertools.pairwise(points) if p[0] == q[0]), key=lambda r: -abs(r[0][1] - r[1][1])
    )
    runs += [(p, q) for p, q in itertools.pairwise(points) if p[1] == q[1]]
    fallback = ((runs[0][0][0] + runs[0][1][0]) / 2, (runs[0][0][1] + runs[0][1][1]) / 2)
    for p, q in runs:
        length = abs(q[0] - p[0]) + abs(q[1] - p[1])
        steps = int(length // 3)
        for i in middle_out(steps):
            f = i / steps if steps else 0.5
            x, y = p[0] + (q[0] - p[0]) * f, p[1] + (q[1] - p[1]) * f
            if not blocked.hit(x, y):
                return x, y
    return fallback


def legend(data: Dataset, lang: Lang) -> str:
    items = "".join(
        f'<li><span class="edition-rel-badge">{n}</span> {html_text(RELATIONS[rtype][lang])}</li>'
        for rtype, n in type_numbers(data).items()
    )
    word = "أنواع العلاقات" if lang == "ar" else "Kinds of relation"
    return f'<div class="edition-rel-legend"><p><strong>{word}</strong></p><ol>{items}</ol></div>'


def grouped_list(ctx: Context, found: list[Edge], numbered: bool) -> str:
    """The relations in words, one group per relation type, each statement with its evidence."""
    data, lang = ctx.data, ctx.lang
    by_type: dict[str, list[Edge]] = defaultdict(list)
    for edge in found:
        by_type[edge.type].append(edge)
    numbers = type_numbers(data)
    out = []
    for rtype in (r for r in RELATIONS if r in by_type):
        number = f"{numbers[rtype]}. " if numbered else ""  # the key's numbers, where the drawing shows them
        out.append(f"### {number}{md_text(RELATIONS[rtype][lang])} {{#relations-{rtype.replace('_', '-')}}}\n")
        out.append('<ul class="edition-rel-list" markdown="block">')
        for edge in by_type[rtype]:
            rel = next(
                r for r in data.entities[edge.source].relations if (r.type, r.target) == (edge.type, edge.target)
            )
            paras = " ".join(ctx.evidence_inline(ev) for ev in rel.evidence)
            out.append(
                f'<li id="{edge.anchor}" markdown="span">{ctx.entity_link(edge.source)} — '
                f"**{md_text(RELATIONS[rtype][lang])}** — {ctx.entity_link(edge.target)} {paras}</li>"
            )
        out.append("</ul>\n")
    return "\n".join(out)


def render_relations(ctx: Context) -> str:
    data, lang = ctx.data, ctx.lang
    title = "شبكة العلاقات" if lang == "ar" else "Relations"
    timeline = ctx.link(paths.TIMELINE)
    if lang == "ar":
        intro = (
            "من يرتبط بمن: الأشخاص والمنظمات والمنصات والأماكن في سجل هذه النسخة. كل مربع رابط إلى صفحته، "
            "وكل خط يحمل رقم نوع العلاقة (انظر المفتاح)، ويذكر العلاقة نصًا عند المرور عليه أو التركيز عليه. "
            f"الأحداث في [التسلسل الزمني]({timeline})، وتعرض كل صفحة كيان علاقاته وأحداثه في شكل صغير. "
            "وتلي الشكلَ العلاقاتُ نفسها نصًا، مجمعة حسب نوعها."
        )
    else:
        intro = (
            "Who is connected to whom: the people, organisations, platforms and places of this edition's "
            "register. Every box links to its page; every line carries the number of its kind of relation "
            "(see the key) and states the relation on hover and focus. The events are in the "
            f"[timeline]({timeline}), and every entity page draws its own relations and events. After the "
            "drawing, the same relations in words, grouped by kind."
        )
    found = edges(data)
    list_title = "العلاقات نصًا" if lang == "ar" else "The relations in words"
    return (
        f"{page_head(title)}\n{intro}\n\n"
        f'<figure class="edition-rel-figure">{render_overview_svg(ctx, "wide")}'
        f"{render_overview_svg(ctx, 'narrow')}</figure>\n\n"
        f"{legend(data, lang)}\n\n"
        f"## {list_title} {{#list}}\n\n" + grouped_list(ctx, found, numbered=True) + "\n"
    )


# ---- The local graph on an entity page ---------------------------------------------------------

LOCAL_W = 360.0
TRUNK = 18.0  # x of the trunk
NEIGHBOUR_X = 150.0  # where the neighbour boxes start
CENTRE_W = 220.0
BRANCH_GAP = 10.0


@dataclass
class Branch:
    label: str  # relation verb (or "event")
    words: str  # the statement, for <title>
    href: str  # where the branch leads in the page (the statement in the list, or the event)
    node: Box
    incoming: bool  # the neighbour is the subject, the page's entity the object


def branches(ctx: Context, entity: Entity) -> list[Branch]:
    data, lang = ctx.data, ctx.lang
    out: list[Branch] = []
    width = LOCAL_W - NEIGHBOUR_X
    order = list(RELATIONS)
    mine = edges_of(data, entity.id)
    # In the order of the list under the drawing: by relation type.
    for edge in sorted(mine, key=lambda e: order.index(e.type)):
        incoming = edge.target == entity.id
        other = edge.source if incoming else edge.target
        if other == entity.id:
            continue
        o = data.entities[other]
        node = Box(other, o.name(lang), paths.entity_page(data.entity_types[other], other), NEIGHBOUR_X, 0, width, 0)
        out.append(Branch(RELATIONS[edge.type][lang], statement(data, edge, lang), f"#{edge.anchor}", node, incoming))
    word = "في حدث" if lang == "ar" else "in event"
    for ev in events_by_entity(data).get(entity.id, []):
        href = f"{paths.TIMELINE}#{ev.id}"
        node = Box(ev.id, ev.label(lang), href, NEIGHBOUR_X, 0, width, 0)
        words = f"{entity.name(lang)} — {word} — {ev.label(lang)}"
        out.append(Branch(word, words, ctx.url(href), node, False))
    return out


def render_local_svg(ctx: Context, entity: Entity) -> str:
    lang = ctx.lang
    found = branches(ctx, entity)
    centre_lines = wrap(entity.name(lang), CENTRE_W - 12)
    centre = Box(entity.id, entity.name(lang), "", 0, 2, CENTRE_W, len(centre_lines) * LINE + 12, centre_lines, True)
    canvas = Canvas(LOCAL_W, lang)
    y = centre.y + centre.h + 14
    drawn: list[str] = []
    marker = "edition-rel-arrow-local"
    for br in found:
        br.node.lines = wrap(br.node.label, br.node.w - 12)
        br.node.h = len(br.node.lines) * LINE + 10
        br.node.y = y
        mid = y + br.node.h / 2
        points = [(TRUNK, mid), (NEIGHBOUR_X, mid)]
        if br.incoming:
            points.reverse()
        label_x = canvas.x(TRUNK + 8)
        drawn.append(
            f'<a class="edition-rel-edge" href="{html_attr(br.href)}">'
            f"<title>{html_text(br.words)}</title>"
            f'<path d="{canvas.path(points)}" marker-end="url(#{marker})"/>'
            f'<text class="edition-rel-verb" x="{label_x}" y="{round(mid - 5, 1)}" text-anchor="start">'
            f"{html_text(br.label)}</text></a>"
        )
        canvas.box(ctx, br.node)
        y += br.node.h + BRANCH_GAP
    height = max(y, centre.y + centre.h + 4)
    title = f"علاقات {entity.name(lang)} وأحداثه" if lang == "ar" else f"{entity.name(lang)}: relations and events"
    out = [svg_open("edition-rel-graph edition-rel-local", "graph-title", title, LOCAL_W, height, lang)]
    out.append(arrow_defs(marker))
    if found:
        last = found[-1].node
        trunk = canvas.path([(TRUNK, centre.y + centre.h), (TRUNK, last.y + last.h / 2)])
        out.append(f'<path class="edition-rel-trunk" d="{trunk}"/>')
    out.extend(drawn)
    canvas.box(ctx, centre)
    out.extend(canvas.parts)
    out.append("</svg>")
    return "".join(out)


def render_local(ctx: Context, entity: Entity) -> str:
    """The entity page's relations section: the local graph, then its relations grouped by type."""
    lang = ctx.lang
    found = edges_of(ctx.data, entity.id)
    if found:
        text = grouped_list(ctx, found, numbered=False)
    else:
        text = (
            "لا علاقات مسجلة لهذا الكيان بغيره في السجل."
            if lang == "ar"
            else "No relations to other entities are recorded."
        ) + "\n"
    in_events = any(b.node.href.startswith(paths.TIMELINE) for b in branches(ctx, entity))
    note = ""
    if in_events:
        note = (
            "الأحداث التي يظهر فيها مذكورة أيضًا تحت «الأحداث» أدناه.\n"
            if lang == "ar"
            else "The events it appears in are also listed under Events below.\n"
        )
    return (
        f"## {md_text(t('relations', lang))} {{#relations}}\n\n"
        f'<figure class="edition-rel-figure">{render_local_svg(ctx, entity)}</figure>\n\n'
        f"{text}\n{note}"
    )
