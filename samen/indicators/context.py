"""The "Context" section of district and neighbourhood pages: the city's chosen indicators.

For each: this year's value, its trend over the last years (a sparkline, with a table), the
city's value beside it, and where the place ranks among the districts (a neighbourhood among
the city's neighbourhoods). Three queries whatever the number of indicators.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from samen.indicators import charts
from samen.indicators.figures import Table, compute_tables, rank, years_with_data
from samen.indicators.formulas import Result, compile_indicator
from samen.indicators.models import DataElement, Indicator, reference_day
from samen.places.models import Place

TREND_YEARS = 10
TABLE_YEARS = 5


@dataclass(frozen=True)
class ContextRow:
    indicator: Indicator
    result: Result
    city: Result
    city_today: Result | None
    rank: tuple[int, int] | None
    rank_text: str
    spark: charts.Sparkline | None
    history: list[tuple[int, Result]]


def rank_text(position: tuple[int, int] | None, kind: str) -> str:
    """Words for a rank: "the highest of 10 districts", "3rd of 10 from the highest"."""
    if position is None:
        return ""
    place, count = position
    among = _("districts") if kind == Place.Kind.DISTRICT else _("neighbourhoods")
    if place == 1:
        return _("the highest of %(count)s %(among)s") % {"count": count, "among": among}
    if place == count:
        return _("the lowest of %(count)s %(among)s") % {"count": count, "among": among}
    return _("number %(place)s of %(count)s %(among)s, counted from the highest") % {
        "place": place,
        "count": count,
        "among": among,
    }


def peers_of(place: Place, year: int) -> list[Place]:
    """The places a place is ranked among in a year: the districts the city then had, or
    all neighbourhoods."""
    if place.kind == Place.Kind.DISTRICT:
        return list(Place.objects.districts().valid_on(reference_day(year)))
    return list(Place.objects.neighbourhoods())


def context_for(place: Place) -> dict | None:
    """The context section's rows for a place; None when no indicator has figures."""
    indicators = list(Indicator.objects.filter(in_context=True))
    if not indicators:
        return None
    years = years_with_data(indicators)
    if not years:
        return None
    latest = years[-1]
    window = [y for y in years if y > latest - TREND_YEARS]
    city = Place.objects.get(kind=Place.Kind.CITY, parent__isnull=True)
    peers = peers_of(place, latest)
    tables = compute_tables(indicators, {place, *peers}, window, city=city)
    rows = [_row(place, table, latest, peers, city) for table in tables]
    codes = {c for i in indicators for c in compile_indicator(i).terms}
    attributions = sorted(
        set(
            DataElement.objects.filter(code__in={t.code for t in codes})
            .exclude(attribution="")
            .values_list("attribution", flat=True)
        )
    )
    return {
        "place": place,
        "rows": rows,
        "year": latest,
        "table_years": window[-TABLE_YEARS:],
        "synthetic": any(t.synthetic for t in tables),
        "attributions": attributions,
    }


def _row(place: Place, table: Table, year: int, peers: list[Place], city: Place) -> ContextRow:
    indicator = table.indicator
    history = [(y, table.result(place.pk, y)) for y in table.years]
    position = rank(table, place.pk, year, [p.pk for p in peers])
    return ContextRow(
        indicator=indicator,
        result=table.result(place.pk, year),
        city=table.result(city.pk, year),
        city_today=table.city_today.get(year),
        rank=position,
        rank_text=rank_text(position, place.kind),
        spark=charts.sparkline(
            f"context-{indicator.code}",
            _("%(indicator)s in %(place)s, %(first)s–%(last)s")
            % {
                "indicator": indicator.name,
                "place": place.name,
                "first": table.years[0],
                "last": table.years[-1],
            },
            [r.value for _y, r in history],
        ),
        history=history,
    )
