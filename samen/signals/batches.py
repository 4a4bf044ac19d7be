"""Storing many signals at once: CSV imports and the demo seed.

Split from samen.signals.actions because a whole file goes in as one batch: one audited
SignalImport record, every row pointing back to it, and the weekly counts written once.
"""

from __future__ import annotations

import contextlib
import datetime
from collections import Counter

from django.db import connection
from django.utils import timezone
from psycopg import sql

from samen.core.actions import action
from samen.core.counters import add_counts_from, count_changes, signal_keys
from samen.core.weeks import week_of
from samen.signals.access import check_may_report
from samen.signals.actions import SignalFields
from samen.signals.models import Signal, SignalImport


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
    changes = count_changes()
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
    changes = count_changes()
    for (places, week, category_id, severity), n in groups.items():
        # The keys signal_keys gives for one category; n alike: count += n, weighted += n * sev.
        keys = [(place, week, category_id) for place in places if place is not None]
        changes.add(keys, severity, sign=n)
    changes.write()
    if progress:
        progress(len(rows) % 10_000)
    return batch


# --- PostgreSQL: the checked rows stream into a temporary table, then go in set-based ------

_STAGING_COLUMNS = (
    "district_id, neighbourhood_id, occurred_at, week, severity, source_type, "
    "information_class, confidence, text, categories"
)
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def staged_lines(rows: list[SignalFields], zone: datetime.tzinfo) -> tuple[bytes, int]:
    """Checked rows as lines of COPY's text format for the staging table, and their count.

    Made where the rows are checked (the import's worker processes), so that the process
    talking to the database only passes bytes on. The choice fields were checked against
    their few values and need no escaping; the text does.
    """
    lines = []
    for f in rows:
        week = week_of(f.occurred_at.astimezone(zone).date())  # the zone looked up once
        neighbourhood = str(f.neighbourhood.id) if f.neighbourhood is not None else "\\N"
        categories = "{" + ",".join(str(c.id) for c in f.categories) + "}"
        lines.append(
            f"{f.district.id}\t{neighbourhood}\t{f.occurred_at.isoformat()}\t{week.isoformat()}\t"
            f"{f.severity}\t{f.source_type}\t{f.information_class}\t{f.confidence}\t"
            f"{f.text.strip().translate(_COPY_ESCAPES)}\t{categories}\n"
        )
    return "".join(lines).encode(), len(lines)


class Staging:
    """A temporary table that checked rows stream into while the rest is checked.

    Not a write to Samen's data: the table lives in this database session only and is gone
    after `close()`. Each row takes its signal id from the signals' own sequence as it comes
    in, so the category rows can refer to it later; ids of a file that is refused are simply
    never used. Use as a context manager around the checking; `write` takes `staged_lines`.
    """

    def __init__(self) -> None:
        self.rows = 0
        self._cursor = None
        self._copy = None

    def __enter__(self) -> Staging:

        self._cursor = connection.cursor()
        self._cursor.execute("SELECT pg_get_serial_sequence('signals_signal', 'id')")
        (sequence,) = self._cursor.fetchone()
        self._cursor.execute("DROP TABLE IF EXISTS samen_import_rows")
        create = sql.SQL(
            "CREATE TEMPORARY TABLE samen_import_rows ("
            "id bigint NOT NULL DEFAULT nextval({sequence}::regclass), "
            "district_id bigint NOT NULL, neighbourhood_id bigint, "
            "occurred_at timestamptz NOT NULL, week date NOT NULL, severity smallint NOT NULL, "
            "source_type text NOT NULL, information_class text NOT NULL, "
            "confidence smallint NOT NULL, text text NOT NULL, categories bigint[] NOT NULL)"
        ).format(sequence=sql.Literal(sequence))
        self._cursor.cursor.execute(create)
        return self

    def write(self, staged: tuple[bytes, int]) -> None:
        data, rows = staged
        if self._copy is None:
            # Opened at the first rows: until it ends, the connection can do nothing else.
            self._copying = contextlib.ExitStack()
            self._copy = self._copying.enter_context(
                self._cursor.cursor.copy(f"COPY samen_import_rows ({_STAGING_COLUMNS}) FROM STDIN")
            )
        self._copy.write(data)
        self.rows += rows

    def __exit__(self, kind, error, trace) -> None:
        if self._copy is not None:
            self._copy = None
            self._copying.__exit__(kind, error, trace)
        if kind is not None:
            self.close()

    def close(self) -> None:
        """Drop the table (also when the import stopped half-way)."""
        if self._cursor is not None:
            self._cursor.execute("DROP TABLE IF EXISTS samen_import_rows")
            self._cursor.close()
            self._cursor = None


# The weekly counts of the staged rows: first the signals alike in places, week, categories
# and severity are counted once each, then each group adds to every place and category key.
_STAGED_COUNTS = """
CREATE TEMPORARY TABLE samen_import_counts ON COMMIT DROP AS
WITH alike AS (
    SELECT district.parent_id AS city_id, staged.district_id, staged.neighbourhood_id,
           staged.week, staged.categories, count(*) AS n, sum(staged.severity) AS weighted
    FROM samen_import_rows AS staged
    JOIN places_place AS district ON district.id = staged.district_id
    GROUP BY 1, 2, 3, 4, 5
)
SELECT place.id AS place_id, alike.week, category.id AS category_id,
       sum(alike.n) AS count, sum(alike.weighted) AS weighted
FROM alike
CROSS JOIN LATERAL (VALUES (alike.city_id), (alike.district_id), (alike.neighbourhood_id))
    AS place (id)
CROSS JOIN LATERAL (SELECT NULL::bigint UNION ALL SELECT unnest(alike.categories))
    AS category (id)
WHERE place.id IS NOT NULL
GROUP BY 1, 2, 3
"""


@action
def signals_import_staged(*, by, file_name: str, staging: Staging, progress=None) -> SignalImport:
    """Store a whole checked, staged file (PostgreSQL): the same result as `signals_import`.

    Every staged row passed `check_signal`. One audited import record names who imported
    which file and how many rows, and every signal points back to it; the signals, their
    category rows and the weekly counts then go in with one statement each, straight from
    the staging table. The foreign keys are still checked row by row by PostgreSQL.
    """
    check_may_report(by)
    batch = SignalImport(file_name=file_name[:255], rows=staging.rows, imported_by=by)
    batch.save()

    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO signals_signal (id, district_id, neighbourhood_id, occurred_at, week, "
            "severity, source_type, information_class, confidence, text, status, reporter_id, "
            "created_at, imported_in_id) "
            "SELECT id, district_id, neighbourhood_id, occurred_at, week, severity, source_type, "
            "information_class, confidence, text, %s, %s, %s, %s FROM samen_import_rows",
            [Signal.Status.NEW.value, by.pk, timezone.now(), batch.pk],
        )
        cursor.execute(
            "INSERT INTO signals_signal_categories (signal_id, category_id) "
            "SELECT id, unnest(categories) FROM samen_import_rows"
        )
        cursor.execute("DROP TABLE IF EXISTS samen_import_counts")
        cursor.execute(_STAGED_COUNTS)
        add_counts_from(cursor, "samen_import_counts")
        cursor.execute("DROP TABLE samen_import_counts")
    if progress:
        progress(staging.rows)
    return batch
