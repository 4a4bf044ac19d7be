"""The SVG geometry for indicators: round axes, lines with gaps, sparklines and map classes."""

from __future__ import annotations

import pytest
from django.utils import translation

from samen.indicators import charts


def test_a_value_is_shown_in_the_active_language_with_its_decimals():
    assert charts.shown(None, 1) == "–"
    assert charts.shown(1234.567, 1) == "1,234.6"
    with translation.override("nl"):
        assert charts.shown(1234.567, 1) == "1.234,6"
    assert charts.shown(12.0, 0) == "12"


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 100, (0, 100, 25)),
        (0, 9, (0, 10, 2.5)),
        (3, 3, (3, 6, 1)),
        (-7, 13, (-10, 15, 5)),
    ],
)
def test_an_axis_is_round_and_covers_every_value(low, high, expected):
    start, end, step = charts.nice_range(low, high)
    assert (start, end, step) == expected
    assert start <= low and end >= max(high, low)


def test_a_line_chart_leaves_a_gap_where_a_year_has_no_value():
    chart = charts.line_chart(
        "c", "Share", [2021, 2022, 2023, 2024], [("City", "city", [10.0, None, 30.0, 40.0])], 1
    )
    (line,) = chart.lines
    assert line.path.count("M") == 2 and line.path.count("L") == 1
    assert [d.label for d in line.dots] == [
        "City, 2021: 10.0",
        "City, 2023: 30.0",
        "City, 2024: 40.0",
    ]
    assert chart.description == "City from 10.0 in 2021 to 40.0 in 2024."
    assert [t.label for t in chart.x_ticks] == ["2021", "2022", "2023", "2024"]
    assert chart.y_ticks[0].label == "0" and chart.y_ticks[0].position == chart.plot_bottom


def test_higher_values_are_drawn_higher_and_inside_the_plot():
    chart = charts.line_chart("c", "t", [2020, 2021], [("A", "a", [5.0, 50.0])], 0)
    low_dot, high_dot = chart.lines[0].dots
    assert high_dot.y < low_dot.y
    for dot in (low_dot, high_dot):
        assert chart.plot_top <= dot.y <= chart.plot_bottom
        assert chart.plot_left <= dot.x <= chart.plot_right


def test_no_chart_without_values_or_years():
    assert charts.line_chart("c", "t", [2020], [("A", "a", [None])], 0) is None
    assert charts.line_chart("c", "t", [], [("A", "a", [])], 0) is None


def test_many_years_are_labelled_sparsely_ending_on_the_last():
    years = list(range(2001, 2021))
    chart = charts.line_chart("c", "t", years, [("A", "a", [float(y) for y in years])], 0)
    labels = [t.label for t in chart.x_ticks]
    assert labels[-1] == "2020" and len(labels) <= 8


def test_a_sparkline_needs_two_values_and_ends_on_the_last_known():
    assert charts.sparkline("s", "t", [1.0, None, None]) is None
    line = charts.sparkline("s", "t", [1.0, None, 3.0, None])
    assert line.path.startswith("M") and line.path.count("M") == 2
    assert line.last is not None and line.last.y == charts.SPARK_PAD


def test_map_classes_split_by_count_and_keep_ties_together():
    values = {1: 1.0, 2: 2.0, 3: 2.0, 4: 4.0, 5: 5.0, 6: 6.0, 7: 7.0, 8: 8.0, 9: 9.0, 10: 10.0}
    classes, css_of = charts.map_classes(values)
    assert sum(c.count for c in classes) == len(values)
    assert css_of[2] == css_of[3]
    assert [c.low for c in classes] == sorted(c.low for c in classes)
    assert css_of[1] == "class-1" and css_of[10] == "class-5"


def test_few_places_use_the_middle_classes():
    classes, css_of = charts.map_classes({1: 3.0, 2: 9.0})
    assert [c.css for c in classes] == ["class-2", "class-3"]
    assert charts.map_classes({}) == ([], {})
    classes, css_of = charts.map_classes({1: 4.0, 2: 4.0, 3: 4.0})
    assert len(classes) == 1 and set(css_of.values()) == {"class-3"}
