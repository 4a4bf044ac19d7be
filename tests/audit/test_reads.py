"""Reads of confidential records: one at a time, or the rows of a list in one INSERT."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from samen.audit.models import AuditRecord
from samen.audit.reads import LIST_READ, record_read, record_reads
from samen.cases.models import Case
from tests.cases.conftest import open_case

pytestmark = pytest.mark.django_db


def audit_inserts(queries) -> list[str]:
    table = AuditRecord._meta.db_table
    return [q["sql"] for q in queries if q["sql"].startswith("INSERT") and table in q["sql"]]


def reads():
    return AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS).order_by("pk")


@pytest.fixture
def cases(db) -> list[Case]:
    return [open_case("Jan Peeters"), open_case("Marie Janssens"), open_case("Ahmed Benali")]


@pytest.fixture
def request_to_list():
    return RequestFactory().get("/cases/?q=Jan+Peeters", REMOTE_ADDR="10.0.0.7")


def test_each_object_gets_one_access_record_in_one_insert(personas, cases, request_to_list):
    with CaptureQueriesContext(connection) as queries:
        written = record_reads(by=personas.prevention, objects=cases, request=request_to_list)
    assert len(audit_inserts(queries.captured_queries)) == 1
    assert len(written) == 3
    assert [(r.object_pk, r.object_repr) for r in reads()] == [
        (str(case.pk), case.reference) for case in cases
    ]
    for record in reads():
        assert record.actor == personas.prevention
        assert record.actor_email == personas.prevention.email
        assert record.remote_addr == "10.0.0.7"
        assert record.content_type.model_class() is Case
        assert record.object_id == int(record.object_pk)
        assert record.additional_data == {"path": "/cases/", "method": "GET", "what": LIST_READ}


def test_the_search_words_stay_out_of_the_trail(personas, cases, request_to_list):
    record_reads(by=personas.prevention, objects=cases[:1], request=request_to_list)
    record = reads().get()
    assert "Peeters" not in str(record.additional_data) and "Peeters" not in record.object_repr


def test_a_list_read_is_found_by_the_same_search_as_a_page_read(personas, cases):
    record_read(by=personas.prevention, obj=cases[0], what="page")
    record_reads(by=personas.prevention, objects=cases[:1])
    found = AuditRecord.objects.search(
        content_type=reads().first().content_type,
        object_pk=str(cases[0].pk),
        action=AuditRecord.Action.ACCESS,
    )
    assert sorted(r.additional_data["what"] for r in found) == [LIST_READ, "page"]


def test_an_empty_list_writes_nothing(personas):
    with CaptureQueriesContext(connection) as queries:
        assert record_reads(by=personas.prevention, objects=[]) == []
    assert queries.captured_queries == []
    assert not reads().exists()


def test_a_record_that_is_not_confidential_is_refused_and_nothing_is_written(personas, cases):
    with pytest.raises(ValueError):
        record_reads(by=personas.prevention, objects=[cases[0], personas.borgerhout])
    assert not reads().exists()


def test_an_anonymous_reader_is_written_without_an_actor(cases):
    record_reads(by=AnonymousUser(), objects=cases[:1], what="check")
    record = reads().get()
    assert record.actor is None and record.additional_data == {"what": "check"}


def test_the_records_cannot_be_changed_afterwards(personas, cases):
    from samen.audit.models import AppendOnlyError

    record_reads(by=personas.prevention, objects=cases)
    with pytest.raises(AppendOnlyError):
        reads().update(object_repr="changed")
