"""Who reads the counts of the case consultation, and who exports what is held about a
person (the data-protection officer, with a second factor); 404 to everyone else."""

from __future__ import annotations

from django.http import Http404

from samen.cases.access.cases import (
    SecondFactorRequiredError,
    has_core_seat,
    may_hold_case_roles,
    passed_second_factor,
)
from samen.people.roles import Role

# Roles that read the counts of the statistics page (besides the core).
STATISTICS_ROLES = frozenset({Role.POLICY_ANALYST})


def may_read_statistics(user) -> bool:
    if not may_hold_case_roles(user):
        return False
    return user.role in STATISTICS_ROLES or has_core_seat(user)


def check_may_read_statistics(user) -> None:
    if not may_read_statistics(user):
        raise Http404


def check_data_protection_officer(request) -> None:
    """The person export is for the data-protection officer, with a second factor; 404 to
    everyone else, SecondFactorRequiredError for a session that did not pass it."""
    user = request.user
    if not (user.is_authenticated and user.role == Role.DATA_PROTECTION_OFFICER):
        raise Http404
    if not passed_second_factor(request):
        raise SecondFactorRequiredError
