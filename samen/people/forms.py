from django import forms
from django.utils.translation import gettext_lazy as _

from samen.people.models import PolicyLevel
from samen.people.roles import Role


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or e-mail"), required=False, max_length=100)
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=[("", _("All roles")), *Role.choices]
    )


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    policy_level = forms.ChoiceField(
        label=_("Policy level"),
        required=False,
        choices=[("", _("All levels")), *PolicyLevel.choices],
    )
