"""The demo seeder's password path: Django's validators apply there too."""

import pytest
from django.core.exceptions import ValidationError

from samen.people.actions import staff_member_create
from samen.people.seed import set_demo_password

pytestmark = pytest.mark.django_db


def test_a_demo_password_goes_through_the_validators():
    person = staff_member_create(
        by=None, email="demo@samen.test", full_name="Demo Persoon", role="frontline_worker"
    )
    with pytest.raises(ValidationError):
        set_demo_password(person, "kort")
    person.refresh_from_db()
    assert not person.has_usable_password()
    set_demo_password(person, "Samen-abcdef12345")
    person.refresh_from_db()
    assert person.check_password("Samen-abcdef12345")


def test_creating_an_account_takes_no_password():
    with pytest.raises(TypeError):
        staff_member_create(
            by=None,
            email="pw@samen.test",
            full_name="Pieter Wachtwoord",
            role="frontline_worker",
            password="gekozen door een ander",
        )
