"""Who the tension monitor tells of an early warning or a tension level, and the morning scan.

A district's coordinators and frontline workers are told (they see its monitor,
samen.monitor.access.monitor_places); each early warning once per district and week.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from samen.core.actions import action
from samen.core.weeks import week_of
from samen.monitor.access import CITY_MONITOR_ROLES, MONITOR_ROLES
from samen.monitor.early_warning import trends
from samen.notifications import notify
from samen.people.models import User
from samen.places.models import Place

DISTRICT_STAFF_ROLES = MONITOR_ROLES - CITY_MONITOR_ROLES


def district_staff(district: Place) -> QuerySet:
    """The active coordinators and frontline workers whose home district it is."""
    return User.objects.filter(
        is_active=True, home_district=district, role__in=DISTRICT_STAFF_ROLES
    )


def has_district(person) -> bool:
    """Whether a district's notices can reach this person (the preferences page asks)."""
    return person.role in DISTRICT_STAFF_ROLES


def tension_level_notify(judgement, *, by) -> None:
    """Tell the district's people, but the one who set it, of a tension level (in the
    setting action's transaction)."""
    place = judgement.place
    district = place if place.kind == Place.Kind.DISTRICT else place.parent
    notify(
        "monitor.tension_level",
        recipients=district_staff(district).exclude(pk=by.pk),
        params={
            "place": district.name_nl,
            "level": judgement.level,
            "week": judgement.week.isoformat(),
        },
        url=reverse("monitor:district", args=[district.code]),
        key=f"monitor:{district.code}:level:{judgement.pk}",
    )


@action
def early_warnings_notify(*, by, today: datetime.date | None = None) -> int:
    """Tell each district's people of this week's early warning there; return how many
    districts have one. Run every morning: a warning already told is not told again."""
    today = today or timezone.localdate()
    week = week_of(today)
    districts = list(Place.objects.current().districts())
    series = trends([district.pk for district in districts], [week], today=today)
    warned = 0
    for district in districts:
        (stat,) = series[district.pk]
        if stat.warning is None:
            continue
        warned += 1
        notify(
            "monitor.early_warning",
            recipients=district_staff(district),
            params={"place": district.name_nl, "count": stat.count, "week": week.isoformat()},
            url=reverse("monitor:district", args=[district.code]),
            key=f"monitor:{district.code}:early-warning:{week.isoformat()}",
        )
    return warned
