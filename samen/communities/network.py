"""The relationship network: who is tied to whom, who stands alone, which ties hold it together.

The graph's nodes are communities, its edges the relationships that still connect them
(active or weakened). The city itself is left out on purpose: it talks to nearly everyone,
and as a node it would hide exactly what the page is for, namely communities that have no
ties to each other. networkx finds the *bridges* (ties whose loss splits a group in two) and
the *articulation points* (communities whose loss does the same).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx
from django.core.cache import cache

from samen.communities.models import CONNECTING_STATES, State

# A tie this weak, or weakened, counts as a weak tie.
WEAK_STRENGTH = 2


@dataclass(frozen=True)
class Tie:
    first: int
    second: int
    state: str
    strength: int
    relationship: int = 0

    @property
    def is_weak(self) -> bool:
        return self.state == State.WEAKENED or self.strength <= WEAK_STRENGTH


@dataclass
class Network:
    graph: nx.Graph
    isolated: list[int] = field(default_factory=list)
    weakly_connected: list[int] = field(default_factory=list)
    bridges: list[tuple[int, int]] = field(default_factory=list)
    articulation_points: list[int] = field(default_factory=list)
    groups: int = 0


def build(nodes: Iterable[int], ties: Iterable[Tie]) -> Network:
    """The network of `nodes` with the connecting `ties` between two of them.

    A tie to a node outside `nodes` is left out, so a district's network is that district's.
    """
    graph = nx.Graph()
    graph.add_nodes_from(sorted(set(nodes)))
    for tie in ties:
        if tie.state not in CONNECTING_STATES or tie.first == tie.second:
            continue
        if tie.first in graph and tie.second in graph:
            graph.add_edge(
                tie.first,
                tie.second,
                state=tie.state,
                strength=tie.strength,
                weak=tie.is_weak,
                relationship=tie.relationship,
            )
    isolated = sorted(n for n in graph if graph.degree(n) == 0)
    weakly = sorted(n for n in graph if graph.degree(n) and _only_weak_ties(graph, n))
    bridges = sorted(tuple(sorted(edge)) for edge in nx.bridges(graph))
    return Network(
        graph=graph,
        isolated=isolated,
        weakly_connected=weakly,
        bridges=bridges,
        articulation_points=sorted(nx.articulation_points(graph)),
        groups=nx.number_connected_components(graph) - len(isolated),
    )


def _only_weak_ties(graph: nx.Graph, node: int) -> bool:
    """One tie only, or nothing but weak ties: a community that can easily drift off."""
    edges = graph.edges(node, data=True)
    return graph.degree(node) == 1 or all(data["weak"] for _, _, data in edges)


def layout(graph: nx.Graph, *, width: int, height: int, margin: int) -> dict[int, tuple]:
    """Node positions in pixels, the same every time for the same network.

    Each connected group gets its own cell, sized by its number of communities, and is laid
    out there with a spring layout of fixed seed; isolated communities line up in a strip
    along the bottom. Laid out together, a spring layout pushes loners and small groups to
    the edges and crushes the large group into the middle.
    """
    isolated = sorted(n for n in graph if graph.degree(n) == 0)
    groups = [sorted(c) for c in nx.connected_components(graph) if len(c) > 1]
    groups.sort(key=lambda c: (-len(c), c[0]))
    strip = 0 if not isolated else (height - 2 * margin if not groups else 90)
    where: dict[int, tuple] = {}
    top, usable_h = margin, height - 2 * margin - strip
    rows = [groups[:1], *[groups[i : i + 4] for i in range(1, len(groups), 4)]] if groups else []
    weights = [math.sqrt(max(len(g) for g in row)) for row in rows]
    for row, weight in zip(rows, weights, strict=True):
        row_h = usable_h * weight / sum(weights)
        left, widths = margin, [math.sqrt(len(g)) for g in row]
        for group, share in zip(row, widths, strict=True):
            cell_w = (width - 2 * margin) * share / sum(widths)
            where.update(_spread(graph.subgraph(group), (left, top, cell_w, row_h)))
            left += cell_w
        top += row_h
    if isolated:
        where.update(_grid(isolated, (margin, height - margin - strip, width - 2 * margin, strip)))
    return where


LAYOUT_SECONDS = 24 * 60 * 60


def layout_key(graph: nx.Graph, *, width: int, height: int, margin: int) -> str:
    """The cache key of `graph`'s layout: a digest of its communities and ties.

    Positions are computed from nothing but the graph a person is shown, so whoever sees
    the same graph may share them; anyone who sees one community or tie more or less gets a
    key of their own, and never positions that were shaped by something they cannot see.
    """
    nodes = sorted(graph)
    ties = sorted(sorted(edge) for edge in graph.edges())
    shape = json.dumps([width, height, margin, nodes, ties], separators=(",", ":"))
    return "communities:network-layout:" + hashlib.sha256(shape.encode()).hexdigest()


def cached_layout(graph: nx.Graph, *, width: int, height: int, margin: int) -> dict[int, tuple]:
    """`layout`, from Django's cache for a day when the same graph was laid out before: the
    spring layouts cost most of the network page."""
    key = layout_key(graph, width=width, height=height, margin=margin)
    where = cache.get(key)
    if where is None:
        where = layout(graph, width=width, height=height, margin=margin)
        cache.set(key, where, LAYOUT_SECONDS)
    return where


def _spread(group: nx.Graph, cell: tuple) -> dict[int, tuple]:
    """A connected group in its cell, keeping clear of the cell's edges."""
    left, top, cell_w, cell_h = cell
    pad_x, pad_y = min(cell_w * 0.15, 60), min(cell_h * 0.12, 30)
    if len(group) == 2:
        first, second = sorted(group)
        middle = top + cell_h / 2
        return {first: (left + pad_x, middle), second: (left + cell_w - pad_x, middle)}
    positions = nx.spring_layout(group, seed=2025, iterations=80)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {
        node: (
            round(left + pad_x + (x - min(xs)) / span_x * (cell_w - 2 * pad_x), 1),
            round(top + pad_y + (y - min(ys)) / span_y * (cell_h - 2 * pad_y), 1),
        )
        for node, (x, y) in positions.items()
    }


