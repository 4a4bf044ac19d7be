"""Indicator results for places and years from the stored figures, through the roll-up, and
Borsbeek's merge (samen/indicators/figures.py)."""

from __future__ import annotations

import pytest

from samen.indicators.figures import compute_table, rank, years_with_data
from samen.indicators.formulas import NO_VALUE
from tests.indicators.conftest import make_indicator, store


def test_a_share_per_district_and_the_city_by_hand(small_city):
    store(
        {
            ("residents", "11002S01-", 2025): 600,
            ("residents", "11002S02-", 2025): 300,
            ("residents", "11002S10-", 2025): 25,
            ("residents", "11002T01-", 2025): 400,
            ("residents", "11007A00-", 2025): 200,
            ("residents", "11002ZZZZ", 2025): 20,
            ("born_abroad", "11002S01-", 2025): 300,
            ("born_abroad", "11002S02-", 2025): 90,
            ("born_abroad", "11002S10-", 2025): 10,
            ("born_abroad", "11002T01-", 2025): 100,
            ("born_abroad", "11007A00-", 2025): 2,
            ("born_abroad", "11002ZZZZ", 2025): 8,
        }
    )
    share = make_indicator("share_born_abroad", "born_abroad", "residents", 100)
    c = small_city
    places = [c.borgerhout, c.berchem, c.borsbeek, c.noord, c.zuid]
    table = compute_table(share, places, [2025], city=c.city)
    assert table.result(c.borgerhout.pk, 2025).value == pytest.approx(400 / 925 * 100)
    assert table.result(c.noord.pk, 2025).value == pytest.approx(43.333, abs=1e-3)  # 390 / 900
    assert table.result(c.berchem.pk, 2025).value == pytest.approx(25.0)  # 100 / 400
    assert table.result(c.borsbeek.pk, 2025).label == "<5"  # 2 of 200
    assert table.result(c.zuid.pk, 2025).label == "too few residents"  # 10 of 25
    # The city: every sector, the unknown one too: 510 / 1,545.
    assert table.result(c.city.pk, 2025).value == pytest.approx(510 / 1545 * 100)
    assert table.city_today == {}
    assert table.synthetic
    districts = [c.borgerhout.pk, c.berchem.pk, c.borsbeek.pk]
    assert rank(table, c.borgerhout.pk, 2025, districts) == (1, 2)
    assert rank(table, c.berchem.pk, 2025, districts) == (2, 2)
    assert rank(table, c.borsbeek.pk, 2025, districts) is None


def test_borsbeek_counts_for_itself_before_2025_and_the_city_shows_both_totals(small_city):
    store(
        {
            ("residents", "11002S01-", 2024): 600,
            ("residents", "11002T01-", 2024): 400,
            ("residents", "11007A00-", 2024): 200,
            ("residents", "11002ZZZZ", 2024): 20,
            ("births", "11002S01-", 2024): 12,
            ("births", "11002T01-", 2024): 6,
            ("births", "11007A00-", 2024): 5,
            ("births", "11002ZZZZ", 2024): 0,
        }
    )
    births = make_indicator("births_per_1000", "births", "residents", 1000)
    c = small_city
    table = compute_table(births, [c.borsbeek, c.borgerhout], [2024], city=c.city)
    # Borsbeek was not yet a district in 2024, but its figures are its own: 5 / 200 × 1,000.
    assert table.result(c.borsbeek.pk, 2024).value == pytest.approx(25.0)
    # The city as it was: 18 births among 1,020 residents; within today's boundaries 23 / 1,220.
    assert table.result(c.city.pk, 2024).value == pytest.approx(18 / 1020 * 1000)
    assert table.city_today[2024].value == pytest.approx(23 / 1220 * 1000)


def test_a_median_is_never_summed_and_shows_only_where_given(small_city):
    store({("median_income", "11002S", 2025): 21500.0}, layout="places")
    store({("median_income", "11002S01-", 2025): 99999.0})
    income = make_indicator("median_income", "median_income")
    c = small_city
    table = compute_table(income, [c.borgerhout, c.berchem, c.noord], [2025], city=c.city)
    assert table.result(c.borgerhout.pk, 2025).value == pytest.approx(21500.0)
    assert table.result(c.noord.pk, 2025).status == NO_VALUE
    assert table.result(c.berchem.pk, 2025).status == NO_VALUE
    assert table.result(c.city.pk, 2025).status == NO_VALUE


def test_growth_reads_the_year_before(small_city):
    store({("residents", "11002T01-", 2020): 400, ("residents", "11002T01-", 2025): 460})
    growth = make_indicator("growth_5y", "residents - residents[-5]", "residents[-5]", 100)
    c = small_city
    table = compute_table(growth, [c.berchem], [2025, 2020], city=c.city)
    assert table.result(c.berchem.pk, 2025).value == pytest.approx(15.0)
    assert table.result(c.berchem.pk, 2020).status == NO_VALUE


def test_years_with_data_are_those_of_the_numerators(small_city):
    store({("residents", "11002T01-", 2023): 400, ("births", "11002T01-", 2025): 4})
    births = make_indicator("births_per_1000", "births", "residents", 1000)
    residents = make_indicator("residents", "residents")
    assert years_with_data([births]) == [2025]
    assert years_with_data([births, residents]) == [2023, 2025]


def test_a_place_or_year_not_asked_for_has_no_value(small_city):
    store({("residents", "11002T01-", 2025): 400})
    residents = make_indicator("residents", "residents")
    c = small_city
    table = compute_table(residents, [c.berchem], [2025])
    assert table.result(c.berchem.pk, 2025).value == pytest.approx(400)
    assert table.result(c.berchem.pk, 2024).status == NO_VALUE
    assert table.result(c.borgerhout.pk, 2025).status == NO_VALUE  # not among the places
    assert rank(table, c.berchem.pk, 2025, [c.berchem.pk]) == (1, 1)
