"""The tension level a coordinator records.

The monitor's filters are the signal list's (samen.signals.filters.MonitorFilterForm, through
samen.core.counters).
"""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from samen.core.weeks import week_of
from samen.monitor.models import TensionLevel

# How far back a level can be chosen in the form: the weeks of the usual monthly review.
CHOOSABLE_WEEKS = 8


def week_choices(today: datetime.date | None = None) -> list[tuple[str, str]]:
    """Return the weeks a level can be recorded for: this one and the ones just before."""
    this_week = week_of(today or timezone.localdate())
    weeks = [this_week - datetime.timedelta(weeks=n) for n in range(CHOOSABLE_WEEKS)]
    return [
        (
            week.isoformat(),
            _("week %(number)s, from %(day)s")
            % {"number": week.isocalendar().week, "day": date_format(week, "DATE_FORMAT")},
        )
        for week in weeks
    ]


class TensionLevelForm(forms.Form):
    week = forms.TypedChoiceField(
        label=_("Week"), coerce=datetime.date.fromisoformat, choices=week_choices
    )
    level = forms.TypedChoiceField(
        label=_("Tension level"),
        coerce=int,
        choices=TensionLevel.Level.choices,
        widget=forms.RadioSelect,
    )
    rationale = forms.CharField(
        label=_("Rationale"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "What you see and hear, and on what the level rests: the signals, the meetings, "
            "the partners. Describe situations, never named persons."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["week"].initial = week_of(timezone.localdate()).isoformat()
