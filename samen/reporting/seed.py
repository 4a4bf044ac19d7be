"""The demo's report to other policy levels: last year's, drawn on schedule, signed off by a
policy analyst and sent to the federal and Flemish partners; this year's as a draft.

Drawn through the actions after every module that gives a section has seeded its figures.
"""

from __future__ import annotations

from django.utils import timezone

from samen.core.seeding import SeedRun, add_seeder
from samen.people.models import Organisation, PolicyLevel, User
from samen.people.roles import Role
from samen.reporting.actions import (
    level_report_draw,
    level_report_send,
    level_report_sign_off,
)


@add_seeder(order=90)
def seed_level_reports(run: SeedRun) -> None:
    analyst = User.objects.filter(role=Role.POLICY_ANALYST, is_active=True).order_by("pk").first()
    partners = Organisation.objects.filter(
        is_active=True, policy_level__in=(PolicyLevel.FEDERAL, PolicyLevel.FLEMISH)
    )
    if analyst is None or not partners.exists():
        return
    year = timezone.localdate().year
    report = level_report_draw(by=None, year=year - 1)
    report = level_report_sign_off(by=analyst, report=report)
    level_report_send(by=analyst, report=report, recipients=list(partners[:3]))
    level_report_draw(by=None, year=year)
