"""The template tags that show indicator figures: a value with its unit, or why there is none."""

from __future__ import annotations

from types import SimpleNamespace

from samen.indicators.charts import MapClass
from samen.indicators.formulas import FEW_RESIDENTS, NO_VALUE, OK, SMALL_NUMERATOR, Result
from samen.indicators.templatetags.indicators import figure, figure_at, figure_range, signed

SHARE = SimpleNamespace(decimals=1, unit_suffix="%")
COUNT = SimpleNamespace(decimals=0, unit_suffix="")


def test_a_shown_value_carries_its_unit():
    assert figure(Result(OK, 42.0), SHARE) == "42.0%"
    assert figure(Result(OK, 1500.0), COUNT) == "1,500"


def test_a_hidden_value_says_why():
    assert figure(Result(SMALL_NUMERATOR), SHARE) == "<5"
    assert figure(Result(FEW_RESIDENTS), SHARE) == "too few residents"
    assert figure(Result(NO_VALUE), SHARE) == "no value"
    assert figure(None, SHARE) == "–"


def test_a_table_cell_is_read_for_its_place_and_year():
    results = {(7, 2024): Result(OK, 12.5)}
    table = SimpleNamespace(result=lambda place, year: results.get((place, year)))
    assert figure_at(table, 7, 2024, SHARE) == "12.5%"
    assert figure_at(table, 7, 2023, SHARE) == "–"


def test_a_range_shows_one_value_when_both_ends_are_equal():
    assert figure_range(MapClass("class-1", 12.3, 15.6, 4), SHARE) == "12.3% – 15.6%"
    assert figure_range(MapClass("class-3", 20.0, 20.0, 1), SHARE) == "20.0%"


def test_a_change_carries_its_sign():
    assert signed(1.24, SHARE) == "+1.2"
    assert signed(-0.4, SHARE) == "−0.4"
    assert signed(0, SHARE) == "0.0"
