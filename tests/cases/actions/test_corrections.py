"""Corrections of a case's data: the new value replaces the old, kept with its reason."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from faker import Faker

from samen.cases.actions.corrections import case_correct
from samen.cases.models import AgeBand, Case, Correction

pytestmark = pytest.mark.django_db

fake = Faker("nl_BE")


def correct(table, field: str, value: str, reason: str = "Verkeerd overgenomen."):
    return case_correct(
        by=table.prevention, case=table.case, field=field, value=value, reason=reason
    )


def test_a_new_date_of_birth_moves_the_age_band_with_it(table):
    opened = timezone.localdate(table.case.opened_at)
    young = opened.replace(year=opened.year - 16) - datetime.timedelta(days=1)
    correction = correct(table, "birth_date", young.isoformat())
    case = Case.objects.get(pk=table.case.pk)
    assert case.person.birth_date == young and case.age_band == AgeBand.UNDER_18
    assert (correction.previous_value, correction.new_value) == ("2004-05-17", young.isoformat())


def test_an_emptied_date_of_birth_is_unknown(table):
    correction = correct(table, "birth_date", "  ")
    case = Case.objects.get(pk=table.case.pk)
    assert case.person.birth_date is None and case.age_band == AgeBand.UNKNOWN
    assert correction.new_value == ""


def test_an_address_may_be_emptied_but_a_purpose_may_not(table):
    correct(table, "address", "")
    assert Case.objects.get(pk=table.case.pk).person.address == ""
    with pytest.raises(ValidationError) as refused:
        correct(table, "purpose", "   ")
    assert set(refused.value.message_dict) == {"value"}


def test_a_new_purpose_replaces_the_old_and_the_reason_is_kept_trimmed(table):
    purpose = fake.sentence(nb_words=12)
    correction = correct(table, "purpose", f"  {purpose} ", reason="  Aangevuld na overleg. ")
    assert Case.objects.get(pk=table.case.pk).purpose == purpose
    assert correction.reason == "Aangevuld na overleg."
    assert correction.corrected_by == table.prevention


def test_every_problem_is_named_at_once_and_nothing_changes(table):
    with pytest.raises(ValidationError) as refused:
        correct(table, "nickname", "Jos", reason="")
    assert set(refused.value.message_dict) == {"field", "reason"}
    with pytest.raises(ValidationError) as refused:
        correct(table, "birth_date", "1850-01-01")
    assert refused.value.message_dict["value"] == ["Give a date of birth in the past."]
    assert not Correction.objects.exists()
