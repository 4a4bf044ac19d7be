"""Forms of the case work: they validate the shape of input; the actions decide the rest."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.cases.actions.work_rules import MAX_NARRATIVE, MAX_SHORT
from samen.cases.forms.cases import DateInput
from samen.cases.models import DOMAINS, ActionStatus, Attendance, PoliceExchange
from samen.cases.models.police import REFERENCE_MAX_LENGTH
from samen.people.models import Organisation, User


class TimeInput(forms.TimeInput):
    input_type = "time"


def organisations():
    return Organisation.objects.filter(is_active=True).order_by("name")


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DateInput())
    starts_at = forms.TimeField(label=_("Time"), required=False, widget=TimeInput())
    place = forms.CharField(label=_("Place"), max_length=200)
    chair = forms.ModelChoiceField(label=_("Chair"), queryset=User.objects.none())

    def __init__(self, *args, chairs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = chairs


class AgendaForm(forms.Form):
    case = forms.ModelChoiceField(label=_("Case"), queryset=None)

    def __init__(self, *args, cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases


class AttendanceForm(forms.Form):
    """One choice per member who may attend, named after the member."""

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        for member in members:
            self.fields[f"member-{member.pk}"] = forms.ChoiceField(
                label=str(member),
                choices=[("", "—"), *Attendance.Status.choices],
                required=False,
            )

    def statuses(self) -> dict[int, str]:
        return {
            int(name.removeprefix("member-")): value
            for name, value in self.cleaned_data.items()
            if value
        }


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"), max_length=MAX_NARRATIVE, widget=forms.Textarea(attrs={"rows": 6})
    )


class OwnedActionFields(forms.Form):
    owner_organisation = forms.ModelChoiceField(
        label=_("Owner organisation"), queryset=Organisation.objects.none(), required=False
    )
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=User.objects.none(), required=False)
    due_on = forms.DateField(label=_("Deadline"), required=False, widget=DateInput())

    def __init__(self, *args, owners=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].queryset = organisations()
        self.fields["owner"].queryset = owners if owners is not None else User.objects.none()


class DecisionForm(OwnedActionFields):
    text = forms.CharField(
        label=_("Decision"), max_length=MAX_SHORT, widget=forms.Textarea(attrs={"rows": 3})
    )
    field_order = ["text", "owner_organisation", "owner", "due_on"]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)


class AssessmentForm(forms.Form):
    assessed_on = forms.DateField(label=_("Date of the assessment"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in DOMAINS:
            self.fields[name] = forms.CharField(
                label=label,
                max_length=MAX_NARRATIVE,
                required=name == "protective_factors",
                widget=forms.Textarea(attrs={"rows": 5}),
            )
        self.fields["protective_factors"].help_text = _(
            "Required: what protects this person, and what can be built on."
        )

    def narratives(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name, _label in DOMAINS}


class PoliceExchangeForm(forms.Form):
    exchanged_on = forms.DateField(label=_("Date"), widget=DateInput())
    direction = forms.ChoiceField(
        label=_("The information was"), choices=PoliceExchange.Direction.choices
    )
    counterpart = forms.ChoiceField(
        label=_("Police or Local Task Force"), choices=PoliceExchange.Counterpart.choices
    )
    exchanged_by = forms.ModelChoiceField(
        label=_("Given or received by"), queryset=User.objects.none()
    )
    reference = forms.CharField(
        label=_("Reference number (optional)"),
        max_length=REFERENCE_MAX_LENGTH,
        required=False,
        help_text=_("Only their file number, never what was said."),
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["exchanged_by"].queryset = members


class PlanActionForm(OwnedActionFields):
    description = forms.CharField(label=_("Action"), max_length=MAX_SHORT)
    field_order = ["description", "owner_organisation", "owner", "due_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due_on"].required = True


class PlanReviewForm(forms.Form):
    reviewed_on = forms.DateField(
        label=_("Date of the review"), widget=DateInput(), initial=timezone.localdate
    )
    note = forms.CharField(
        label=_("Review"), max_length=MAX_NARRATIVE, widget=forms.Textarea(attrs={"rows": 3})
    )


class PlanCloseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for closing the plan"),
        max_length=MAX_SHORT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AftercareReviewForm(forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DateInput(), initial=timezone.localdate)
    note = forms.CharField(
        label=_("Outcome"), max_length=MAX_SHORT, widget=forms.Textarea(attrs={"rows": 2})
    )
