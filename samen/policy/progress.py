"""Where an action stands against its plan: on track, behind, done (or stopped).

One rule, shared by the progress pages and the yearly reports, so that both count alike.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.policy.models import Action

# Points of progress an action may lag behind the straight line from its planned start to its
# planned end before it counts as behind.
TOLERANCE_POINTS = 15


class Standing(models.TextChoices):
    ON_TRACK = "on_track", _("on track")
    BEHIND = "behind", _("behind")
    DONE = "done", _("done")
    STOPPED = "stopped", _("stopped")


def expected_progress(action: Action, today: datetime.date) -> float | None:
    """The progress a straight line from planned start (0%) to planned end (100%) expects
    today; None when the action has no planned period."""
    start, end = action.planned_start, action.planned_end
    if start is None or end is None:
        return None
    if today <= start:
        return 0.0
    if today >= end:
        return 100.0
    return 100 * (today - start).days / (end - start).days


def action_standing(action: Action, today: datetime.date) -> Standing:
    """Done, stopped, or behind (past its planned end and not done, or more than
    TOLERANCE_POINTS under the linear expectation), else on track."""
    if action.status == Action.Status.DONE:
        return Standing.DONE
    if action.status == Action.Status.STOPPED:
        return Standing.STOPPED
    if action.planned_end is not None and today > action.planned_end:
        return Standing.BEHIND
    expected = expected_progress(action, today)
    if expected is not None and action.progress < expected - TOLERANCE_POINTS:
        return Standing.BEHIND
    return Standing.ON_TRACK
