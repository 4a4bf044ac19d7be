"""No command sets another person's password or makes a superuser."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from samen.people.models import User

pytestmark = pytest.mark.django_db


def test_create_administrator_makes_one_without_a_password(
    db, capsys, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "create_administrator",
            "Beheer@Samen.test",
            "--name",
            "Bea Beheer",
            "--site-url",
            "https://samen.example",
        )
    person = User.objects.get(email="beheer@samen.test")
    assert person.role == "administrator" and person.is_staff and not person.is_superuser
    assert not person.has_usable_password()
    assert person.role_confirmed_at is not None
    assert [m.to for m in mail.outbox] == [["beheer@samen.test"]]
    assert re.search(r"https://samen.example/people/welcome/\S+/", mail.outbox[0].body)
    assert "beheer@samen.test" in capsys.readouterr().out


def test_create_administrator_refuses_a_taken_address(personas):
    with pytest.raises(CommandError):
        call_command("create_administrator", personas.frontline.email, "--name", "Dubbel")
    assert User.objects.get(email=personas.frontline.email).role == "frontline_worker"
