"""The initiatives' pages: the list and its filter, opening an initiative through its form, and
the forms of its outputs, indicators, evaluations and updates for its owner's staff."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from samen.people.models import OrganisationMembership
from samen.policy.models import Initiative
from tests.conftest import get_as

JUNE_15 = datetime.datetime(2026, 6, 15, 10, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def a_day_in_june():
    with time_machine.travel(JUNE_15, tick=False):
        yield


def test_the_initiatives_are_filtered_by_district(client, personas, world):
    world.partner_initiative.places.add(personas.berchem)
    client.force_login(personas.frontline)
    page = client.get(reverse("policy:initiatives"), {"district": personas.berchem.pk})
    text = page.content.decode()
    assert "Jongeren aan het woord" in text and "Buurtgesprekken" not in text


def test_an_initiative_opened_through_its_form(client, personas, world):
    client.force_login(personas.partner)
    response = client.post(
        reverse("policy:initiative_new"),
        {
            "title": "Praatcafé",
            "owner": world.partner_org.pk,
            "level": "flemish",
            "starts": "2026-03-01",
            "status": "running",
            "places": [personas.borgerhout.pk],
            "life_domains": ["participation"],
        },
    )
    initiative = Initiative.objects.get(title="Praatcafé")
    assert response["Location"] == reverse("policy:initiative", args=[initiative.pk])
    response = client.post(
        reverse("policy:output_new", args=[initiative.pk]),
        {
            "place": personas.borgerhout.pk,
            "quarter_start": "2026-04-01",
            "kind": "participants_reached",
            "value": 35,
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("policy:initiative", args=[initiative.pk])).content.decode()
    assert "Q2 2026" in page and ">35<" in page


def test_a_coordinator_of_a_district_house_opens_an_initiative_for_it(client, personas, world):
    OrganisationMembership.objects.create(
        user=personas.coordinator, organisation=world.district_house
    )
    assert get_as(client, personas.coordinator, reverse("policy:initiative_new")).status_code == 200


OUTCOME = {
    "title": "Jongeren die zich gehoord voelen",
    "definition": "Aandeel deelnemers dat zegt gehoord te worden.",
    "unit": "%",
    "direction": "up",
    "baseline": "40",
    "baseline_on": "2026-01-01",
    "target": "60",
    "target_on": "2026-12-31",
}


def test_an_outcome_indicator_is_set_and_changed_through_its_forms(client, personas, world):
    initiative = world.partner_initiative
    client.force_login(personas.partner)
    response = client.post(reverse("policy:outcome_indicator_new", args=[initiative.pk]), OUTCOME)
    assert response["Location"] == reverse("policy:initiative", args=[initiative.pk])
    indicator = initiative.outcome_indicators.get()
    url = reverse("policy:outcome_indicator_edit", args=[initiative.pk, indicator.pk])
    assert client.post(url, {**OUTCOME, "target": "70"}).status_code == 302
    indicator.refresh_from_db()
    assert indicator.target == 70
    # Through another initiative the indicator is not found, even for an analyst.
    other = reverse("policy:outcome_indicator_edit", args=[world.city_initiative.pk, indicator.pk])
    assert get_as(client, personas.analyst, other).status_code == 404


def test_an_evaluation_and_an_update_are_added_by_the_owners_staff(client, personas, world):
    initiative = world.city_initiative
    client.force_login(personas.frontline)
    response = client.post(
        reverse("policy:evaluation_new", args=[initiative.pk]),
        {"kind": "process", "on": "2026-05-01", "by_whom": "Hogeschool", "summary": "Goed."},
    )
    assert response.status_code == 302 and initiative.evaluations.get().by_whom == "Hogeschool"
    response = client.post(
        reverse("policy:update_new", args=[initiative.pk]), {"text": "Tweede sessie gehouden."}
    )
    assert response.status_code == 302
    assert initiative.updates.get().by == personas.frontline
    page = client.get(reverse("policy:initiative", args=[initiative.pk])).content.decode()
    assert "Tweede sessie gehouden." in page and "Hogeschool" in page


def test_a_refused_initiative_form_changes_nothing(client, personas, world):
    client.force_login(personas.partner)
    response = client.post(
        reverse("policy:evaluation_new", args=[world.partner_initiative.pk]),
        {"kind": "process", "on": "2026-05-01", "by_whom": "", "summary": ""},
    )
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()
    assert not world.partner_initiative.evaluations.exists()
    response = client.post(
        reverse("policy:update_new", args=[world.city_initiative.pk]), {"text": "Niet van mij."}
    )
    assert response.status_code == 403 and not world.city_initiative.updates.exists()


def test_the_initiatives_are_filtered_by_status_and_offer_a_new_one_to_who_may(
    client, personas, world
):
    Initiative.objects.filter(pk=world.city_initiative.pk).update(status=Initiative.Status.ENDED)
    client.force_login(personas.partner)
    page = client.get(reverse("policy:initiatives"), {"status": "running"})
    titles = [initiative.title for initiative in page.context["page"]]
    assert titles == ["Jongeren aan het woord"]
    assert page.context["may_create"] is True
    assert (
        get_as(client, personas.dpo, reverse("policy:initiatives")).context["may_create"] is False
    )
