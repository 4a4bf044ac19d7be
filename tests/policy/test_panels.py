"""What the policy module adds to the navigation, the home page (my organisation's actions that
are behind), the district page (the initiatives running there) and a signal's follow-ups."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from samen.core.follow_ups import reference_shown, starts_for
from samen.people.models import OrganisationMembership
from samen.places.models import Place
from samen.policy.models import Action, Initiative
from samen.policy.panels import initiatives_in_place, my_actions_behind
from tests.conftest import get_as

JUNE_15 = datetime.datetime(2026, 6, 15, 10, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def a_day_in_june():
    with time_machine.travel(JUNE_15, tick=False):
        yield


def test_the_district_page_lists_the_initiatives_running_there(client, personas, world):
    world.partner_initiative.places.add(personas.borgerhout)
    page = get_as(client, personas.coordinator, reverse("places:detail", args=["11002S"]))
    text = page.content.decode()
    assert "Lopende initiatieven" in text and "Jongeren aan het woord" in text
    assert "Buurtgesprekken" not in text


def test_the_home_page_shows_my_organisations_actions_that_are_behind(client, personas, world):
    Action.objects.filter(pk=world.city_action.pk).update(
        planned_start=datetime.date(2026, 1, 1),
        planned_end=datetime.date(2026, 5, 31),
        status="running",
        progress=50,
    )
    page = get_as(client, personas.frontline, reverse("home")).content.decode()
    assert "Acties van uw organisatie die achterlopen" in page and "Actie A1" in page
    page = get_as(client, personas.partner, reverse("home")).content.decode()
    assert "Acties van uw organisatie die achterlopen" not in page


def test_a_signals_initiative_follow_up_links_to_the_initiative(personas, world):
    reference = f"initiative:{world.partner_initiative.pk}"
    text, url = reference_shown(personas.frontline, reference)
    assert url == reverse("policy:initiative", args=[world.partner_initiative.pk])
    assert reference_shown(personas.frontline, "initiative:999999") == ("", None)


def test_a_signal_offers_to_start_an_initiative_only_to_those_who_may_open_one(personas, world):
    class Signal:
        pk = 1

    start = reverse("policy:initiative_new") + "?signal=1"

    def offered(person) -> bool:
        return start in [url for _label, url in starts_for(Signal(), person)]

    assert offered(personas.analyst)
    assert not offered(personas.coordinator)  # in no organisation: the form would refuse
    OrganisationMembership.objects.create(
        user=personas.coordinator, organisation=world.district_house
    )
    coordinator = type(personas.coordinator).objects.get(pk=personas.coordinator.pk)
    assert offered(coordinator)


def test_everyone_signed_in_finds_the_module_in_the_navigation(client, personas):
    for person in personas.all().values():
        page = get_as(client, person, reverse("home")).content.decode()
        assert f'href="{reverse("policy:index")}"' in page, person


def test_the_district_panel_lists_running_initiatives_only_and_none_for_the_city(
    rf, personas, world
):
    city = Place.objects.get(code="11002", kind=Place.Kind.CITY)
    for initiative in (world.city_initiative, world.partner_initiative):
        initiative.places.add(personas.borgerhout)
    Initiative.objects.filter(pk=world.city_initiative.pk).update(status=Initiative.Status.ENDED)
    request = rf.get("/")
    request.user = personas.frontline
    panel = initiatives_in_place(request, personas.borgerhout)
    assert panel["place"] == personas.borgerhout
    assert panel["initiatives"] == [world.partner_initiative]
    assert initiatives_in_place(request, personas.berchem)["initiatives"] == []
    assert initiatives_in_place(request, city) is None


def test_nobody_without_an_organisation_gets_the_home_panel(rf, personas, world):
    Action.objects.filter(pk=world.city_action.pk).update(
        planned_start=datetime.date(2026, 1, 1),
        planned_end=datetime.date(2026, 5, 31),
        status="running",
        progress=10,
    )
    request = rf.get("/")
    request.user = personas.frontline
    assert [action.code for action in my_actions_behind(request)["behind"]] == ["A1"]
    request.user = personas.coordinator  # in no organisation
    assert my_actions_behind(request) is None


def test_another_record_refers_to_a_policy_action(personas, world):
    reference = f"action:{world.city_action.pk}"
    text, url = reference_shown(personas.frontline, reference)
    assert (text, url) == (reference, reverse("policy:action", args=[world.city_action.pk]))
    assert reference_shown(personas.frontline, "action:999999") == ("", None)
    assert reference_shown(personas.frontline, "report:999999") == ("", None)
