"""Whether an action is on track: the progress expected by now, overdue, behind.

An action still planned or running is *overdue* once its planned end has passed, *late* when
its planned start passed without progress, and *behind* when it is overdue, late, or more than
TOLERANCE points below the progress expected by now, which grows evenly from its planned start
to its planned end. Done and stopped actions are never behind.
"""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet

from samen.policy.models import Action

TOLERANCE = 10
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


def is_behind(action: Action, today: datetime.date) -> bool:
    if action.status not in OPEN:
        return False
    if is_overdue(action, today) or is_late(action, today):
        return True
    expected = expected_progress(action, today)
    return expected is not None and action.progress < expected - TOLERANCE


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
