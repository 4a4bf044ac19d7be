"""The "Context" section of district and neighbourhood pages: the city's chosen indicators.

For each: this year's value, its trend over the last years (a sparkline, with a table), the
city's value beside it, and where the place ranks among the districts (a neighbourhood among
the city's neighbourhoods). The same number of queries whatever the number of indicators, and
one (the figures' version) while the section is in the cache.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from samen.indicators import charts
from samen.indicators.figures import Table, compute_tables, rank, years_with_data
from samen.indicators.formulas import Result, compile_indicator
from samen.indicators.models import DataElement, FiguresVersion, Indicator, reference_day
from samen.places.models import Place

TREND_YEARS = 10
TABLE_YEARS = 5
CACHE_SECONDS = 3600  # and a new key whenever figures or definitions change
# Place pages need names, not boundaries (large GeoJSON).
LIGHT = ("pk", "kind", "code", "name_nl", "name_fr", "name_en", "valid_from", "valid_until")


@dataclass(frozen=True)
class ContextRow:
    """One indicator in the section, its figures already written out as shown."""

    code: str
    name: str
    value: str
    city: str
    city_today: str
    rank_text: str
    spark: charts.Sparkline | None
    history: list[str]  # the table's years, oldest first


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
        return list(Place.objects.districts().valid_on(reference_day(year)).only(*LIGHT))
    return list(Place.objects.neighbourhoods().only(*LIGHT))


def context_for(place: Place) -> dict | None:
    """The context section of a place, from the cache while no figure or definition changed
    (one query for the version), else computed and kept."""
    key = ":".join(
        str(part)
        for part in (
            "indicators-context",
            place.pk,
            get_language(),
            FiguresVersion.current(),
            reference_day(timezone.localdate().year),  # ranks follow the year's districts
        )
    )
    found = cache.get(key)
    if found is None:
        found = compute_context(place) or {}
        cache.set(key, found, CACHE_SECONDS)
    return found or None


def compute_context(place: Place) -> dict | None:
    """The context section's rows for a place; None when no indicator has figures."""
    indicators = list(Indicator.objects.filter(in_context=True))
    if not indicators:
        return None
    years = years_with_data(indicators)
    if not years:
        return None
    latest = years[-1]
    window = [y for y in years if y > latest - TREND_YEARS]
    table_years = window[-TABLE_YEARS:]
    city = Place.objects.only(*LIGHT).get(kind=Place.Kind.CITY, parent__isnull=True)
    peers = peers_of(place, latest)
    tables = compute_tables(indicators, {place, *peers}, window, city=city)
    rows = [_row(place, table, latest, table_years, peers, city) for table in tables]
    codes = {t.code for i in indicators for t in compile_indicator(i).terms}
    attributions = sorted(
        set(
            DataElement.objects.filter(code__in=codes)
            .exclude(attribution="")
            .values_list("attribution", flat=True)
        )
    )
    return {
        "place": {"name": place.name, "kind": place.kind},
        "rows": rows,
        "year": latest,
        "table_years": table_years,
        "synthetic": any(t.synthetic for t in tables),
        "attributions": attributions,
    }


def shown(result: Result | None, indicator: Indicator) -> str:
    if result is None:
        return ""
    if not result.shown:
        return result.label
    return charts.shown(result.value, indicator.decimals) + indicator.unit_suffix


def _row(
    place: Place, table: Table, year: int, table_years: list[int], peers: list[Place], city: Place
) -> ContextRow:
    indicator = table.indicator
    position = rank(table, place.pk, year, [p.pk for p in peers])
    return ContextRow(
        code=indicator.code,
        name=indicator.name,
        value=shown(table.result(place.pk, year), indicator),
        city=shown(table.result(city.pk, year), indicator),
        city_today=shown(table.city_today.get(year), indicator),
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
            [table.result(place.pk, y).value for y in table.years],
        ),
        history=[shown(table.result(place.pk, y), indicator) for y in table_years],
    )
