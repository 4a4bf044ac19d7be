"""A police information exchange records the fact only: no field for content, and a reference
that must look like a file number."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import models

from samen.cases.models import PoliceExchange
from samen.cases.models.police import reference_validator

pytestmark = pytest.mark.django_db


def test_the_model_has_no_field_for_content():
    fields = {f.name: f for f in PoliceExchange._meta.get_fields()}
    assert set(fields) == {
        "id",
        "case",
        "exchanged_on",
        "direction",
        "counterpart",
        "exchanged_by",
        "reference",
        "recorded_at",
    }
    assert not any(isinstance(f, models.TextField) for f in fields.values())
    assert fields["reference"].max_length <= 24


@pytest.mark.parametrize("reference", ["PV AN.12.L1.012345/26", "zonder-cijfers", "-12", "a b1"])
def test_the_reference_refuses_words_and_spaces(reference):
    with pytest.raises(ValidationError):
        reference_validator(reference)


@pytest.mark.parametrize("reference", ["AN.12.L1.012345/26", "LTF-2026-017", "12"])
def test_the_reference_takes_a_file_number(reference):
    reference_validator(reference)  # raises nothing
    assert PoliceExchange._meta.get_field("reference").max_length >= len(reference)


def test_an_exchange_is_named_by_case_and_date_only():
    exchange = PoliceExchange(case_id=4, exchanged_on=datetime.date(2026, 3, 2), reference="X1")
    assert str(exchange) == "4: 2026-03-02"
