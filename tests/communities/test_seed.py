"""The demo city's communities: enough of them, tied together like a lived-in city."""

import pytest
from django.db.models import Count, F
from django.utils import timezone

from samen.communities.models import Community, Contact, Relationship, RestorePlan
from samen.communities.network import Tie, build
from samen.communities.seed import seed_communities
from samen.core.seeding import SeedRun

pytestmark = pytest.mark.django_db


def test_the_seeder_builds_communities_relationships_contacts_and_plans(personas):
    said = []
    # 140 staff: a fifth of the city, so a fifth of the communities (300 for 700 staff).
    seed_communities(SeedRun(seed=5, staff=140, places_dir=None, out=said.append, progress=False))
    assert Community.objects.count() == 60
    assert Relationship.objects.count() == 400
    assert 790 <= Contact.objects.count() <= 800
    assert RestorePlan.objects.exists()
    assert said and "60 communities" in said[0]
    # Pairs in one order, every relationship with its first history step.
    assert not Relationship.objects.filter(other__isnull=False, community__gte=F("other")).exists()
    assert not Relationship.objects.annotate(n=Count("changes")).filter(n=0).exists()
    assert not Contact.objects.annotate(n=Count("communities")).filter(n=0).exists()
    assert not Contact.objects.annotate(n=Count("staff")).filter(n=0).exists()
    assert not Community.objects.filter(search_text="").exists()
    assert all(p.actions.exists() for p in RestorePlan.objects.all())
    # Some communities stand alone: the network page has something to show.
    ties = [
        Tie(r.community_id, r.other_id, r.state, r.strength)
        for r in Relationship.objects.filter(other__isnull=False)
    ]
    found = build(Community.objects.values_list("pk", flat=True), ties)
    assert found.isolated and found.bridges


def test_restore_plans_began_before_their_actions_fell_due(personas):
    seed_communities(SeedRun(seed=5, staff=140, places_dir=None, out=lambda _: None))
    today = timezone.localdate()
    plans = list(RestorePlan.objects.prefetch_related("actions"))
    assert plans
    for plan in plans:
        began = timezone.localtime(plan.created_at).date()
        assert began < today
        assert all(action.deadline > began for action in plan.actions.all())
        if plan.status == RestorePlan.Status.RESTORED:
            assert plan.closed_at is not None
            assert all(action.done_on for action in plan.actions.all())
