"""What the mediation module adds to pages (samen/mediation/panels.py)."""

from __future__ import annotations

import pytest
import time_machine
from django.test import RequestFactory
from django.urls import reverse

from samen.mediation.panels import district_mediations, my_mediations
from tests.conftest import get_as
from tests.mediation.conftest import NOW, idle_since, local
from tests.mediation.test_retention import stalled_intake


def request_of(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_the_district_page_counts_the_open_mediations_one_may_see(
    personas, mediation_people, assigned
):
    panel = district_mediations(request_of(personas.frontline), personas.borgerhout)
    assert panel["open_count"] == 1
    assert list(panel["mediations"]) == [assigned]
    assert panel["district_pk"] == personas.borgerhout.pk
    elsewhere = district_mediations(request_of(personas.frontline), personas.berchem)
    assert elsewhere["open_count"] == 0


def test_a_mediator_sees_their_mediations_at_home(personas, mediation_people, assigned):
    panel = my_mediations(request_of(mediation_people.mediator))
    assert panel["open_mine"] == [assigned]
    assert panel["waiting"] is None


def test_a_coordinator_sees_the_waiting_intakes_and_others_nothing(
    personas, mediation_people, open_mediation
):
    open_mediation()
    panel = my_mediations(request_of(mediation_people.borgerhout_mc))
    assert panel["waiting"] == 1
    assert my_mediations(request_of(personas.other_frontline)) is None


@pytest.mark.django_db
def test_the_district_page_counts_idle_mediations(client, personas, open_mediation):
    stalled_intake(local(2024, 2, 5, 9, 0), open_mediation)
    stalled_intake(local(2026, 5, 4, 9, 0), open_mediation)
    with time_machine.travel(NOW, tick=False):
        response = get_as(client, personas.coordinator, reverse("places:detail", args=["11002S"]))
    panel = next(p for p in response.context["panels"] if p.template.startswith("mediation/"))
    assert (panel.context["open_count"], panel.context["idle_count"]) == (2, 1)
    assert "status=idle" in response.text


@pytest.mark.django_db
def test_the_home_page_warns_the_mediator_and_the_coordinator(
    client, mediation_people, open_mediation
):
    mine = idle_since(local(2024, 2, 5, 9, 0), mediation_people, open_mediation)
    stalled_intake(local(2024, 3, 4, 9, 0), open_mediation)
    with time_machine.travel(NOW, tick=False):
        as_mediator = get_as(client, mediation_people.mediator, reverse("home"))
        as_coordinator = get_as(client, mediation_people.borgerhout_mc, reverse("home"))
    panel = next(p for p in as_mediator.context["panels"] if p.template.startswith("mediation/"))
    assert panel.context["open_mine"] == [mine]
    assert reverse("mediation:detail", args=[mine.pk]) in as_mediator.text
    assert "idle-warning" in as_mediator.text
    panel = next(p for p in as_coordinator.context["panels"] if p.template.startswith("mediation/"))
    assert panel.context["idle"] == 2
    assert "status=idle" in as_coordinator.text
