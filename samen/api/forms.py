"""The partner pages' forms: validation only, the actions check again and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.api.access import grantable_organisations
from samen.api.scopes import scopes
from samen.people.models import Organisation


class PartnerTokenForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    name = forms.CharField(
        label=_("Name"), max_length=120, help_text=_("What the token is for, e.g. its system.")
    )
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"), widget=forms.CheckboxSelectMultiple, choices=()
    )
    ends_on = forms.DateField(label=_("Valid until"), widget=forms.DateInput({"type": "date"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = grantable_organisations(user)
        self.fields["scopes"].choices = [(scope.code, scope.label) for scope in scopes()]
