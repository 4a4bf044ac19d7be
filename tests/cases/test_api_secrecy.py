"""The case API names its reader on every case answer and lists one page at most: there is
no bulk export (DOMAIN.md rule 4)."""

import email.header

import pytest

from samen.audit.models import AuditRecord
from samen.people.models import User
from tests.cases.api.test_views import client_for

pytestmark = pytest.mark.django_db
LIST = "/api/cases/"


def reads():
    return AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS)


def test_a_case_answer_names_its_reader_and_nothing_else(table):
    client = client_for(table.invited)
    for url in (LIST, f"{LIST}{table.case.pk}/"):
        response = client.get(url)
        assert response.status_code == 200
        assert response["X-Samen-Reader"] == f"{table.invited.pk} {table.invited.full_name}"
        assert table.invited.email not in response["X-Samen-Reader"]


def test_refusals_name_nobody(table, personas):
    missing = client_for(table.invited).get(f"{LIST}987654/")
    assert missing.status_code == 404 and "X-Samen-Reader" not in missing
    outsider = client_for(personas.dpo).get(LIST)
    assert outsider.status_code == 404 and "X-Samen-Reader" not in outsider


def test_a_name_outside_latin1_reaches_the_header_intact(table):
    User.objects.filter(pk=table.invited.pk).update(full_name="Łukasz\nNowak")
    header = client_for(table.invited).get(LIST)["X-Samen-Reader"]
    decoded = str(email.header.make_header(email.header.decode_header(header)))
    assert decoded == f"{table.invited.pk} Łukasz Nowak"


@pytest.mark.parametrize(
    "query",
    [
        {"limit": 101},
        {"limit": 100000},
        {"limit": "9" * 5000},
        {"offset": "9" * 5000},
        {"limit": "all"},
        {"limit": 0},
        {"offset": -1},
        {"all": "true"},
        {"page_size": 1000},
        {"limit": 10, "page": 2},
    ],
)
def test_asking_for_more_than_a_page_is_refused_and_nothing_is_read(table, query):
    before = reads().count()
    response = client_for(table.mayor).get(LIST, query, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 400
    assert response.json()["code"] == "one_page_only"
    assert response.json()["detail"]
    assert reads().count() == before


def test_the_refusal_is_in_the_readers_language(table):
    client = client_for(table.mayor)
    english = client.get(LIST, {"limit": 500}, HTTP_ACCEPT_LANGUAGE="en").json()["detail"]
    dutch = client.get(LIST, {"limit": 500}, HTTP_ACCEPT_LANGUAGE="nl").json()["detail"]
    french = client.get(LIST, {"limit": 500}, HTTP_ACCEPT_LANGUAGE="fr").json()["detail"]
    assert "100" in english and len({english, dutch, french}) == 3


def test_one_page_and_the_next_are_served(table):
    client = client_for(table.mayor)
    first = client.get(LIST, {"limit": 1})
    assert first.status_code == 200 and len(first.json()["results"]) == 1
    second = client.get(LIST, {"limit": 1, "offset": 1})
    assert second.status_code == 200 and len(second.json()["results"]) == 1
    assert client.get(LIST, {"limit": 100}).status_code == 200


def test_an_outsider_asking_for_everything_gets_the_same_404(personas, table):
    client = client_for(personas.dpo)
    assert client.get(LIST, {"limit": 100000}).status_code == 404
