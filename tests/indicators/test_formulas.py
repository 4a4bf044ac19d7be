"""Formulas against values worked out by hand and the small-number rule."""

from __future__ import annotations

import pytest

from samen.indicators import formulas
from samen.indicators.formulas import (
    FEW_RESIDENTS,
    NO_VALUE,
    OK,
    SMALL_NUMERATOR,
    CompiledIndicator,
    FormulaError,
    Term,
)


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
