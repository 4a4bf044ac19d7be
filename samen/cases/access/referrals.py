"""Who may refer a person to the consultation, and who reads the referrals.

Security-critical. Partner professionals, prevention officers and everyone at the table may
refer; only the mayor and their delegates read referrals (the one who referred learns nothing
back), each read recorded in the audit trail.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from samen.audit.reads import record_read
from samen.cases.access.cases import (
    check_case_session,
    controls_case_list,
    has_case_role,
    may_hold_case_roles,
)
from samen.cases.models import Case, Referral
from samen.people.roles import Role

# Roles that may refer a person to the consultation (besides everyone at the table).
REFERRING_ROLES = frozenset({Role.PARTNER_PROFESSIONAL, Role.PREVENTION_OFFICER})


def may_refer(user) -> bool:
    """Partner professionals, prevention officers and everyone at the table may refer."""
    if not may_hold_case_roles(user):
        return False
    return user.role in REFERRING_ROLES or has_case_role(user)


def check_may_refer(user) -> None:
    if not may_refer(user):
        raise Http404


def referrals_visible_to(user) -> QuerySet[Referral]:
    """Referrals for the mayor and their delegates; none for anyone else (also not for the
    one who referred: they learn nothing back)."""
    if not controls_case_list(user):
        return Referral.objects.none()
    return Referral.objects.all()


def get_referral_for_controller(request: HttpRequest, pk) -> Referral:
    """Return referral `pk` to the mayor or a delegate with a second factor; record the read."""
    check_case_session(request)
    try:
        referral = referrals_visible_to(request.user).get(pk=pk)
    except (Referral.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    record_read(by=request.user, obj=referral, request=request, what="referral")
    return referral


def known_person_hint(referral: Referral) -> QuerySet[Case]:
    """Live cases about a person with the same indexed name (for the mayor's decision only)."""
    if not referral.name_index:
        return Case.objects.none()
    return Case.objects.live().filter(person__name_index=referral.name_index)
