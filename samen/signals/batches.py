"""Storing many signals at once: CSV imports and the demo seed.

Split from samen.signals.actions because a whole file goes in as one batch: one audited
SignalImport record, every row pointing back to it, and the weekly counts written once.
"""

from __future__ import annotations

from django.utils import timezone

from samen.core.actions import action
from samen.signals.access import check_may_report
from samen.signals.actions import SignalFields
from samen.signals.counting import CountChanges, signal_keys
from samen.signals.models import (
    Signal,
    SignalImport,
    week_of,
)


@action
def signals_import(*, by, file_name: str, rows: list[SignalFields]) -> SignalImport:
    """Store a whole checked file at once: one import record, one batch of counts.

    Rows must have passed `check_signal`; the import's audit record names who imported
    which file and how many rows, and every signal points back to it.
    """
    check_may_report(by)
    batch = SignalImport(file_name=file_name[:255], rows=len(rows), imported_by=by)
    batch.save()
    bulk_store(
        [
            Signal(
                district=f.district,
                neighbourhood=f.neighbourhood,
                occurred_at=f.occurred_at,
                week=week_of(f.occurred_at),
                severity=f.severity,
                source_type=f.source_type,
                information_class=f.information_class,
                confidence=f.confidence,
                text=f.text.strip(),
                reporter=by,
                imported_in=batch,
            )
            for f in rows
        ],
        [[c.pk for c in f.categories] for f in rows],
    )
    return batch


def bulk_store(signals: list[Signal], category_ids: list[list[int]], chunk: int = 2000) -> None:
    """Insert many signals with their categories and counts; for import and seeding only.

    Callers run inside an action (or the seed's transaction) and have checked every row;
    `week` must be set on each signal, and `district.parent_id` loaded.
    """
    changes = CountChanges()
    through = Signal.categories.through
    for start in range(0, len(signals), chunk):
        stored = Signal.objects.bulk_create(signals[start : start + chunk])
        links = []
        for signal, ids in zip(stored, category_ids[start : start + chunk], strict=True):
            links += [through(signal_id=signal.pk, category_id=c) for c in ids]
            changes.add(
                signal_keys(
                    district_id=signal.district_id,
                    neighbourhood_id=signal.neighbourhood_id,
                    city_id=signal.district.parent_id,
                    week=signal.week,
                    category_ids=ids,
                ),
                signal.severity,
            )
        through.objects.bulk_create(links)
    changes.write()


@action
def signals_import_bulk(
    *, by, file_name: str, rows: list[SignalFields], progress=None
) -> SignalImport:
    """Store a whole checked file like `signals_import`, through COPY on PostgreSQL.

    The same contract and the same trail as `signals_import`: rows must have passed
    `check_signal`; one audited import record names who imported which file and how many
    rows, and every signal points back to it. On PostgreSQL the signals and their category
    links go in with COPY, under ids taken from the table's sequence beforehand, and the
    weekly counts are added per place, week and category in one batch. Other databases take
    the ORM path of `signals_import`. `progress(n)` is told of every n rows stored.
    """
    from collections import Counter

    from django.db import connection

    if connection.vendor != "postgresql":
        batch = signals_import(by=by, file_name=file_name, rows=rows)
        if progress:
            progress(len(rows))
        return batch
    check_may_report(by)
    batch = SignalImport(file_name=file_name[:255], rows=len(rows), imported_by=by)
    batch.save()
    if not rows:
        return batch
    created_at = timezone.now()
    city_time = timezone.get_current_timezone()  # once, not per row as in week_of(moment)
    # Signals alike in places, week, one category (None: all) and severity, counted once each.
    groups: Counter = Counter()
    with connection.cursor() as cursor:
        # One round trip for the ids; a range when no other writer took numbers in between.
        cursor.execute(
            "SELECT min(id), max(id), count(*) FROM (SELECT nextval("
            "pg_get_serial_sequence('signals_signal', 'id')) AS id "
            "FROM generate_series(1, %s)) AS reserved",
            [len(rows)],
        )
        first, last, count = cursor.fetchone()
        if last - first + 1 == count:
            ids = range(first, last + 1)
        else:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence('signals_signal', 'id')) "
                "FROM generate_series(1, %s)",
                [len(rows)],
            )
            ids = [pk for (pk,) in cursor.fetchall()]
        links = []
        with cursor.cursor.copy(
            "COPY signals_signal (id, district_id, neighbourhood_id, occurred_at, week, "
            "severity, source_type, information_class, confidence, text, status, reporter_id, "
            "created_at, imported_in_id) FROM STDIN"
        ) as copy:
            for done, (pk, f) in enumerate(zip(ids, rows, strict=True), 1):
                week = week_of(f.occurred_at.astimezone(city_time).date())
                # .id, not .pk: the property costs a call per row and a million rows add up.
                district_id = f.district.id
                neighbourhood_id = f.neighbourhood.id if f.neighbourhood is not None else None
                copy.write_row(
                    (
                        pk,
                        district_id,
                        neighbourhood_id,
                        f.occurred_at,
                        week,
                        f.severity,
                        f.source_type,
                        f.information_class,
                        f.confidence,
                        f.text.strip(),
                        Signal.Status.NEW.value,
                        by.pk,
                        created_at,
                        batch.pk,
                    )
                )
                places = (f.district.parent_id, district_id, neighbourhood_id)
                groups[(places, week, None, f.severity)] += 1
                for category in f.categories:
                    links.append((pk, category.id))
                    groups[(places, week, category.id, f.severity)] += 1
                if progress and done % 10_000 == 0:
                    progress(10_000)
        with cursor.cursor.copy(
            "COPY signals_signal_categories (signal_id, category_id) FROM STDIN"
        ) as copy:
            for link in links:
                copy.write_row(link)
    changes = CountChanges()
    for (places, week, category_id, severity), n in groups.items():
        # The keys signal_keys gives for one category; n alike: count += n, weighted += n * sev.
        keys = [(place, week, category_id) for place in places if place is not None]
        changes.add(keys, severity, sign=n)
    changes.write()
    if progress:
        progress(len(rows) % 10_000)
    return batch
