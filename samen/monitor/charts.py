"""Server-rendered SVG charts of weekly counts: a trend chart and sparklines.

Hand-written because it is a few dozen lines of arithmetic, and because the
Content-Security-Policy refuses inline scripts and styles: a JavaScript charting library would
need both, or a build step. Here Python computes the geometry, the templates in
monitor/ draw it with CSS classes only, and every chart carries a <title>, a <desc>
and a table with the same numbers, so it reads without the picture.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samen.monitor.early_warning import WeekStat

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 40, 30, 16, 28
SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 120, 32, 3


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    css: str = ""
    label: str = ""


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class TrendChart:
    id: str
    title: str
    description: str
    width: int
    height: int
    bars: list[Box]
    band: list[Box]
    expected: str  # path of the baseline mean, a step per week
    markers: str  # path of the warning triangles
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    plot_left: int
    plot_right: int
    plot_bottom: int
    rows: list[WeekStat]


@dataclass(frozen=True)
class Sparkline:
    id: str
    title: str
    description: str
    width: int
    height: int
    line: str
    band: str
    dots: list[Point]  # the weeks with a warning
    rows: list[WeekStat]


def nice_top(value: float) -> tuple[int, int]:
    """Return a round axis top at or above `value` and the step between its ticks."""
    value = max(value, 1)
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (magnitude / 5, magnitude / 2, magnitude, magnitude * 2):
        step = max(int(step), 1)
        if math.ceil(value / step) <= 5:
            return math.ceil(value / step) * step, step
    return math.ceil(value / (magnitude * 5)) * magnitude * 5, magnitude * 5


def _day(week: datetime.date) -> str:
    return date_format(week, "MONTH_DAY_FORMAT")


def describe(place_name: str, rows: list[WeekStat]) -> str:
    """Say in words what a weekly series shows, for screen readers and the <desc>."""
    if not rows:
        return _("No weeks to show.")
    counts = [r.count for r in rows]
    text = _(
        "Signals per week in %(place)s from the week of %(first)s to the week of %(last)s: "
        "between %(low)s and %(high)s a week."
    ) % {
        "place": place_name,
        "first": _day(rows[0].week),
        "last": _day(rows[-1].week),
        "low": min(counts),
        "high": max(counts),
    }
    flagged = [_day(r.week) for r in rows if r.warning]
    if flagged:
        text += " " + ngettext(
            "%(n)s week above the usual band: %(weeks)s.",
            "%(n)s weeks above the usual band: %(weeks)s.",
            len(flagged),
        ) % {"n": len(flagged), "weeks": ", ".join(flagged)}
    else:
        text += " " + _("No week above the usual band.")
    return text


def week_label(row: WeekStat) -> str:
    """Return the words for one bar: its week, its count and how that compares."""
    label = ngettext(
        "week of %(week)s: %(count)s signal", "week of %(week)s: %(count)s signals", row.count
    ) % {"week": _day(row.week), "count": row.count}
    if row.partial:
        label += " " + _("(so far)")
    if row.upper is not None:
        label += "; " + _("usual up to %(upper)s") % {"upper": row.upper}
    if row.warning:
        label += "; " + _("unusually high")
    return label


def trend_chart(chart_id: str, title: str, place_name: str, rows: list[WeekStat]) -> TrendChart:
    """Lay out a bar chart of weekly counts with the baseline band and warning markers."""
    peak = max([r.count for r in rows] + [r.upper or 0 for r in rows] + [1])
    top, step = nice_top(peak * 1.1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(rows), 1)
    gap = min(slot * 0.2, 4)

    def y(value: float) -> float:
        return TOP + plot_h - value / top * plot_h

    bars, band, expected, markers = [], [], [], []
    for i, row in enumerate(rows):
        x = LEFT + i * slot
        css = "warning" if row.warning else ("partial" if row.partial else "ordinary")
        bars.append(
            Box(x + gap / 2, y(row.count), slot - gap, y(0) - y(row.count), css, week_label(row))
        )
        if row.upper is not None and row.expected is not None:
            band.append(Box(x, y(row.upper), slot, max(y(row.expected) - y(row.upper), 1)))
            expected.append(f"M{x:.1f},{y(row.expected):.1f}h{slot:.1f}")
        if row.warning:
            cx, tip = x + slot / 2, y(row.count) - 3
            markers.append(f"M{cx:.1f},{tip:.1f}l-5,-9h10Z")
    every = max(1, math.ceil(len(rows) / 6))
    x_ticks = [
        Tick(LEFT + (i + 0.5) * slot, _day(row.week))
        for i, row in enumerate(rows)
        if (len(rows) - 1 - i) % every == 0
    ]
    y_ticks = [Tick(y(v), str(v)) for v in range(0, top + 1, step)]
    return TrendChart(
        id=chart_id,
        title=title,
        description=describe(place_name, rows),
        width=WIDTH,
        height=HEIGHT,
        bars=bars,
        band=band,
        expected="".join(expected),
        markers="".join(markers),
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        plot_left=LEFT,
        plot_right=WIDTH - RIGHT,
        plot_bottom=TOP + plot_h,
        rows=rows,
    )


def sparkline(chart_id: str, place_name: str, rows: list[WeekStat]) -> Sparkline:
    """Lay out a small line of weekly counts with its band and dots on the warnings."""
    peak = max([r.count for r in rows] + [r.upper or 0 for r in rows] + [1])
    inner_h = SPARK_HEIGHT - 2 * SPARK_PAD
    step = (SPARK_WIDTH - 2 * SPARK_PAD) / max(len(rows) - 1, 1)

    def x(i: int) -> float:
        return SPARK_PAD + i * step

    def y(value: float) -> float:
        return SPARK_PAD + inner_h - value / peak * inner_h

    line = "".join(
        f"{'M' if i == 0 else 'L'}{x(i):.1f},{y(r.count):.1f}" for i, r in enumerate(rows)
    )
    # The band: along the upper bounds, back along the expected values.
    banded = [(i, r) for i, r in enumerate(rows) if r.upper is not None]
    band = ""
    if banded:
        forth = [f"{x(i):.1f},{y(r.upper):.1f}" for i, r in banded]
        back = [f"{x(i):.1f},{y(r.expected or 0):.1f}" for i, r in reversed(banded)]
        band = "M" + "L".join(forth + back) + "Z"
    dots = [Point(x(i), y(r.count)) for i, r in enumerate(rows) if r.warning]
    return Sparkline(
        id=chart_id,
        title=_("Weekly signals in %(place)s") % {"place": place_name},
        description=describe(place_name, rows),
        width=SPARK_WIDTH,
        height=SPARK_HEIGHT,
        line=line,
        band=band,
        dots=dots,
        rows=rows,
    )
