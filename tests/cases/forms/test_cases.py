"""The case consultation's forms check the shape of input: required fields, known accounts
only, no mayor's seat offered, and an action's problems turned into messages."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from samen.cases.forms.cases import (
    InviteForm,
    ReferralForm,
    SeatForm,
    StatisticsForm,
    default_ends_on,
    first_error,
)
from samen.cases.models import CoreSeat


def test_a_referral_needs_a_name_a_type_and_a_reason():
    form = ReferralForm({"name": "", "extremism_type": "unknown", "reason": ""})
    assert not form.is_valid()
    assert set(form.errors) == {"name", "extremism_type", "reason"}
    good = ReferralForm(
        {"name": "Sara Claes", "extremism_type": "left_wing", "reason": "Online haat."}
    )
    assert good.is_valid(), good.errors
    assert good.cleaned_data["birth_date"] is None and good.cleaned_data["address"] == ""


@pytest.mark.django_db
def test_an_invitation_goes_to_an_active_account_found_by_its_address(personas):
    form = InviteForm({"email": "  Partner@Samen.test ", "ends_on": "2026-09-01"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["email"] == personas.partner
    unknown = InviteForm({"email": "nobody@samen.test", "ends_on": "2026-09-01"})
    assert not unknown.is_valid()
    assert unknown.errors["email"] == ["There is no active account with this e-mail address."]


@pytest.mark.django_db
def test_an_inactive_account_gets_no_seat(personas):
    personas.partner.is_active = False
    personas.partner.save(update_fields=["is_active"])
    form = SeatForm({"kind": "police", "email": "partner@samen.test", "clearance": "2"})
    assert not form.is_valid()
    assert "email" in form.errors


@pytest.mark.django_db
def test_the_mayors_seat_is_not_offered_and_the_clearance_is_a_number():
    assert CoreSeat.Kind.MAYOR not in dict(SeatForm().fields["kind"].choices)
    form = SeatForm({"kind": "mayor", "email": "x@samen.test", "clearance": "2"})
    assert not form.is_valid() and "kind" in form.errors
    assert SeatForm().fields["clearance"].coerce("2") == 2


def test_statistics_are_asked_for_a_plausible_year():
    assert StatisticsForm({"year": "2025"}).is_valid()
    assert not StatisticsForm({"year": "1999"}).is_valid()
    assert not StatisticsForm({"year": "nonsense"}).is_valid()


def test_an_actions_problems_become_messages_whatever_their_shape():
    by_field = ValidationError({"reason": ["Give a reason."], "email": ["Unknown."]})
    assert sorted(first_error(by_field)) == ["Give a reason.", "Unknown."]
    assert first_error(ValidationError("The case is closed.")) == ["The case is closed."]


@time_machine.travel(datetime.datetime(2026, 6, 15, 9, tzinfo=datetime.UTC), tick=False)
def test_access_ends_ninety_days_ahead_by_default():
    assert default_ends_on() == datetime.date(2026, 9, 13)
    assert StatisticsForm.initial_year() == 2026
