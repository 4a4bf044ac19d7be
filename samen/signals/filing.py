"""Storing one new signal: the row, its audit record, its category rows and the weekly counts.

On PostgreSQL all of it goes to the database as one statement, its number taken from a block
the process holds: filing from the field is the busiest write Samen has, and every statement
the database parses, plans and answers costs about as much as the insert it carries. The rows
are the ones `Signal.save()` with auditlog would write (tests/signals/test_filing.py compares
them column by column); the statement is put together from Django's own INSERTs
(samen.core.inserts) and auditlog's own record (samen.audit.creations). Elsewhere (SQLite, the
embedded default) the signal is saved through the ORM and auditlog's receiver.

Hand-written, not a library's: Django sends each INSERT on its own and has no way to send
several as one statement.
"""

from __future__ import annotations

from django.db import connection

from samen.audit.creations import creation_record
from samen.core.inserts import insert_statement
from samen.signals.counting import CountChanges
from samen.signals.models import Signal

_LINKS = "INSERT INTO signals_signal_categories (signal_id, category_id) VALUES {rows}"
_LINKS_ARRAY = (
    "INSERT INTO signals_signal_categories (signal_id, category_id) "
    "SELECT %s, unnest(%s::integer[])"
)


def category_links(signal_id: int, category_ids: list[int]) -> tuple[str, list] | None:
    """The INSERT of a new signal's category rows, as (sql, params): every value a parameter."""
    if not category_ids:
        return None
    rows = ", ".join(["(%s, %s)"] * len(category_ids))
    params = [value for category_id in category_ids for value in (signal_id, category_id)]
    return _LINKS.format(rows=rows), params


def store_new_signal(signal: Signal, category_ids: list[int], changes: CountChanges) -> None:
    """Store `signal` (unsaved, its week set) with its categories, its audit record and the
    weekly-count `changes`, inside the caller's transaction."""
    if not in_one_statement():
        signal.save()
        changes.write(along=[category_links(signal.pk, category_ids)])
        return
    signal.pk = _next_number()
    # The record needs the number (its object, its representation); auditlog's post_save
    # receiver is not involved, since the row is not saved through the ORM.
    record = creation_record(signal)
    changes.write(
        along=[
            insert_statement(signal),
            insert_statement(record) if record is not None else None,
            # As an array: the statement's text stays the same whatever the categories.
            (_LINKS_ARRAY, [signal.pk, category_ids]) if category_ids else None,
        ]
    )
    signal._state.adding = False
    signal._state.db = connection.alias


def in_one_statement() -> bool:
    """Whether the database takes data-modifying WITHs (PostgreSQL; not SQLite)."""
    return connection.vendor == "postgresql"


# Signal numbers are taken from their sequence a block at a time (as ORMs' "pooled"
# generators do), so that filing needs no round trip of its own for its number. Numbers
# already had gaps (a rolled-back transaction uses one up) and never said when a signal was
# filed relative to another server's; nothing reads meaning into them.
NUMBERS_PER_BLOCK = 32
_numbers: list[int] = []
_sequence: list[str] = []  # the sequence's name, looked up once per process


def _next_number() -> int:
    if not _numbers:
        with connection.cursor() as cursor:
            if not _sequence:
                cursor.execute(
                    "SELECT pg_get_serial_sequence(%s, %s)",
                    [Signal._meta.db_table, Signal._meta.pk.column],
                )
                _sequence.append(cursor.fetchone()[0])
            cursor.execute(
                "SELECT nextval(%s::regclass) FROM generate_series(1, %s)",
                [_sequence[0], NUMBERS_PER_BLOCK],
            )
            _numbers.extend(sorted((number for (number,) in cursor.fetchall()), reverse=True))
    return _numbers.pop()
