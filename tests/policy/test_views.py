"""Every policy page for every persona: who reads (everyone signed in), who gets a form and who
is refused it (403), the anonymous sent to sign in, absent records 404; strategies, plans
and their forms (an action's page, the initiatives' pages and the panels have their own test
files)."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from samen.policy.models import Action, ProgressUpdate, Strategy
from tests.conftest import get_as

EVERYONE = ["admin", "analyst", "coordinator", "frontline", "other_frontline", "prevention",
            "partner", "dpo"]  # fmt: skip


@pytest.fixture(autouse=True)
def a_day_in_june():
    with time_machine.travel(datetime.datetime(2026, 6, 15, 10, tzinfo=datetime.UTC), tick=False):
        yield


def read_pages(world) -> list[str]:
    return [
        reverse("policy:index"),
        reverse("policy:strategy", args=[world.strategy.pk]),
        reverse("policy:plan", args=[world.borgerhout_plan.pk]),
        reverse("policy:action", args=[world.partner_action.pk]),
        reverse("policy:initiatives"),
        reverse("policy:initiative", args=[world.partner_initiative.pk]),
    ]


@pytest.mark.parametrize("name", EVERYONE)
def test_everyone_signed_in_reads_every_page(client, personas, world, name):
    for url in read_pages(world):
        response = get_as(client, getattr(personas, name), url)
        assert response.status_code == 200, url
        assert (
            response["Cache-Control"].startswith("no-store")
            or "no-store" in response["Cache-Control"]
        )


def test_the_anonymous_are_sent_to_sign_in(client, world):
    for url in read_pages(world) + [reverse("policy:strategy_new")]:
        response = get_as(client, None, url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


@pytest.mark.parametrize(
    "url_name", ["policy:strategy", "policy:plan", "policy:action", "policy:initiative"]
)
def test_an_absent_record_is_404(client, personas, url_name):
    assert get_as(client, personas.analyst, reverse(url_name, args=[999_999])).status_code == 404


# Who gets each form (200); everyone else signed in gets 403.
FORMS = [
    ("policy:strategy_new", None, {"analyst"}),
    ("policy:strategy_edit", "strategy", {"analyst"}),
    ("policy:objective_new", "strategy", {"analyst"}),
    ("policy:objective_edit", "operational", {"analyst"}),
    ("policy:plan_new", "strategy", {"analyst", "coordinator"}),
    ("policy:plan_edit", "city_plan", {"analyst"}),
    ("policy:plan_edit", "borgerhout_plan", {"coordinator"}),
    ("policy:action_new", "city_plan", {"analyst"}),
    ("policy:action_new", "borgerhout_plan", {"coordinator"}),
    ("policy:action_edit", "partner_action", {"analyst", "partner"}),
    ("policy:action_edit", "borgerhout_action", {"coordinator"}),
    ("policy:initiative_new", None, {"analyst", "frontline", "partner"}),
    ("policy:initiative_edit", "partner_initiative", {"analyst", "partner"}),
    ("policy:output_new", "partner_initiative", {"analyst", "partner"}),
    ("policy:outcome_indicator_new", "partner_initiative", {"analyst", "partner"}),
    ("policy:evaluation_new", "partner_initiative", {"analyst", "partner"}),
    ("policy:update_new", "city_initiative", {"analyst", "frontline"}),
]


@pytest.mark.parametrize(("url_name", "record", "allowed"), FORMS)
def test_each_form_opens_for_those_who_write_and_is_403_for_readers(
    client, personas, world, url_name, record, allowed
):
    args = [getattr(world, record).pk] if record else []
    url = reverse(url_name, args=args)
    for name in EVERYONE:
        expected = 200 if name in allowed else 403
        assert get_as(client, getattr(personas, name), url).status_code == expected, name


def test_a_write_by_a_reader_is_refused_and_changes_nothing(client, personas, world):
    client.force_login(personas.admin)
    response = client.post(
        reverse("policy:strategy_new"),
        {"title": "X", "level": "municipal", "owner": world.city_department.pk},
    )
    assert response.status_code == 403
    response = client.post(
        reverse("policy:action_progress", args=[world.city_action.pk]), {"progress": 50}
    )
    assert response.status_code == 403
    assert Strategy.objects.count() == 1 and not ProgressUpdate.objects.exists()


def test_an_analyst_saves_a_strategy_through_its_form(client, personas, world):
    client.force_login(personas.analyst)
    response = client.post(
        reverse("policy:strategy_new"),
        {
            "title": "Vlaams actieplan",
            "level": "flemish",
            "owner": world.partner_org.pk,
            "starts": "2025-01-01",
            "status": "in_force",
        },
    )
    strategy = Strategy.objects.get(title="Vlaams actieplan")
    assert response.status_code == 302
    assert response["Location"] == reverse("policy:strategy", args=[strategy.pk])


def test_a_refused_form_shows_every_problem_in_its_error_summary(client, personas, world):
    client.force_login(personas.analyst)
    response = client.post(
        reverse("policy:strategy_new"),
        {
            "title": "Plan",
            "level": "flemish",
            "owner": world.partner_org.pk,
            "starts": "2026-01-01",
            "ends": "2025-01-01",
            "status": "replaced",
            "summary": "Bel 0470 12 34 56.",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error-summary"' in page
    for field in ("id_ends", "id_replaced_by", "id_summary"):
        assert f'href="#{field}"' in page


def test_the_plan_filters_by_district_status_and_life_domain(client, personas, world):
    Action.objects.filter(pk=world.city_action.pk).update(life_domains=["housing"])
    world.city_action.places.add(personas.borgerhout)
    client.force_login(personas.analyst)
    url = reverse("policy:plan", args=[world.city_plan.pk])
    page = client.get(url, {"life_domain": "housing"}).content.decode()
    assert "Actie A1" in page and "Actie A2" not in page
    page = client.get(url, {"district": personas.borgerhout.pk}).content.decode()
    assert "Actie A1" in page and "Actie A2" not in page
    page = client.get(url, {"status": "done"}).content.decode()
    assert "Actie A1" not in page


def test_the_plan_page_costs_the_same_queries_for_more_actions(
    client, personas, world, django_assert_max_num_queries
):
    client.force_login(personas.analyst)
    url = reverse("policy:plan", args=[world.city_plan.pk])
    client.get(url)
    for number in range(10):
        Action.objects.create(
            plan=world.city_plan, code=f"Z{number}", title="Meer", owner=world.partner_org
        )
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200
