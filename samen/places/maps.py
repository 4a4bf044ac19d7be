"""Server-rendered SVG maps of place boundaries, so pages need no map library or script.

Hand-written because it is twenty lines: an equirectangular projection scaled by the cosine
of the latitude is accurate to well under a percent across one city.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

WIDTH = 600


@dataclass(frozen=True)
class MapShape:
    place: object
    path: str
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Map:
    width: int
    height: int
    shapes: list[MapShape]


def _polygons(geometry: dict) -> list:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def draw_map(places) -> Map | None:
    """Project the boundaries of `places` into one SVG canvas; None when none has one."""
    drawn = [p for p in places if p.boundary]
    if not drawn:
        return None
    points = [pt for p in drawn for poly in _polygons(p.boundary) for ring in poly for pt in ring]
    min_x, max_x = min(p[0] for p in points), max(p[0] for p in points)
    min_y, max_y = min(p[1] for p in points), max(p[1] for p in points)
    squeeze = math.cos(math.radians((min_y + max_y) / 2))
    span_x = max((max_x - min_x) * squeeze, 1e-9)
    span_y = max(max_y - min_y, 1e-9)
    scale = WIDTH / span_x
    height = round(span_y * scale)

    def project(pt) -> tuple[float, float]:
        return (pt[0] - min_x) * squeeze * scale, (max_y - pt[1]) * scale

    shapes = []
    for place in drawn:
        parts, xs, ys = [], [], []
        for polygon in _polygons(place.boundary):
            for ring in polygon:
                projected = [project(pt) for pt in ring]
                xs += [x for x, _ in projected]
                ys += [y for _, y in projected]
                parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in projected) + "Z")
        shapes.append(MapShape(place, "".join(parts), sum(xs) / len(xs), sum(ys) / len(ys)))
    return Map(WIDTH, height, shapes)
