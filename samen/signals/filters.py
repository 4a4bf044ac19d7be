"""The filters shared by the signal list, the exports and the tension monitor's pages."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from samen.core.weeks import Period, last_weeks, week_of
from samen.places.models import Place
from samen.signals.models import Category, Signal

RELATIVE_PERIODS = {"4": 4, "12": 12, "52": 52}


class SignalFilterForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Period"),
        required=False,
        choices=[
            ("4", _("Last 4 weeks")),
            ("12", _("Last 12 weeks")),
            ("52", _("Last 52 weeks")),
            ("custom", _("From – until")),
        ],
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        required=False,
        queryset=Category.objects.none(),
        empty_label=_("All categories"),
    )
    severity = forms.TypedChoiceField(
        label=_("Severity at least"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Any severity")), *Signal.Severity.choices],
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        required=False,
        queryset=Place.objects.none(),
        empty_label=_("All districts"),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *Signal.Status.choices]
    )

    def __init__(self, *args, default_weeks: int = 12, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_weeks = default_weeks
        self.fields["category"].queryset = Category.objects.filter(parent__isnull=False)
        self.fields["category"].label_from_instance = lambda c: c.name
        districts = Place.objects.districts().without_boundary()
        self.fields["district"].queryset = districts.order_by("name_nl")

    def clean(self):
        data = super().clean()
        if data.get("period") == "custom":
            since, until = data.get("since"), data.get("until")
            if not since or not until:
                raise ValidationError(_("Give both dates of the period."))
            if until < since:
                raise ValidationError(_("The period ends before it starts."))
            if (until - since).days > 5 * 366:
                raise ValidationError(_("Choose a period of at most five years."))
        return data

    @property
    def chosen_period(self) -> Period:
        data = self.cleaned_data if self.is_valid() else {}
        choice = data.get("period") or ""
        if choice in RELATIVE_PERIODS:
            return last_weeks(RELATIVE_PERIODS[choice])
        if choice == "custom":
            return Period(week_of(data["since"]), week_of(data["until"]))
        return last_weeks(self.default_weeks)

    def apply(self, signals: QuerySet) -> QuerySet:
        """Narrow a queryset of signals to the chosen filters (invalid filters: nothing)."""
        if not self.is_valid():
            return signals.none()
        data = self.cleaned_data
        period = self.chosen_period
        signals = signals.filter(week__gte=period.first, week__lte=period.last)
        if data.get("category"):
            signals = signals.filter(categories=data["category"])
        if data.get("severity"):
            signals = signals.filter(severity__gte=data["severity"])
        if data.get("district"):
            signals = signals.filter(district=data["district"])
        if data.get("status"):
            signals = signals.filter(status=data["status"])
        return signals


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
