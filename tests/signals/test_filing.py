"""Filing a signal stores its row, its audit record, its category rows and its weekly counts."""

import datetime

import pytest
from django.db import DatabaseError, IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.core.acting import acting_as
from samen.monitor.counting import CountChanges
from samen.monitor.models import WeeklyCount
from samen.signals.actions import signal_record
from samen.signals.models import Category, Signal
from tests.signals.conftest import fields

pytestmark = pytest.mark.django_db


def _counts() -> dict:
    return {
        (c.place_id, c.week, c.category_id): (c.count, c.weighted)
        for c in WeeklyCount.objects.all()
    }


def _stored() -> tuple[int, int, int, dict]:
    links = Signal.categories.through.objects.count()
    return Signal.objects.count(), AuditRecord.objects.count(), links, _counts()


def test_filing_stores_the_row_with_its_categories(personas, file_signal):
    occurred_at = timezone.now() - datetime.timedelta(days=2)
    categories = list(Category.objects.filter(code__in=["housing", "youth-groups"]))
    signal = file_signal(
        personas.frontline,
        personas.borgerhout,
        occurred_at=occurred_at,
        categories=categories,
        severity=3,
        text="  Ruzie tussen buren over geluidsoverlast. ",
    )
    stored = Signal.objects.get(pk=signal.pk)
    assert stored.district == personas.borgerhout and stored.reporter == personas.frontline
    assert stored.occurred_at == occurred_at and stored.severity == 3
    assert stored.text == "Ruzie tussen buren over geluidsoverlast."
    assert stored.week == timezone.localdate(occurred_at) - datetime.timedelta(
        days=timezone.localdate(occurred_at).weekday()
    )
    assert stored.status == Signal.Status.NEW and stored.created_at == signal.created_at
    assert sorted(stored.categories.values_list("code", flat=True)) == ["housing", "youth-groups"]
    assert not signal._state.adding and signal._state.db == "default"


def test_the_creation_record_is_auditlog_s_with_the_categories_and_the_text_redacted(
    personas, file_signal
):
    categories = list(Category.objects.filter(code__in=["housing", "youth-groups"]))
    signal = file_signal(personas.frontline, personas.borgerhout, categories=categories)
    records = AuditRecord.objects.get_for_object(signal)
    # One record: the category rows add none of their own (they ride on this one).
    [record] = records
    assert record.action == AuditRecord.Action.CREATE
    assert record.actor == personas.frontline and record.actor_email == personas.frontline.email
    assert record.object_pk == str(signal.pk) and record.object_id == signal.pk
    assert record.object_repr == str(signal)
    assert record.additional_data == {"categories": ["housing", "youth-groups"]}
    assert record.changes["id"] == ["None", str(signal.pk)]
    assert record.changes["text"][1] == "[redacted]"
    assert record.changes["severity"] == ["None", "2"]
    assert "week" not in record.changes  # excluded when the model was tracked
    assert "comments" not in record.changes  # other models' links are not its fields


def test_filing_adds_to_the_weekly_counts_of_each_place_and_category(personas, file_signal):
    youth = Category.objects.get(code="youth-groups")
    first = file_signal(personas.frontline, personas.borgerhout, severity=4)
    week, city, district = first.week, personas.borgerhout.parent_id, personas.borgerhout.pk
    expected = {
        (place, week, category): (1, 4)
        for place in (city, district)
        for category in (None, youth.pk)
    }
    assert _counts() == expected
    file_signal(personas.frontline, personas.borgerhout, severity=1)
    assert _counts() == {key: (2, 5) for key in expected}


def test_filing_without_auditlog_writes_no_record(personas, file_signal):
    from auditlog.context import disable_auditlog

    with acting_as(personas.frontline), disable_auditlog():
        signal = file_signal(personas.frontline, personas.borgerhout)
    assert Signal.objects.filter(pk=signal.pk).exists()
    assert not AuditRecord.objects.get_for_object(signal).exists()


def test_a_failing_category_row_leaves_nothing(personas, file_signal):
    """The row and its record are written before the category rows: they go too."""
    before = _stored()
    youth = Category.objects.get(code="youth-groups")
    with pytest.raises(IntegrityError):
        file_signal(personas.frontline, personas.borgerhout, categories=[youth, youth])
    assert _stored() == before


def test_a_failing_count_statement_leaves_nothing(personas, file_signal, monkeypatch):
    """The counts and the category rows go last: the row and its record go too."""
    file_signal(personas.frontline, personas.borgerhout)
    before = _stored()

    def fail(self, **kwargs):
        raise DatabaseError("the counts could not be written")

    monkeypatch.setattr(CountChanges, "write", fail)
    with pytest.raises(DatabaseError):
        file_signal(personas.frontline, personas.borgerhout)
    assert _stored() == before


def test_filing_takes_the_same_queries_whatever_the_categories(personas, file_signal):
    """Savepoint (the action's transaction inside the test's), the signal, its record, the
    category rows and the counts (one statement on PostgreSQL, three on SQLite), release."""
    file_signal(personas.frontline, personas.borgerhout)  # the record type, looked up once
    counts = []
    for codes in (["racism"], ["racism", "housing", "poverty"]):
        one = fields(personas.borgerhout, categories=list(Category.objects.filter(code__in=codes)))
        with CaptureQueriesContext(connection) as queries:
            signal_record(by=personas.frontline, fields=one)
        counts.append(len(queries))
    expected = 5 if connection.vendor == "postgresql" else 7
    assert counts == [expected, expected], [q["sql"][:80] for q in queries.captured_queries]
