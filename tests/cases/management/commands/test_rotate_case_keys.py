"""Operators re-encrypt the case texts with the newest key."""

import datetime
import io

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from samen.cases import crypto
from samen.cases.models import Case, CasePerson

pytestmark = pytest.mark.django_db


def test_rotate_case_keys_reencrypts_with_the_newest_key(table, monkeypatch):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    person = table.case.person
    development = crypto._development_key("encryption").decode()
    # Move the data from the test key to `old` first, as a running system would hold it.
    monkeypatch.setenv(crypto.KEYS_VARIABLE, f"{old},{development}")
    call_command("rotate_case_keys", stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM cases_caseperson WHERE id = %s", [person.pk])
        under_old = cursor.fetchone()[0]
    monkeypatch.setenv(crypto.KEYS_VARIABLE, f"{new},{old}")
    out = io.StringIO()
    call_command("rotate_case_keys", stdout=out)
    assert "Re-encrypted" in out.getvalue()
    monkeypatch.setenv(crypto.KEYS_VARIABLE, new)  # the old key removed
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM cases_caseperson WHERE id = %s", [person.pk])
        under_new = cursor.fetchone()[0]
    assert under_new != under_old and "Peeters" not in under_new
    assert CasePerson.objects.get(pk=person.pk).name == "Jan Peeters"
    assert CasePerson.objects.get(pk=person.pk).birth_date == datetime.date(2004, 5, 17)
    assert Case.objects.get(pk=table.case.pk).corrections.count() == 0
    found = CasePerson.objects.filter(name_index=crypto.name_index("Jan Peeters"))
    assert list(found) == [person]
