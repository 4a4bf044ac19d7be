"""The context match and progress pages: who reads them, what they show, and their queries."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samen.core import place_facts
from samen.core.place_facts import IndicatorFact, RisingFact
from samen.people.models import PolicyLevel
from samen.policy.models import Action, ActionPlan, Objective

from ..conftest import get_as
from .conftest import END, START


@pytest.fixture
def facts():
    """Racism rises in Borgerhout and no one answers it; income lags there."""
    saved = place_facts.sources()
    place_facts.set_rising_source(
        lambda place, reader: (
            [RisingFact("racism", "Racism and discrimination", 14, 4.0, "/monitor/11002S/?c=1")]
            if reader.home_district_id in (None, place.pk)
            else None
        )
    )
    place_facts.set_indicator_source(
        lambda place: [IndicatorFact("income", "Median income", "€ 18k", "€ 24k", 2025, "/i/")]
    )
    yield
    place_facts.restore_sources(saved)


def urls(world) -> list[str]:
    return [
        reverse("policy:match_index"),
        reverse("policy:match", args=["11002S"]),
        reverse("policy:progress"),
        reverse("policy:progress_strategy", args=[world.strategy.pk]),
    ]


def test_the_anonymous_are_sent_to_sign_in(client, world, facts):
    for url in urls(world):
        response = get_as(client, None, url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_every_role_reads_every_page(client, personas, world, facts):
    for name, person in personas.all().items():
        for url in urls(world):
            response = get_as(client, person, url)
            assert response.status_code == 200, (name, url)


def test_a_deactivated_account_reads_nothing(client, personas, world, facts):
    personas.analyst.is_active = False
    personas.analyst.save()
    client.force_login(personas.analyst)
    for url in urls(world):
        assert client.get(url).status_code in (302, 403), url


def test_an_unknown_place_or_strategy_is_404(client, personas, world, facts):
    assert get_as(client, personas.analyst, "/policy/match/99999X/").status_code == 404
    assert get_as(client, personas.analyst, "/policy/match/11002/").status_code == 404
    missing = reverse("policy:progress_strategy", args=[world.strategy.pk + 100])
    assert get_as(client, personas.analyst, missing).status_code == 404


def test_the_match_says_plainly_what_nothing_answers(client, personas, world, facts):
    page = get_as(
        client,
        personas.coordinator,
        reverse("policy:match", args=["11002S"]),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    text = page.content.decode()
    assert (
        "Rising signals about racism and discrimination in Borgerhout: no open action or "
        "running initiative addresses it." in text
    )
    assert 'href="/monitor/11002S/?c=1"' in text
    assert "Median income in Borgerhout is worse than in the city" in text
    assert world.borgerhout_plan.title in text


def test_the_match_speaks_dutch_first(client, personas, world, facts):
    page = get_as(client, personas.coordinator, reverse("policy:match", args=["11002S"]))
    assert "Stijgende signalen over racism and discrimination in Borgerhout" in page.text


def test_the_match_leaves_out_counts_the_reader_may_not_see(client, personas, world, facts):
    page = get_as(
        client,
        personas.other_frontline,
        reverse("policy:match", args=["11002S"]),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    text = page.content.decode()
    assert "Rising signals about" not in text
    assert "are shown to its own coordinator" in text


def many_actions(world, n: int, offset: int = 0) -> None:
    """`n` actions in the city plan, a third behind, a third on track, a third done."""
    statuses = [Action.Status.RUNNING, Action.Status.RUNNING, Action.Status.DONE]
    Action.objects.bulk_create(
        Action(
            plan=world.city_plan,
            code=f"M{offset + i}",
            title=f"Actie {offset + i}",
            owner=world.city_department,
            objective=world.operational if i % 2 else world.strategic,
            status=statuses[i % 3],
            progress=0 if i % 3 == 0 else 100,
            planned_start=START,
            planned_end=END,
            budget_planned=Decimal(1000),
            budget_spent=Decimal(400),
            funding_level=PolicyLevel.FLEMISH if i % 2 else PolicyLevel.MUNICIPAL,
        )
        for i in range(n)
    )


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["progress", "progress_strategy"])
def test_the_progress_pages_ask_as_many_queries_for_many_actions_as_for_few(
    client, personas, world, page, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 7, 2, 12, tzinfo=datetime.UTC))
    client.force_login(personas.analyst)
    args = [world.strategy.pk] if page == "progress_strategy" else []
    url = reverse(f"policy:{page}", args=args) + "?funding_level=flemish"
    many_actions(world, 3)
    client.get(url)  # the session's first page asks a few more (the language, the menu)
    few = queries_for(client, url)
    many_actions(world, 60, offset=3)
    assert queries_for(client, url) == few
    # Nine are the platform's (session, account, session record); the page's are its actions,
    # the strategies (or the strategy and its objectives), the districts offered.
    assert few <= 15


def test_the_progress_of_a_strategy_counts_per_objective_and_lists_the_behind(
    client, personas, world, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 7, 2, 12, tzinfo=datetime.UTC))
    ActionPlan.objects.filter(pk=world.city_plan.pk).update(district=None)
    Action.objects.all().delete()
    many_actions(world, 6)  # M0, M3 behind; M1, M4 on track; M2, M5 done
    page = get_as(
        client, personas.analyst, reverse("policy:progress_strategy", args=[world.strategy.pk])
    )
    rows = {
        (row.objective.code if row.objective else None): row.tally for row in page.context["rows"]
    }
    # The strategic objective's row includes its operational one's actions.
    assert (rows["SD1"].behind, rows["SD1"].on_track, rows["SD1"].done) == (2, 2, 2)
    assert (rows["OD1.1"].behind, rows["OD1.1"].on_track, rows["OD1.1"].done) == (1, 1, 1)
    assert page.context["total"].planned == 6000 and page.context["total"].spent == 2400
    assert [a.code for a in page.context["page"].object_list] == ["M0", "M3"]
    assert Objective.objects.count() == 2


def test_the_filters_keep_the_chosen_district_and_funding_level(
    client, personas, world, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 7, 2, 12, tzinfo=datetime.UTC))
    Action.objects.all().delete()
    many_actions(world, 6)
    Action.objects.filter(code__in=["M1", "M2"]).first().places.add(personas.borgerhout)
    url = reverse("policy:progress")
    client.force_login(personas.analyst)
    everything = client.get(url).context["total"]
    flemish = client.get(url + "?funding_level=flemish").context["total"]
    borgerhout = client.get(url + "?district=11002S").context["total"]
    assert (everything.total, flemish.total, borgerhout.total) == (6, 3, 1)
    done = client.get(
        reverse("policy:progress_strategy", args=[world.strategy.pk]) + "?standing=done"
    )
    assert [a.code for a in done.context["page"].object_list] == ["M2", "M5"]


def test_the_policy_overview_links_to_progress_and_the_context_match(client, personas, world):
    page = get_as(client, personas.frontline, reverse("policy:index"))
    assert f'href="{reverse("policy:progress")}"' in page.text
    assert f'href="{reverse("policy:match_index")}"' in page.text
