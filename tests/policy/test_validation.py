"""The checks the policy actions share: each leaves one clear message under its field and
returns the value cleaned, or leaves no message at all."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from samen.core.errors import FieldErrors
from samen.people.models import Organisation
from samen.places.models import Place
from samen.policy import validation
from samen.policy.models import Initiative

TODAY = datetime.date(2026, 6, 15)


def checked(check, *args, **kwargs):
    errors = FieldErrors()
    value = check(errors, *args, **kwargs)
    return value, dict(errors)


def test_text_is_stripped_and_refused_when_missing_too_long_or_personal():
    assert checked(validation.text, "title", "  Buurtfeest ", longest=20) == ("Buurtfeest", {})
    assert checked(validation.text, "title", " ", longest=20, required="Give a title.") == (
        "",
        {"title": ["Give a title."]},
    )
    assert checked(validation.text, "note", "", longest=20) == ("", {})
    _value, problems = checked(validation.text, "title", "x" * 1001, longest=1000)
    assert problems == {"title": ["Keep it under 1,000 characters."]}
    _value, problems = checked(validation.text, "note", "Bel 0470 12 34 56.", longest=200)
    assert list(problems) == ["note"]


def test_an_end_before_its_start_is_refused_under_the_end():
    errors = FieldErrors()
    validation.period(errors, "starts", TODAY, "ends", TODAY - datetime.timedelta(days=1))
    assert errors == {"ends": ["The end cannot come before the start."]}
    errors = FieldErrors()
    validation.period(errors, "starts", TODAY, "ends", None)
    validation.period(errors, "starts", TODAY, "ends", TODAY)
    assert errors == {}


def test_codes_are_kept_once_in_order_and_unknown_ones_named():
    assert checked(validation.life_domains, ["housing", "poverty", "housing"]) == (
        ["housing", "poverty"],
        {},
    )
    _value, problems = checked(validation.extremism_types, ["right_wing", "pirates"])
    assert problems == {"extremism_types": ["Choose from the list; not known: pirates."]}


def test_a_policy_level_and_a_choice_come_from_their_lists():
    assert checked(validation.policy_level, "level", "", required=False) == ("", {})
    assert checked(validation.policy_level, "level", "", required=True)[1] == {
        "level": ["Choose a policy level."]
    }
    assert checked(validation.policy_level, "level", "galactic", required=False)[1] == {
        "level": ["Choose a policy level from the list."]
    }
    assert checked(validation.choice, "status", "running", Initiative.Status) == ("running", {})
    assert checked(validation.choice, "status", "paused", Initiative.Status)[1] == {
        "status": ["Choose from the list."]
    }


def test_an_owner_is_given_and_still_active():
    errors = FieldErrors()
    validation.organisation(errors, "owner", None)
    validation.organisation(errors, "partner", Organisation(name="Oud CAW", is_active=False))
    validation.organisation(errors, "funder", Organisation(name="Stad", is_active=True))
    assert errors == {
        "owner": ["Choose the organisation that owns it."],
        "partner": ["This organisation is no longer active."],
    }


@pytest.mark.parametrize(
    ("value", "amount", "problem"),
    [
        (None, Decimal(0), None),
        ("", Decimal(0), None),
        ("12500.50", Decimal("12500.50"), None),
        ("abc", Decimal(0), "Give an amount in euro."),
        ("-1", Decimal(-1), "An amount cannot be negative."),
        ("1.005", Decimal("1.005"), "Give an amount in euro with at most two decimals."),
        ("1000000000", Decimal("1000000000"), "Give an amount in euro with at most two decimals."),
    ],
)
def test_money_is_euro_with_at_most_two_decimals(value, amount, problem):
    result, problems = checked(validation.money, "budget", value)
    assert result == amount
    assert problems == ({"budget": [problem]} if problem else {})


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (0, None),
        (100, None),
        (101, "Progress lies between 0 and 100%."),
        (-1, "Progress lies between 0 and 100%."),
        (True, "Give a whole percentage from 0 to 100."),
        ("50", "Give a whole percentage from 0 to 100."),
        (None, "Give a whole percentage from 0 to 100."),
    ],
)
def test_a_percentage_is_a_whole_number_from_0_to_100(value, problem):
    _result, problems = checked(validation.percentage, "progress", value)
    assert problems == ({"progress": [problem]} if problem else {})


def test_a_date_is_given_and_not_in_the_future():
    errors = FieldErrors()
    validation.not_after_today(errors, "on", None, TODAY)
    validation.not_after_today(errors, "done", TODAY + datetime.timedelta(days=1), TODAY)
    validation.not_after_today(errors, "seen", TODAY, TODAY)
    assert errors == {
        "on": ["Give a date."],
        "done": ["This date cannot lie in the future."],
    }


def test_places_must_be_of_the_kinds_asked_for():
    district, city = Place(kind=Place.Kind.DISTRICT), Place(kind=Place.Kind.CITY)
    kinds = (Place.Kind.DISTRICT, Place.Kind.NEIGHBOURHOOD)
    errors = FieldErrors()
    validation.places_kind(errors, "places", [district], kinds)
    assert errors == {}
    validation.places_kind(errors, "places", [district, city], kinds)
    assert errors == {"places": ["Choose districts or neighbourhoods of the city."]}
