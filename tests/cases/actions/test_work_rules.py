"""The validation shared by the case-work actions: bounded texts and no dates ahead."""

from __future__ import annotations

import datetime

from faker import Faker

from samen.cases.actions.work_rules import MAX_NARRATIVE, MAX_SHORT, check_not_future, check_text
from samen.core.errors import FieldErrors

fake = Faker("nl_BE")


def test_a_required_narrative_is_refused_when_blank():
    errors = FieldErrors()
    check_text(errors, "minutes", " \n ")
    assert errors == {"minutes": ["Fill in this field."]}


def test_a_narrative_may_run_to_its_limit_and_no_further():
    errors = FieldErrors()
    check_text(errors, "minutes", "x" * MAX_NARRATIVE)
    assert errors == {}
    check_text(errors, "minutes", "x" * (MAX_NARRATIVE + 1))
    assert errors == {"minutes": ["Keep this under 10,000 characters."]}


def test_a_short_text_names_its_own_limit_and_may_be_optional():
    errors = FieldErrors()
    check_text(errors, "summary", "", required=False, limit=MAX_SHORT)
    check_text(errors, "topic", fake.sentence(), limit=MAX_SHORT)
    assert errors == {}
    check_text(errors, "summary", "x" * (MAX_SHORT + 1), required=False, limit=MAX_SHORT)
    assert errors == {"summary": ["Keep this under 2,000 characters."]}


def test_a_date_may_be_today_but_not_tomorrow():
    today = datetime.date(2026, 3, 10)
    errors = FieldErrors()
    check_not_future(errors, "held_on", today, today)
    check_not_future(errors, "held_on", today - datetime.timedelta(days=30), today)
    assert errors == {}
    check_not_future(errors, "held_on", today + datetime.timedelta(days=1), today)
    assert errors == {"held_on": ["Choose a date that is not in the future."]}
