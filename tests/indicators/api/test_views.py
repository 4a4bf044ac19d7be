"""The read-only indicators API: who may read it, what it shows, and what it never shows."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

VALUES = "/api/indicators/share_born_abroad/values/"


def as_person(person) -> APIClient:
    client = APIClient()
    if person is not None:
        client.force_authenticate(person)
    return client


def test_the_anonymous_are_refused(figures):
    for url in ["/api/indicators/", VALUES]:
        assert as_person(None).get(url).status_code in (401, 403)


def test_a_deactivated_account_is_refused(personas, figures):
    from samen.people.actions import staff_member_deactivate

    staff_member_deactivate(by=personas.admin, member=personas.analyst)
    for url in ["/api/indicators/", VALUES]:
        assert as_person(personas.analyst).get(url).status_code == 403


@pytest.mark.parametrize("who", ["admin", "analyst", "frontline", "partner", "dpo"])
def test_every_signed_in_role_reads_the_indicators(personas, figures, who):
    response = as_person(getattr(personas, who)).get("/api/indicators/")
    assert response.status_code == 200
    assert [i["code"] for i in response.json()] == ["share_born_abroad", "residents"]


def test_values_by_district_hide_small_numbers(personas, figures):
    response = as_person(personas.analyst).get(VALUES, {"year_from": 2025, "year_to": 2025})
    rows = {(r["place"], r["year"]): r for r in response.json()}
    assert rows[("11002T", 2025)]["value"] == pytest.approx(25.0)
    assert rows[("11002T", 2025)]["status"] == "ok" and rows[("11002T", 2025)]["synthetic"]
    borsbeek = rows[("11007A", 2025)]
    assert borsbeek["value"] is None and borsbeek["status"] == "small_numerator"


def test_the_city_comes_with_and_without_borsbeek_before_2025(personas, figures):
    response = as_person(personas.analyst).get(VALUES, {"level": "city"})
    rows = {(r["year"], r["boundaries"]): r for r in response.json()}
    assert rows[(2024, "then")]["value"] == pytest.approx(500 / 1325 * 100)
    assert rows[(2024, "today")]["value"] == pytest.approx(503 / 1525 * 100)
    assert (2025, "today") not in rows


def test_one_place_and_the_errors(personas, figures):
    client = as_person(personas.analyst)
    one = client.get(VALUES, {"place": "11002S02"}).json()
    assert {r["status"] for r in one} == {"few_residents"}
    assert client.get(VALUES, {"place": "NOPE"}).status_code == 404
    assert client.get("/api/indicators/nope/values/").status_code == 404
    assert client.get(VALUES, {"level": "street"}).status_code == 400
    assert client.get(VALUES, {"year_from": 2025, "year_to": 2000}).status_code == 400


def test_the_endpoints_are_in_the_openapi_document(personas):
    response = as_person(personas.analyst).get("/api/schema/", {"format": "json"})
    paths = response.json()["paths"]
    assert "/api/indicators/" in paths and "/api/indicators/{code}/values/" in paths
