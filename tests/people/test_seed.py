"""The demo seeder's password path: Django's validators apply there too."""

import pytest
from django.core.exceptions import ValidationError

from samen.core.seeding import SeedRun
from samen.people.actions import staff_member_create
from samen.people.models import User
from samen.people.seed import DEMO_ACCOUNTS, seed_people, set_demo_password
from samen.places.models import Place

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


def test_the_staff_bar_counts_the_whole_department_demo_accounts_included(capsys):
    run = SeedRun(seed=3, staff=30, places_dir=None, out=lambda _: None, progress=True)
    run.districts = list(Place.objects.current().districts())
    seed_people(run)
    bar = capsys.readouterr().err
    assert "30/30" in bar
    assert f"{30 - len(DEMO_ACCOUNTS)}/{30 - len(DEMO_ACCOUNTS)}" not in bar
    assert User.objects.count() == 30
