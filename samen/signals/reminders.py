"""The morning scan that tells whoever linked a follow-up with a due date that it is coming
due or overdue (the notification kind "signals.follow_up_due").

Only the follow-up's author is told, and only while they may still act on its signal (a
coordinator who moved to another district is not): the link opens the signal, which they see.
"""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from samen.core.actions import action
from samen.notifications import notify
from samen.people.roles import Role
from samen.signals.access import ALL_SIGNALS_ROLES, may_triage
from samen.signals.models import FollowUp, Signal

FOLLOW_UP_DUE = "signals.follow_up_due"
DUE_DAYS = 3  # how many days ahead an open follow-up counts as coming due


def may_own_follow_ups(person) -> bool:
    """Whether this person can link follow-ups (the preferences page asks)."""
    return person.role in ALL_SIGNALS_ROLES or person.role == Role.DISTRICT_COORDINATOR


@action
def follow_ups_remind(*, by, today: datetime.date | None = None) -> int:
    """Tell each author of an open follow-up due within DUE_DAYS, then again once it is
    overdue; return how many follow-ups were looked at. Safe to run every morning: each
    reminder is keyed by follow-up and state, so a second run tells nobody twice."""
    today = today or timezone.localdate()
    follow_ups = FollowUp.objects.filter(
        is_open=True,
        due_on__lte=today + datetime.timedelta(days=DUE_DAYS),
        created_by__is_active=True,
    ).exclude(signal__status=Signal.Status.CLOSED)
    follow_ups = follow_ups.select_related("created_by", "signal")
    for follow_up in follow_ups:
        author = follow_up.created_by
        if not may_triage(author, follow_up.signal):
            continue
        state = "overdue" if follow_up.due_on < today else "due"
        notify(
            FOLLOW_UP_DUE,
            recipients=[author],
            params={"due_on": follow_up.due_on.isoformat(), "signal": follow_up.signal_id},
            url=reverse("signals:detail", args=[follow_up.signal_id]),
            key=f"signals:follow-up:{follow_up.pk}:{state}",
        )
    return len(follow_ups)
