"""The signal and category endpoints: the web's visibility rule per persona, filing, its
refusals, and the OpenAPI document."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from samen.api.tokens import api_token_issue
from samen.monitor.models import WeeklyCount
from samen.people.actions import organisation_create
from samen.people.models import OrganisationMembership
from samen.people.roles import requires_two_factor
from samen.places.models import Place
from samen.signals.models import Signal

pytestmark = pytest.mark.django_db


def api_as(person) -> APIClient:
    """A client with a fresh token of the kind `person`'s role may have."""
    _instance, secret = api_token_issue(by=person, two_factor=requires_two_factor(person.role))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


@pytest.fixture
def signals(personas, file_signal):
    """As in the web tests: Borgerhout, Berchem, the Borgerhout worker's own signal in
    Berchem, and one shared with the partner's organisation."""
    school = organisation_create(by=None, name="School", policy_level="flemish")
    OrganisationMembership.objects.create(user=personas.partner, organisation=school)
    shared = file_signal(personas.analyst, personas.berchem)
    shared.shared_with.add(school)
    return {
        "borgerhout": file_signal(personas.frontline, personas.borgerhout),
        "berchem": file_signal(personas.other_frontline, personas.berchem),
        "own": file_signal(personas.frontline, personas.berchem),
        "shared": shared,
    }


VISIBLE = {
    "admin": {"borgerhout", "berchem", "own", "shared"},
    "analyst": {"borgerhout", "berchem", "own", "shared"},
    "coordinator": {"borgerhout"},
    "frontline": {"borgerhout", "own"},
    "other_frontline": {"berchem", "own", "shared"},
    "partner": {"shared"},
    "prevention": set(),
    "dpo": set(),
}


@pytest.mark.parametrize("who", sorted(VISIBLE))
def test_list_and_detail_follow_the_web_rule(personas, signals, who):
    client = api_as(getattr(personas, who))
    response = client.get("/api/signals/")
    assert response.status_code == 200
    listed = {item["id"] for item in response.json()["results"]}
    assert listed == {signals[name].pk for name in VISIBLE[who]}
    for name, signal in signals.items():
        detail = client.get(f"/api/signals/{signal.pk}/")
        assert detail.status_code == (200 if name in VISIBLE[who] else 404), (who, name)


def test_forbidden_and_absent_signals_get_the_same_404(personas, signals):
    client = api_as(personas.coordinator)
    forbidden = client.get(f"/api/signals/{signals['berchem'].pk}/")
    absent = client.get("/api/signals/999999/")
    assert forbidden.status_code == absent.status_code == 404
    assert forbidden.content == absent.content
    assert forbidden["Content-Type"] == absent["Content-Type"]


def test_a_signal_shows_places_and_categories_by_code_and_no_reporter(personas, signals):
    data = api_as(personas.analyst).get(f"/api/signals/{signals['borgerhout'].pk}/").json()
    assert data["district"] == "11002S"
    assert data["neighbourhood"] is None
    assert data["categories"] == ["youth-groups"]
    assert data["status"] == "new"
    assert data["text_removed"] is False
    assert "reporter" not in data


def test_the_list_filters_by_code_and_period(personas, signals):
    client = api_as(personas.analyst)

    def ids(**query):
        response = client.get("/api/signals/", query)
        assert response.status_code == 200, response.json()
        return {item["id"] for item in response.json()["results"]}

    assert ids(district="11002S") == {signals["borgerhout"].pk}
    assert ids(category="youth-groups", period="4") == {s.pk for s in signals.values()}
    assert ids(category="racism") == set()
    assert ids(severity=3) == set()
    today = timezone.localdate()
    assert len(ids(since=today - datetime.timedelta(days=1), until=today)) == 4
    assert ids(until=today - datetime.timedelta(days=3)) == set()


def test_bad_filters_get_400(personas, signals):
    client = api_as(personas.analyst)
    assert client.get("/api/signals/", {"period": "7"}).status_code == 400
    response = client.get("/api/signals/", {"since": "2025-05-02", "until": "2025-05-01"})
    assert response.status_code == 400


def test_the_list_pages_and_its_queries_do_not_grow_with_rows(personas, file_signal):
    client = api_as(personas.analyst)
    file_signal(personas.frontline, personas.borgerhout)
    with CaptureQueriesContext(connection) as few:
        client.get("/api/signals/")
    for _ in range(6):
        file_signal(personas.frontline, personas.borgerhout)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/api/signals/", {"limit": 5})
    assert len(many) == len(few)
    page = response.json()
    assert page["count"] == 7
    assert len(page["results"]) == 5
    assert page["next"]


def good_signal(**overrides):
    data = {
        "occurred_at": (timezone.now() - datetime.timedelta(hours=3)).isoformat(),
        "district": "11002S",
        "categories": ["youth-groups", "housing"],
        "severity": 2,
        "source_type": "resident",
        "information_class": "experienced",
        "confidence": 3,
        "text": "Ruzie tussen buren over geluidsoverlast in de gemeenschappelijke gang.",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    "who", ["admin", "analyst", "coordinator", "frontline", "prevention", "partner"]
)
def test_reporting_roles_file_signals_through_the_action(personas, who):
    person = getattr(personas, who)
    response = api_as(person).post("/api/signals/", good_signal(), format="json")
    assert response.status_code == 201, response.json()
    signal = Signal.objects.get(pk=response.json()["id"])
    assert signal.reporter == person
    assert sorted(response.json()["categories"]) == ["housing", "youth-groups"]
    assert WeeklyCount.objects.get(place=personas.borgerhout, category=None).count == 1


