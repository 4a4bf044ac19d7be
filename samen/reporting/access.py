"""Who reads, draws, signs off and sends the city's reports to other policy levels.

- Policy analysts and administrators read every report and draw drafts; the data-protection
  officer reads them (they are what leaves the city).
- A draft is signed off by a policy analyst or administrator other than the person who drew it:
  what leaves the city is seen by two people. A draft drawn by Samen's schedule may be signed
  off by any of them.
- Members of a partner organisation it was sent to read a sent report; nobody else sees it.
Absent and forbidden answer alike (404).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from samen.people.roles import Role
from samen.reporting.models import LevelReport

MAKERS = frozenset({Role.POLICY_ANALYST, Role.ADMINISTRATOR})
CITY_READERS = MAKERS | {Role.DATA_PROTECTION_OFFICER}
# Partner professionals see the list, with the reports sent to their organisations in it.
READERS = CITY_READERS | {Role.PARTNER_PROFESSIONAL}


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def may_draw(user) -> bool:
    return _active(user) and user.role in MAKERS


def check_may_draw(user) -> None:
    if not may_draw(user):
        raise PermissionDenied


def visible_level_reports(user) -> QuerySet[LevelReport]:
    """The reports `user` may read: all for the city's readers, the sent ones for members of an
    organisation they were sent to, none for anyone else."""
    reports = LevelReport.objects.all()
    if not _active(user):
        return reports.none()
    if user.role in CITY_READERS:
        return reports
    memberships = user.memberships.values("organisation_id")
    return reports.filter(
        Q(status=LevelReport.Status.SENT) & Q(recipients__in=memberships)
    ).distinct()


def may_read_level_reports(user) -> bool:
    """May see the list at all (the city's readers, and partner professionals)."""
    return _active(user) and user.role in READERS


def check_may_read_level_reports(user) -> None:
    if not may_read_level_reports(user):
        raise PermissionDenied


def get_level_report_for_user(user, pk: int) -> LevelReport:
    return get_object_or_404(visible_level_reports(user), pk=pk)


def may_sign_off(user, report: LevelReport) -> bool:
    return (
        may_draw(user)
        and report.status == LevelReport.Status.DRAFT
        and report.drawn_by_id != user.pk
    )


def check_may_sign_off(user, report: LevelReport) -> None:
    if not may_sign_off(user, report):
        raise PermissionDenied


def may_send(user, report: LevelReport) -> bool:
    return may_draw(user) and report.status == LevelReport.Status.SIGNED_OFF


def check_may_send(user, report: LevelReport) -> None:
    if not may_send(user, report):
        raise PermissionDenied
