"""Encrypted model fields: clear text in Python, a token in the database, empty stays empty."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection

from samen.cases import crypto
from samen.cases.fields import EncryptedDateField, EncryptedTextField
from samen.cases.models import CasePerson
from tests.cases.conftest import open_case

pytestmark = pytest.mark.django_db


def raw(pk: int, column: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM cases_caseperson WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_text_is_written_as_a_token_that_differs_each_time():
    field = EncryptedTextField()
    first = field.get_db_prep_value("Kerkstraat 1", connection)
    second = field.get_db_prep_value("Kerkstraat 1", connection)
    assert first != second and "Kerkstraat" not in first
    assert crypto.decrypt(first) == crypto.decrypt(second) == "Kerkstraat 1"
    assert field.from_db_value(first, None, connection) == "Kerkstraat 1"


def test_empty_text_stays_empty_both_ways():
    field = EncryptedTextField()
    for empty in ("", None):
        assert field.get_db_prep_value(empty, connection) == empty
        assert field.from_db_value(empty, None, connection) == empty


def test_a_date_is_stored_as_encrypted_iso_text_and_read_back_as_a_date():
    field = EncryptedDateField()
    day = datetime.date(2004, 5, 17)
    token = field.get_db_prep_value(field.get_prep_value(day), connection)
    assert "2004" not in token
    assert field.from_db_value(token, None, connection) == day
    assert field.from_db_value("", None, connection) is None


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, None),
        ("", None),
        ("2004-05-17", datetime.date(2004, 5, 17)),
        (datetime.date(2001, 1, 2), datetime.date(2001, 1, 2)),
    ],
)
def test_a_date_field_reads_text_dates_and_empties(given, expected):
    assert EncryptedDateField().to_python(given) == expected


def test_a_saved_person_round_trips_through_the_fields(personas):
    case = open_case("Ann Smets", birth_date=datetime.date(1999, 12, 31), address="")
    person = CasePerson.objects.get(pk=case.person.pk)
    assert (person.name, person.birth_date, person.address) == (
        "Ann Smets",
        datetime.date(1999, 12, 31),
        "",
    )
    assert "Smets" not in raw(person.pk, "name") and "1999" not in raw(person.pk, "birth_date")
    assert raw(person.pk, "address") == ""
    field = CasePerson._meta.get_field("birth_date")
    assert field.value_to_string(person) == "1999-12-31"
