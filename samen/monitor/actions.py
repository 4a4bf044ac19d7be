"""Every write of the tension monitor: a coordinator's judgement of a district's tension.

The weekly counts are written by the signals module's actions, through samen.core.counters.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.core.actions import action
from samen.core.errors import FieldErrors
from samen.core.weeks import week_of
from samen.monitor.access import may_set_tension_level
from samen.monitor.models import TensionLevel
from samen.monitor.notices import tension_level_notify
from samen.places.models import Place
from samen.privacy.text_guard import check_text


@action
def tension_level_set(
    *, by, place: Place, week: datetime.date, level: int, rationale: str
) -> TensionLevel:
    """Record a coordinator's judgement for a district-week; earlier ones stay in history."""
    if not may_set_tension_level(by, place):
        raise PermissionDenied
    rationale = rationale.strip()
    errors = FieldErrors()
    if level not in TensionLevel.Level.values:
        errors.add("level", _("Choose a level from 1 to 4."))
    if not rationale:
        errors.add("rationale", _("Explain the level: what you see, and on what it rests."))
    if week != week_of(week):
        errors.add("week", _("A week starts on Monday."))
    elif week > week_of(timezone.localdate()):
        errors.add("week", _("A level is set for this week or an earlier one."))
    errors.raise_if_any()
    check_text("rationale", rationale)
    judgement = TensionLevel(place=place, week=week, level=level, rationale=rationale, set_by=by)
    judgement.save()
    tension_level_notify(judgement, by=by)
    return judgement
