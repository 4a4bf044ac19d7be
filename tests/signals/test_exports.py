"""Exports of signal rows and the access record each writes (samen/signals/exports.py)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory
from django.utils import translation

from samen.audit.models import AuditRecord
from samen.signals import exports
from samen.signals.exports import signal_export, signal_header

pytestmark = pytest.mark.django_db


def export_records():
    return AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS)


def test_a_coordinator_exports_their_district_and_the_export_is_recorded(personas, signals):
    request = RequestFactory().get("/signals/export.csv?severity=2", REMOTE_ADDR="10.1.2.3")
    export = signal_export(
        personas.coordinator, {"severity": "2"}, request=request, file_format="csv"
    )
    assert export.rows == 1
    assert [line[0] for line in export.lines()] == [signals["borgerhout"].pk]
    record = export_records().get()
    assert record.actor == personas.coordinator and record.remote_addr == "10.1.2.3"
    details = record.additional_data["export"]
    assert details["rows"] == 1 and details["format"] == "csv"
    assert details["filters"]["severity"] == 2 and len(details["filters"]["weeks"]) == 2
    assert (details["role"], details["home_district"]) == ("district_coordinator", "11002S")
    assert record.additional_data["path"] == "/signals/export.csv?severity=2"


def test_the_record_is_kept_in_the_citys_language_whatever_the_readers(personas, signals):
    with translation.override("fr"):
        signal_export(personas.analyst, {}, request=None, file_format="xlsx")
    assert export_records().get().additional_data["what"] == "Export van 4 signalen (xlsx)"


def test_who_may_not_export_or_asks_too_much_gets_nothing_and_no_record(
    personas, signals, monkeypatch
):
    with pytest.raises(PermissionDenied):
        signal_export(personas.frontline, {}, request=None, file_format="csv")
    with pytest.raises(ValidationError):
        signal_export(personas.analyst, {"severity": "9"}, request=None, file_format="csv")
    monkeypatch.setattr(exports, "XLSX_MAX_ROWS", 3)
    with pytest.raises(ValidationError, match="at most 3 rows"):
        signal_export(personas.analyst, {}, request=None, file_format="xlsx")
    assert signal_export(personas.analyst, {}, request=None, file_format="csv").rows == 4
    assert export_records().count() == 1


def test_rows_read_as_the_list_does_in_the_readers_language(personas, signals):
    export = signal_export(personas.coordinator, {}, request=None, file_format="csv")
    (row,) = export.lines()
    assert row[2:6] == ["Borgerhout", "", "Tension between youth groups", "2 – moderate"]
    assert row[-1] == signals["borgerhout"].text
    with translation.override("nl"):
        assert signal_header()[:2] == ["Nummer", "Wanneer het gebeurde"]
