"""Where an action stands: done, behind or on track, and the figures of the progress pages.

The rule (`action_standing`), the one every page and report uses:

- *done*: the action's status is done;
- *stopped*: it was stopped before it was done, so it is neither behind nor on track;
- *behind*: its planned end has passed, or its progress is more than TOLERANCE points under
  what a steady pace from planned start to planned end expects by today;
- *on track*: everything else, including an action without planned dates that has not run
  past anything yet.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from samen.policy.models import Action

TOLERANCE = 15  # percentage points under the steady pace before an action is behind
OPEN = (Action.Status.PLANNED, Action.Status.RUNNING)


class Standing(models.TextChoices):
    ON_TRACK = "on_track", _("on track")
    BEHIND = "behind", _("behind")
    DONE = "done", _("done")
    STOPPED = "stopped", _("stopped")


DONE = Standing.DONE
BEHIND = Standing.BEHIND
ON_TRACK = Standing.ON_TRACK
STOPPED = Standing.STOPPED
STANDINGS = (BEHIND, ON_TRACK, DONE, STOPPED)


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
    """Still open after its planned end."""
    return action.status in OPEN and action.planned_end is not None and action.planned_end < today


def action_standing(action: Action, today: datetime.date) -> Standing:
    """DONE, STOPPED, BEHIND or ON_TRACK (see the module's rule)."""
    if action.status == Action.Status.DONE:
        return DONE
    if action.status == Action.Status.STOPPED:
        return STOPPED
    if is_overdue(action, today):
        return BEHIND
    expected = expected_progress(action, today)
    if expected is not None and action.progress < expected - TOLERANCE:
        return BEHIND
    return ON_TRACK


def is_behind(action: Action, today: datetime.date) -> bool:
    return action_standing(action, today) == BEHIND


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


@dataclass
class Tally:
    """How many actions stand where, and their budget: one strategy, objective or total."""

    counts: dict[Standing, int] = field(default_factory=lambda: dict.fromkeys(STANDINGS, 0))
    planned: Decimal = Decimal(0)
    spent: Decimal = Decimal(0)

    def add(self, action: Action, standing: Standing) -> None:
        self.counts[standing] += 1
        self.planned += action.budget_planned
        self.spent += action.budget_spent

    def merge(self, other: Tally | None) -> None:
        if other is not None:
            for standing, count in other.counts.items():
                self.counts[standing] += count
            self.planned += other.planned
            self.spent += other.spent

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def behind(self) -> int:
        return self.counts[BEHIND]

    @property
    def on_track(self) -> int:
        return self.counts[ON_TRACK]

    @property
    def done(self) -> int:
        return self.counts[DONE]

    @property
    def stopped(self) -> int:
        return self.counts[STOPPED]

    @property
    def spent_percent(self) -> int | None:
        """Budget spent as a % of planned (None when nothing was planned)."""
        return round(100 * self.spent / self.planned) if self.planned else None
