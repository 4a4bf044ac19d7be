"""Who reads, generates, signs off and sends yearly reports.

Everyone signed in reads them, like the plans and strategies they report on. Those who edit a
plan (or, for a strategy, the policy analysts) generate its drafts; a member of the owner
organisation of the plan or strategy who may also edit it signs a draft off and sends it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from samen.policy.access import (
    check_may_read,
    may_edit_plan,
    may_edit_strategies,
    may_read,
    organisation_ids,
)
from samen.policy.models import ActionPlan, Strategy, YearlyReport


def visible_reports(user) -> QuerySet[YearlyReport]:
    reports = YearlyReport.objects.select_related(
        "plan", "plan__owner", "strategy", "strategy__owner", "signed_off_by", "created_by"
    )
    return reports if may_read(user) else reports.none()


def get_report_for_user(user, pk: int) -> YearlyReport:
    check_may_read(user)
    return get_object_or_404(visible_reports(user), pk=pk)


def may_generate(user, subject: ActionPlan | Strategy) -> bool:
    if isinstance(subject, ActionPlan):
        return may_edit_plan(user, subject)
    return may_edit_strategies(user)


def check_may_generate(user, subject: ActionPlan | Strategy) -> None:
    if not may_generate(user, subject):
        raise PermissionDenied


def subject_of(report: YearlyReport) -> ActionPlan | Strategy:
    return report.plan or report.strategy


def may_sign_off(user, report: YearlyReport) -> bool:
    """A member of the owner organisation who may also edit what the report is about."""
    subject = subject_of(report)
    return may_generate(user, subject) and subject.owner_id in organisation_ids(user)


def check_may_sign_off(user, report: YearlyReport) -> None:
    if not may_sign_off(user, report):
        raise PermissionDenied