def test_a_neighbourhood_is_given_by_its_code(personas):
    Place.objects.create(
        kind="neighbourhood", code="11002S01", name_nl="Wijk", parent=personas.borgerhout
    )
    response = api_as(personas.frontline).post(
        "/api/signals/", good_signal(neighbourhood="11002S01"), format="json"
    )
    assert response.status_code == 201
    assert response.json()["neighbourhood"] == "11002S01"


def test_the_data_protection_officer_files_nothing(personas):
    response = api_as(personas.dpo).post("/api/signals/", good_signal(), format="json")
    assert response.status_code == 403
    assert not Signal.objects.exists()


def test_personal_data_gets_422_with_positions_and_stores_nothing(personas):
    text = "Buurman belt telkens 0470 12 34 56 en mailt naar iemand@voorbeeld.be over lawaai."
    response = api_as(personas.frontline).post(
        "/api/signals/", good_signal(text=text), format="json"
    )
    assert response.status_code == 422
    body = response.json()
    found = {(p["field"], p["kind"], p["start"], p["end"]) for p in body["personal_data"]}
    phone, email = text.index("0470"), text.index("iemand")
    assert found == {
        ("text", "phone_number", phone, phone + len("0470 12 34 56")),
        ("text", "email_address", email, email + len("iemand@voorbeeld.be")),
    }
    assert "0470" not in body["detail"] and "iemand" not in response.content.decode()
    assert not Signal.objects.exists()
    assert not WeeklyCount.objects.exists()


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"severity": 5}, "severity"),
        ({"source_type": "gossip"}, "source_type"),
        ({"district": "99999X"}, "district"),
        ({"categories": ["no-such-category"]}, "categories"),
        ({"categories": []}, "categories"),
        ({"categories": ["polarisation"]}, "categories"),  # a group heading
        ({"text": ""}, "text"),
        ({"text": "x" * 1001}, "text"),
        ({"occurred_at": "yesterday"}, "occurred_at"),
        ({"occurred_at": (timezone.now() + datetime.timedelta(days=2)).isoformat()}, "occurred_at"),
        ({"district": "11002T", "neighbourhood": "11002S01"}, "neighbourhood"),
    ],
)
def test_bad_fields_get_400_with_field_messages_and_store_nothing(personas, override, field):
    Place.objects.create(
        kind="neighbourhood", code="11002S01", name_nl="Wijk", parent=personas.borgerhout
    )
    response = api_as(personas.frontline).post(
        "/api/signals/", good_signal(**override), format="json"
    )
    assert response.status_code == 400
    assert field in response.json(), response.json()
    assert not Signal.objects.exists()


def test_field_messages_come_in_the_language_asked_for(personas):
    client = api_as(personas.frontline)
    data = good_signal()
    del data["severity"]
    dutch = client.post("/api/signals/", data, format="json", HTTP_ACCEPT_LANGUAGE="nl")
    english = client.post("/api/signals/", data, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert dutch.json()["severity"] == ["Dit veld is vereist."]
    assert english.json()["severity"] == ["This field is required."]


def test_a_signal_cannot_be_filed_in_a_district_that_did_not_exist_yet(personas):
    response = api_as(personas.analyst).post(
        "/api/signals/",
        good_signal(district="11007A", occurred_at="2024-06-01T10:00:00+02:00"),
        format="json",
    )
    assert response.status_code == 400
    assert "district" in response.json()


def test_session_requests_need_the_csrf_token(personas):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(personas.frontline)
    assert client.get("/api/signals/").status_code == 200
    assert client.post("/api/signals/", good_signal(), format="json").status_code == 403
    assert not Signal.objects.exists()


def test_categories_are_listed_by_code_in_the_language_asked_for(personas):
    client = api_as(personas.analyst)
    english = {
        c["code"]: c for c in client.get("/api/categories/", HTTP_ACCEPT_LANGUAGE="en").json()
    }
    assert english["racism"]["name"] == "Racism and discrimination"
    assert english["racism"]["selectable"] is True
    assert english["racism"]["parent"] == "polarisation"
    assert english["polarisation"]["selectable"] is False
    dutch = {c["code"]: c for c in client.get("/api/categories/").json()}  # Dutch first
    assert dutch["racism"]["name"] == "Racisme en discriminatie"


def test_the_openapi_document_describes_the_signal_endpoints(personas):
    client = api_as(personas.analyst)
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Samen API"
    paths = schema["paths"]
    assert {"get", "post"} <= set(paths["/api/signals/"])
    assert "get" in paths["/api/signals/{id}/"]
    assert "422" in paths["/api/signals/"]["post"]["responses"]
    assert "/api/categories/" in paths
    assert "/api/auth/login/" in paths
    yaml = client.get("/api/schema/", {"format": "yaml"})
    assert yaml.status_code == 200
    assert b"openapi:" in yaml.content
