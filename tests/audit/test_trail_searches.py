"""Searches of the audit trail are recorded in the trail: who searched, when, with which
filters as typed; one record per search, also when the search is for earlier searches."""

import pytest
from django.contrib.contenttypes.models import ContentType

from samen.audit.actions import trail_search_record
from samen.audit.models import AuditRecord, TrailSearch
from tests.conftest import get_as

pytestmark = pytest.mark.django_db
URL = "/audit/"


def search_records():
    kind = ContentType.objects.get_for_model(TrailSearch)
    return AuditRecord.objects.filter(content_type=kind)


def test_a_search_is_recorded_with_who_when_and_the_filters_as_typed(client, personas):
    user_type = ContentType.objects.get(app_label="people", model="user")
    query = {
        "actor": personas.admin.email,
        "record_type": user_type.pk,
        "record_id": str(personas.frontline.pk),
        "since": "2026-01-01",
    }
    get_as(client, personas.dpo, URL, data=query)
    search = TrailSearch.objects.get()
    assert search.searched_by == personas.dpo
    assert search.filters == {
        "actor": personas.admin.email,
        "record_type": "people.user",
        "record_id": str(personas.frontline.pk),
        "since": "2026-01-01",
    }
    record = search_records().get()
    assert record.actor == personas.dpo
    assert record.action == AuditRecord.Action.CREATE
    assert record.timestamp >= search.searched_at
    assert personas.admin.email in record.changes_dict["filters"][1]


def test_the_first_view_of_the_trail_and_each_next_page_are_searches_too(client, personas):
    get_as(client, personas.dpo, URL)
    client.get(URL, {"page": 2})
    assert [s.filters for s in TrailSearch.objects.order_by("pk")] == [{}, {"page": "2"}]


def test_looking_at_earlier_searches_adds_one_record_and_lists_the_earlier_ones(client, personas):
    searches = {"record_type": ContentType.objects.get_for_model(TrailSearch).pk}
    get_as(client, personas.dpo, URL, data={"actor": personas.admin.email})
    for seen in (1, 2, 3):
        response = client.get(URL, searches)
        # Each look shows the searches before it, never itself, and adds exactly one.
        assert len(response.context["page"]) == seen
        assert search_records().count() == seen + 1
    assert personas.admin.email in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [{"actor": "nobody@samen.test"}, {"since": "2026-02-30"}, {"record_type": "99999"}],
)
def test_a_search_with_bad_input_shows_nothing_and_records_nothing(client, personas, params):
    response = get_as(client, personas.dpo, URL, data=params)
    assert response.status_code == 200 and response.context["form"].errors
    assert not TrailSearch.objects.exists() and not search_records().exists()


@pytest.mark.parametrize("who", ["admin", "analyst", "coordinator", "frontline", "prevention"])
def test_a_refused_search_records_nothing(client, personas, who):
    assert get_as(client, getattr(personas, who), URL).status_code == 403
    assert not TrailSearch.objects.exists()


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
