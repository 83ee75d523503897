"""The relations drawings (relations.py), read from the built pages: the overview's edges never
cross a box and every one is labelled; every entity page has its local graph and its relations
grouped by type; every link in a drawing resolves."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from edition import paths
from edition.load import Dataset
from edition.relations import Obstacles, edges, middle_out, overview_edges, type_numbers
from site_helpers import page_file, parse

EDITIONS = {"ar": "", "en": "en/"}
EPS = 0.5  # px: an edge may touch a box's border (where it ends), never enter it

Rect = tuple[float, float, float, float]
Segment = tuple[tuple[float, float], tuple[float, float]]


def entity_urls(data: Dataset, lang: str) -> list[str]:
    return ["/" + EDITIONS[lang] + paths.url_of(paths.entity_page(data.entity_types[e], e)) for e in data.entities]


def svgs(site: Path, url: str) -> list[lxml.html.HtmlElement]:
    root = lxml.html.fromstring(page_file(site, url).read_bytes())
    return list(root.xpath("//svg[contains(@class, 'edition-rel-graph')]"))


def rects(svg: lxml.html.HtmlElement) -> list[Rect]:
    return [
        (float(r.get("x")), float(r.get("y")), float(r.get("width")), float(r.get("height")))
        for r in svg.xpath(".//rect")
    ]


def segments(svg: lxml.html.HtmlElement) -> list[Segment]:
    """Every straight piece of every edge (paths are M x y L x y …, outside <defs>)."""
    out = []
    for path in svg.xpath(".//path[not(ancestor::defs)]"):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path.get("d"))]
        assert re.fullmatch(r"M[\d. -]+( L[\d. -]+)+", path.get("d")), path.get("d")
        points = list(zip(numbers[::2], numbers[1::2], strict=True))
        out.extend(itertools.pairwise(points))
    return out


def crosses(seg: Segment, rect: Rect) -> bool:
    """Whether an axis-parallel segment enters the inside of a rectangle."""
    (x1, y1), (x2, y2) = seg
    rx, ry, rw, rh = rect
    inside_x = max(min(x1, x2), rx + EPS) < min(max(x1, x2), rx + rw - EPS)
    inside_y = max(min(y1, y2), ry + EPS) < min(max(y1, y2), ry + rh - EPS)
    if y1 == y2:
        return ry + EPS < y1 < ry + rh - EPS and inside_x
    assert x1 == x2, f"not orthogonal: {seg}"
    return rx + EPS < x1 < rx + rw - EPS and inside_y


@pytest.mark.parametrize("lang", EDITIONS)
def test_no_edge_crosses_a_box(site: Path, data: Dataset, lang: str) -> None:
    drawings = svgs(site, "/" + EDITIONS[lang] + "relations/")
    assert len(drawings) == 2  # wide and narrow
    for url in entity_urls(data, lang):
        drawings += svgs(site, url)
    assert len(drawings) == 2 + len(data.entities)
    for svg in drawings:
        boxes = rects(svg)
        for seg in segments(svg):
            for box in boxes:
                assert not crosses(seg, box), (svg.get("class"), seg, box)
        # The numbers on the edges stay clear of the boxes too.
        for circle in svg.xpath(".//circle"):
            cx, cy, r = (float(circle.get(k)) for k in ("cx", "cy", "r"))
            for x, y, w, h in boxes:
                assert not (x - r < cx < x + w + r and y - r < cy < y + h + r), (cx, cy, (x, y, w, h))


def test_the_geometry_check_finds_a_crossing() -> None:
    box = (10.0, 10.0, 50.0, 20.0)
    assert crosses(((0.0, 20.0), (100.0, 20.0)), box)  # straight through
    assert not crosses(((60.0, 20.0), (100.0, 20.0)), box)  # leaves from its border
    assert not crosses(((0.0, 35.0), (100.0, 35.0)), box)  # passes under it


@pytest.mark.parametrize("lang", EDITIONS)
def test_overview_edges_are_labelled_and_lead_to_their_statement(site: Path, data: Dataset, lang: str) -> None:
    url = "/" + EDITIONS[lang] + "relations/"
    root = lxml.html.fromstring(page_file(site, url).read_bytes())
    numbers = type_numbers(data)
    ids = set(root.xpath("//@id"))
    for svg in svgs(site, url):
        links = svg.xpath(".//a[contains(@class, 'edition-rel-edge')]")
        assert len(links) == len(overview_edges(data))
        for link in links:
            title = link.xpath("./title")[0].text
            assert title and title.startswith(link.xpath("./text")[0].text + ". ")  # its name holds its number
            assert link.get("href")[1:] in ids
            assert link.xpath("./text")[0].text in {str(n) for n in numbers.values()}
        # Every entity is a box that links to its page; events are left out of the overview.
        nodes = svg.xpath(".//a[contains(@class, 'edition-rel-node')]")
        assert len(nodes) == len(data.entities)
        for node in nodes:
            assert page_file(site, urljoin(url, node.get("href"))).exists()
    legend = root.xpath("//div[@class='edition-rel-legend']//li")
    assert len(legend) == len(numbers)
    # The relations in words, grouped by type: one group per type, every relation in its group.
    for rtype in numbers:
        group = root.get_element_by_id(f"relations-{rtype.replace('_', '-')}")
        items = group.getnext().xpath("./li/@id")
        assert items == [e.anchor for e in edges(data) if e.type == rtype]


@pytest.mark.parametrize("lang", EDITIONS)
def test_every_entity_page_has_its_local_graph_and_grouped_list(site: Path, data: Dataset, lang: str) -> None:
    for entity_id, url in zip(data.entities, entity_urls(data, lang), strict=True):
        root = lxml.html.fromstring(page_file(site, url).read_bytes())
        section = root.get_element_by_id("relations")
        (svg,) = svgs(site, url)
        centre = svg.xpath(".//g[contains(@class, 'edition-rel-centre')]//text")[0].text_content()
        assert centre.replace(" ", "") == data.entities[entity_id].name(lang).replace(" ", "")  # type: ignore[arg-type]
        mine = [e for e in edges(data) if entity_id in (e.source, e.target)]
        events = [ev for ev in data.article.events if entity_id in (*ev.actors, *ev.platforms, *ev.places)]
        branches = svg.xpath(".//a[contains(@class, 'edition-rel-edge')]")
        assert len(branches) == len(mine) + len(events), entity_id
        for branch in branches:
            assert branch.xpath("./title")[0].text and branch.xpath(".//text[@class='edition-rel-verb']")
        listed = root.xpath("//li[starts-with(@id, 'rel-')]/@id")
        assert sorted(listed) == sorted(e.anchor for e in mine), entity_id
        for edge in mine:
            heading = root.get_element_by_id(f"relations-{edge.type.replace('_', '-')}")
            assert edge.anchor in heading.getnext().xpath("./li/@id")
        assert section is not None


@pytest.mark.parametrize("lang", EDITIONS)
def test_drawing_links_resolve(site: Path, data: Dataset, lang: str) -> None:
    for url in ["/" + EDITIONS[lang] + "relations/", *entity_urls(data, lang)]:
        for svg in svgs(site, url):
            for href in svg.xpath(".//a/@href"):
                target = urljoin(url, href)
                file = page_file(site, target)
                assert file.exists(), (url, href)
                fragment = urlsplit(target).fragment
                if fragment:
                    assert fragment in parse(file).ids, (url, href)


# ---- The overview's number placement, without the quadratic scan (#16) -------------------------


@given(st.integers(min_value=0, max_value=500))
def test_middle_out_is_the_sorted_order(steps: int) -> None:
    assert list(middle_out(steps)) == sorted(range(steps + 1), key=lambda i: abs(i - steps / 2))


coords = st.floats(min_value=-300, max_value=900, allow_nan=False, allow_infinity=False)


@given(
    st.lists(st.tuples(coords, coords, coords, coords), max_size=30), st.lists(st.tuples(coords, coords), max_size=30)
)
def test_obstacles_answer_as_a_scan_of_every_rectangle(
    rects: list[tuple[float, float, float, float]], points: list[tuple[float, float]]
) -> None:
    blocked = Obstacles()
    boxes = [(min(a, c), min(b, d), max(a, c), max(b, d)) for a, b, c, d in rects]
    for box in boxes:
        blocked.add(*box)
    for x, y in points + [((x0 + x1) / 2, (y0 + y1) / 2) for x0, y0, x1, y1 in boxes]:
        assert blocked.hit(x, y) == any(x0 < x < x1 and y0 < y < y1 for x0, y0, x1, y1 in boxes)
