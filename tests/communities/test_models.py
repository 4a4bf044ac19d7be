"""Communities, their relationships and restore plans (samen/communities/models.py)."""

import datetime

from django.utils import timezone

from samen.communities.models import (
    RelationshipChange,
    RestoreAction,
    RestorePlan,
    State,
)
from samen.communities.plan_actions import restore_action_add, restore_plan_create

TODAY = datetime.date(2026, 6, 1)


def test_a_relationship_reads_as_its_two_sides_or_the_city(city):
    assert str(city.youth_mosque) == "Jeugdhuis De Brug – Moskeevereniging Al Noor"
    assert str(city.club_city) == "Boksclub Berchem – the city"
    assert city.club_city.is_with_city
    assert not city.youth_club.is_with_city


def test_only_a_change_to_a_worse_state_is_a_deterioration():
    def change(before, after):
        return RelationshipChange(from_state=before, to_state=after)

    assert change(State.ACTIVE, State.BROKEN).is_deterioration
    assert not change(State.LAPSED, State.WEAKENED).is_deterioration
    assert not change(State.WEAKENED, State.WEAKENED).is_deterioration
    assert not change("", State.BROKEN).is_deterioration
    assert str(change("", State.ACTIVE)).endswith("- → active")


def test_an_action_is_overdue_after_its_deadline_until_done():
    action = RestoreAction(deadline=TODAY)
    assert not action.is_overdue(TODAY)
    assert action.is_overdue(TODAY + datetime.timedelta(days=1))
    action.done_on = TODAY
    assert not action.is_overdue(TODAY + datetime.timedelta(days=1))


def test_an_open_plan_with_a_late_action_is_behind(city, personas):
    plan = restore_plan_create(
        by=personas.coordinator,
        relationship=city.youth_club,
        title="Samen trainen",
        goal="Opnieuw maandelijks samen trainen.",
    )
    assert not RestorePlan.objects.with_behind().get(pk=plan.pk).behind
    action = restore_action_add(
        by=personas.coordinator,
        plan=plan,
        description="Gesprek met beide besturen",
        owner=personas.frontline,
        deadline=timezone.localdate(),
    )
    assert not RestorePlan.objects.with_behind().get(pk=plan.pk).behind
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    RestoreAction.objects.filter(pk=action.pk).update(deadline=yesterday)
    assert RestorePlan.objects.with_behind().get(pk=plan.pk).behind
    RestorePlan.objects.filter(pk=plan.pk).update(status=RestorePlan.Status.STOPPED)
    assert not RestorePlan.objects.with_behind().get(pk=plan.pk).behind
    assert str(plan) == "Samen trainen"


def test_an_action_reads_without_its_words():
    assert str(RestoreAction(pk=7, description="Bel An Peeters")) == "restore action 7"
