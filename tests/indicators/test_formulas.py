"""Formulas against values worked out by hand, the small-number rule, and Borsbeek's merge."""

from __future__ import annotations

import pytest

from samen.indicators import formulas
from samen.indicators.figures import compute_table, rank
from samen.indicators.formulas import (
    FEW_RESIDENTS,
    NO_VALUE,
    OK,
    SMALL_NUMERATOR,
    CompiledIndicator,
    FormulaError,
    Term,
)
from tests.indicators.conftest import make_indicator, store


def compiled(numerator: str, denominator: str = "", factor: int = 1) -> CompiledIndicator:
    return CompiledIndicator(
        formulas.parse(numerator), formulas.parse(denominator) if denominator else None, factor
    )


def lookup_from(values: dict):
    return lambda term: values.get((term.code, term.offset))


def test_a_formula_names_its_data_elements_and_offsets():
    formula = formulas.parse("(residents - residents[-5]) * 2")
    assert formula.terms == {Term("residents"), Term("residents", -5)}
    assert formula.codes == {"residents"}


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os')",
        "residents.total",
        "residents ** 2",
        "residents[1]",
        "residents[-21]",
        "residents[x]",
        "f(residents)",
        "residents if births else 0",
        "(residents",
        "",
    ],
)
def test_anything_but_arithmetic_over_codes_is_refused(text):
    with pytest.raises(FormulaError):
        formulas.parse(text)


def test_unknown_codes_are_named():
    with pytest.raises(FormulaError, match="birhts"):
        formulas.check("birhts / residents", {"births", "residents"})


def test_births_per_thousand_residents_by_hand():
    births = compiled("births", "residents", 1000)
    result = births.compute(lookup_from({("births", 0): 12, ("residents", 0): 1500}), 30)
    assert result.status == OK
    assert result.value == pytest.approx(8.0)  # 12 / 1500 × 1000


def test_growth_over_five_years_by_hand():
    growth = compiled("residents - residents[-5]", "residents[-5]", 100)
    values = {("residents", 0): 1100, ("residents", -5): 1000}
    assert growth.compute(lookup_from(values), 30).value == pytest.approx(10.0)


def test_division_by_zero_and_missing_values_are_no_value_never_zero():
    share = compiled("born_abroad", "residents", 100)
    assert share.compute(lookup_from({("born_abroad", 0): 0, ("residents", 0): 0}), 30).status == (
        NO_VALUE
    )
    assert share.compute(lookup_from({("residents", 0): 500}), 30).status == NO_VALUE
    inside = compiled("births / (residents - residents)")
    assert inside.compute(lookup_from({("births", 0): 9, ("residents", 0): 7}), 30).value is None


def test_a_denominator_under_the_minimum_is_too_few_residents():
    share = compiled("born_abroad", "residents", 100)
    result = share.compute(lookup_from({("born_abroad", 0): 12, ("residents", 0): 29}), 30)
    assert result.status == FEW_RESIDENTS and result.value is None
    assert result.label == "too few residents"
    at_minimum = share.compute(lookup_from({("born_abroad", 0): 12, ("residents", 0): 30}), 30)
    assert at_minimum.value == pytest.approx(40.0)


@pytest.mark.parametrize(
    ("numerator", "status"), [(0, OK), (1, SMALL_NUMERATOR), (4, SMALL_NUMERATOR), (5, OK)]
)
def test_a_numerator_of_one_to_four_is_under_five(numerator, status):
    share = compiled("born_abroad", "residents", 100)
    result = share.compute(lookup_from({("born_abroad", 0): numerator, ("residents", 0): 200}), 30)
    assert result.status == status
    if status == SMALL_NUMERATOR:
        assert result.value is None and result.label == "<5"


def test_the_minimum_comes_from_the_settings(settings):
    settings.SAMEN_INDICATOR_MIN_DENOMINATOR = 100
    share = compiled("born_abroad", "residents", 100)
    assert share.compute(lookup_from({("born_abroad", 0): 40, ("residents", 0): 99})).status == (
        FEW_RESIDENTS
    )


# --- From stored values, through the roll-up ----------------------------------------------------


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
