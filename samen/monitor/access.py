"""Who sees which district's monitor, and who records its tension level.

Counts follow the same rule as the signal lists: only the roles that see every signal
(policy analysts and administrators) see city-wide counts and every district's monitor; a
district's coordinator and frontline workers see their own district's.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from samen.people.roles import Role
from samen.places.models import Place

# The roles that see every signal (samen.signals.access.ALL_SIGNALS_ROLES; a test holds the
# two equal): they see the monitor of any district and the city overview.
CITY_MONITOR_ROLES = frozenset({Role.ADMINISTRATOR, Role.POLICY_ANALYST})
# Everyone for whom monitor_places can hold a district; /monitor/ takes a district's own
# people to their district's monitor.
MONITOR_ROLES = CITY_MONITOR_ROLES | {Role.DISTRICT_COORDINATOR, Role.FRONTLINE_WORKER}


def monitor_places(user) -> QuerySet:
    """The districts whose monitor and tension level this person may see."""
    districts = Place.objects.current().districts()
    if not user.is_authenticated:
        return districts.none()
    if user.role in CITY_MONITOR_ROLES:
        return districts
    if user.role in (Role.DISTRICT_COORDINATOR, Role.FRONTLINE_WORKER) and user.home_district_id:
        return districts.filter(pk=user.home_district_id)
    return districts.none()


def check_city_monitor(user) -> None:
    if user.role not in CITY_MONITOR_ROLES:
        raise PermissionDenied


def may_set_tension_level(user, place) -> bool:
    """The district's coordinator judges its tension; administrators may correct it."""
    if user.role == Role.ADMINISTRATOR:
        return True
    return user.role == Role.DISTRICT_COORDINATOR and user.home_district_id == place.pk


def get_monitor_district(user, code: str):
    """Return district `code` if `user` may see its monitor: 404 if none, 403 if not theirs."""
    # Districts are public facts, so 403 rather than 404 (as for place pages).
    place = get_object_or_404(Place.objects.current().districts(), code=code)
    if not monitor_places(user).filter(pk=place.pk).exists():
        raise PermissionDenied
    return place
