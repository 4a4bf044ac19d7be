"""The audit module's own writes, each a named action with its audit record."""

from __future__ import annotations

from samen.audit.models import TrailSearch
from samen.core.actions import action

# Longer values are cut: a filter is an address, a number or a date.
FILTER_LENGTH = 200


@action
def trail_search_record(*, by, filters: dict[str, str]) -> TrailSearch:
    """Record that `by` searched the audit trail with `filters` (as typed, empty ones left out)."""
    typed = {name: str(value)[:FILTER_LENGTH] for name, value in filters.items() if value}
    search = TrailSearch(searched_by=by, filters=typed)
    search.save()
    return search
