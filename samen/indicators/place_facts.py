"""Where a place does worse than the city, offered to other modules (samen.core.place_facts).

Only indicators that say which way is better count, each in the latest year with figures,
and only values the small-number rule lets through: a hidden value is never compared. A place
counts as worse when it is at least MIN_GAP behind the city, relative to the city's value, so
that a difference within rounding (7.1% against 7.0%) is not a finding.
"""

from __future__ import annotations

from django.urls import reverse

from samen.core.place_facts import IndicatorFact, set_indicator_source
from samen.indicators.context import LIGHT, shown
from samen.indicators.figures import compute_tables, years_with_data
from samen.indicators.models import Indicator
from samen.places.models import Place

MIN_GAP = 0.05


def _gap(value: float, city: float, indicator: Indicator) -> float:
    """How far the place is behind the city, relative to the city (positive: worse)."""
    behind = city - value if indicator.direction == Indicator.Direction.HIGHER else value - city
    return behind / abs(city) if city else behind


def worse_than_city(place: Place) -> list[IndicatorFact]:
    """The indicators on which `place` does worse than the city, furthest behind first."""
    indicators = list(Indicator.objects.exclude(direction=Indicator.Direction.NEITHER))
    years = years_with_data(indicators) if indicators else []
    if not years:
        return []
    year = years[-1]
    city = Place.objects.only(*LIGHT).get(kind=Place.Kind.CITY, parent__isnull=True)
    found = []
    for table in compute_tables(indicators, [place], [year], city=city):
        here, there = table.result(place.pk, year), table.result(city.pk, year)
        if not (here.shown and there.shown):
            continue
        gap = _gap(here.value, there.value, table.indicator)
        if gap >= MIN_GAP:
            found.append((gap, table, here, there))
    found.sort(key=lambda row: -row[0])
    overview = reverse("indicators:overview")
    return [
        IndicatorFact(
            key=table.indicator.code,
            label=table.indicator.name,
            value=shown(here, table.indicator),
            city=shown(there, table.indicator),
            year=year,
            url=f"{overview}?indicator={table.indicator.code}",
        )
        for _gap_, table, here, there in found
    ]


set_indicator_source(worse_than_city)
