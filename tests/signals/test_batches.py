"""The set-based import (PostgreSQL): the same signals, categories and counts as row by row."""

import datetime
from collections import Counter

import pytest
from django.db import connection
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.monitor.models import WeeklyCount
from samen.places.models import Place
from samen.signals.batches import signals_import
from samen.signals.csv_import import check_file, import_file
from samen.signals.models import Signal, SignalImport
from tests.signals.test_csv_import import csv_bytes, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(personas):
    wijk = Place.objects.create(
        kind="neighbourhood", code="11002S01", name_nl="Wijk", parent=personas.borgerhout
    )
    return [("11002S", "11002S01"), ("11002S", ""), ("11002T", "")], wijk


def varied_rows(count: int) -> list[str]:
    """Rows over districts, weeks, categories and severities, some text needing escapes."""
    texts = [
        "Spanning op het plein.",
        "Tab\there, backslash \\ there,\nand a new line.",
        "  Spaties eromheen  ",
        "Rond 21 u, een groep van 25 jongeren.",
    ]
    categories = ["youth-groups", "housing;racism", "poverty|safety|religion", "racism"]
    rows = []
    for n in range(count):
        district, neighbourhood = [("11002S", "11002S01"), ("11002S", ""), ("11002T", "")][n % 3]
        occurred = timezone.now() - datetime.timedelta(hours=3 + 29 * n)
        rows.append(
            row(
                occurred_at=occurred.isoformat(timespec="minutes"),
                district=district,
                neighbourhood=neighbourhood,
                categories=categories[n % 4],
                severity=str(1 + n % 4),
                confidence=str(1 + n % 3),
                text=texts[n % 4],
            )
        )
    return rows


def recounted() -> dict:
    """The weekly counts as they follow from the stored signals."""
    counts: Counter = Counter()
    for signal in Signal.objects.select_related("district").prefetch_related("categories"):
        places = [signal.district.parent_id, signal.district_id, signal.neighbourhood_id]
        for place in filter(None, places):
            for category in [None, *(c.pk for c in signal.categories.all())]:
                counts[(place, signal.week, category, "count")] += 1
                counts[(place, signal.week, category, "weighted")] += signal.severity
    return +counts


def stored_counts() -> dict:
    counts: Counter = Counter()
    for c in WeeklyCount.objects.all():
        counts[(c.place_id, c.week, c.category_id, "count")] += c.count
        counts[(c.place_id, c.week, c.category_id, "weighted")] += c.weighted
    return +counts


def stored_signals() -> list[tuple]:
    return [
        (
            s.district_id,
            s.neighbourhood_id,
            s.occurred_at,
            s.week,
            s.severity,
            s.source_type,
            s.information_class,
            s.confidence,
            s.text,
            sorted(c.code for c in s.categories.all()),
            s.status,
            s.reporter_id,
        )
        for s in Signal.objects.order_by("pk").prefetch_related("categories")
    ]


def test_a_file_stores_what_the_row_by_row_path_stores(personas, places):
    data = csv_bytes(*varied_rows(40))
    outcome = import_file(data, by=personas.analyst, file_name="gevarieerd.csv")
    assert outcome.checked.problems == []
    assert outcome.batch.rows == 40
    staged = stored_signals()
    assert Signal.objects.filter(imported_in=outcome.batch).count() == 40
    assert stored_counts() == recounted()
    # The same file through the ORM path of the action every import took before.
    Signal.objects.all().delete()
    WeeklyCount.objects.all().delete()
    checked = check_file(data, by=personas.analyst)
    signals_import(by=personas.analyst, file_name="gevarieerd.csv", rows=checked.rows)
    assert stored_signals() == staged
    assert stored_counts() == recounted()


def test_text_with_tabs_backslashes_and_new_lines_arrives_intact(personas, places):
    text = "Tab\there, backslash \\ there,\nand a new line."
    import_file(csv_bytes(row(text=f"  {text} ")), by=personas.analyst, file_name="t.csv")
    assert Signal.objects.get().text == text


def test_one_bad_row_after_many_good_ones_stores_nothing(personas, places):
    data = csv_bytes(*varied_rows(30), row(severity="9"))
    outcome = import_file(data, by=personas.analyst, file_name="fout.csv")
    # Line 40: the header, 30 rows, eight of them with a new line inside their text.
    assert [(p.line, p.column) for p in outcome.checked.problems] == [(40, "severity")]
    assert outcome.batch is None
    assert not Signal.objects.exists()
    assert not WeeklyCount.objects.exists()
    assert not SignalImport.objects.exists()


@pytest.mark.parametrize("good", [True, False])
def test_the_staging_table_is_gone_afterwards(personas, places, good):
    data = csv_bytes(row() if good else row(district="nergens"))
    import_file(data, by=personas.analyst, file_name="s.csv")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass('samen_import_rows')")
            assert cursor.fetchone() == (None,)


def test_the_import_is_one_audited_record_naming_who_and_what(personas, places):
    outcome = import_file(csv_bytes(*varied_rows(5)), by=personas.analyst, file_name="a.csv")
    [record] = AuditRecord.objects.get_for_object(outcome.batch)
    assert record.actor == personas.analyst
    assert record.action == AuditRecord.Action.CREATE
    assert record.changes["file_name"] == ["None", "a.csv"]
