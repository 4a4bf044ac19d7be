"""The other cities' forms: validation only, the actions check again and write."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.core.errors import FieldErrors
from samen.peers.actions import check_address, check_token, clean_address

LONGEST_DAYS = 5 * 366


class PeerForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=120, help_text=_("The other city, e.g. Gent or Liège.")
    )
    base_url = forms.CharField(
        label=_("Address of their Samen"),
        max_length=300,
        help_text=_("Where people open their Samen, starting with https://."),
    )
    token = forms.CharField(
        label=_("Partner token"),
        max_length=200,
        widget=forms.PasswordInput(render_value=False),
        help_text=_(
            "The token their administrator issued to this city, with only the scope to read "
            "the suppressed statistics. It is kept encrypted and never shown again."
        ),
    )

    def __init__(self, *args, changing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if changing:
            self.fields["token"].required = False
            self.fields["token"].label = _("New partner token")
            self.fields["token"].help_text = _("Leave empty to keep the token recorded.")

    def clean_base_url(self) -> str:
        url = clean_address(self.cleaned_data["base_url"])
        errors = FieldErrors()
        check_address(errors, url)
        if errors:
            raise ValidationError(errors["base_url"])
        return url

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].strip()
        errors = FieldErrors()
        if token:
            check_token(errors, token)
        if errors:
            raise ValidationError(errors["token"])
        return token


def twelve_months(today: datetime.date | None = None) -> dict:
    """The twelve whole months before this one, per month and per category group."""
    today = today or timezone.localdate()
    until = today.replace(day=1) - datetime.timedelta(days=1)
    since = today.replace(year=today.year - 1, day=1)
    return {"since": since, "until": until, "granularity": "month", "level": "group"}


class ComparisonForm(forms.Form):
    since = forms.DateField(label=_("From"), widget=forms.DateInput({"type": "date"}))
    until = forms.DateField(label=_("Until"), widget=forms.DateInput({"type": "date"}))
    granularity = forms.ChoiceField(
        label=_("Counts per"), choices=[("month", _("month")), ("week", _("week"))]
    )
    level = forms.ChoiceField(
        label=_("Categories"), choices=[("group", _("per group")), ("category", _("each one"))]
    )

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until:
            if until < since:
                raise ValidationError(_("The period ends before it starts."))
            if (until - since).days > LONGEST_DAYS:
                raise ValidationError(_("Choose a period of at most five years."))
            if since.year < 2000:
                raise ValidationError(_("Ask for counts from 2000 on."))
        return data
