"""The audit module's own writes (samen/audit/actions.py)."""

import pytest

from samen.audit.actions import FILTER_LENGTH, trail_search_record
from samen.audit.models import AuditRecord, TrailSearch


def test_a_search_is_kept_with_its_filters_as_typed_without_the_empty_ones(personas):
    search = trail_search_record(
        by=personas.dpo, filters={"actor": "Jan", "model": "", "page": 2, "long": "x" * 500}
    )
    kept = TrailSearch.objects.get(pk=search.pk)
    assert kept.searched_by == personas.dpo
    assert kept.filters == {"actor": "Jan", "page": "2", "long": "x" * FILTER_LENGTH}


pytestmark = pytest.mark.django_db


def test_a_search_and_its_audit_record_are_one_transaction(personas, monkeypatch):
    def refuse(*args, **kwargs):
        raise RuntimeError("the trail is unavailable")

    monkeypatch.setattr(AuditRecord.objects, "log_create", refuse)
    with pytest.raises(RuntimeError):
        trail_search_record(by=personas.dpo, filters={"actor": "x@samen.test"})
    assert not TrailSearch.objects.exists()


def test_long_filters_are_cut_and_empty_ones_left_out(personas):
    search = trail_search_record(by=personas.dpo, filters={"record_id": "9" * 500, "until": ""})
    assert search.filters == {"record_id": "9" * 200}
