"""Who may know of which case, and the one way to read one.

Security-critical. The rule, for lists, pages, the API, exports and counts alike:

- the fixed core (a seat in CoreSeat for this city that grants access today: the police seat
  only with clearance of at least "secret" that has not expired) sees every live case;
- a professional invited to a case sees that case until the invitation's end date, checked
  against today's date at every read (no job has to run for access to end);
- a seat, a delegation or an invitation grants only once confirmed by the mayor or a
  delegate other than its proposer and its holder (the mayor's seat by the data-protection
  officer), and only until `confirmed_until`, the last day of SAMEN_CASE_RECERTIFY_MONTHS
  after its last confirmation or re-confirmation (`confirmed_rule`, checked at every read);
- nobody else learns that a case exists: absent and forbidden give the same Http404.
  Administrators never see cases, whatever seat or invitation they are given.

Reading additionally needs a session (or API token) that passed the second factor, and an
acknowledgement of the confidentiality rules for the meeting that covers reading today (see
`meeting_to_acknowledge`). Every read goes
through `get_case_for_reader` (or `get_cases_for_reader`, the same door for a page showing
several cases), which records it in the audit trail.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from allauth.account.authentication import get_authentication_records
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest
from django.utils import timezone
from knox.models import AuthToken

from samen.api.tokens import is_two_factor_token
from samen.audit.reads import record_read, record_reads
from samen.cases.models import (
    POLICE_MINIMUM_CLEARANCE,
    Acknowledgement,
    AgendaItem,
    Case,
    ConsultationCycle,
    CoreSeat,
    Delegation,
    Invitation,
    Meeting,
)
from samen.people.roles import Role

# Roles that may be invited to a case: people who do the support work.
INVITABLE_ROLES = frozenset(
    {
        Role.PARTNER_PROFESSIONAL,
        Role.PREVENTION_OFFICER,
        Role.FRONTLINE_WORKER,
        Role.DISTRICT_COORDINATOR,
    }
)


class SecondFactorRequiredError(Exception):
    """The request did not pass the second factor; pages send the person to pass it."""


class AcknowledgementRequiredError(Exception):
    """The member has not acknowledged the confidentiality rules for the meeting that covers
    reading today."""


def today() -> datetime.date:
    return timezone.localdate()


def may_hold_case_roles(user) -> bool:
    """Whether `user` may hold any role at the consultation: signed in, active, no administrator."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.role != Role.ADMINISTRATOR
    )


# --- The table ---------------------------------------------------------------------------------


def _memo(user, key: str, on: datetime.date, compute):
    """Compute once per user object and day: a user object lives for one request, and a page
    asks "does this person hold a seat?" several times (navigation, access, sections)."""
    memo = user.__dict__.setdefault("_samen_case_memo", {})
    if (key, on) not in memo:
        memo[key, on] = compute()
    return memo[key, on]


def forget(user) -> None:
    """Drop what was remembered of `user` (after their seat or invitation changed)."""
    user.__dict__.pop("_samen_case_memo", None)
    if getattr(user, "pk", None) is not None:
        cache.delete(_case_role_key(user))


def granting_seats(user, on: datetime.date | None = None) -> list[CoreSeat]:
    """The core seats that give `user` access on `on` (today by default)."""
    if not may_hold_case_roles(user):
        return []
    on = on or today()

    def compute() -> list[CoreSeat]:
        return list(CoreSeat.objects.filter(granting_seat_rule(on), user=user))

    return _memo(user, "seats", on, compute)


def has_core_seat(user) -> bool:
    """Whether `user` sits at the table for every case today."""
    return bool(granting_seats(user))


def current_invitations(user, on: datetime.date | None = None) -> QuerySet[Invitation]:
    """The invitations that give `user` access to a case on `on` (today by default)."""
    if not may_hold_case_roles(user):
        return Invitation.objects.none()
    return Invitation.objects.filter(current_invitation_rule(on or today()), user=user)


def has_case_role(user) -> bool:
    """Whether `user` has a seat or a current invitation: they see the module and need MFA."""
    if not may_hold_case_roles(user):
        return False
    on = today()
    return _memo(user, "role", on, lambda: _seat_or_invitation(user, on))


def confirmed_rule(on: datetime.date) -> Q:
    """A grant (seat, delegation, invitation) whose confirmation holds on `on`: confirmed, and
    confirmed or re-confirmed recently enough (`Grant.is_confirmed_on` in Python)."""
    return Q(confirmed_at__isnull=False, confirmed_until__gte=on)


def granting_seat_rule(on: datetime.date) -> Q:
    """`CoreSeat.grants_access(on)` as a database condition, for this city's seats."""
    police = Q(kind=CoreSeat.Kind.POLICE)
    cleared = Q(clearance__gte=POLICE_MINIMUM_CLEARANCE, clearance_expires_on__gte=on)
    seat = Q(is_active=True, city__code=settings.SAMEN_CITY_CODE) & (~police | cleared)
    return seat & confirmed_rule(on)


