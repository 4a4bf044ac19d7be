"""The checks shared by the case actions: one clear message per field, nothing written."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from faker import Faker

from samen.cases.actions.validation import (
    MAX_TEXT,
    check_birth_date,
    check_identity,
    check_name,
    check_text,
)
from samen.core.errors import FieldErrors

fake = Faker("nl_BE")


def errors_of(check, *args, **kwargs) -> FieldErrors:
    errors = FieldErrors()
    check(errors, *args, **kwargs)
    return errors


def test_a_required_text_must_hold_more_than_spaces():
    assert errors_of(check_text, "purpose", "   ") == {"purpose": ["Fill in this field."]}
    assert errors_of(check_text, "purpose", fake.sentence()) == {}


def test_an_optional_text_may_stay_empty_but_not_grow_too_long():
    assert errors_of(check_text, "note", "", required=False) == {}
    assert errors_of(check_text, "note", "x" * MAX_TEXT, required=False) == {}
    too_long = errors_of(check_text, "note", "x" * (MAX_TEXT + 1), required=False)
    assert too_long == {"note": ["Keep this under 4,000 characters."]}


def test_a_name_needs_letters_and_a_bounded_length():
    assert errors_of(check_name, "name", fake.name()) == {}
    assert errors_of(check_name, "name", " - . ") == {"name": ["Give the person's name."]}
    assert errors_of(check_name, "name", "A" * 201) == {
        "name": ["Keep the name under 200 characters."]
    }


@time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC), tick=False)
@pytest.mark.parametrize(
    ("birth_date", "accepted"),
    [
        (None, True),
        (datetime.date(1900, 1, 1), True),
        (datetime.date(2026, 6, 1), True),
        (datetime.date(1899, 12, 31), False),
        (datetime.date(2026, 6, 2), False),
    ],
)
def test_a_birth_date_lies_between_1900_and_today(birth_date, accepted):
    errors = errors_of(check_birth_date, "birth_date", birth_date)
    assert errors == ({} if accepted else {"birth_date": ["Give a date of birth in the past."]})


def test_the_identity_check_reports_name_and_birth_date_together():
    errors = FieldErrors()
    check_identity(errors, "", datetime.date(1800, 1, 1))
    assert list(errors) == ["name", "birth_date"]
    errors = FieldErrors()
    check_identity(errors, fake.name(), fake.date_of_birth(minimum_age=12, maximum_age=30))
    assert errors == {}
