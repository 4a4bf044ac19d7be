"""Whether an action is on track: the progress expected by now, overdue, behind.

One rule, shared by the progress pages, the home page and the yearly reports
(`action_standing`): an action still planned or running is *overdue* once its planned end has
passed, and *behind* when it is overdue or more than TOLERANCE points below the progress
expected by now, which grows evenly from its planned start to its planned end. Done and
stopped actions are never behind. *Late* (still planned, its planned start passed without
progress) is a hint on the action's page; the straight line makes such an action behind soon
enough.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from samen.policy.models import Action

TOLERANCE = 15
OPEN = (Action.Status.PLANNED, Action.Status.RUNNING)


def expected_progress(action: Action, today: datetime.date) -> int | None:
    """The % an action planned from start to end should have reached today (None: no plan)."""
    start, end = action.planned_start, action.planned_end
    if start is None or end is None:
        return None
    if today <= start:
        return 0
    if today >= end:
        return 100
    return round(100 * (today - start).days / max((end - start).days, 1))


def is_overdue(action: Action, today: datetime.date) -> bool:
    return action.status in OPEN and action.planned_end is not None and action.planned_end < today


def is_late(action: Action, today: datetime.date) -> bool:
    return (
        action.status == Action.Status.PLANNED
        and action.planned_start is not None
        and action.planned_start < today
        and action.progress == 0
    )


class Standing(models.TextChoices):
    ON_TRACK = "on_track", _("on track")
    BEHIND = "behind", _("behind")
    DONE = "done", _("done")
    STOPPED = "stopped", _("stopped")


def action_standing(action: Action, today: datetime.date) -> Standing:
    """Done, stopped, or behind (past its planned end and not done, or more than TOLERANCE
    points under the progress expected by now), else on track."""
    if action.status == Action.Status.DONE:
        return Standing.DONE
    if action.status == Action.Status.STOPPED:
        return Standing.STOPPED
    if is_overdue(action, today):
        return Standing.BEHIND
    expected = expected_progress(action, today)
    if expected is not None and action.progress < expected - TOLERANCE:
        return Standing.BEHIND
    return Standing.ON_TRACK


def is_behind(action: Action, today: datetime.date) -> bool:
    return action_standing(action, today) == Standing.BEHIND


def placed_in(model, place) -> Q:
    """Actions or initiatives placed in a district (in it or one of its neighbourhoods) or in
    a neighbourhood (there)."""
    through = model.places.through
    rows = through.objects.filter(**{model._meta.model_name: OuterRef("pk")})
    if place.kind == "district":
        rows = rows.filter(Q(place_id=place.pk) | Q(place__parent_id=place.pk))
    else:
        rows = rows.filter(place_id=place.pk)
    return Q(Exists(rows))


def actions_in(place) -> Q:
    """Actions in a place: placed there, or, for a district, in its own plans."""
    if place.kind == "district":
        return placed_in(Action, place) | Q(plan__district_id=place.pk)
    return placed_in(Action, place)


def behind_among(actions: QuerySet[Action], today: datetime.date) -> list[Action]:
    """The open actions of `actions` that are behind, the most overdue first."""
    found = [a for a in actions.filter(status__in=OPEN) if is_behind(a, today)]
    return sorted(found, key=lambda a: (a.planned_end or datetime.date.max, a.code))
