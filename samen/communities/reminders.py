"""The morning scan that tells owners of restore actions coming due or overdue."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from samen.communities.access import COMMUNITY_ROLES
from samen.communities.models import RestoreAction, RestorePlan
from samen.core.actions import action
from samen.notifications import notify

# How many days ahead an open restore action counts as coming due.
DUE_DAYS = 3


def may_own_restore_actions(person) -> bool:
    """Whether this person can own restore actions (the preferences page asks)."""
    return person.role in COMMUNITY_ROLES


@action
def restore_actions_remind(*, by, today: datetime.date | None = None) -> int:
    """Tell each owner of an open plan's unfinished action due within DUE_DAYS, then again
    once it is overdue; return how many actions were looked at. Safe to run every morning."""
    today = today or timezone.localdate()
    actions = RestoreAction.objects.filter(
        done_on=None,
        plan__status=RestorePlan.Status.OPEN,
        deadline__lte=today + datetime.timedelta(days=DUE_DAYS),
        owner__is_active=True,
    ).select_related("owner")
    for restore_action in actions:
        state = "overdue" if restore_action.deadline < today else "due"
        notify(
            "communities.restore_action_due",
            recipients=[restore_action.owner],
            params={"deadline": restore_action.deadline.isoformat()},
            url=reverse("communities:restore_plan", args=[restore_action.plan_id]),
            key=f"communities:restore-action:{restore_action.pk}:{state}",
        )
    return len(actions)
