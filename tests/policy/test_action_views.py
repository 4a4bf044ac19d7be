"""An action's page: everyone signed in reads it; its owners record progress, link another
module's record and edit it from there; others are refused (403), absent actions are 404."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from samen.policy.models import Action, ProgressUpdate
from tests.conftest import get_as

JUNE_15 = datetime.datetime(2026, 6, 15, 10, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def a_day_in_june():
    with time_machine.travel(JUNE_15, tick=False):
        yield


def test_progress_is_recorded_from_the_action_page(client, personas, world):
    client.force_login(personas.frontline)
    url = reverse("policy:action", args=[world.city_action.pk])
    assert 'id="record-progress"' in client.get(url).content.decode()
    response = client.post(
        reverse("policy:action_progress", args=[world.city_action.pk]),
        {"progress": 60, "budget_spent": "100.00", "note": "Goed bezig."},
    )
    assert response.status_code == 302 and response["Location"] == url
    world.city_action.refresh_from_db()
    assert world.city_action.progress == 60
    # A reader sees the page without the form.
    page = get_as(client, personas.prevention, url).content.decode()
    assert 'id="record-progress"' not in page and "Goed bezig." in page


def test_bad_progress_shows_the_action_page_with_the_problem(client, personas, world):
    client.force_login(personas.frontline)
    response = client.post(
        reverse("policy:action_progress", args=[world.city_action.pk]),
        {"progress": 120},
    )
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_an_owner_links_a_record_they_may_open_and_a_wrong_reference_is_shown_why(
    client, personas, world, monkeypatch
):
    monkeypatch.setattr(
        "samen.policy.actions.reference_url",
        lambda user, reference: "/plans/7/" if reference == "restore_plan:7" else None,
    )
    client.force_login(personas.frontline)
    url = reverse("policy:action_link", args=[world.city_action.pk])
    refused = client.post(url, {"reference": "restore_plan:8"})
    assert refused.status_code == 400
    assert "reference" in refused.context["link_form"].errors
    assert 'class="error-summary"' in refused.content.decode()
    response = client.post(url, {"reference": "restore_plan:7"})
    assert response["Location"] == reverse("policy:action", args=[world.city_action.pk])
    world.city_action.refresh_from_db()
    assert world.city_action.linked_records == ["restore_plan:7"]


@pytest.mark.parametrize("name", ["prevention", "partner", "other_frontline", "dpo"])
def test_those_who_do_not_own_the_action_write_nothing_to_it(client, personas, world, name):
    client.force_login(getattr(personas, name))
    pk = world.city_action.pk
    assert (
        client.post(reverse("policy:action_progress", args=[pk]), {"progress": 5}).status_code
        == 403
    )
    assert (
        client.post(reverse("policy:action_link", args=[pk]), {"reference": "x"}).status_code == 403
    )
    assert (
        client.post(reverse("policy:action_edit", args=[pk]), {"title": "Nieuw"}).status_code == 403
    )
    world.city_action.refresh_from_db()
    assert world.city_action.title == "Actie A1" and world.city_action.linked_records == []
    assert not ProgressUpdate.objects.exists()


def test_an_absent_action_is_404_for_every_write(client, personas):
    client.force_login(personas.analyst)
    for name in ("policy:action_progress", "policy:action_link", "policy:action_edit"):
        assert client.post(reverse(name, args=[999_999]), {}).status_code == 404, name


def test_the_owner_edits_the_action_through_its_form(client, personas, world):
    client.force_login(personas.analyst)
    url = reverse("policy:action_edit", args=[world.partner_action.pk])
    form = client.get(url)
    assert form.status_code == 200 and 'value="Actie A2"' in form.content.decode()
    response = client.post(
        url,
        {
            "code": "A2",
            "title": "Jongerenpraat",
            "owner": world.partner_org.pk,
            "budget_planned": "2000.00",
            "status": Action.Status.RUNNING,
        },
    )
    assert response["Location"] == reverse("policy:action", args=[world.partner_action.pk])
    world.partner_action.refresh_from_db()
    assert world.partner_action.title == "Jongerenpraat"
    page = get_as(client, personas.dpo, response["Location"]).content.decode()
    assert "Jongerenpraat" in page
