"""The monitor's sections of the yearly report to other policy levels (samen.core.level_reports):
signals per district and category, and the tension levels set per district.

Counts come from the weekly counts (weeks whose Monday falls in the year), so a report costs
the same whatever history holds. Signal counts are suppressed (samen.privacy.small_cells): 1 to 4
shows as "<5", and further cells are hidden ("x") wherever a district's or a category's total
would give a hidden count away.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from samen.core.counters import counted_categories
from samen.core.level_reports import ReportColumn, ReportSection, add_report_section
from samen.monitor.models import TensionLevel, WeeklyCount
from samen.places.models import Place
from samen.privacy.small_cells import suppress

CITY = "city"  # the district code of the city-wide rows
ALL = "all"  # the category code of the all-categories rows


def _year(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def signals_per_district(year: int) -> list[dict]:
    """Signals per district and category in `year`, with the city's totals, suppressed."""
    first, last = _year(year)
    districts = list(Place.objects.districts().order_by("code").only("pk", "code"))
    sums = (
        WeeklyCount.objects.filter(place__in=districts, week__gte=first, week__lte=last)
        .values_list("place_id", "category_id")
        .annotate(total=Sum("count"))
    )
    values: dict[tuple, int] = defaultdict(int)
    category_ids: set[int] = set()
    for place_id, category_id, total in sums:
        values[(place_id, category_id or ALL)] += total
        values[(CITY, category_id or ALL)] += total
        if category_id:
            category_ids.add(category_id)
    categories = counted_categories(category_ids)
    codes = sorted(categories, key=lambda pk: categories[pk].code)
    places = [d.pk for d in districts]
    cells = {
        (place, category): values.get((place, category), 0)
        for place in [*places, CITY]
        for category in [*codes, ALL]
    }
    # A signal counts once under "all" but may count under two categories, so the rows' sums
    # are bounds, not equalities; suppress treats an inexact relation as it must (no cell is
    # worked out from a sum that does not hold).
    relations = [((p, ALL), [(p, c) for c in codes]) for p in [*places, CITY]]
    relations += [((CITY, c), [(p, c) for p in places]) for c in [*codes, ALL]]
    shown = suppress(cells, relations)
    code_of = {d.pk: d.code for d in districts} | {CITY: CITY}
    category_code = {pk: categories[pk].code for pk in codes} | {ALL: ALL}
    return [
        {
            "district": code_of[place],
            "category": category_code[category],
            "signals": shown[(place, category)],
        }
        for place in [*places, CITY]
        for category in [*codes, ALL]
    ]


def tension_per_district(year: int) -> list[dict]:
    """Per district: the weeks a tension level was set, the highest, the weeks at 3 or 4 and
    the level of the year's last judged week (the latest judgement of each week counts)."""
    first, last = _year(year)
    latest: dict[tuple[int, datetime.date], int] = {}
    judgements = (
        TensionLevel.objects.filter(place__kind=Place.Kind.DISTRICT, week__range=(first, last))
        .order_by("place_id", "week", "set_at", "pk")
        .values_list("place_id", "week", "level")
    )
    for place_id, week, level in judgements:
        latest[(place_id, week)] = level  # later judgements of a week replace earlier ones
    rows = []
    for district in Place.objects.districts().order_by("code").only("pk", "code"):
        weeks = sorted((w, lvl) for (p, w), lvl in latest.items() if p == district.pk)
        levels = [lvl for _w, lvl in weeks]
        rows.append(
            {
                "district": district.code,
                "weeks_judged": len(levels),
                "highest_level": max(levels) if levels else None,
                "weeks_high_or_critical": sum(lvl >= TensionLevel.Level.HIGH for lvl in levels),
                "last_level": levels[-1] if levels else None,
            }
        )
    return rows


add_report_section(
    ReportSection(
        code="signals_per_district",
        title=_("Signals per district and category"),
        columns=(
            ReportColumn("district", _("district (official code, or 'city')")),
            ReportColumn("category", _("signal category (code, or 'all')")),
            ReportColumn("signals", _("signals")),
        ),
        rows=signals_per_district,
        order=10,
        note=_(
            "Signals counted in the week they were observed. Counts from 1 to 4 show as '<5'; "
            "'x' hides a count that a total would give away. A signal in two categories counts "
            "in both, and once under 'all'."
        ),
    )
)
add_report_section(
    ReportSection(
        code="tension_per_district",
        title=_("Tension levels per district"),
        columns=(
            ReportColumn("district", _("district (official code)")),
            ReportColumn("weeks_judged", _("weeks with a tension level")),
            ReportColumn("highest_level", _("highest level (1-4)")),
            ReportColumn("weeks_high_or_critical", _("weeks at level 3 or 4")),
            ReportColumn("last_level", _("level of the last judged week")),
        ),
        rows=tension_per_district,
        order=20,
        note=_("The district coordinator's judgement of each week; the latest one counts."),
    )
)
