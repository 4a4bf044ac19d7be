"""Every write to a support plan: open it, add and settle actions, review, close, aftercare.

The plan is the professionals' work on an open case; closing the plan schedules aftercare
reviews (SAMEN_CASE_AFTERCARE_MONTHS, 6 and 12 months by default). It does not close the
case: that stays with the mayor or a delegate (actions.case_close), who ticks "aftercare was
needed" when reviews were planned, so the case is kept long enough for them. Aftercare
reviews may still be recorded by the core after the case closed.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.cases import access
from samen.cases.access.work import case_members, check_case_worker
from samen.cases.actions.meetings import check_owner
from samen.cases.actions.work_rules import MAX_SHORT, check_not_future, check_text
from samen.cases.models import (
    ActionStatus,
    AftercareReview,
    Case,
    PlanAction,
    PlanReview,
    SupportPlan,
)
from samen.core.actions import action
from samen.core.dates import add_months
from samen.core.errors import FieldErrors
from samen.people.models import Organisation


def aftercare_months() -> tuple[int, ...]:
    months = settings.SAMEN_CASE_AFTERCARE_MONTHS
    return tuple(sorted({int(m) for m in months if int(m) > 0}))


def _check_open_case(case: Case) -> None:
    if not case.is_open:
        raise ValidationError(_("This case is closed."))


def _check_open_plan(plan: SupportPlan) -> None:
    if not plan.is_open:
        raise ValidationError(_("The support plan is closed."))


@action
def plan_open(*, by, case: Case) -> SupportPlan:
    """Start the support plan of an open case (one per case)."""
    if by is not None:
        check_case_worker(by, case)
    _check_open_case(case)
    if SupportPlan.objects.filter(case=case).exists():
        raise ValidationError(_("This case has a support plan already."))
    plan = SupportPlan(case=case, opened_by=by)
    plan.save()
    return plan


@action
def plan_action_add(
    *,
    by,
    plan: SupportPlan,
    description: str,
    owner_organisation: Organisation | None = None,
    owner=None,
    due_on: datetime.date | None = None,
) -> PlanAction:
    """Add an action with its owner and deadline to an open plan."""
    if by is not None:
        check_case_worker(by, plan.case)
    _check_open_case(plan.case)
    _check_open_plan(plan)
    errors = FieldErrors()
    check_text(errors, "description", description, limit=MAX_SHORT)
    check_owner(errors, owner_organisation, owner, due_on)
    # Naming someone outside the case would tell its members that person's other cases.
    if owner is not None and not case_members(plan.case).filter(pk=owner.pk).exists():
        errors.add("owner", _("Choose a member of this case."))
    if due_on is None:
        errors.add("due_on", _("Give a deadline."))
    errors.raise_if_any()
    plan_action = PlanAction(
        plan=plan,
        description=description.strip(),
        owner_organisation=owner_organisation,
        owner=owner,
        due_on=due_on,
        added_by=by,
    )
    plan_action.save()
    return plan_action


@action
def plan_action_set_status(*, by, plan_action: PlanAction, status: str) -> PlanAction:
    """Mark an action done or dropped (or open again)."""
    check_case_worker(by, plan_action.plan.case)
    _check_open_plan(plan_action.plan)
    if status not in ActionStatus.values:
        raise ValidationError({"status": [_("Choose open, done or dropped.")]})
    plan_action.status, plan_action.status_changed_at = status, timezone.now()
    plan_action.save(update_fields=["status", "status_changed_at"])
    return plan_action


@action
def plan_review_add(*, by, plan: SupportPlan, reviewed_on: datetime.date, note: str) -> PlanReview:
    """A dated note on how the plan goes."""
    if by is None:
        raise ValidationError(_("A named member writes every review."))
    check_case_worker(by, plan.case)
    _check_open_plan(plan)
    errors = FieldErrors()
    check_text(errors, "note", note)
    check_not_future(errors, "reviewed_on", reviewed_on, access.today())
    errors.raise_if_any()
    review = PlanReview(plan=plan, reviewed_on=reviewed_on, note=note.strip(), by=by)
    review.save()
    return review


@action
def plan_close(*, by, plan: SupportPlan, reason: str) -> SupportPlan:
    """Close the plan with a reason and schedule its aftercare reviews."""
    if by is not None:
        check_case_worker(by, plan.case)
    _check_open_plan(plan)
    errors = FieldErrors()
    check_text(errors, "reason", reason, limit=MAX_SHORT)
    errors.raise_if_any()
    today = access.today()
    plan.closed_on, plan.closed_by, plan.closure_reason = today, by, reason.strip()
    plan.save(update_fields=["closed_on", "closed_by", "closure_reason"])
    for months in aftercare_months():
        AftercareReview(plan=plan, months_after=months, due_on=add_months(today, months)).save()
    return plan


@action
def aftercare_review_record(
    *, by, review: AftercareReview, done_on: datetime.date, note: str
) -> AftercareReview:
    """Record that an aftercare review took place, and its outcome."""
    if by is None:
        raise ValidationError(_("A named member records every aftercare review."))
    check_case_worker(by, review.plan.case)
    if review.done_on is not None:
        raise ValidationError(_("This aftercare review is recorded already."))
    errors = FieldErrors()
    check_text(errors, "note", note, limit=MAX_SHORT)
    check_not_future(errors, "done_on", done_on, access.today())
    if review.plan.closed_on and done_on < review.plan.closed_on:
        errors.add("done_on", _("An aftercare review comes after the plan closed."))
    errors.raise_if_any()
    review.done_on, review.note, review.done_by = done_on, note.strip(), by
    review.save(update_fields=["done_on", "note", "done_by"])
    return review
