"""Who sees which mediations, and who sees the parties: one rule for every page and list.

A mediation's existence and its anonymous facts (kind of conflict, district and
neighbourhood, status, dates, mediator, outcome, aftercare check) are seen by:

- policy analysts and administrators: every mediation (for counts and the overview);
- district coordinators and frontline workers: the mediations of their home district;
- the assigned mediator: their own mediations, wherever they are;
- mediation coordinators: every mediation in their scope (one district, or the city).
Prevention officers, partner professionals and the data-protection officer see none.

Party details (names, contact, streets, the intake description, session summaries and the
notes on outcome and aftercare check) are seen by the assigned mediator and the mediation
coordinators of the mediation's district (or the whole city) only: not by the district
coordinator, not by administrators. Every read of them is recorded in the audit trail.

A mediation someone may not see answers 404, exactly as one that does not exist; one they
may see but not work on answers 403.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse

from samen.audit.reads import record_read
from samen.mediation.models import Mediation, MediationCoordinator
from samen.people.roles import Role

ALL_MEDIATIONS_ROLES = frozenset({Role.ADMINISTRATOR, Role.POLICY_ANALYST})
# Staff who may mediate, coordinate mediation, and take an intake.
MEDIATOR_ROLES = frozenset({Role.DISTRICT_COORDINATOR, Role.FRONTLINE_WORKER})
MEDIATION_ROLES = ALL_MEDIATIONS_ROLES | MEDIATOR_ROLES
EXPORT_ROLES = ALL_MEDIATIONS_ROLES | {Role.DISTRICT_COORDINATOR}


def _active(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def _coordinations(user) -> QuerySet:
    return MediationCoordinator.objects.filter(user_id=user.pk)


def is_mediation_coordinator(user) -> bool:
    """Whether this person holds the mediation-coordinator duty anywhere."""
    if not _active(user) or user.role not in MEDIATOR_ROLES:
        return False
    return _coordinations(user).exists()


def coordinates(user, district_id: int) -> bool:
    """Whether this person coordinates the mediations of this district (or the city)."""
    if not _active(user) or user.role not in MEDIATOR_ROLES:
        return False
    return (
        _coordinations(user).filter(Q(district__isnull=True) | Q(district_id=district_id)).exists()
    )


def _coordinated(user) -> Q:
    """Mediations in this person's coordination scope, as one subquery (no extra query)."""
    scope = MediationCoordinator.objects.filter(user_id=user.pk).filter(
        Q(district__isnull=True) | Q(district_id=OuterRef("district_id"))
    )
    return Q(Exists(scope))


def coordinated_mediations(mediations: QuerySet, user) -> QuerySet:
    """The mediations in this person's coordination scope (none if they coordinate none)."""
    if not _active(user) or user.role not in MEDIATOR_ROLES:
        return mediations.none()
    return mediations.filter(_coordinated(user))


def visible_mediations(mediations: QuerySet, user) -> QuerySet:
    """Restrict `mediations` to those whose existence `user` may know (module docstring)."""
    if not _active(user) or user.role not in MEDIATION_ROLES:
        return mediations.none()
    if user.role in ALL_MEDIATIONS_ROLES:
        return mediations
    rule = Q(mediator_id=user.pk) | _coordinated(user)
    if user.home_district_id:
        rule |= Q(district_id=user.home_district_id)
    return mediations.filter(rule)


def get_mediation_for_user(user, pk: int):
    """The mediation `pk` if `user` may see it; 404 otherwise, whether it exists or not."""
    try:
        return visible_mediations(
            Mediation.objects.select_related(
                "district", "neighbourhood", "mediator", "created_by", "closed_by"
            ),
            user,
        ).get(pk=pk)
    except (Mediation.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def may_see_parties(user, mediation) -> bool:
    """The assigned mediator and the mediation's coordinators; nobody else, whatever role."""
    if not _active(user) or user.role not in MEDIATOR_ROLES:
        return False
    return mediation.mediator_id == user.pk or coordinates(user, mediation.district_id)


# Working on a mediation (parties, sessions, outcome, aftercare check) means reading its
# party details, so it follows the same rule.
may_work_on = may_see_parties


def check_may_work_on(user, mediation) -> None:
    if not may_work_on(user, mediation):
        raise PermissionDenied


def may_assign(user, mediation) -> bool:
    """Assigning a mediator is for the mediation's coordinators."""
    return coordinates(user, mediation.district_id)


def check_may_assign(user, mediation) -> None:
    if not may_assign(user, mediation):
        raise PermissionDenied


def may_take_intake(user, district_id: int | None = None) -> bool:
    """Frontline workers and district coordinators in their home district, and mediation
    coordinators in their scope. Without a district: whether the intake page is for them."""
    if not _active(user) or user.role not in MEDIATOR_ROLES:
        return False
    if district_id is None:
        return True
    return user.home_district_id == district_id or coordinates(user, district_id)


def check_may_take_intake(user, district_id: int | None = None) -> None:
    if not may_take_intake(user, district_id):
        raise PermissionDenied


def may_export(user) -> bool:
    """Row exports of anonymous facts: analysts, administrators and district coordinators."""
    return _active(user) and user.role in EXPORT_ROLES


def check_may_export(user) -> None:
    if not may_export(user):
        raise PermissionDenied


def mediation_url_for(user, identifier: str) -> str | None:
    """The page of mediation `identifier` if this person may open it (follow-up links)."""
    if not identifier.isdigit():
        return None
    if not visible_mediations(Mediation.objects.filter(pk=int(identifier)), user).exists():
        return None
    return reverse("mediation:detail", args=[int(identifier)])


@dataclass
class PartyDetails:
    """What only the mediator and the coordinators read; `removed` after retention."""

    parties: list = field(default_factory=list)
    sessions: list = field(default_factory=list)
    removed: bool = False


def read_party_details(user, mediation, request: HttpRequest | None = None) -> PartyDetails | None:
    """Return the party details if `user` may read them, recording the read; else None.

    The only way a page reaches parties and session summaries: whoever gets them through
    here leaves an access record (who, when, which mediation, through which page).
    """
    if not may_see_parties(user, mediation):
        return None
    if mediation.personal_data_removed_at:
        return PartyDetails(removed=True)
    record_read(by=user, obj=mediation, request=request)
    sessions = mediation.sessions.select_related("recorded_by").prefetch_related("attended")
    return PartyDetails(parties=list(mediation.parties.all()), sessions=list(sessions))


def check_may_list(user) -> None:
    """The list page is for the roles that may see mediations at all (others: 403)."""
    if not _active(user) or user.role not in MEDIATION_ROLES:
        raise PermissionDenied


def may_mediate(user) -> bool:
    """Whether this person can be a mediator (and so be told that a mediation is theirs)."""
    return _active(user) and user.role in MEDIATOR_ROLES
