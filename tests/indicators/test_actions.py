"""The indicators' writes: who may make them, their checks, and their audit records."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from samen.audit.models import AuditRecord
from samen.indicators.actions import (
    data_element_save,
    indicator_save,
    mapping_save,
    sectors_import,
)
from samen.indicators.models import DataImport, Indicator, SourceMapping, StatisticalSector
from tests.indicators.conftest import make_indicator, store

pytestmark = pytest.mark.django_db


def indicator(**fields) -> Indicator:
    defaults = {
        "code": "births_per_1000",
        "name_nl": "Geboorten per 1.000",
        "meaning_nl": "x",
        "numerator": "births",
        "denominator": "residents",
        "factor": 1000,
    }
    return Indicator(**{**defaults, **fields})


def test_an_administrator_saves_an_indicator_and_the_trail_names_them(personas, small_city):
    saved = indicator_save(by=personas.admin, indicator=indicator())
    record = AuditRecord.objects.get(
        content_type=ContentType.objects.get_for_model(Indicator),
        object_pk=str(saved.pk),
        action=LogEntry.Action.CREATE,
    )
    assert record.actor == personas.admin


@pytest.mark.parametrize("who", ["analyst", "coordinator", "dpo", "partner"])
def test_nobody_else_changes_indicators(personas, small_city, who):
    with pytest.raises(PermissionDenied):
        indicator_save(by=getattr(personas, who), indicator=indicator())


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"numerator": "births + birhts"}, "numerator", "Unknown data element codes: birhts."),
        ({"denominator": "residents["}, "denominator", "cannot be read"),
        ({"numerator": "open('x')"}, "numerator", "Only data element codes"),
        ({"code": "Not A Code"}, "code", "lower-case"),
    ],
)
def test_formulas_and_codes_are_checked_before_saving(personas, small_city, fields, field, message):
    with pytest.raises(ValidationError) as error:
        indicator_save(by=personas.admin, indicator=indicator(**fields))
    assert message in " ".join(error.value.message_dict[field])
    assert not Indicator.objects.exists()


def test_a_data_element_code_in_use_cannot_change(personas, small_city):
    make_indicator("share", "born_abroad", "residents", 100)
    element = small_city.elements["residents"]
    element.code = "inhabitants"
    with pytest.raises(ValidationError, match="share"):
        data_element_save(by=personas.admin, element=element)


def test_a_mapping_names_known_data_elements_only(personas, small_city):
    mapping = SourceMapping(
        name="x",
        layout="sectors",
        place_column="CD_SECTOR",
        fixed_year=2024,
        columns={"TOTAL": "inhabitants"},
    )
    with pytest.raises(ValidationError):
        mapping_save(by=personas.admin, mapping=mapping)
    mapping.columns = {"TOTAL": "residents"}
    assert mapping_save(by=personas.admin, mapping=mapping).pk


def test_an_import_is_recorded_with_its_counts_and_values_point_back(personas, small_city):
    outcome = store({("residents", "11002S01-", 2025): 600}, by=personas.admin)
    data_import = DataImport.objects.get()
    assert outcome.data_import == data_import and data_import.values_created == 1
    record = AuditRecord.objects.get(
        content_type=ContentType.objects.get_for_model(DataImport), object_pk=str(data_import.pk)
    )
    assert record.actor == personas.admin


def test_only_administrators_import(personas, small_city):
    with pytest.raises(PermissionDenied):
        store({("residents", "11002S01-", 2025): 600}, by=personas.analyst)


def test_moving_a_sector_redoes_the_sums(small_city):
    store({("residents", "11002S10-", 2025): 50})
    sectors_import(
        by=None, rows=[{"code": "11002S10-", "district_code": "11002T", "neighbourhood_code": ""}]
    )
    from samen.indicators.models import Aggregate

    berchem = Aggregate.objects.get(element__code="residents", place__code="11002T", year=2025)
    assert berchem.value == 50
    assert not Aggregate.objects.filter(element__code="residents", place__code="11002S02").exists()
    assert StatisticalSector.objects.get(code="11002S10-").district.code == "11002T"
