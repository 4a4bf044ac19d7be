"""Storing one new signal: the row, its audit record, its category rows and the weekly counts.

The boring path, through the ORM on every database: `save()` writes the row and auditlog's
receiver its creation record; the category rows go in with one `bulk_create`, without the
m2m_changed record `.set()` would add (the codes ride on the creation's record instead, see
`Signal.get_additional_data`); the counts are one upsert (samen.signals.counting). All of it
inside the caller's transaction. bench/signal_intake.py measures it against a bare insert.
"""

from __future__ import annotations

from samen.signals.counting import CountChanges
from samen.signals.models import Signal


def store_new_signal(signal: Signal, category_ids: list[int], changes: CountChanges) -> None:
    """Save `signal` (unsaved) with its categories and the weekly-count `changes`."""
    signal.save()
    through = Signal.categories.through
    through.objects.bulk_create(
        [through(signal_id=signal.pk, category_id=category_id) for category_id in category_ids]
    )
    changes.write()