def _grid(nodes: list[int], cell: tuple) -> dict[int, tuple]:
    left, top, cell_w, cell_h = cell
    columns = max(1, min(len(nodes), int(cell_w // 150)))
    rows = math.ceil(len(nodes) / columns)
    step_x, step_y = cell_w / columns, cell_h / max(rows, 1)
    return {
        node: (
            round(left + step_x * (i % columns) + 8, 1),
            round(top + step_y * (i // columns) + step_y / 2, 1),
        )
        for i, node in enumerate(nodes)
    }


WIDTH, HEIGHT, MARGIN = 800, 560, 24
# Names are written beside the dots only while they stay readable.
LABEL_LIMIT = 40


@dataclass(frozen=True)
class DrawnNode:
    pk: int
    x: float
    y: float
    radius: float
    css: str
    name: str
    label: bool
    anchor: str = "start"  # names on the right half are written leftwards, inside the frame


@dataclass(frozen=True)
class DrawnEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    css: str
    title: str


@dataclass(frozen=True)
class Picture:
    width: int
    height: int
    nodes: list[DrawnNode]
    edges: list[DrawnEdge]


def draw(network: Network, names: dict[int, str]) -> Picture:
    """Geometry for the SVG template: classes say what a dot or line is, never inline style."""
    graph = network.graph
    where = cached_layout(graph, width=WIDTH, height=HEIGHT, margin=MARGIN)
    bridges = set(network.bridges)
    isolated, weak = set(network.isolated), set(network.weakly_connected)
    points = set(network.articulation_points)
    edges = []
    for first, second, data in sorted(graph.edges(data=True)):
        pair = tuple(sorted((first, second)))
        classes = ["tie", f"state-{data['state']}"]
        if pair in bridges:
            classes.append("bridge")
        (x1, y1), (x2, y2) = where[first], where[second]
        edges.append(
            DrawnEdge(
                x1,
                y1,
                x2,
                y2,
                width=0.5 + data["strength"] * 0.5,
                css=" ".join(classes),
                title=f"{names.get(first, first)} – {names.get(second, second)}",
            )
        )
    nodes = []
    labelled = len(graph) <= LABEL_LIMIT
    for node in sorted(graph):
        classes = ["node"]
        if node in isolated:
            classes.append("isolated")
        elif node in weak:
            classes.append("weak")
        if node in points:
            classes.append("articulation")
        x, y = where[node]
        radius = 4 + min(graph.degree(node), 8) * 0.75
        anchor = "end" if x > WIDTH * 0.6 and node not in isolated else "start"
        name = names.get(node, "")
        nodes.append(DrawnNode(node, x, y, radius, " ".join(classes), name, labelled, anchor))
    return Picture(WIDTH, HEIGHT, nodes, edges)
