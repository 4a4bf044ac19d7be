"""The monitor's forms: its filters and the tension level a coordinator records."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from samen.signals.filters import SignalFilterForm
from samen.signals.models import TensionLevel, week_of

# How far back a level can be chosen in the form: the weeks of the usual monthly review.
CHOOSABLE_WEEKS = 8


class MonitorFilterForm(SignalFilterForm):
    """The shared signal filters without the ones the monitor answers by itself.

    The district is the page's own; the status says nothing about tension. The overview has
    no lists of signals, so it shows no severity filter either (see docs/monitor.md).
    """

    def __init__(self, data=None, *args, with_severity: bool = True, **kwargs):
        if data is not None and not data.get("period"):
            # Show the period the page uses when none is chosen, not the list's first one.
            data = data.copy()
            data["period"] = str(kwargs.get("default_weeks", 12))
        super().__init__(data, *args, **kwargs)
        del self.fields["district"]
        del self.fields["status"]
        if not with_severity:
            del self.fields["severity"]


def week_choices(today: datetime.date | None = None) -> list[tuple[str, str]]:
    """Return the weeks a level can be recorded for: this one and the ones just before."""
    this_week = week_of(today or timezone.localdate())
    weeks = [this_week - datetime.timedelta(weeks=n) for n in range(CHOOSABLE_WEEKS)]
    return [
        (
            week.isoformat(),
            _("week %(number)s, from %(day)s")
            % {"number": week.isocalendar().week, "day": date_format(week, "j F Y")},
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
