"""The data elements and indicators Samen starts with (samen/indicators/catalogue.py)."""

from __future__ import annotations

import pytest

from samen.indicators.catalogue import ELEMENTS, INDICATORS, MEANINGS, make_definitions
from samen.indicators.formulas import compile_indicator
from samen.indicators.models import DataElement, Indicator

pytestmark = pytest.mark.django_db


def test_an_empty_database_gets_every_element_and_indicator_marked_synthetic():
    make_definitions()
    assert DataElement.objects.count() == len(ELEMENTS)
    assert Indicator.objects.count() == len(INDICATORS)
    assert all("synthetic" in e.source for e in DataElement.objects.all())
    known = set(DataElement.objects.values_list("code", flat=True))
    for indicator in Indicator.objects.all():
        assert compile_indicator(indicator).numerator.codes <= known, indicator.code
    orders = list(Indicator.objects.order_by("pk").values_list("order", flat=True))
    assert orders == [10 * n for n in range(1, len(INDICATORS) + 1)]


def test_meanings_are_written_out_or_the_name_stands_for_it():
    make_definitions()
    growth = Indicator.objects.get(code="growth_5y")
    assert growth.meaning_en == MEANINGS["growth_5y"][0][2]
    assert growth.caveat_nl == MEANINGS["growth_5y"][1][0]
    residents = Indicator.objects.get(code="residents")
    assert (residents.meaning_nl, residents.meaning_en) == ("Inwoners.", "Residents.")
    assert residents.caveat_en == ""


def test_running_it_again_adds_nothing_and_keeps_the_citys_changes():
    make_definitions()
    Indicator.objects.filter(code="residents").update(name_en="Population", in_context=True)
    DataElement.objects.filter(code="births").delete()
    make_definitions()
    assert Indicator.objects.count() == len(INDICATORS)
    residents = Indicator.objects.get(code="residents")
    assert (residents.name_en, residents.in_context) == ("Population", True)
    assert DataElement.objects.get(code="births").name_fr == "Naissances"  # made again
