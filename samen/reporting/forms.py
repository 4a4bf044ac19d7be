"""The forms of the reports to other levels: validation only."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.reporting.actions import FIRST_YEAR, recipients_offered


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].choices = [(y, y) for y in range(this_year, FIRST_YEAR - 1, -1)]
        self.fields["year"].initial = this_year - 1


class SendForm(forms.Form):
    recipients = forms.ModelMultipleChoiceField(
        label=_("Send to"),
        queryset=recipients_offered().none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Partner organisations at the federal, Flemish or Walloon level."),
        error_messages={"required": _("Choose at least one organisation to send the report to.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipients"].queryset = recipients_offered().order_by("policy_level", "name")
