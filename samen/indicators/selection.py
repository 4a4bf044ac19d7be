"""What the indicators page shows for a choice: map, classes, sorted table, chart over years.

The page, its CSV and XLSX exports read the same `Selection`, so an export holds what was
shown, with values under the small-number rule hidden alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from samen.indicators import charts
from samen.indicators.figures import Table, compute_table, years_with_data
from samen.indicators.formulas import Result, compile_indicator
from samen.indicators.models import DataElement, Indicator
from samen.places.maps import Map, draw_map
from samen.places.models import Place


@dataclass(frozen=True)
class Row:
    place: Place
    result: Result
    compared: Result | None
    change: float | None
    css: str


@dataclass
class Selection:
    indicator: Indicator
    level: str
    year: int
    compare: int | None
    years: list[int]  # the chart's years
    all_years: list[int]
    rows: list[Row]
    city: Result
    city_today: Result | None
    map: Map | None
    classes: list[charts.MapClass]
    chart: charts.LineChart | None
    highlight: Place | None
    synthetic: bool
    attributions: list[str]
    table: Table
    city_place: Place


def _places(level: str) -> list[Place]:
    if level == Place.Kind.NEIGHBOURHOOD:
        return list(Place.objects.neighbourhoods().select_related("parent").order_by("name_nl"))
    return list(Place.objects.current().districts().order_by("name_nl"))


def select(
    indicator: Indicator,
    *,
    level: str,
    year: int | None,
    compare: int | None,
    period: str,
    highlight_code: str = "",
) -> Selection | None:
    """Everything the page shows for this choice; None when the indicator has no figures."""
    all_years = years_with_data([indicator])
    if not all_years:
        return None
    year = year if year in all_years else all_years[-1]
    compare = compare if compare in all_years and compare != year else None
    before = [y for y in all_years if y <= year]
    years = before if period == "all" else before[-int(period or 10) :]
    places = _places(level or Place.Kind.DISTRICT)
    city = Place.objects.get(kind=Place.Kind.CITY, parent__isnull=True)
    highlight = next((p for p in places if p.code == highlight_code), None)
    table = compute_table(
        indicator, places, sorted({*years, year, *([compare] if compare else [])}), city=city
    )
    shown = {p.pk: table.result(p.pk, year).value for p in places if table.result(p.pk, year).shown}
    classes, css_of = charts.map_classes(shown)
    rows = []
    for place in places:
        result = table.result(place.pk, year)
        compared = table.result(place.pk, compare) if compare else None
        change = (
            result.value - compared.value
            if compared is not None and result.shown and compared.shown
            else None
        )
        rows.append(Row(place, result, compared, change, css_of.get(place.pk, "no-value")))
    rows.sort(key=lambda r: (not r.result.shown, -(r.result.value or 0), r.place.name_nl))
    series = [(_("City"), "city", [table.result(city.pk, y).value for y in years])]
    if highlight is not None:
        series.append(
            (highlight.name, "place", [table.result(highlight.pk, y).value for y in years])
        )
    chart = charts.line_chart(
        "indicator-chart",
        _("%(indicator)s over the years") % {"indicator": indicator.name},
        years,
        series,
        indicator.decimals,
    )
    codes = {t.code for t in compile_indicator(indicator).terms}
    attributions = sorted(
        set(
            DataElement.objects.filter(code__in=codes)
            .exclude(attribution="")
            .values_list("attribution", flat=True)
        )
    )
    return Selection(
        indicator=indicator,
        level=level or Place.Kind.DISTRICT,
        year=year,
        compare=compare,
        years=years,
        all_years=all_years,
        rows=rows,
        city=table.result(city.pk, year),
        city_today=table.city_today.get(year),
        map=draw_map([r.place for r in rows]),
        classes=classes,
        chart=chart,
        highlight=highlight,
        synthetic=table.synthetic,
        attributions=attributions,
        table=table,
        city_place=city,
    )
