"""Filing a signal in one statement stores what the ORM and auditlog would have stored."""

import datetime

import pytest
from django.db import connection
from django.db.models.signals import post_save
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samen.audit.context import acting_as
from samen.audit.models import AuditRecord
from samen.signals import filing
from samen.signals.models import Category, Signal, WeeklyCount

pytestmark = pytest.mark.django_db

# Differ between any two signals, whichever way they were stored.
_OWN = {"id", "created_at"}


def _file_both_ways(file_signal, person, district, monkeypatch, **overrides):
    one_statement = file_signal(person, district, **overrides)
    monkeypatch.setattr(filing, "in_one_statement", lambda: False)
    through_orm = file_signal(person, district, **overrides)
    monkeypatch.undo()
    return one_statement, through_orm


def _creation(signal: Signal) -> AuditRecord:
    return AuditRecord.objects.get_for_object(signal).get(action=AuditRecord.Action.CREATE)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="one statement on PostgreSQL only")
def test_one_statement_stores_the_row_and_record_the_orm_stores(personas, file_signal, monkeypatch):
    overrides = {
        "occurred_at": timezone.now() - datetime.timedelta(days=2),
        "categories": list(Category.objects.filter(code__in=["housing", "youth-groups"])),
        "severity": 3,
        "text": "Ruzie tussen buren over geluidsoverlast.",
    }
    fast, slow = _file_both_ways(
        file_signal, personas.frontline, personas.borgerhout, monkeypatch, **overrides
    )
    assert fast.pk != slow.pk
    stored_fast = model_to_dict(Signal.objects.get(pk=fast.pk))
    stored_slow = model_to_dict(Signal.objects.get(pk=slow.pk))
    assert {k: v for k, v in stored_fast.items() if k not in _OWN} == {
        k: v for k, v in stored_slow.items() if k not in _OWN
    }
    assert sorted(c.code for c in stored_fast["categories"]) == ["housing", "youth-groups"]
    # The instance the action returns is a saved one, like save() leaves it.
    assert not fast._state.adding and fast._state.db == "default"
    assert Signal.objects.get(pk=fast.pk).created_at == fast.created_at

    record_fast, record_slow = _creation(fast), _creation(slow)
    columns = [f.attname for f in AuditRecord._meta.concrete_fields]
    differ = {"id", "timestamp", "object_pk", "object_id", "object_repr", "changes"}
    for column in columns:
        if column not in differ:
            assert getattr(record_fast, column) == getattr(record_slow, column), column
    assert record_fast.object_pk == str(fast.pk) and record_fast.object_id == fast.pk
    assert record_fast.object_repr == str(fast)
    assert record_fast.actor == personas.frontline
    assert record_fast.changes.keys() == record_slow.changes.keys()
    for name, values in record_fast.changes.items():
        if name not in _OWN:
            assert values == record_slow.changes[name], name
    assert record_fast.changes["id"] == ["None", str(fast.pk)]
    assert record_fast.changes["text"][1] == "[redacted]"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="one statement on PostgreSQL only")
def test_one_statement_adds_to_the_same_weekly_counts(personas, file_signal, monkeypatch):
    file_signal(personas.frontline, personas.borgerhout, severity=4)
    after_one = {
        (c.place_id, c.week, c.category_id): (c.count, c.weighted)
        for c in WeeklyCount.objects.all()
    }
    monkeypatch.setattr(filing, "in_one_statement", lambda: False)
    file_signal(personas.frontline, personas.borgerhout, severity=4)
    after_two = {
        (c.place_id, c.week, c.category_id): (c.count, c.weighted)
        for c in WeeklyCount.objects.all()
    }
    assert after_one.keys() == after_two.keys()
    assert len(after_one) == 4  # city and district, overall and for the one category
    assert all(after_two[key] == (2 * n, 2 * w) for key, (n, w) in after_one.items())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="one statement on PostgreSQL only")
def test_a_failing_statement_leaves_nothing(personas, file_signal):
    """The row, its record, its categories and the counts go together or not at all."""
    from django.db import IntegrityError

    signals, records, counts = (
        Signal.objects.count(),
        AuditRecord.objects.count(),
        WeeklyCount.objects.count(),
    )
    stray = Category(pk=987654, code="stray", group="theme", name_nl="x", name_fr="x", name_en="x")
    stray.parent_id = Category.objects.get(code="youth-groups").parent_id
    with connection.cursor() as cursor:
        # Checked at the statement's end rather than at the test's commit, which never comes.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    with pytest.raises(IntegrityError):
        # A category that is not in the database: its foreign keys fail.
        file_signal(personas.frontline, personas.borgerhout, categories=[stray])
    assert Signal.objects.count() == signals
    assert AuditRecord.objects.count() == records
    assert WeeklyCount.objects.count() == counts


def test_auditlog_is_the_only_receiver_of_a_new_signal():
    """The one statement sends no post_save: a receiver added later would silently miss
    filed signals, so adding one must come with a change to samen.signals.filing."""
    sync_receivers, async_receivers = post_save._live_receivers(Signal)
    names = {f"{r.__module__}.{r.__name__}" for r in [*sync_receivers, *async_receivers]}
    assert names == {"auditlog.receivers.log_create"}, names


def test_filing_without_auditlog_writes_no_record(personas, file_signal):
    from auditlog.context import disable_auditlog

    with acting_as(personas.frontline), disable_auditlog():
        signal = file_signal(personas.frontline, personas.borgerhout)
    assert Signal.objects.filter(pk=signal.pk).exists()
    assert not AuditRecord.objects.get_for_object(signal).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="one statement on PostgreSQL only")
def test_numbers_come_a_block_at_a_time_and_never_twice(personas, file_signal):
    filing._numbers.clear()
    with CaptureQueriesContext(connection) as queries:
        signals = [file_signal(personas.frontline, personas.borgerhout) for _ in range(3)]
    fetches = [q for q in queries.captured_queries if "nextval" in q["sql"]]
    assert len(fetches) == 1
    assert len(filing._numbers) == filing.NUMBERS_PER_BLOCK - 3
    numbers = [s.pk for s in signals]
    assert numbers == sorted(numbers) and len(set(numbers)) == 3
    # A signal stored the ordinary way meanwhile takes a number from the same sequence.
    other = Signal.objects.create(
        district=personas.borgerhout,
        occurred_at=timezone.now(),
        severity=1,
        source_type="resident",
        information_class="experienced",
        confidence=1,
        reporter=personas.frontline,
    )
    assert other.pk not in numbers and other.pk not in filing._numbers
