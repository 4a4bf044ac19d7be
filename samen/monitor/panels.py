"""What the tension monitor adds to the navigation, the home page and the district page."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.core.counters import counted_categories
from samen.core.navigation import add_nav_item, add_panel
from samen.core.weeks import last_weeks, week_of
from samen.monitor import charts, early_warning
from samen.monitor.access import MONITOR_ROLES, monitor_places
from samen.people.roles import Role
from samen.places.models import Place

PANEL_WEEKS = 12
RISING_IN_PANEL = 3

add_nav_item(_("Monitor"), "monitor:overview", roles=MONITOR_ROLES, order=20)


def _summary(place: Place, district: Place) -> dict:
    """Return a place's tension level, trend sparkline, warnings and unusual categories."""
    rows = early_warning.trends([place.pk], last_weeks(PANEL_WEEKS).weeks)[place.pk]
    level = early_warning.latest_levels([place.pk]).get(place.pk)
    rising = [r for r in early_warning.rising_categories([place.pk]) if r.rise.unusual]
    rising = rising[:RISING_IN_PANEL]
    names = counted_categories([r.category_id for r in rising])
    return {
        "rising": [
            {"category": names[r.category_id], "rise": r.rise}
            for r in rising
            if r.category_id in names
        ],
        "place": place,
        "district": district,
        "level": level,
        "level_is_current": level is not None and level.week == week_of(timezone.localdate()),
        "spark": charts.sparkline(f"panel-spark-{place.code}", place.name, rows),
        "latest": rows[-1] if rows else None,
        "warnings": [row for row in rows if row.warning],
        "weeks": PANEL_WEEKS,
    }


@add_panel("district", "monitor/panel_district.html", roles=MONITOR_ROLES, order=20)
def district_monitor(request, place: Place) -> dict | None:
    """Fill the monitor block of a place's page, for those who may see its district's monitor."""
    if place.kind == Place.Kind.DISTRICT:
        district = place
    elif place.kind == Place.Kind.NEIGHBOURHOOD and place.parent_id:
        district = place.parent
    else:
        return None
    if not monitor_places(request.user).filter(pk=district.pk).exists():
        return None
    return _summary(place, district)


@add_panel("home", "monitor/panel_home.html", roles={Role.DISTRICT_COORDINATOR}, order=3)
def my_district_monitor(request) -> dict | None:
    """Fill the coordinator's home block: their district's level, trend and warnings."""
    district = monitor_places(request.user).first()
    if district is None:
        return None
    return _summary(district, district)
