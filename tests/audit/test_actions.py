"""The audit module's own writes (samen/audit/actions.py)."""

from samen.audit.actions import FILTER_LENGTH, trail_search_record
from samen.audit.models import TrailSearch


def test_a_search_is_kept_with_its_filters_as_typed_without_the_empty_ones(personas):
    search = trail_search_record(
        by=personas.dpo, filters={"actor": "Jan", "model": "", "page": 2, "long": "x" * 500}
    )
    kept = TrailSearch.objects.get(pk=search.pk)
    assert kept.searched_by == personas.dpo
    assert kept.filters == {"actor": "Jan", "page": "2", "long": "x" * FILTER_LENGTH}
