"""Storing one new signal: the row, its audit record, its category rows and the weekly counts.

Through the ORM on every database: `save()` writes the row and auditlog's receiver its
creation record. The category rows go in without the m2m_changed record `.set()` would add
(the codes ride on the creation's record, see `Signal.get_additional_data`), as a
hand-written INSERT that travels with the weekly counts' upsert (samen.core.counters, kept
by the tension monitor in samen.monitor.counting):
on PostgreSQL one statement for both, a round trip less on the busiest write Samen has
(bench/signal_intake.py; bench/README.md has the figures). All of it inside the caller's
transaction.
"""

from __future__ import annotations

from samen.core.counters import CountChanges
from samen.signals.models import Signal

_LINKS = "INSERT INTO signals_signal_categories (signal_id, category_id) VALUES {rows}"


def store_new_signal(signal: Signal, category_ids: list[int], changes: CountChanges) -> None:
    """Save `signal` (unsaved) with its categories and the weekly-count `changes`."""
    signal.save()
    changes.write(along=category_links(signal.pk, category_ids))


def category_links(signal_id: int, category_ids: list[int]) -> tuple[str, list] | None:
    """The INSERT of a new signal's category rows, as (sql, params): every value a parameter."""
    if not category_ids:
        return None
    rows = ", ".join(["(%s, %s)"] * len(category_ids))
    params = [value for category_id in category_ids for value in (signal_id, category_id)]
    return _LINKS.format(rows=rows), params
