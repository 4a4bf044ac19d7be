"""Who sees which signals, and who may act on them: one rule for lists, details, the API,
exports and counts.

- policy analysts and administrators: all;
- frontline workers and district coordinators: their home district's;
- prevention officers: the signals referred to the case-consultation chair;
- partner professionals: those shared with one of their organisations;
- and everyone the signals they filed themselves, wherever they are.
A signal someone may not see answers 404, exactly as one that does not exist.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from samen.people.models import OrganisationMembership
from samen.people.roles import STATISTICS_ROLES, Role
from samen.places.models import without_boundaries
from samen.signals.models import FollowUp, Signal

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


def visible_signals(signals: QuerySet, user) -> QuerySet:
    """Restrict `signals` to those `user` may see (the rule in this module's docstring)."""
    if not user.is_authenticated or not user.is_active:
        return signals.none()
    if user.role in ALL_SIGNALS_ROLES:
        return signals
    return signals.filter(_role_rule(user) | Q(reporter=user))


def _role_rule(user) -> Q:
    """What a role sees beyond the signals the person filed."""
    role, district = user.role, user.home_district_id
    if role in (Role.FRONTLINE_WORKER, Role.DISTRICT_COORDINATOR) and district:
        return Q(district_id=district)
    if role == Role.PREVENTION_OFFICER:
        referred = FollowUp.objects.filter(signal=OuterRef("pk"), kind=FollowUp.Kind.REFERRAL)
        return Q(Exists(referred))
    if role == Role.PARTNER_PROFESSIONAL:
        mine = OrganisationMembership.objects.filter(user=user).values("organisation")
        shared = Signal.shared_with.through.objects.filter(
            signal=OuterRef("pk"), organisation__in=mine
        )
        return Q(Exists(shared))
    return Q(pk__in=[])


def get_signal_for_user(user, pk: int):
    """The signal `pk` if `user` may see it; 404 otherwise, whether it exists or not."""
    try:
        signals = without_boundaries(Signal.objects.all(), "district", "neighbourhood")
        return visible_signals(signals.select_related("reporter", "merged_into"), user).get(pk=pk)
    except (Signal.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_signal_to_follow_up(user, pk) -> Signal:
    """The signal `pk` that `user` may follow up with another module's record (a mediation, a
    restore plan): 404 when they may not see it, as for any signal; 403 when they may see it
    but not triage it, for following a signal up is triage (its district coordinator)."""
    signal = get_signal_for_user(user, pk)
    if not may_triage(user, signal):
        raise PermissionDenied
    return signal


def may_open_signal(user, pk: int) -> bool:
    """Whether `user` may open signal `pk`: another module's record links to it only then."""
    return visible_signals(Signal.objects.filter(pk=pk), user).exists()


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
    if not user.is_authenticated or user.role not in STATISTICS_ROLES:
        raise PermissionDenied


def sees_whole_district(user, place) -> bool:
    """Whether `user` sees every signal of district `place` (so lists need no further rule)."""
    if user.role in ALL_SIGNALS_ROLES:
        return True
    in_district_roles = (Role.FRONTLINE_WORKER, Role.DISTRICT_COORDINATOR)
    return user.role in in_district_roles and user.home_district_id == place.pk
