"""Indicator results for places and years, read from the aggregates in one query each.

What the pages, the API and the exports show: every result passed through the formulas'
small-number rule, so that a hidden value never leaves this module as a number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from samen.indicators.formulas import (
    NO_VALUE,
    CompiledIndicator,
    Result,
    Term,
    compile_indicator,
    min_denominator,
)
from samen.indicators.models import Aggregate, DataElement, Indicator
from samen.places.models import Place

THEN, TODAY = Aggregate.BOUNDARIES_THEN, Aggregate.BOUNDARIES_TODAY


@dataclass
class Table:
    """An indicator's results by place and year, computed when first asked for.

    `synthetic` says whether any figure it reads is synthetic; `city_today` holds the city
    within today's boundaries for the years where that differs (before Borsbeek joined).
    """

    indicator: Indicator
    years: list[int]
    synthetic: bool
    city_today: dict[int, Result]
    formula: CompiledIndicator
    lookup_for: Callable[..., Callable]
    place_ids: set[int]
    computed: dict[tuple[int, int], Result] = field(default_factory=dict)

    def result(self, place_id: int, year: int) -> Result:
        if place_id not in self.place_ids or year not in self.years:
            return Result(NO_VALUE)
        key = (place_id, year)
        if key not in self.computed:
            self.computed[key] = self.formula.compute(self.lookup_for(place_id, year))
        return self.computed[key]


def element_ids(codes: Iterable[str]) -> dict[str, int]:
    return dict(DataElement.objects.filter(code__in=set(codes)).values_list("code", "pk"))


def years_with_data(indicators: Iterable[Indicator]) -> list[int]:
    """The years in which the indicators' numerators have figures, oldest first."""
    codes = {code for i in indicators for code in compile_indicator(i).numerator.codes}
    ids = element_ids(codes).values()
    years = Aggregate.objects.filter(element_id__in=ids, quarter=0).values_list("year", flat=True)
    return sorted(set(years.distinct()))


def compute_tables(
    indicators: Iterable[Indicator],
    places: Iterable[Place],
    years: Iterable[int],
    *,
    city: Place | None = None,
) -> list[Table]:
    """Results of each indicator for `places` in `years` (whole years), all read in one query;
    with `city`, also the city within today's boundaries where it differs from the city as it
    was (before Borsbeek joined)."""
    indicators, places, years = list(indicators), list(places), sorted(set(years))
    compiled = [compile_indicator(indicator) for indicator in indicators]
    terms = {t for c in compiled for t in c.terms}
    ids = element_ids(t.code for t in terms)
    needed_years = {y + t.offset for y in years for t in terms}
    place_ids = {p.pk for p in places} | ({city.pk} if city else set())
    rows = Aggregate.objects.filter(
        element_id__in=ids.values(), place_id__in=place_ids, year__in=needed_years, quarter=0
    ).values_list("element_id", "place_id", "year", "boundaries", "value", "synthetic")
    found: dict[tuple, float] = {}
    synthetic_elements: set[int] = set()
    for element, place, year, boundaries, value, fake in rows:
        found[(element, place, year, boundaries)] = value
        if fake:
            synthetic_elements.add(element)

    def lookup_for(place_id: int, year: int, boundaries: str = THEN):
        def lookup(term: Term) -> float | None:
            key = (ids.get(term.code), place_id, year + term.offset)
            if boundaries == TODAY and (*key, TODAY) in found:
                return found[(*key, TODAY)]
            return found.get((*key, THEN))

        return lookup

    tables = []
    minimum = min_denominator()
    for indicator, formula in zip(indicators, compiled, strict=True):
        city_today = {}
        if city is not None:
            own = {ids.get(t.code) for t in formula.terms}
            for year in years:
                if any((e, city.pk, year, TODAY) in found for e in own):
                    city_today[year] = formula.compute(lookup_for(city.pk, year, TODAY), minimum)
        synthetic = any(ids.get(t.code) in synthetic_elements for t in formula.terms)
        tables.append(
            Table(
                indicator=indicator,
                years=years,
                synthetic=synthetic,
                city_today=city_today,
                formula=replace(formula, minimum=minimum),
                lookup_for=lookup_for,
                place_ids=place_ids,
            )
        )
    return tables


def compute_table(
    indicator: Indicator, places: Iterable[Place], years: Iterable[int], *, city=None
) -> Table:
    """Results of one indicator (see compute_tables)."""
    return compute_tables([indicator], places, years, city=city)[0]


def rank(table: Table, place_id: int, year: int, among: Iterable[int]) -> tuple[int, int] | None:
    """(position from the highest, how many ranked) of a place among places with a shown
    value; None when the place has none."""
    shown = {pk: table.result(pk, year).value for pk in among if table.result(pk, year).shown}
    if place_id not in shown:
        return None
    higher = sum(1 for value in shown.values() if value > shown[place_id])
    return higher + 1, len(shown)
