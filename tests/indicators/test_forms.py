"""The indicators forms: the page's choices, the upload and the column mapping."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from samen.indicators.forms import IndicatorChoiceForm, MappingForm, UploadForm
from samen.indicators.models import DataElement, Indicator
from tests.indicators.conftest import mapping

pytestmark = pytest.mark.django_db


def test_an_empty_choice_is_valid_and_years_are_offered_newest_first(figures):
    form = IndicatorChoiceForm({}, indicators=Indicator.objects.all(), years=[2024, 2025])
    assert form.is_valid()
    assert [value for value, _label in form.fields["year"].choices] == [2025, 2024]
    assert form.fields["compare"].choices[0][0] == ""
    assert form.cleaned_data["compare"] is None


def test_a_choice_outside_the_offered_years_or_indicators_is_refused(figures):
    form = IndicatorChoiceForm(
        {"indicator": "nope", "year": "1990"},
        indicators=Indicator.objects.all(),
        years=[2024, 2025],
    )
    assert not form.is_valid()
    assert set(form.errors) == {"indicator", "year"}


def upload(name: str = "cijfers.csv", size: int = 10) -> dict:
    return {"file": SimpleUploadedFile(name, b"x" * size, content_type="text/csv")}


def test_an_upload_names_a_source_new_or_saved(small_city):
    saved = mapping()
    assert UploadForm({"mapping": saved.pk}, upload()).is_valid()
    assert UploadForm({"new_source": "Statbel inkomens"}, upload()).is_valid()
    form = UploadForm({"new_source": "  "}, upload())
    assert not form.is_valid() and "new_source" in form.errors
    form = UploadForm({"new_source": "Statbel"}, upload())
    assert form.errors["new_source"] == ["A source with this name exists: choose it."]


def test_an_upload_over_50_megabytes_is_refused(small_city, monkeypatch):
    monkeypatch.setattr(UploadForm, "MAX_BYTES", 5)
    form = UploadForm({"new_source": "Groot"}, upload(size=6))
    assert "file" in form.errors


def test_the_mapping_guesses_place_and_year_columns(small_city):
    form = MappingForm(None, header=["CD_SECTOR", "cd_year", "TOTAL"], elements=[])
    assert form.initial["place_column"] == "CD_SECTOR"
    assert form.initial["year_column"] == "cd_year"
    assert form.initial["layout"] == "sectors"
    form = MappingForm(None, header=["code", "waarde"], elements=[])
    assert form.initial == {"place_column": "code", "year_column": "", "layout": "places"}


def test_the_mapping_reads_columns_into_data_elements(small_city):
    elements = DataElement.objects.order_by("code")
    data = {"layout": "sectors", "place_column": "CD_SECTOR", "year_column": "CD_YEAR"}
    data |= {"column_2": "residents", "column_3": ""}
    form = MappingForm(data, header=["CD_SECTOR", "CD_YEAR", "TOTAL", "NOTE"], elements=elements)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["columns"] == {"TOTAL": "residents"}
    assert len(form.element_boxes()) == 4 and len(form.main_boxes()) == 4


def test_the_mapping_needs_a_year_and_at_least_one_element(small_city):
    elements = DataElement.objects.all()
    data = {"layout": "places", "place_column": "code", "year_column": ""}
    form = MappingForm(data, header=["code", "waarde"], elements=elements)
    assert not form.is_valid()
    assert "fixed_year" in form.errors
    assert form.non_field_errors() == ["Name the data element of at least one column."]
    data |= {"fixed_year": "2024", "column_1": "births"}
    form = MappingForm(data, header=["code", "waarde"], elements=elements)
    assert form.is_valid() and form.cleaned_data["columns"] == {"waarde": "births"}
