"""The SVG charts: accessible, drawn with classes only, and the same numbers as their tables."""

from __future__ import annotations

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from samen.monitor import charts
from samen.monitor import early_warning as monitor

START = datetime.date(2025, 3, 3)
WEEK = datetime.timedelta(weeks=1)


def rows(counts: list[int]) -> list[monitor.WeekStat]:
    """Twelve weeks of baseline, then `counts`, assessed the way the pages do."""
    history = [10, 12, 9, 11, 10, 13, 9, 10, 12, 11, 10, 9]
    weeks = [START + WEEK * n for n in range(len(history) + len(counts))]
    series = {w: (c, c * 2) for w, c in zip(weeks, history + counts, strict=True)}
    return monitor.assess(weeks[12:], series, history=12, rate=0.01, today=weeks[-1])


def render_chart(weekly: list[monitor.WeekStat]) -> str:
    chart = charts.trend_chart("trend", "Signals per week in Borgerhout", "Borgerhout", weekly)
    return render_to_string("monitor/trend_chart.html", {"chart": chart})


def table_counts(html: str) -> list[int]:
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    return [int(n) for n in re.findall(r'<td class="num">(\d+)</td>\s*<td class="num">\d+', body)]


def test_the_trend_chart_is_an_image_with_a_title_and_a_description():
    html = render_chart(rows([11, 10, 31, 12]))
    assert 'role="img"' in html
    assert 'aria-labelledby="trend-title trend-desc"' in html
    assert '<title id="trend-title">Signals per week in Borgerhout</title>' in html
    desc = re.search(r'<desc id="trend-desc">([^<]+)</desc>', html).group(1)
    assert "between 10 and 31 a week" in desc
    assert "1 week above the usual band" in desc


def test_the_table_holds_the_same_numbers_as_the_bars():
    weekly = rows([11, 10, 31, 12, 8])
    html = render_chart(weekly)
    assert "<details" in html and "<table" in html
    assert table_counts(html) == [11, 10, 31, 12, 8]
    bar_titles = re.findall(r"<rect class=\"[a-z]+\"[^>]*><title>([^<]+)</title>", html)
    assert [int(re.search(r": (\d+) signal", t).group(1)) for t in bar_titles] == [
        11,
        10,
        31,
        12,
        8,
    ]
    # The band's top in the table is what the bar titles call "usual up to".
    uppers = [r.upper for r in weekly]
    assert [int(re.search(r"usual up to (\d+)", t).group(1)) for t in bar_titles] == uppers


def test_a_warning_is_a_red_bar_with_a_marker_and_the_current_week_is_partial():
    chart = charts.trend_chart("trend", "t", "Borgerhout", rows([11, 31, 12]))
    assert [b.css for b in chart.bars] == ["ordinary", "warning", "partial"]
    assert chart.markers.count("Z") == 1
    assert "unusually high" in chart.bars[1].label
    assert "(so far)" in chart.bars[2].label
    assert len(chart.band) == 3 and chart.expected.count("M") == 3


def test_bars_stand_on_the_axis_and_fit_the_canvas():
    chart = charts.trend_chart("trend", "t", "Borgerhout", rows([11, 31, 12]))
    for bar in chart.bars:
        assert bar.y + bar.height == pytest.approx(chart.plot_bottom)
        assert bar.x >= charts.LEFT and bar.x + bar.width <= chart.plot_right
        assert bar.y >= charts.TOP
    assert chart.y_ticks[0].label == "0"
    assert int(chart.y_ticks[-1].label) >= 31


def test_charts_use_classes_and_plain_numbers_in_every_language():
    with translation.override("nl"):
        html = render_chart(rows([11, 10, 31, 12]))
        spark = render_to_string(
            "monitor/sparkline.html",
            {"spark": charts.sparkline("s", "Borgerhout", rows([11, 10, 31]))},
        )
    for svg in (html.split("</svg>")[0], spark):
        assert "style=" not in svg and "<script" not in svg
        # Coordinates use a decimal point, whatever the language's decimal comma.
        assert not re.search(r'(x|y|width|height|cx|cy)="-?\d+,\d', svg)


def test_a_sparkline_is_labelled_and_marks_its_warnings():
    spark = charts.sparkline("spark-11002S", "Borgerhout", rows([11, 10, 31, 12]))
    html = render_to_string("monitor/sparkline.html", {"spark": spark})
    assert 'role="img"' in html
    assert 'aria-labelledby="spark-11002S-title spark-11002S-desc"' in html
    assert '<title id="spark-11002S-title">Weekly signals in Borgerhout</title>' in html
    assert len(spark.dots) == 1
    assert html.count("<circle") == 1
    assert spark.band.startswith("M") and spark.band.endswith("Z")


def test_the_week_table_matches_the_sparkline():
    weekly = rows([11, 10, 31])
    html = render_to_string("monitor/week_table.html", {"rows": weekly, "caption": "Borgerhout"})
    assert "<caption>Borgerhout</caption>" in html
    assert table_counts(html) == [11, 10, 31]
    assert html.count('class="flagged"') == 1


@pytest.mark.parametrize(
    ("peak", "top", "step"), [(0, 1, 1), (3, 3, 1), (7, 8, 2), (31, 40, 10), (140, 150, 50)]
)
def test_axis_tops_are_round(peak, top, step):
    assert charts.nice_top(peak) == (top, step)


def test_an_empty_series_still_draws():
    chart = charts.trend_chart("trend", "t", "Borgerhout", [])
    assert chart.bars == [] and chart.description == "No weeks to show."
    assert charts.sparkline("s", "Borgerhout", []).line == ""
