"""What the indicators page shows for a choice: the year, the comparison, sorted rows, a chart."""

from __future__ import annotations

import pytest

from samen.indicators.models import Indicator
from samen.indicators.selection import select
from samen.places.models import Place
from tests.indicators.conftest import make_indicator

pytestmark = pytest.mark.django_db


def share(figures) -> Indicator:
    return Indicator.objects.get(code="share_born_abroad")


def test_no_selection_for_an_indicator_without_figures(small_city):
    empty = make_indicator("births_per_resident", "births", "residents", 1000)
    assert select(empty, level="", year=None, compare=None, period="10") is None


def test_an_unknown_year_falls_back_to_the_latest(figures):
    chosen = select(share(figures), level="", year=1990, compare=None, period="10")
    assert chosen.year == 2025 and chosen.all_years == [2024, 2025]
    assert chosen.level == Place.Kind.DISTRICT
    assert chosen.years == [2024, 2025]


def test_comparing_with_the_same_or_an_unknown_year_compares_nothing(figures):
    for compare in (2025, 1990):
        chosen = select(share(figures), level="", year=2025, compare=compare, period="10")
        assert chosen.compare is None
        assert all(row.compared is None and row.change is None for row in chosen.rows)


def test_rows_are_sorted_highest_first_with_hidden_values_last(figures):
    chosen = select(share(figures), level="", year=2025, compare=2024, period="10")
    assert [row.place.code for row in chosen.rows[:2]] == ["11002S", "11002T"]
    hidden = chosen.rows[2:]
    assert not any(row.result.shown for row in hidden)
    assert [row.place.name_nl for row in hidden] == sorted(row.place.name_nl for row in hidden)
    borgerhout, berchem = chosen.rows[:2]
    (borsbeek,) = [row for row in hidden if row.place == figures.borsbeek]
    assert borgerhout.result.value == pytest.approx(400 / 935 * 100)
    assert borgerhout.change == pytest.approx(400 / 935 * 100 - 400 / 925 * 100)
    assert berchem.change == pytest.approx(0)
    assert not borsbeek.result.shown  # 3 born abroad: under the small-number rule
    assert borsbeek.css == "no-value" and borsbeek.change is None


def test_the_chart_follows_the_city_and_the_highlighted_place(figures):
    chosen = select(
        share(figures), level="", year=2025, compare=None, period="all", highlight_code="11002T"
    )
    assert chosen.highlight == figures.berchem
    assert [line.css for line in chosen.chart.lines] == ["city", "place"]
    assert chosen.city_place == figures.city
    assert chosen.attributions == ["Test attribution"]


def test_neighbourhoods_are_chosen_by_level(figures):
    chosen = select(
        share(figures), level=Place.Kind.NEIGHBOURHOOD, year=2025, compare=None, period="1"
    )
    assert {row.place.code for row in chosen.rows} >= {"11002S01", "11002S02"}
    assert all(row.place.kind == Place.Kind.NEIGHBOURHOOD for row in chosen.rows)
    assert chosen.years == [2025]
