"""What the indicators API shows and which filters it takes
(samen/indicators/api/serializers.py)."""

from __future__ import annotations

import pytest
from django.utils import translation

from samen.indicators.api.serializers import (
    MAX_YEARS,
    IndicatorSerializer,
    ResultFilterSerializer,
    ResultSerializer,
)
from tests.indicators.conftest import make_indicator

pytestmark = pytest.mark.django_db


def test_an_indicator_shows_its_definition_in_the_language_asked_for(small_city):
    share = make_indicator(
        "share_born_abroad",
        "born_abroad",
        "residents",
        100,
        meaning_en="The share of residents born abroad.",
        caveat_nl="Geen maat voor herkomst.",
    )
    data = IndicatorSerializer(share).data
    assert set(data) == {
        "code",
        "name",
        "meaning",
        "caveat",
        "numerator",
        "denominator",
        "factor",
        "decimals",
        "direction",
        "in_context",
    }
    assert (data["name"], data["meaning"]) == (
        "share born abroad",
        "The share of residents born abroad.",
    )
    assert data["caveat"] == "Geen maat voor herkomst."  # no English caveat: the Dutch one
    with translation.override("nl"):
        assert IndicatorSerializer(share).data["meaning"] == "Wat het betekent."


def test_an_indicator_cannot_be_changed_through_it(small_city):
    share = make_indicator("share_born_abroad", "born_abroad", "residents", 100)
    serializer = IndicatorSerializer(share, data={"numerator": "births"}, partial=True)
    assert serializer.is_valid()
    assert "numerator" not in serializer.validated_data


def test_the_filters_default_to_districts_and_take_a_range_of_years():
    default = ResultFilterSerializer(data={})
    assert default.is_valid() and default.validated_data == {"level": "district"}
    years = ResultFilterSerializer(data={"level": "city", "year_from": 2020, "year_to": 2025})
    assert years.is_valid(), years.errors
    street = ResultFilterSerializer(data={"level": "street"})
    assert not street.is_valid() and "level" in street.errors
    backwards = ResultFilterSerializer(data={"year_from": 2025, "year_to": 2000})
    assert not backwards.is_valid()
    assert backwards.errors["non_field_errors"] == [
        f"Ask for 1 to {MAX_YEARS} years, year_from up to year_to."
    ]
    too_long = ResultFilterSerializer(data={"year_from": 1950, "year_to": 1950 + MAX_YEARS})
    assert not too_long.is_valid()


def test_a_result_carries_a_place_a_year_and_a_status_never_a_person():
    result = {
        "place": "11007A",
        "place_name": "Borsbeek",
        "kind": "district",
        "year": 2025,
        "boundaries": "then",
        "status": "small_numerator",
        "value": None,
        "synthetic": True,
    }
    data = ResultSerializer(result).data
    assert dict(data) == result
    assert not ResultSerializer(data={**result, "status": "guess"}).is_valid()
