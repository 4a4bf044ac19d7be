"""The weekly counts: the signals module writes them, the tension monitor keeps and reads them.

Neither module imports the other. Both register here when Django starts:

- the monitor, which owns the counts' table, sets the *store* (`set_count_store`): how a
  batch of count changes is written (`count_changes()`, the upsert that a new signal's
  category rows travel with, see samen/signals/filing.py), how a staged import's counts are
  added from a temporary table (`add_counts_from`), and how counts are read back for the
  statistics other policy levels get (`weekly_counts`);
- the signals module sets what the counts *count* (`set_counted`): the signal categories,
  looked up by id (`counted_categories`), and the filter form the monitor's pages use
  (`counted_filter_form`), so that the monitor and the signal list filter alike.

Without a store, counts are not kept: the changes write only what travels with them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

Key = tuple[int, datetime.date, int | None]  # place, week, category (None: all categories)
Along = tuple[str, list] | None  # an INSERT (sql, params) of the same transaction


def signal_keys(
    *,
    district_id: int,
    neighbourhood_id: int | None,
    city_id: int | None,
    week: datetime.date,
    category_ids: Iterable[int],
) -> list[Key]:
    """Every weekly-count row one signal adds to: each of its places, overall and per category."""
    places = [p for p in (city_id, district_id, neighbourhood_id) if p is not None]
    categories = [None, *category_ids]
    return [(place, week, category) for place in places for category in categories]


class CountChanges(Protocol):
    """Count changes collected, then written in one go inside the caller's transaction."""

    def add(self, keys: Iterable[Key], severity: int, sign: int = 1) -> None: ...

    def write(self, *, along: Along = None) -> None: ...


@dataclass(frozen=True)
class CountStore:
    changes: Callable[[], CountChanges]
    add_table: Callable[[Any, str], None]
    read: Callable[..., Iterable[tuple[int, datetime.date, int | None, int]]]


@dataclass(frozen=True)
class Counted:
    categories: Callable[[Iterable[int]], dict[int, Any]]
    filter_form: type


class _Uncounted:
    """No store: nothing is counted, but what travels with the counts is still written."""

    def add(self, keys: Iterable[Key], severity: int, sign: int = 1) -> None:
        pass

    def write(self, *, along: Along = None) -> None:
        if along is not None:
            with connection.cursor() as cursor:
                cursor.execute(*along)


_store: list[CountStore] = []
_counted: list[Counted] = []


# --- The monitor's side -----------------------------------------------------------------------


def set_count_store(
    *,
    changes: Callable[[], CountChanges],
    add_table: Callable[[Any, str], None],
    read: Callable[..., Iterable[tuple[int, datetime.date, int | None, int]]],
) -> None:
    """Register how counts are written and read.

    `changes()` returns an empty `CountChanges`; `add_table(cursor, table)` adds the rows of a
    temporary table (place_id, week, category_id, count, weighted) to the counts;
    `read(first=, last=, place_kind=)` yields (place_id, week, category_id, count) of the
    places of that kind, weeks `first` to `last`, in any order.
    """
    _store[:] = [CountStore(changes, add_table, read)]


def count_changes() -> CountChanges:
    """An empty batch of count changes; `write()` it inside the writing transaction."""
    return _store[0].changes() if _store else _Uncounted()


def add_counts_from(cursor, table: str) -> None:
    """Add the counts staged in temporary table `table` (see `set_count_store`)."""
    if _store:
        _store[0].add_table(cursor, table)


def weekly_counts(
    *, first: datetime.date, last: datetime.date, place_kind: str
) -> Iterable[tuple[int, datetime.date, int | None, int]]:
    """(place_id, week, category_id, count) of places of `place_kind`, weeks first to last."""
    return _store[0].read(first=first, last=last, place_kind=place_kind) if _store else []


# --- The signals module's side ----------------------------------------------------------------


def set_counted(
    *, categories: Callable[[Iterable[int]], dict[int, Any]], filter_form: type
) -> None:
    """Register what is counted: `categories(ids)` gives {id: category} (each with a `name`),
    `filter_form` is the form the monitor filters its pages with (period and category)."""
    _counted[:] = [Counted(categories, filter_form)]


def _what_is_counted() -> Counted:
    if not _counted:
        raise ImproperlyConfigured("No module has said what the weekly counts count.")
    return _counted[0]


def counted_categories(ids: Iterable[int]) -> dict[int, Any]:
    """The categories `ids`, by id (those that no longer exist are left out)."""
    return _what_is_counted().categories(ids)


def counted_filter_form() -> type:
    """The form the monitor's pages are filtered with."""
    return _what_is_counted().filter_form