def current_invitation_rule(on: datetime.date) -> Q:
    """An invitation that opens its (live) case on `on`: confirmed in time, not ended."""
    live = Q(revoked_at__isnull=True, ends_on__gte=on, case__anonymised_at=None)
    return live & confirmed_rule(on)


def current_delegation_rule(on: datetime.date) -> Q:
    """A delegation that holds on `on`: confirmed in time, within its period, not revoked."""
    period = Q(revoked_at__isnull=True, starts_on__lte=on, ends_on__gte=on)
    return period & confirmed_rule(on)


def _seat_or_invitation(user, on: datetime.date) -> bool:
    # One query: the second-factor rule asks this on every request of every person (API
    # intake included), and most people have neither.
    seat = CoreSeat.objects.filter(granting_seat_rule(on), user=OuterRef("pk"))
    invitation = Invitation.objects.filter(current_invitation_rule(on), user=OuterRef("pk"))
    people = get_user_model()._default_manager.filter(pk=user.pk)
    return people.filter(Exists(seat) | Exists(invitation)).exists()


# How long the navigation and the second-factor rule may reuse the answer. Safe either way:
# this answer opens nothing. A new member is still refused every case until they pass the
# second factor (check_case_session asks the database itself), and a former member asked
# for a second factor a minute longer loses nothing.
CASE_ROLE_CACHE_SECONDS = 60


def _case_role_key(user) -> str:
    return f"samen:cases:role:{user.pk}:{today().isoformat()}"


def has_case_role_cached(user) -> bool:
    """`has_case_role` for the navigation and the second-factor rule, which run on every
    request of every person (each API call included): False at once for anonymous visitors,
    otherwise kept in the shared cache for a minute (see CASE_ROLE_CACHE_SECONDS)."""
    if not getattr(user, "is_authenticated", False):
        return False
    key = _case_role_key(user)
    answer = cache.get(key)
    if answer is None:
        answer = has_case_role(user)
        cache.set(key, answer, CASE_ROLE_CACHE_SECONDS)
    return answer


def is_mayor(user) -> bool:
    """Whether `user` holds the mayor's seat today (only the mayor delegates)."""
    return any(seat.kind == CoreSeat.Kind.MAYOR for seat in granting_seats(user))


def controls_case_list(user) -> bool:
    """The mayor (a mayor seat that grants access), or a core member holding the mayor's
    current delegation: they alone open, close and remove cases and decide on referrals."""
    if is_mayor(user):
        return True
    if not granting_seats(user):
        return False
    on = today()
    delegations = Delegation.objects.filter(
        current_delegation_rule(on), delegate=user
    ).select_related("mayor")
    return any(
        any(s.kind == CoreSeat.Kind.MAYOR for s in granting_seats(d.mayor, on)) for d in delegations
    )


def cases_visible_to(user) -> QuerySet[Case]:
    """The live cases `user` may know of: all for the core, invited ones for others, none for
    everyone else. Every list and count of cases starts here."""
    cases = Case.objects.live()
    if not may_hold_case_roles(user):
        return cases.none()
    if has_core_seat(user):
        return cases
    invited = Invitation.objects.filter(
        current_invitation_rule(today()), case=OuterRef("pk"), user=user
    )
    return cases.filter(Exists(invited))


# --- Sessions: second factor and acknowledgement ------------------------------------------------


def passed_second_factor(request) -> bool:
    """Whether this request was authenticated with a second factor: an API two-factor token,
    or a web session in which allauth recorded a passed TOTP (or recovery code) step."""
    token = getattr(request, "auth", None)
    if isinstance(token, AuthToken):
        return is_two_factor_token(token)
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def current_cycle(on: datetime.date | None = None) -> ConsultationCycle | None:
    """The meeting cycle running on `on` (today by default): the latest started one."""
    on = on or today()
    return (
        ConsultationCycle.objects.filter(starts_on__lte=on, ends_on__gte=on)
        .order_by("-starts_on", "-pk")
        .first()
    )


def meetings_called_to(user) -> QuerySet[Meeting]:
    """The meetings `user` is called to: every meeting of the table for the core; for an
    invited professional, the meetings whose agenda holds a case they are invited to today."""
    if has_core_seat(user):
        return Meeting.objects.all()
    items = AgendaItem.objects.filter(meeting=OuterRef("pk"), case__in=cases_visible_to(user))
    return Meeting.objects.filter(Exists(items))


