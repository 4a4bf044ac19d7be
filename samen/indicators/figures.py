"""Indicator results for places and years, read from the aggregates in one query each.

What the pages, the API and the exports show: every result passed through the formulas'
small-number rule, so that a hidden value never leaves this module as a number.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from samen.indicators.formulas import NO_VALUE, CompiledIndicator, Result, Term, compile_indicator
from samen.indicators.models import Aggregate, DataElement, Indicator
from samen.places.models import Place

THEN, TODAY = Aggregate.BOUNDARIES_THEN, Aggregate.BOUNDARIES_TODAY


@dataclass
class Table:
    """An indicator's results: results[place id][year], and whether any figure is synthetic."""

    indicator: Indicator
    years: list[int]
    results: dict[int, dict[int, Result]]
    synthetic: bool
    # The city within today's boundaries, for the years where that differs (Borsbeek).
    city_today: dict[int, Result]

    def result(self, place_id: int, year: int) -> Result:
        return self.results.get(place_id, {}).get(year, Result(NO_VALUE))


def element_ids(codes: Iterable[str]) -> dict[str, int]:
    return dict(DataElement.objects.filter(code__in=set(codes)).values_list("code", "pk"))


def years_with_data(indicator: Indicator) -> list[int]:
    """The years for which the indicator's numerator elements have aggregates, oldest first."""
    compiled = compile_indicator(indicator)
    ids = element_ids(compiled.numerator.codes).values()
    years = Aggregate.objects.filter(element_id__in=ids, quarter=0).values_list("year", flat=True)
    return sorted(set(years))


def compute_table(
    indicator: Indicator,
    places: Iterable[Place],
    years: Iterable[int],
    *,
    city: Place | None = None,
    compiled: CompiledIndicator | None = None,
) -> Table:
    """Results of `indicator` for `places` in `years` (whole years); with `city`, also the
    city within today's boundaries where it differs from the city as it was."""
    compiled = compiled or compile_indicator(indicator)
    places, years = list(places), sorted(set(years))
    ids = element_ids(t.code for t in compiled.terms)
    needed_years = {y + t.offset for y in years for t in compiled.terms}
    place_ids = {p.pk for p in places} | ({city.pk} if city else set())
    rows = Aggregate.objects.filter(
        element_id__in=ids.values(), place_id__in=place_ids, year__in=needed_years, quarter=0
    ).values_list("element_id", "place_id", "year", "boundaries", "value", "synthetic")
    found: dict[tuple, float] = {}
    synthetic = False
    for element, place, year, boundaries, value, fake in rows:
        found[(element, place, year, boundaries)] = value
        synthetic |= fake

    def lookup_for(place_id: int, year: int, boundaries: str = THEN):
        def lookup(term: Term) -> float | None:
            element = ids.get(term.code)
            key = (element, place_id, year + term.offset)
            if boundaries == TODAY and (*key, TODAY) in found:
                return found[(*key, TODAY)]
            return found.get((*key, THEN))

        return lookup

    results = {
        place.pk: {year: compiled.compute(lookup_for(place.pk, year)) for year in years}
        for place in places
    }
    city_today = {}
    if city is not None:
        for year in years:
            if any((e, city.pk, year, TODAY) in found for e in ids.values()):
                city_today[year] = compiled.compute(lookup_for(city.pk, year, TODAY))
        results.setdefault(city.pk, {y: compiled.compute(lookup_for(city.pk, y)) for y in years})
    return Table(indicator, years, results, synthetic, city_today)


def rank(table: Table, place_id: int, year: int, among: Iterable[int]) -> tuple[int, int] | None:
    """(position from the highest, how many ranked) of a place among places with a shown
    value; None when the place has none."""
    shown = {pk: table.result(pk, year).value for pk in among if table.result(pk, year).shown}
    if place_id not in shown:
        return None
    higher = sum(1 for value in shown.values() if value > shown[place_id])
    return higher + 1, len(shown)
