"""Writing and reading the weekly counts, inside the writing transaction.

The signals module reaches these through the platform's registry (samen.core.counters), set
by this module's AppConfig.ready(): it never imports them.

Hand-written SQL because the ORM has no atomic upsert-with-increment: INSERT ... ON CONFLICT
DO UPDATE adds to the row whatever other app servers wrote meanwhile, on PostgreSQL and on
SQLite alike, with many rows per statement.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db import connection

from samen.core.counters import Along, Key
from samen.monitor.models import WeeklyCount

# Every way of adding to the counts: insert the rows, or add to the rows that exist already.
INSERT_COUNTS = "INSERT INTO signals_weeklycount (place_id, week, category_id, count, weighted)"
ADD_TO_EXISTING = """ON CONFLICT {target} DO UPDATE SET
    count = signals_weeklycount.count + excluded.count,
    weighted = signals_weeklycount.weighted + excluded.weighted"""
# Many rows per statement: one round trip for a signal's few rows, few for an import's many.
_UPSERT = f"{INSERT_COUNTS}\nVALUES {{rows}}\n{ADD_TO_EXISTING}"
# The same for PostgreSQL, the rows as one array per column (unnest keeps them in order).
_UPSERT_ARRAYS = f"""{INSERT_COUNTS}
SELECT unnest(%s::integer[]), unnest(%s::date[]), {{category}}, unnest(%s::integer[]),
    unnest(%s::integer[])
{ADD_TO_EXISTING}"""
# The conflict targets: the overall rows have their own partial unique index.
OVERALL_TARGET = "(place_id, week) WHERE category_id IS NULL"
PER_CATEGORY_TARGET = "(place_id, week, category_id)"
_ALL = ("(%s, %s, NULL, %s, %s)", OVERALL_TARGET)
_ONE = ("(%s, %s, %s, %s, %s)", PER_CATEGORY_TARGET)
_ROWS_PER_STATEMENT = 500
# A decrement always meets an existing row; an INSERT of a negative count would break the
# counts' CHECK constraint before the conflict is even seen (SQLite).
_DECREMENT = """
UPDATE signals_weeklycount SET count = count + %s, weighted = weighted + %s
WHERE place_id = %s AND week = %s AND {category}
"""
_DECREMENT_ALL = _DECREMENT.format(category="category_id IS NULL")
_DECREMENT_ONE = _DECREMENT.format(category="category_id = %s")
_DECREMENTS = (_DECREMENT_ALL, _DECREMENT_ONE)


class CountChanges:
    """Collects count changes, then writes them in one go."""

    def __init__(self) -> None:
        self.deltas: dict[Key, list[int]] = defaultdict(lambda: [0, 0])

    def add(self, keys: Iterable[Key], severity: int, sign: int = 1) -> None:
        for key in keys:
            delta = self.deltas[key]
            delta[0] += sign
            delta[1] += sign * severity

    def write(self, *, along: Along = None) -> None:
        """Write the changes, after `along`, an INSERT (sql, params) of the same transaction.

        On PostgreSQL a signal's few rows, with `along` (its category rows), go as one
        statement: a round trip less for every signal filed.
        """
        batches: dict[str, list[tuple]] = defaultdict(list)
        for (place, week, category), (count, weighted) in self.deltas.items():
            if count == 0 and weighted == 0:
                continue
            if count < 0 or weighted < 0:
                if category is None:
                    batches[_DECREMENT_ALL].append((count, weighted, place, week))
                else:
                    batches[_DECREMENT_ONE].append((count, weighted, place, week, category))
            elif category is None:
                batches[_ALL].append((place, week, count, weighted))
            else:
                batches[_ONE].append((place, week, category, count, weighted))
        # Rows in one order (place, week, category) in every transaction, so that two signals
        # filed at once lock the rows they share in the same order and never deadlock.
        for kind, rows in batches.items():
            # Upsert rows start with their key; decrement rows end with it, after the deltas.
            rows.sort(key=(lambda row: row[2:]) if kind in _DECREMENTS else (lambda row: row[:-2]))
        with connection.cursor() as cursor:
            if _fits_one_statement(batches):
                _upsert_both(cursor, batches.pop(_ALL), batches.pop(_ONE), along)
            elif along is not None:
                cursor.execute(*along)
            for kind, rows in batches.items():
                if kind in (_ALL, _ONE):
                    _upsert(cursor, *kind, rows)
                else:
                    cursor.executemany(kind, rows)
        self.deltas.clear()


def _fits_one_statement(batches: dict) -> bool:
    """Whether both upserts can go as one statement: a signal's few rows, on PostgreSQL."""
    return (
        connection.vendor == "postgresql"
        and set(batches) == {_ALL, _ONE}
        and len(batches[_ALL]) <= _ROWS_PER_STATEMENT
        and len(batches[_ONE]) <= _ROWS_PER_STATEMENT
    )


def _upsert_both(cursor, overall: list[tuple], per_category: list[tuple], along: Along) -> None:
    """Both upserts and `along` in one round trip, all but the last as data-modifying WITHs.

    The two upserts' conflict targets differ (the overall rows have their own partial unique
    index), so one INSERT cannot do both; they touch different rows, which PostgreSQL allows
    in one statement. SQLite has no data-modifying WITH and takes separate statements.
    """
    parts, params = [], []
    if along is not None:
        parts.append(f"along AS ({along[0]})")
        params += along[1]
    # Columns as arrays: the same text and five values whatever the number of rows, so that
    # psycopg parses the statement once per process (it keeps no statement of over 50 values).
    parts.append(f"overall AS ({_UPSERT_ARRAYS.format(category='NULL', target=_ALL[1])})")
    params += [list(column) for column in zip(*overall, strict=True)]
    last = _UPSERT_ARRAYS.format(category="unnest(%s::integer[])", target=_ONE[1])
    params += [list(column) for column in zip(*per_category, strict=True)]
    cursor.execute("WITH " + ", ".join(parts) + " " + last, params)


def _upsert(cursor, row: str, target: str, rows: list[tuple]) -> None:
    for start in range(0, len(rows), _ROWS_PER_STATEMENT):
        chunk = rows[start : start + _ROWS_PER_STATEMENT]
        sql = _UPSERT.format(rows=", ".join([row] * len(chunk)), target=target)
        cursor.execute(sql, [value for values in chunk for value in values])


# A staged import's counts, added from a temporary table of the same columns. Put together
# from constants and a checked table name only; the values come from that table.
_UPSERT_STAGED = f"""{INSERT_COUNTS}
SELECT place_id, week, category_id, count, weighted FROM {{table}}
WHERE category_id IS {{which}} NULL
{ADD_TO_EXISTING}"""  # noqa: S608


def add_table(cursor, table: str) -> None:
    """Add the rows of temporary table `table` (place_id, week, category_id, count, weighted)."""
    if not table.isidentifier():
        raise ValueError(table)
    for which, target in (("", OVERALL_TARGET), ("NOT", PER_CATEGORY_TARGET)):
        cursor.execute(_UPSERT_STAGED.format(table=table, which=which, target=target))


def read(*, first: datetime.date, last: datetime.date, place_kind: str):
    """(place_id, week, category_id, count) of the places of `place_kind`, weeks first to last."""
    return WeeklyCount.objects.filter(
        place__kind=place_kind, week__gte=first, week__lte=last
    ).values_list("place_id", "week", "category_id", "count")
