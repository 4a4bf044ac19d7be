"""The tension monitor's pages: the city overview and each district's monitor.

Every number on these pages comes from the weekly counts (samen.monitor.early_warning). The
filters and the category names are the signals module's, and the lists of latest signals and
open follow-ups its panel on the district's monitor, all through the platform's registries
(samen.core.counters, samen.core.navigation): this module imports no other.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from samen.core.counters import counted_categories, counted_filter_form
from samen.core.navigation import panels_for
from samen.monitor import actions, charts, early_warning
from samen.monitor.access import (
    CITY_MONITOR_ROLES,
    check_city_monitor,
    get_monitor_district,
    may_set_tension_level,
    monitor_places,
)
from samen.monitor.forms import TensionLevelForm
from samen.monitor.models import TensionLevel
from samen.places.maps import draw_map
from samen.places.models import Place

RISING_SHOWN = 10  # rows of the "rising this month" tables


@dataclass(frozen=True)
class SeriesRow:
    """One line of a table of series: a district or a category, with its sparkline."""

    subject: object
    spark: charts.Sparkline
    level: TensionLevel | None = None

    @property
    def latest(self) -> early_warning.WeekStat | None:
        return self.spark.rows[-1] if self.spark.rows else None

    @property
    def total(self) -> int:
        return sum(r.count for r in self.spark.rows)

    @property
    def weighted(self) -> int:
        return sum(r.weighted for r in self.spark.rows)

    @property
    def warnings(self) -> int:
        return sum(1 for r in self.spark.rows if r.warning)


def _chosen_category(form):
    return form.cleaned_data.get("category") if form.is_valid() else None


def _rising_rows(place_ids: list[int], places: dict[int, Place]) -> list[dict]:
    rising = early_warning.rising_categories(place_ids)[:RISING_SHOWN]
    names = counted_categories([r.category_id for r in rising])
    return [
        {"place": places[r.place_id], "category": names[r.category_id], "rise": r.rise}
        for r in rising
        if r.category_id in names
    ]


@require_GET
@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """Show the city overview: each district's tension level, trend and rising categories."""
    try:
        check_city_monitor(request.user)
    except PermissionDenied:
        # A district's own people go to their district's monitor; anyone else is refused.
        mine = list(monitor_places(request.user).values_list("code", flat=True)[:2])
        if len(mine) != 1:
            raise
        return redirect("monitor:district", code=mine[0])
    form = counted_filter_form()(request.GET, with_severity=False)
    category = _chosen_category(form)
    districts = list(monitor_places(request.user).order_by("name_nl"))
    ids = [d.pk for d in districts]
    levels = early_warning.latest_levels(ids)
    series = early_warning.trends(
        ids, form.chosen_period.weeks, category_id=category.pk if category else None
    )
    rows = []
    for district in districts:
        district.tension = levels.get(district.pk)
        spark = charts.sparkline(f"spark-{district.code}", district.name, series[district.pk])
        rows.append(SeriesRow(district, spark, district.tension))
    return render(
        request,
        "monitor/overview.html",
        {
            "form": form,
            "category": category,
            "period": form.chosen_period,
            "rows": rows,
            "map": draw_map(districts),
            "districts": districts,
            "rising": _rising_rows(ids, {d.pk: d for d in districts}),
            "levels": TensionLevel.Level.choices,
            "method": early_warning.method_facts(),
        },
    )


def _district_page(
    request: HttpRequest, place: Place, tension_form: TensionLevelForm | None = None
) -> HttpResponse:
    form = counted_filter_form()(request.GET)
    category = _chosen_category(form)
    weeks = form.chosen_period.weeks
    overall = early_warning.trends([place.pk], weeks, category_id=category.pk if category else None)
    trend = overall[place.pk]
    title = _("Signals per week in %(place)s") % {"place": place.name}
    if category:
        title = _("Signals per week in %(place)s: %(category)s") % {
            "place": place.name,
            "category": category.name,
        }
    per_category = early_warning.category_trends(place.pk, weeks)
    names = counted_categories(list(per_category))
    category_rows = sorted(
        (
            SeriesRow(names[pk], charts.sparkline(f"spark-cat-{pk}", names[pk].name, rows))
            for pk, rows in per_category.items()
            if pk in names
        ),
        key=lambda row: (-row.total, row.subject.name),
    )
    history = list(TensionLevel.objects.filter(place=place).select_related("set_by"))
    may_set = may_set_tension_level(request.user, place)
    return render(
        request,
        "monitor/district.html",
        {
            "place": place,
            "form": form,
            "category": category,
            "period": form.chosen_period,
            "chart": charts.trend_chart("trend", title, place.name, trend),
            "warnings": [row for row in trend if row.warning],
            "category_rows": category_rows,
            "rising": _rising_rows([place.pk], {place.pk: place}),
            "panels": panels_for("monitor", request, place=place, form=form),
            "history": history,
            "current_level": history[0] if history else None,
            "may_set": may_set,
            "tension_form": (tension_form or TensionLevelForm()) if may_set else None,
            "city_view": request.user.role in CITY_MONITOR_ROLES,
            "method": early_warning.method_facts(),
        },
    )


@require_GET
@login_required
def district(request: HttpRequest, code: str) -> HttpResponse:
    """Show a district's monitor: trend against its baseline, categories, signals, tension."""
    return _district_page(request, get_monitor_district(request.user, code))


@require_POST
@login_required
def tension_level_record(request: HttpRequest, code: str) -> HttpResponse:
    """Record the district's tension level for a week; earlier judgements stay in history."""
    place = get_monitor_district(request.user, code)
    if not may_set_tension_level(request.user, place):
        raise PermissionDenied
    form = TensionLevelForm(request.POST)
    if form.is_valid():
        try:
            actions.tension_level_set(
                by=request.user,
                place=place,
                week=form.cleaned_data["week"],
                level=form.cleaned_data["level"],
                rationale=form.cleaned_data["rationale"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The tension level of %(place)s is recorded.") % {"place": place.name},
            )
            return redirect(reverse("monitor:district", args=[place.code]) + "#tension")
    messages.error(request, _("The tension level was not recorded: correct what is marked."))
    return _district_page(request, place, tension_form=form)
