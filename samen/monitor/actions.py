"""Every write of the tension monitor: a coordinator's judgement of a district's tension, and
the early warnings published to partners' webhooks.

The weekly counts are written by the signals module's actions, through samen.core.counters.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samen.api.events import add_event_kind, publish_event
from samen.core.actions import action
from samen.core.errors import FieldErrors
from samen.core.weeks import week_of
from samen.monitor.access import may_set_tension_level
from samen.monitor.early_warning import assess, baseline_weeks, false_alarm_rate, load_counts
from samen.monitor.models import TensionLevel
from samen.monitor.notices import tension_level_notify
from samen.places.models import Place
from samen.privacy.small_cells import SMALL, SMALL_CELL_LIMIT
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


# Partners' systems may hear of early warnings through a webhook (samen.api.events).
EARLY_WARNING = add_event_kind("early_warning", gettext_lazy("early warning"))


def shown(count: int) -> int | str:
    """A count as it may leave Samen: 1 to 4 as "<5" (samen.privacy.small_cells)."""
    return SMALL if 0 < count < SMALL_CELL_LIMIT else count


@action
def early_warnings_publish(*, by, today: datetime.date | None = None) -> int:
    """Publish the early warnings of every district for this week and last to the webhooks
    that asked for them, each district-week once; return how many warnings there are.

    What leaves is the district, the week and the counts, suppressed: never a signal.
    """
    today = today or timezone.localdate()
    this_week = week_of(today)
    weeks = [this_week - datetime.timedelta(weeks=1), this_week]
    history = baseline_weeks()
    districts = list(Place.objects.districts().order_by("code"))
    counts = load_counts(
        [d.pk for d in districts], weeks[0] - datetime.timedelta(weeks=history), this_week
    )
    found = 0
    for district in districts:
        stats = assess(
            weeks,
            counts.get((district.pk, None), {}),
            history=history,
            rate=false_alarm_rate(),
            today=today,
        )
        for stat in stats:
            if stat.warning is None:
                continue
            found += 1
            year, number, _day = stat.week.isocalendar()
            publish_event(
                EARLY_WARNING,
                {
                    "district": district.code,
                    "district_name": district.name,
                    "week": f"{year}-W{number:02d}",
                    "week_starts": stat.week.isoformat(),
                    "partial_week": stat.partial,
                    "signals": shown(stat.count),
                    "usual_at_most": shown(stat.upper),
                },
                key=f"{EARLY_WARNING}:{district.code}:{stat.week.isoformat()}",
            )
    return found
