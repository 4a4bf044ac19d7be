"""The exchange API: a partner token reads its organisation's circulars and lists, opens and
answers its exchanges, and nothing of any other organisation; a person sees what the pages
show them."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from samen.api.scopes import CIRCULARS_READ, EXCHANGES_WRITE
from samen.exchange.models import Exchange
from tests.api.conftest import issue, partner_client
from tests.exchange.conftest import audited, open_exchange
from tests.exchange.test_circular_views import send_circular

pytestmark = pytest.mark.django_db


@pytest.fixture
def federal_key(personas, world) -> str:
    _token, key = issue(personas, world.federal, scopes=[CIRCULARS_READ, EXCHANGES_WRITE])
    return key


def test_a_token_reads_the_circulars_its_organisation_sent(personas, world):
    circular = send_circular(world.flemish_partner, world.flemish, [personas.borgerhout])
    _token, flemish_key = issue(personas, world.flemish, scopes=[CIRCULARS_READ], name="v")
    _token, federal_key = issue(personas, world.federal, scopes=[CIRCULARS_READ], name="f")
    rows = partner_client(flemish_key).get("/api/exchange/circulars/").json()["results"]
    assert [(r["id"], r["recipients"], r["read"]) for r in rows] == [(circular.pk, 2, 0)]
    assert partner_client(federal_key).get("/api/exchange/circulars/").json()["results"] == []


def test_a_token_opens_an_exchange_for_its_organisation(personas, world, federal_key):
    response = partner_client(federal_key).post(
        "/api/exchange/exchanges/",
        {
            "kind": "request",
            "subject": "Stand van zaken",
            "from_organisation": world.federal.pk,
            "to_organisation": world.department.pk,
            "to_district": personas.borgerhout.code,
            "body": "Graag een stand van zaken.",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    exchange = Exchange.objects.get(pk=response.json()["id"])
    assert exchange.created_by is None and exchange.partner_token is not None
    assert exchange.to_district == personas.borgerhout
    assert audited(exchange, None)
    listed = partner_client(federal_key).get("/api/exchange/exchanges/").json()["results"]
    assert [row["id"] for row in listed] == [exchange.pk]


def test_a_token_answers_the_city_s_question(personas, world, federal_key):
    asked = open_exchange(personas.analyst, sender=world.department, receiver=world.federal)
    client = partner_client(federal_key)
    response = client.post(
        f"/api/exchange/exchanges/{asked.pk}/reply/", {"body": "Volgt in januari."}, format="json"
    )
    assert response.status_code == 201 and response.json()["is_answer"]
    asked.refresh_from_db()
    assert asked.status == Exchange.Status.ANSWERED
    detail = client.get(f"/api/exchange/exchanges/{asked.pk}/").json()
    assert [m["number"] for m in detail["messages"]] == [1, 2]


def test_refusals_change_nothing(personas, world, federal_key):
    client = partner_client(federal_key)
    base = {
        "kind": "request",
        "subject": "Vraag",
        "from_organisation": world.federal.pk,
        "to_organisation": world.department.pk,
    }
    identifiers = client.post(
        "/api/exchange/exchanges/", {**base, "body": "Bel 0470 12 34 56."}, format="json"
    )
    assert identifiers.status_code == 400 and "body" in identifiers.json()
    references = client.post(
        "/api/exchange/exchanges/",
        {**base, "body": "Een vraag.", "references": ["case:1"]},
        format="json",
    )
    assert references.status_code == 400 and "references" in references.json()
    other_side = client.post(
        "/api/exchange/exchanges/",
        {**base, "from_organisation": world.flemish.pk, "body": "Een vraag."},
        format="json",
    )
    assert other_side.status_code == 400
    assert not Exchange.objects.exists()


def test_another_organisation_s_exchange_is_absent(personas, world, to_borgerhout):
    _token, key = issue(personas, world.flemish, scopes=[EXCHANGES_WRITE], name="v")
    client = partner_client(key)
    assert client.get(f"/api/exchange/exchanges/{to_borgerhout.pk}/").status_code == 404
    reply = client.post(
        f"/api/exchange/exchanges/{to_borgerhout.pk}/reply/", {"body": "Ik?"}, format="json"
    )
    assert reply.status_code == 404
    assert client.get("/api/exchange/exchanges/").json()["results"] == []


def test_a_token_without_the_scope_is_refused(personas, world, to_borgerhout):
    _token, key = issue(personas, world.federal, scopes=[CIRCULARS_READ], name="c")
    assert partner_client(key).get("/api/exchange/exchanges/").status_code == 403


def test_a_person_sees_what_the_pages_show(personas, world, to_borgerhout):
    client = APIClient()
    client.force_authenticate(personas.coordinator)
    rows = client.get("/api/exchange/exchanges/").json()["results"]
    assert [row["id"] for row in rows] == [to_borgerhout.pk]
    client.force_authenticate(personas.other_frontline)
    assert client.get("/api/exchange/exchanges/").json()["results"] == []
    assert client.get(f"/api/exchange/exchanges/{to_borgerhout.pk}/").status_code == 404


def test_the_openapi_document_carries_the_examples(personas, world, federal_key):
    schema = partner_client(federal_key).get("/api/schema/?format=json").json()
    post = schema["paths"]["/api/exchange/exchanges/"]["post"]
    assert "A Flemish partner asks the city a question" in str(post)


def test_the_page_names_no_person_for_what_a_token_wrote(client, personas, world, federal_key):
    asked = open_exchange(personas.analyst, sender=world.department, receiver=world.federal)
    partner_client(federal_key).post(
        f"/api/exchange/exchanges/{asked.pk}/reply/", {"body": "Volgt in januari."}, format="json"
    )
    client.force_login(personas.analyst)
    page = client.get(f"/exchange/{asked.pk}/").content.decode()
    assert "through the organisation" in page
    assert ">None<" not in page and " None " not in page


def test_answers_hold_to_the_openapi_document(personas, world, federal_key):
    """What Schemathesis found: a side without a district is null in the answer, and the
    document says it may be; absent, refused and bad numbers are documented answers."""
    asked = open_exchange(personas.analyst, sender=world.department, receiver=world.federal)
    client = partner_client(federal_key)
    row = client.get(f"/api/exchange/exchanges/{asked.pk}/").json()
    assert row["from_district"] is None and row["to_district"] is None
    schema = client.get("/api/schema/?format=json").json()
    for name in ("Exchange", "ExchangeDetail"):
        fields = schema["components"]["schemas"][name]["properties"]
        assert fields["from_district"]["nullable"] and fields["to_district"]["nullable"]
    paths = schema["paths"]
    assert "404" in paths["/api/exchange/exchanges/{id}/"]["get"]["responses"]
    assert {"403", "404"} <= set(paths["/api/exchange/exchanges/{id}/reply/"]["post"]["responses"])
    assert "403" in paths["/api/exchange/exchanges/"]["post"]["responses"]


def test_a_number_beyond_any_key_is_refused_and_changes_nothing(personas, world, federal_key):
    response = partner_client(federal_key).post(
        "/api/exchange/exchanges/",
        {
            "kind": "request",
            "subject": "Vraag",
            "from_organisation": 2**80,
            "to_organisation": world.department.pk,
            "body": "Een vraag.",
        },
        format="json",
    )
    assert response.status_code == 400 and "from_organisation" in response.json()
    assert not Exchange.objects.exists()


def test_a_huge_limit_reads_one_page(personas, world, federal_key):
    open_exchange(personas.analyst, sender=world.department, receiver=world.federal)
    client = partner_client(federal_key)
    for path in ("/api/exchange/exchanges/", "/api/exchange/circulars/"):
        response = client.get(path, {"limit": str(2**80), "offset": "true"})
        assert response.status_code == 200, (path, response.content)
