"""Data elements, sectors, values, imports and indicators as records
(samen/indicators/models.py)."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from samen.indicators.models import (
    DataImport,
    FiguresVersion,
    Indicator,
    SourceMapping,
    StatisticalSector,
    Value,
    period_label,
    reference_day,
)
from tests.indicators.conftest import make_indicator, store

pytestmark = pytest.mark.django_db


def test_a_period_is_named_and_dated_by_its_first_day():
    assert reference_day(2025) == datetime.date(2025, 1, 1)
    assert reference_day(2025, 3) == datetime.date(2025, 7, 1)
    assert period_label(2025) == "2025" and period_label(2025, 4) == "2025 Q4"


def test_a_value_belongs_to_a_sector_or_a_place_once_per_period(small_city):
    residents = small_city.elements["residents"]
    sector = StatisticalSector.objects.get(code="11002T01-")
    batch = DataImport.objects.create(file_name="test.csv", sha256="x")
    value = Value.objects.create(
        element=residents, sector=sector, year=2025, value=400, source_import=batch
    )
    assert str(value) == f"{residents.pk} 2025: 400"
    for fields in (
        {"sector": sector},  # the same period again
        {"sector": sector, "place": small_city.berchem, "year": 2024},  # both
        {"year": 2024},  # neither
        {"sector": sector, "year": 2024, "quarter": 5},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Value.objects.create(
                element=residents,
                value=1,
                source_import=batch,
                **{"year": 2025, **fields},
            )
    Value.objects.create(
        element=residents, sector=sector, year=2025, quarter=1, value=401, source_import=batch
    )


def test_a_mapping_needs_a_year_column_or_a_fixed_year():
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceMapping.objects.create(name="Portaal", layout="places", year_column="")
    mapping = SourceMapping.objects.create(
        name="Portaal", layout="places", year_column="", fixed_year=2025
    )
    assert str(mapping) == "Portaal"


def test_an_import_says_how_far_it_is():
    running = DataImport(file_name="buurten.csv", sha256="x", rows_total=200, rows_done=50)
    assert str(running) == "buurten.csv (waiting)"
    assert running.percent_done == 25 and not running.finished
    assert DataImport(file_name="a.csv", sha256="x").percent_done == 0  # no rows known yet
    running.status = DataImport.Status.STORING
    assert running.percent_done == 100 and not running.finished
    for status in ("done", "unchanged", "refused"):
        assert DataImport(file_name="a.csv", sha256="x", status=status).finished


def test_an_indicator_speaks_the_readers_language_and_shows_its_unit(small_city):
    share = make_indicator(
        "share_born_abroad", "born_abroad", "residents", 100, meaning_en="The share."
    )
    assert str(share) == "share born abroad"  # English asked, English given
    assert share.meaning == "The share."
    with translation.override("nl"):
        assert str(share) == "share_born_abroad" and share.meaning == "Wat het betekent."
    with translation.override("fr"):
        assert share.meaning == "Wat het betekent."  # no French: the Dutch
    assert share.unit_suffix == "%"
    assert make_indicator("births_per_1000", "births", "residents", 1000).unit_suffix == "‰"
    assert make_indicator("residents", "residents").unit_suffix == ""


def test_indicators_come_in_the_citys_order_then_by_code(small_city):
    late = make_indicator("b_late", "residents", order=2)
    first = make_indicator("z_first", "residents", order=1)
    tie = make_indicator("a_late", "residents", order=2)
    assert list(Indicator.objects.all()) == [first, tie, late]


def test_every_import_raises_the_figures_version(small_city):
    before = FiguresVersion.current()
    store({("residents", "11002T01-", 2025): 400})
    assert FiguresVersion.current() > before