def _covering_meeting(user) -> Coalesce:
    """The meeting whose acknowledgement covers reading today, as a database expression: the
    latest meeting `user` is called to whose date has come; before any, the next one."""
    on = today()
    called = meetings_called_to(user)
    held = called.filter(held_on__lte=on).order_by("-held_on", "-pk").values("pk")[:1]
    ahead = called.filter(held_on__gt=on).order_by("held_on", "pk").values("pk")[:1]
    return Coalesce(Subquery(held), Subquery(ahead))


def meeting_to_acknowledge(user) -> Meeting | None:
    """The meeting `user` acknowledges the rules for before reading today (None: they are
    called to no meeting yet, and may read nothing). A new meeting's date ends the cover of
    the previous meeting's acknowledgement."""
    if not may_hold_case_roles(user):
        return None
    return Meeting.objects.filter(pk=_covering_meeting(user)).select_related("cycle").first()


def has_acknowledged(user, meeting: Meeting | None) -> bool:
    """Whether `user` acknowledged the rules for `meeting`."""
    if meeting is None:
        return False
    return Acknowledgement.objects.filter(user=user, meeting=meeting).exists()


def acknowledged_for_reading(user) -> bool:
    """Whether `user` acknowledged the rules for the meeting that covers reading today.

    Security-critical, and asked at every case read: one query (besides the memoised seat).
    False when `user` is called to no meeting: nobody reads without an acknowledgement.
    """
    if not may_hold_case_roles(user):
        return False
    return Acknowledgement.objects.filter(user=user, meeting=_covering_meeting(user)).exists()


def check_case_session(request, *, acknowledged: bool = True) -> None:
    """Let only a member with a second factor (and, unless `acknowledged` is False, a current
    acknowledgement) go on. Http404 to anyone without a seat or current invitation, before
    anything is looked up, so that no answer depends on which cases exist."""
    user = request.user
    if not has_case_role(user):
        raise Http404
    if not passed_second_factor(request):
        raise SecondFactorRequiredError
    if acknowledged and not acknowledged_for_reading(user):
        raise AcknowledgementRequiredError


def get_case_for_reader(request: HttpRequest, pk, *, purpose: str) -> Case:
    """Return case `pk` for reading, and record the read. The one door to a case.

    Security-critical. Anything that shows a case or what hangs off it (pages, documents,
    exports, API endpoints, meetings, assessments, plans) gets the case through this function
    and nothing else. It guarantees: the reader has a seat or a current invitation to this
    case (Http404 otherwise, the same as for a case that does not exist), passed the second
    factor (SecondFactorRequiredError), acknowledged the rules for the meeting that covers
    reading today (AcknowledgementRequiredError), and that the read is in the audit trail with
    `purpose` (what was read: "page", "export", "api", "document 12", ...) before the content
    is returned.
    """
    check_case_session(request)
    try:
        case = cases_visible_to(request.user).select_related("opened_by", "closed_by").get(pk=pk)
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    record_read(by=request.user, obj=case, request=request, what=purpose)
    return case


def get_cases_for_reader(request: HttpRequest, pks: Iterable[int], *, purpose: str) -> list[Case]:
    """Return the cases `pks`, in that order, for a page that shows them together, and record
    the reads in one INSERT. The one door to a case, for several cases at once.

    Security-critical. The same guarantees as `get_case_for_reader` for each case, as strictly:
    the reader's session (a seat or a current invitation at all, the second factor, the
    acknowledgement for the current meeting) is checked once, as it is the same for every case;
    the rule that lets the reader know of a case (a seat granting access today, the police
    seat only with clearance; or an invitation to that case, not revoked, until its end date)
    is `cases_visible_to`, the query of the one-case door, applied to each case. If any of
    `pks` is not a case the reader may know of (or does not exist), Http404 for all of them,
    as one call per case would answer at that case, and nothing is recorded since nothing is
    shown. Each case returned is in the audit trail with `purpose`, one access record per
    case, before anything is returned.
    """
    check_case_session(request)
    try:
        wanted = list(dict.fromkeys(int(pk) for pk in pks))
    except (ValueError, TypeError):
        raise Http404 from None
    if not wanted:
        return []
    found = cases_visible_to(request.user).select_related("opened_by", "closed_by").in_bulk(wanted)
    if len(found) != len(wanted):
        raise Http404
    cases = [found[pk] for pk in wanted]
    record_reads(by=request.user, objects=cases, request=request, what=purpose)
    return cases


def check_controls_case_list(user) -> None:
    """Refuse (403) a member who may read but not open, close or remove cases."""
    if not controls_case_list(user):
        raise PermissionDenied


def is_core_member(user) -> bool:
    return has_core_seat(user)


def check_core_member(user) -> None:
    """Refuse (403) an invited professional what only the core does (inviting, correcting)."""
    if not has_core_seat(user):
        raise PermissionDenied
