"""The upload's import as the task worker runs it: check, then store all or nothing."""

from __future__ import annotations

import pytest

from samen.indicators.actions import import_queue
from samen.indicators.models import DataImport, Value
from samen.indicators.tasks import run_import
from tests.indicators.conftest import mapping

pytestmark = pytest.mark.django_db

GOOD = b"CD_YEAR;CD_SECTOR;TOTAL;BIRTHS\n2025;11002S01-;600;9\n2025;11002T01-;400;7\n"
BAD = b"CD_YEAR;CD_SECTOR;TOTAL;BIRTHS\n2025;11002S01-;600;9\n2025;NOPE;1;1\n"


def queued(personas, data: bytes, *, source=None) -> DataImport:
    return import_queue(
        by=personas.admin, mapping=source, file_name="bevolking.csv", data=data, rows=2
    )


def test_a_good_file_is_checked_and_stored(personas, small_city):
    data_import = queued(personas, GOOD, source=mapping())
    outcome = run_import.enqueue(data_import.pk).return_value
    data_import.refresh_from_db()
    assert data_import.status == DataImport.Status.DONE
    assert outcome == {"status": "done", "created": 4, "changed": 0}
    assert Value.objects.count() == 4
    assert data_import.imported_by == personas.admin


def test_a_bad_file_is_refused_and_nothing_is_stored(personas, small_city):
    data_import = queued(personas, BAD, source=mapping())
    outcome = run_import.enqueue(data_import.pk).return_value
    data_import.refresh_from_db()
    assert data_import.status == DataImport.Status.REFUSED
    assert outcome["status"] == "refused" and outcome["problems"] >= 1
    assert not Value.objects.exists()


def test_an_import_waiting_for_its_mapping_is_left_waiting(personas, small_city):
    data_import = queued(personas, GOOD)
    assert run_import.enqueue(data_import.pk).return_value == {"status": "queued"}
    data_import.refresh_from_db()
    assert data_import.status == DataImport.Status.QUEUED and data_import.upload is not None


def test_an_import_run_once_is_not_run_again(personas, small_city):
    data_import = queued(personas, GOOD, source=mapping())
    run_import.enqueue(data_import.pk)
    assert run_import.enqueue(data_import.pk).return_value == {"status": "done"}
    assert Value.objects.count() == 4
