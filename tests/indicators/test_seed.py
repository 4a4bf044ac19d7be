"""The synthetic city in figures: definitions always, ten years of figures with the lookup."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from samen.core.seeding import SeedRun
from samen.indicators.figures import compute_table
from samen.indicators.formulas import check
from samen.indicators.models import Aggregate, DataElement, DataImport, Indicator, Value
from samen.indicators.seed import YEARS, seed_indicators
from samen.places.models import Place

pytestmark = pytest.mark.django_db


def run(places_dir=None) -> tuple[SeedRun, list[str]]:
    lines: list[str] = []
    return SeedRun(seed=7, staff=10, places_dir=places_dir, out=lines.append), lines


def test_without_the_lookup_only_the_definitions_are_made():
    seed_run, lines = run()
    seed_indicators(seed_run)
    assert Indicator.objects.filter(in_context=True).count() >= 5
    assert not Value.objects.exists()
    assert "without figures" in lines[0]
    known = set(DataElement.objects.values_list("code", flat=True))
    for indicator in Indicator.objects.all():
        check(indicator.numerator, known)
        if indicator.denominator:
            check(indicator.denominator, known)


def test_every_definition_has_its_name_and_meaning_in_dutch_french_and_english():
    seed_indicators(run()[0])
    for model in (DataElement, Indicator):
        for definition in model.objects.all():
            for language in ("nl", "fr", "en"):
                assert getattr(definition, f"name_{language}"), (definition.code, language)
    for indicator in Indicator.objects.all():
        for language in ("nl", "fr", "en"):
            assert getattr(indicator, f"meaning_{language}"), (indicator.code, language)


def test_ten_synthetic_years_per_sector_with_district_differences(shared_data):
    call_command(
        "import_places", str(shared_data / "antwerp_wijken_2025.geojson"), stdout=io.StringIO()
    )
    seed_run, lines = run(shared_data)
    seed_indicators(seed_run)
    assert DataImport.objects.filter(synthetic=False).count() == 0
    assert Aggregate.objects.filter(synthetic=False).count() == 0
    years = sorted(set(Aggregate.objects.values_list("year", flat=True)))
    assert len(years) == YEARS
    young = Indicator.objects.get(code="share_young")
    borgerhout, borsbeek = Place.objects.get(code="11002S"), Place.objects.get(code="11007A")
    table = compute_table(young, [borgerhout, borsbeek], [years[-1]])
    assert table.result(borgerhout.pk, years[-1]).value > table.result(borsbeek.pk, years[-1]).value
    assert table.synthetic
    residents = Aggregate.objects.get(
        element__code="residents", place__kind="city", year=years[-1], boundaries="then"
    )
    assert 500_000 < residents.value < 620_000
