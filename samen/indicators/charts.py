"""Server-rendered SVG for indicators: a line chart over years, a sparkline, map classes.

Python computes the geometry; the templates draw it with CSS classes only (the
Content-Security-Policy refuses inline styles and scripts), and every chart has a <title>, a
<desc> and a table with the same numbers beside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 12, 28
SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 110, 30, 3
CLASSES = 5


def shown(value: float | None, decimals: int) -> str:
    """A value as the page shows it, in the active language's number format."""
    if value is None:
        return "–"
    return number_format(
        round(value, decimals), decimal_pos=decimals, use_l10n=True, force_grouping=True
    )


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Line:
    label: str
    css: str
    path: str
    dots: list[Dot]


@dataclass(frozen=True)
class LineChart:
    id: str
    title: str
    description: str
    width: int
    height: int
    lines: list[Line]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int


def nice_range(low: float, high: float, ticks: int = 4) -> tuple[float, float, float]:
    """A round axis from at or below `low` to at or above `high`, and its step."""
    if high <= low:
        high = low + (abs(low) or 1)
    raw = (high - low) / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def line_chart(
    chart_id: str,
    title: str,
    years: list[int],
    series: list[tuple[str, str, list[float | None]]],
    decimals: int,
) -> LineChart | None:
    """Lay out lines over years: series are (label, css class, a value or None per year)."""
    values = [v for _label, _css, vs in series for v in vs if v is not None]
    if not values or not years:
        return None
    low, high, step = nice_range(
        min(min(values), 0) if min(values) >= 0 else min(values), max(values)
    )
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    span = max(len(years) - 1, 1)

    def x(i: int) -> float:
        return LEFT + (i / span * plot_w if len(years) > 1 else plot_w / 2)

    def y(value: float) -> float:
        return TOP + plot_h - (value - low) / (high - low) * plot_h

    lines = []
    for label, css, vs in series:
        parts, dots, pen = [], [], "M"
        for i, value in enumerate(vs):
            if value is None:
                pen = "M"  # a gap where a year has no value
                continue
            parts.append(f"{pen}{x(i):.1f},{y(value):.1f}")
            pen = "L"
            dots.append(Dot(x(i), y(value), f"{label}, {years[i]}: {shown(value, decimals)}"))
        lines.append(Line(label, css, "".join(parts), dots))
    every = max(1, math.ceil(len(years) / 8))
    x_ticks = [
        Tick(x(i), str(year)) for i, year in enumerate(years) if (len(years) - 1 - i) % every == 0
    ]
    count = round((high - low) / step)
    y_ticks = [
        Tick(y(low + k * step), shown(low + k * step, 0 if step >= 1 else 1))
        for k in range(count + 1)
    ]
    described = "; ".join(
        _("%(label)s from %(first)s in %(start)s to %(last)s in %(end)s")
        % {
            "label": label,
            "first": shown(next((v for v in vs if v is not None), None), decimals),
            "start": years[0],
            "last": shown(next((v for v in reversed(vs) if v is not None), None), decimals),
            "end": years[-1],
        }
        for label, _css, vs in series
        if any(v is not None for v in vs)
    )
    return LineChart(
        id=chart_id,
        title=title,
        description=described + ".",
        width=WIDTH,
        height=HEIGHT,
        lines=lines,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        plot_left=LEFT,
        plot_right=WIDTH - RIGHT,
        plot_top=TOP,
        plot_bottom=TOP + plot_h,
    )


@dataclass(frozen=True)
class Sparkline:
    id: str
    title: str
    width: int
    height: int
    path: str
    last: Dot | None


def sparkline(chart_id: str, title: str, values: list[float | None]) -> Sparkline | None:
    """A small line of values over years, gaps where a year has none."""
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return None
    low, high = min(known), max(known)
    high = high if high > low else low + 1
    inner_h = SPARK_HEIGHT - 2 * SPARK_PAD
    step = (SPARK_WIDTH - 2 * SPARK_PAD) / max(len(values) - 1, 1)
    parts, pen, last = [], "M", None
    for i, value in enumerate(values):
        if value is None:
            pen = "M"
            continue
        point = (SPARK_PAD + i * step, SPARK_PAD + inner_h - (value - low) / (high - low) * inner_h)
        parts.append(f"{pen}{point[0]:.1f},{point[1]:.1f}")
        pen, last = "L", Dot(point[0], point[1], "")
    return Sparkline(chart_id, title, SPARK_WIDTH, SPARK_HEIGHT, "".join(parts), last)


# --- Map classes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapClass:
    css: str
    low: float
    high: float
    count: int


def map_classes(
    values: dict[int, float], classes: int = CLASSES
) -> tuple[list[MapClass], dict[int, str]]:
    """Split the places' values into classes of about equal count (quantiles).

    Returns the classes, lowest first, and each place's css class ("class-1" … "class-5").
    """
    if not values:
        return [], {}
    ordered = sorted(values.items(), key=lambda item: item[1])
    count = min(classes, len(ordered))
    groups: list[list[tuple[int, float]]] = [[] for _ in range(count)]
    for index, item in enumerate(ordered):
        groups[index * count // len(ordered)].append(item)
    # Equal values always share a class: move ties up into the class where they start.
    # The class before may have emptied into its own predecessor: compare with the last one
    # that still holds values (the first always does).
    for i in range(1, count):
        before = max(j for j in range(i) if groups[j] or j == 0)
        while groups[i] and groups[i][0][1] == groups[before][-1][1]:
            groups[before].append(groups[i].pop(0))
    groups = [g for g in groups if g]
    result, css_of = [], {}
    for number, group in enumerate(groups, start=1):
        css = f"class-{number + (CLASSES - len(groups)) // 2}"
        result.append(MapClass(css, group[0][1], group[-1][1], len(group)))
        for place, _value in group:
            css_of[place] = css
    return result, css_of
