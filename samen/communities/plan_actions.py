"""Every write to restore plans: open one (from a signal too), add and finish steps, close it."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.communities.access import check_may_edit_relationship, may_own_restore_actions
from samen.communities.models import Relationship, RestoreAction, RestorePlan
from samen.core.actions import action
from samen.core.errors import FieldErrors
from samen.core.follow_ups import record_follow_up
from samen.privacy.text_guard import check_text

LONGEST = datetime.timedelta(days=366 * 2)
# What a restore plan is to a signal it follows up, and the prefix of its reference there.
FOLLOW_UP_KIND = "restore_plan"


def _check_open(plan: RestorePlan) -> None:
    if plan.status != RestorePlan.Status.OPEN:
        raise ValidationError(_("This restore plan is closed."))


@action
def restore_plan_create(
    *, by, relationship: Relationship, title: str, goal: str, signal=None
) -> RestorePlan:
    """Open a restore plan; from a signal, record it as the signal's follow-up in the same step.

    `signal` must come from `samen.core.follow_ups.signal_to_follow_up`: the follow-up itself
    checks that `by` may triage it, and refuses a signal that is new or closed, which rolls
    the plan back with it.
    """
    check_may_edit_relationship(by, relationship)
    problems = FieldErrors()
    title, goal = title.strip(), goal.strip()
    if not title:
        problems.add("title", _("Give the plan a title."))
    elif len(title) > 160:
        problems.add("title", _("Keep the title under 160 characters."))
    if not goal:
        problems.add("goal", _("Say what the plan should achieve."))
    elif len(goal) > 1000:
        problems.add("goal", _("Keep the goal under 1,000 characters."))
    if relationship.restore_plans.filter(status=RestorePlan.Status.OPEN).exists():
        problems.add(
            "relationship", _("This relationship already has an open restore plan: add to it.")
        )
    problems.raise_if_any()
    check_text("title", title)
    check_text("goal", goal)
    plan = RestorePlan(
        relationship=relationship, title=title, goal=goal, signal=signal, created_by=by
    )
    plan.save()
    if signal is not None:
        record_follow_up(
            by=by,
            signal=signal,
            kind=FOLLOW_UP_KIND,
            reference=f"{FOLLOW_UP_KIND}:{plan.pk}",
        )
    return plan


@action
def restore_action_add(
    *, by, plan: RestorePlan, description: str, owner, deadline: datetime.date
) -> RestoreAction:
    """Add a step with the staff member who owns it and its deadline."""
    check_may_edit_relationship(by, plan.relationship)
    _check_open(plan)
    problems = FieldErrors()
    description = description.strip()
    if not description:
        problems.add("description", _("Say what has to be done."))
    elif len(description) > 300:
        problems.add("description", _("Keep it under 300 characters."))
    if owner is None or not owner.is_active:
        problems.add("owner", _("Choose an active staff member."))
    elif not may_own_restore_actions(owner, plan.relationship):
        problems.add("owner", _("The owner must work with one of these communities."))
    today = timezone.localdate()
    if deadline < today:
        problems.add("deadline", _("A new deadline cannot lie in the past."))
    elif deadline > today + LONGEST:
        problems.add("deadline", _("Choose a deadline within two years."))
    problems.raise_if_any()
    check_text("description", description)
    step = RestoreAction(plan=plan, description=description, owner=owner, deadline=deadline)
    step.save()
    return step


@action
def restore_action_done(*, by, step: RestoreAction) -> RestoreAction:
    check_may_edit_relationship(by, step.plan.relationship)
    _check_open(step.plan)
    if step.done_on is not None:
        raise ValidationError(_("This action is done already."))
    step.done_on = timezone.localdate()
    step.save(update_fields=["done_on"])
    return step


@action
def restore_plan_close(*, by, plan: RestorePlan, status: str) -> RestorePlan:
    """Close a plan as restored or stopped; its open actions stay as they were, for the record."""
    check_may_edit_relationship(by, plan.relationship)
    _check_open(plan)
    if status not in (RestorePlan.Status.RESTORED, RestorePlan.Status.STOPPED):
        raise ValidationError({"status": _("Choose how the plan ends: restored or stopped.")})
    plan.status, plan.closed_at = status, timezone.now()
    plan.save(update_fields=["status", "closed_at"])
    return plan
