"""Forms of the case consultation: they validate the shape of input, the actions the rest."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.cases.models import Clearance, CoreSeat, Correction, ExtremismType
from samen.people.models import User


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ReferralForm(forms.Form):
    """Refer a person. Whatever is entered, the answer is the same: nothing about known people."""

    name = forms.CharField(label=_("Name of the person"), max_length=200)
    birth_date = forms.DateField(
        label=_("Date of birth (if known)"), required=False, widget=DateInput()
    )
    address = forms.CharField(label=_("Address (if needed)"), max_length=300, required=False)
    extremism_type = forms.ChoiceField(label=_("Type of extremism"), choices=ExtremismType.choices)
    reason = forms.CharField(
        label=_("Why do you refer this person?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What you observed and why it worries you. No copies of police files."),
    )


class AcceptForm(forms.Form):
    purpose = forms.CharField(
        label=_("Purpose of the case"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The prevention of violent extremism this case serves."),
    )
    review_on = forms.DateField(label=_("Review date"), widget=DateInput())


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class CloseForm(ReasonForm):
    aftercare_needed = forms.BooleanField(
        label=_("Aftercare was needed (kept five years instead of one)"), required=False
    )


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the professional"))
    ends_on = forms.DateField(label=_("Access until"), widget=DateInput())

    def clean_email(self) -> User:
        email = self.cleaned_data["email"].strip().lower()
        user = User.objects.filter(email=email, is_active=True).first()
        if user is None:
            raise ValidationError(_("There is no active account with this e-mail address."))
        return user


class CorrectionForm(forms.Form):
    field = forms.ChoiceField(label=_("What to correct"), choices=Correction.Field.choices)
    value = forms.CharField(
        label=_("Correct value"),
        max_length=4000,
        required=False,
        help_text=_("Dates as YYYY-MM-DD."),
    )
    reason = forms.CharField(label=_("Reason for the correction"), max_length=4000)


class ReviewDateForm(forms.Form):
    review_on = forms.DateField(label=_("New review date"), widget=DateInput())


class CycleForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=120)
    starts_on = forms.DateField(label=_("From"), widget=DateInput())
    ends_on = forms.DateField(label=_("Until"), widget=DateInput())


class SeatForm(forms.Form):
    """Propose someone for a core seat (the mayor's seat is proposed by an operator)."""

    kind = forms.ChoiceField(
        label=_("Seat"),
        choices=[c for c in CoreSeat.Kind.choices if c[0] != CoreSeat.Kind.MAYOR],
    )
    email = forms.EmailField(label=_("E-mail address of the person"))
    clearance = forms.TypedChoiceField(
        label=_("Security clearance"),
        choices=Clearance.choices,
        coerce=int,
        initial=Clearance.NONE,
        help_text=_("For the police representative: at least secret, as the law asks."),
    )
    clearance_expires_on = forms.DateField(
        label=_("Clearance valid until"), required=False, widget=DateInput()
    )

    def clean_email(self) -> User:
        email = self.cleaned_data["email"].strip().lower()
        user = User.objects.filter(email=email, is_active=True).first()
        if user is None:
            raise ValidationError(_("There is no active account with this e-mail address."))
        return user


class DelegationForm(forms.Form):
    delegate = forms.ModelChoiceField(label=_("Delegate"), queryset=User.objects.none())
    starts_on = forms.DateField(label=_("From"), widget=DateInput())
    ends_on = forms.DateField(label=_("Until"), widget=DateInput())

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegate"].queryset = members


class CaseSearchForm(forms.Form):
    q = forms.CharField(label=_("Reference or full name"), max_length=200, required=False)


class PersonSearchForm(forms.Form):
    name = forms.CharField(label=_("Full name of the person"), max_length=200)


class StatisticsForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    @staticmethod
    def initial_year() -> int:
        return timezone.localdate().year


def first_error(error: ValidationError) -> list[str]:
    """The messages of an action's ValidationError, for a message on the next page."""
    if hasattr(error, "error_dict"):
        return [message for messages in error.message_dict.values() for message in messages]
    return list(error.messages)


def default_ends_on() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=90)
