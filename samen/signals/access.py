"""Who sees which signals, and who may act on them: one rule for lists, details, the API,
exports and counts.

- frontline workers: their home district's signals, and their own anywhere;
- district coordinators: their home district's;
- policy analysts and administrators: all;
- prevention officers: the signals referred to the case-consultation chair;
- partner professionals: those shared with one of their organisations;
- everyone else: none.
A signal someone may not see answers 404, exactly as one that does not exist.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from samen.people.models import OrganisationMembership
from samen.people.roles import Role

ALL_SIGNALS_ROLES = frozenset({Role.ADMINISTRATOR, Role.POLICY_ANALYST})
REPORTING_ROLES = frozenset(
    {
        Role.ADMINISTRATOR,
        Role.POLICY_ANALYST,
        Role.DISTRICT_COORDINATOR,
        Role.FRONTLINE_WORKER,
        Role.PREVENTION_OFFICER,
        Role.PARTNER_PROFESSIONAL,
    }
)
# Roles that see the monitor of any district and the city overview.
CITY_MONITOR_ROLES = frozenset({Role.ADMINISTRATOR, Role.POLICY_ANALYST, Role.PREVENTION_OFFICER})


def visible_signals(signals: QuerySet, user) -> QuerySet:
    """Restrict `signals` to those `user` may see (the rule in this module's docstring)."""
    if not user.is_authenticated or not user.is_active:
        return signals.none()
    role = user.role
    if role in ALL_SIGNALS_ROLES:
        return signals
    if role == Role.FRONTLINE_WORKER:
        rule = Q(reporter=user)
        if user.home_district_id:
            rule |= Q(district_id=user.home_district_id)
        return signals.filter(rule)
    if role == Role.DISTRICT_COORDINATOR:
        if not user.home_district_id:
            return signals.none()
        return signals.filter(district_id=user.home_district_id)
    if role == Role.PREVENTION_OFFICER:
        from samen.signals.models import FollowUp

        referred = FollowUp.objects.filter(signal=OuterRef("pk"), kind=FollowUp.Kind.REFERRAL)
        return signals.filter(Exists(referred))
    if role == Role.PARTNER_PROFESSIONAL:
        mine = OrganisationMembership.objects.filter(user=user).values("organisation")
        from samen.signals.models import Signal

        shared = Signal.shared_with.through.objects.filter(
            signal=OuterRef("pk"), organisation__in=mine
        )
        return signals.filter(Exists(shared))
    return signals.none()


def get_signal_for_user(user, pk: int):
    """The signal `pk` if `user` may see it; 404 otherwise, whether it exists or not."""
    from samen.signals.models import Signal

    try:
        return visible_signals(
            Signal.objects.select_related("district", "neighbourhood", "reporter", "merged_into"),
            user,
        ).get(pk=pk)
    except (Signal.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def check_may_report(user) -> None:
    """Refuse signal intake to roles that do not report (the data-protection officer)."""
    if not user.is_authenticated or user.role not in REPORTING_ROLES:
        raise PermissionDenied


def may_triage(user, signal) -> bool:
    """Review, follow up, close and merge: the district's coordinator, analysts, admins."""
    if user.role in ALL_SIGNALS_ROLES:
        return True
    return user.role == Role.DISTRICT_COORDINATOR and user.home_district_id == signal.district_id


def check_may_triage(user, signal) -> None:
    if not may_triage(user, signal):
        raise PermissionDenied


def monitor_places(user) -> QuerySet:
    """The districts whose monitor and tension level this person may see."""
    from samen.places.models import Place

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


def check_may_export(user) -> None:
    """Exports of signal rows: the roles that may list signals beyond their own."""
    if user.role not in (ALL_SIGNALS_ROLES | {Role.DISTRICT_COORDINATOR}):
        raise PermissionDenied


def may_export(user) -> bool:
    try:
        check_may_export(user)
    except PermissionDenied:
        return False
    return True


def check_may_export_statistics(user) -> None:
    """Refuse statistics exports to everyone but policy analysts and administrators."""
    if not user.is_authenticated or user.role not in ALL_SIGNALS_ROLES:
        raise PermissionDenied


def get_monitor_district(user, code: str):
    """Return district `code` if `user` may see its monitor: 404 if none, 403 if not theirs."""
    from django.shortcuts import get_object_or_404

    from samen.places.models import Place

    # Districts are public facts, so 403 rather than 404 (as for place pages).
    place = get_object_or_404(Place.objects.current().districts(), code=code)
    if not monitor_places(user).filter(pk=place.pk).exists():
        raise PermissionDenied
    return place
