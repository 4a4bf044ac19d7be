"""The demo city's prevention policy: plausible, spread over the districts, with gaps left
where the signals rise, and readable by the pages."""

from __future__ import annotations

import pytest
from django.db.models import Count
from django.urls import reverse

from samen.core.seeding import SeedRun
from samen.people.models import User
from samen.people.seed import seed_people
from samen.places.models import Place
from samen.policy.models import (
    Action,
    ActionPlan,
    Evaluation,
    Initiative,
    InitiativeUpdate,
    OutputMeasure,
    Strategy,
    has_code,
)
from samen.policy.progress import actions_in, placed_in
from samen.policy.seed import UNCOVERED, seed_policy
from tests.conftest import get_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    said = []
    run = SeedRun(seed=3, staff=60, places_dir=None, out=said.append, progress=False)
    run.districts = list(Place.objects.current().districts())
    seed_people(run)
    seed_policy(run)
    return said


def test_the_seeder_builds_strategies_plans_actions_and_initiatives(seeded):
    levels = set(Strategy.objects.values_list("level", flat=True))
    assert levels == {"flemish", "municipal"}
    city_plan = ActionPlan.objects.get(district__isnull=True)
    assert city_plan.actions.count() == 40
    assert ActionPlan.objects.filter(district__isnull=False).count() == 3
    assert Initiative.objects.count() == 25
    assert Evaluation.objects.count() == 5
    assert InitiativeUpdate.objects.count() >= 50
    assert seeded[-1] == "2 strategies, 4 action plans, 58 actions, 25 initiatives."
    # Spread: every district has an initiative; actions serve several objectives and domains.
    for district in Place.objects.current().districts():
        assert Initiative.objects.filter(placed_in(Initiative, district)).exists(), district
    assert city_plan.actions.values("objective").distinct().count() >= 8
    for domain in ("poverty", "education", "housing", "work", "participation", "well_being"):
        assert Action.objects.filter(has_code("life_domains", domain)).exists(), domain
    # Actions on track, behind and done alike.
    statuses = set(Action.objects.values_list("status", flat=True))
    assert {"running", "done"} <= statuses


def test_outputs_cover_eight_quarters(seeded):
    quarters = OutputMeasure.objects.values("period_start").distinct().count()
    assert quarters == 8
    per_initiative = Initiative.objects.annotate(n=Count("output_measures"))
    assert all(i.n > 0 for i in per_initiative)


@pytest.mark.parametrize(("district", "category"), sorted(UNCOVERED))
def test_the_planted_gaps_stay_uncovered(seeded, district, category):
    place = Place.objects.get(code=district)
    assert not Action.objects.filter(actions_in(place), has_code("signal_categories", category))
    assert not Initiative.objects.filter(
        placed_in(Initiative, place), has_code("signal_categories", category)
    ).exists()


def test_the_pages_show_the_seeded_policy(client, seeded):
    coordinator = User.objects.get(email="coordinator@samen.test")
    plan = ActionPlan.objects.get(district__isnull=True)
    initiative = Initiative.objects.first()
    for url in (
        reverse("policy:index"),
        reverse("policy:plan", args=[plan.pk]),
        reverse("policy:action", args=[plan.actions.first().pk]),
        reverse("policy:initiative", args=[initiative.pk]),
        reverse("policy:initiatives"),
    ):
        assert get_as(client, coordinator, url).status_code == 200, url
