"""The exchange's and the circular's forms: validation only, they never save."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samen.exchange.access import (
    circular_sender_organisations,
    district_choices,
    other_level_organisations,
    receiving_organisations,
    sending_organisations,
    sends_on_behalf,
)
from samen.exchange.actions import READ_REMINDER_HOURS
from samen.exchange.models import Circular, Exchange
from samen.people.models import Team
from samen.people.roles import Role


class ExchangeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Exchange.Kind.choices)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    from_organisation = forms.ModelChoiceField(
        label=pgettext_lazy("exchange sender", "From"), queryset=None
    )
    from_district = forms.ModelChoiceField(
        label=_("For the district"),
        queryset=None,
        required=False,
        help_text=_("Leave empty when it concerns the whole city."),
    )
    to_organisation = forms.ModelChoiceField(label=_("To"), queryset=None)
    to_district = forms.ModelChoiceField(
        label=_("To the district"),
        queryset=None,
        required=False,
        help_text=_("Only when you write to the city: the district it concerns."),
    )
    due_on = forms.DateField(
        label=_("Answer wanted by"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    references = forms.CharField(
        label=_("About"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Records it is about, one a line: signal:12, initiative:3, action:7, report:2. "
            "Never a case of the case consultation."
        ),
    )
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("No names, phone numbers, e-mail addresses or other personal identifiers."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from_organisation"].queryset = sending_organisations(user)
        self.fields["to_organisation"].queryset = receiving_organisations(user)
        districts = district_choices()
        self.fields["from_district"].queryset = districts
        self.fields["to_district"].queryset = districts
        if user.role == Role.PARTNER_PROFESSIONAL:
            del self.fields["from_district"]
        else:
            del self.fields["to_district"]
            if user.role == Role.DISTRICT_COORDINATOR:
                del self.fields["from_district"]

    def clean_references(self) -> list[str]:
        text = self.cleaned_data.get("references") or ""
        return [line.strip() for line in text.replace(",", "\n").splitlines() if line.strip()]


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("No names, phone numbers, e-mail addresses or other personal identifiers."),
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Document"),
        help_text=_("A PDF or an ODT text document."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.odt"}),
    )


def _hours_label(hours: int) -> str:
    if hours % 24 == 0:
        days = hours // 24
        return str(_("after %(n)s day(s)") % {"n": days})
    return str(_("after %(n)s hours") % {"n": hours})


class CircularForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Circular.Kind.choices)
    sender_organisation = forms.ModelChoiceField(
        label=pgettext_lazy("exchange sender", "From"), queryset=None
    )
    on_behalf_of = forms.ModelChoiceField(label=_("On behalf of"), queryset=None, required=False)
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 8}))
    threat_level = forms.TypedChoiceField(
        label=_("New national threat level"),
        choices=[("", _("No change"))] + list(Circular.ThreatLevel.choices),
        coerce=int,
        empty_value=None,
        required=False,
    )
    districts = forms.ModelMultipleChoiceField(
        label=_("Districts"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    teams = forms.ModelMultipleChoiceField(
        label=_("Teams"), queryset=None, required=False, widget=forms.SelectMultiple
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=[(r.value, r.label) for r in Role if r != Role.PARTNER_PROFESSIONAL],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "With districts or teams: only these roles in them. Alone: these roles city-wide."
        ),
    )
    read_reminder_hours = forms.TypedChoiceField(
        label=_("Show me who has not read it"), coerce=int, choices=()
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sender_organisation"].queryset = circular_sender_organisations(user)
        self.fields["on_behalf_of"].queryset = other_level_organisations()
        if not sends_on_behalf(user):
            del self.fields["on_behalf_of"]
        self.fields["districts"].queryset = district_choices()
        self.fields["teams"].queryset = Team.objects.order_by("name")
        self.fields["read_reminder_hours"].choices = [
            (hours, _hours_label(hours)) for hours in READ_REMINDER_HOURS
        ]
        self.fields["read_reminder_hours"].initial = 48
