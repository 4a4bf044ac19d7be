"""Who reads and who changes the policy records: everyone signed in reads; writes follow the
work (analysts, coordinators for their district, the owner organisation's staff)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samen.policy import access

PERSONAS = ["admin", "analyst", "coordinator", "frontline", "other_frontline", "prevention",
            "partner", "dpo"]  # fmt: skip


@pytest.mark.parametrize("name", PERSONAS)
def test_everyone_signed_in_reads_everything(personas, world, name):
    person = getattr(personas, name)
    assert access.may_read(person)
    assert access.get_strategy_for_user(person, world.strategy.pk) == world.strategy
    assert access.get_plan_for_user(person, world.berchem_plan.pk) == world.berchem_plan
    assert access.get_action_for_user(person, world.partner_action.pk) == world.partner_action
    initiative = world.partner_initiative
    assert access.get_initiative_for_user(person, initiative.pk) == initiative
    assert access.visible_actions(person).count() == 4
    assert access.visible_initiatives(person).count() == 2


def test_the_anonymous_read_nothing(world):
    anonymous = AnonymousUser()
    assert not access.may_read(anonymous)
    assert not access.visible_strategies(anonymous).exists()
    assert not access.visible_plans(anonymous).exists()
    assert not access.visible_actions(anonymous).exists()
    assert not access.visible_initiatives(anonymous).exists()
    with pytest.raises(PermissionDenied):
        access.get_strategy_for_user(anonymous, world.strategy.pk)
    assert access.organisation_ids(anonymous) == frozenset()


def test_a_deactivated_account_reads_nothing(personas, world):
    personas.analyst.is_active = False
    assert not access.may_read(personas.analyst)
    assert not access.may_edit_strategies(personas.analyst)


def test_an_absent_record_is_404(personas):
    for get in (
        access.get_strategy_for_user,
        access.get_plan_for_user,
        access.get_action_for_user,
        access.get_initiative_for_user,
    ):
        with pytest.raises(Http404):
            get(personas.frontline, 999_999)


@pytest.mark.parametrize("name", PERSONAS)
def test_only_policy_analysts_edit_strategies(personas, name):
    person = getattr(personas, name)
    assert access.may_edit_strategies(person) == (name == "analyst")
    if name != "analyst":
        with pytest.raises(PermissionDenied):
            access.check_may_edit_strategies(person)


@pytest.mark.parametrize(
    ("name", "city", "borgerhout", "berchem"),
    [
        ("analyst", True, False, False),
        ("coordinator", False, True, False),
        ("admin", False, False, False),
        ("dpo", False, False, False),
        ("frontline", False, False, False),
        ("prevention", False, False, False),
        ("partner", False, False, False),
    ],
)
def test_analysts_edit_city_plans_and_coordinators_their_districts(
    personas, world, name, city, borgerhout, berchem
):
    person = getattr(personas, name)
    assert access.may_edit_plan(person, world.city_plan) == city
    assert access.may_edit_plan(person, world.borgerhout_plan) == borgerhout
    assert access.may_edit_plan(person, world.berchem_plan) == berchem
    assert access.may_create_plans(person) == (city or borgerhout)
    if not borgerhout:
        with pytest.raises(PermissionDenied):
            access.check_may_edit_plan(person, world.borgerhout_plan)


def test_a_coordinator_without_a_home_district_edits_no_plan(personas, world):
    personas.coordinator.home_district = None
    assert not access.may_edit_plan(personas.coordinator, world.borgerhout_plan)
    assert not access.may_edit_plan(personas.coordinator, world.city_plan)
    assert not access.may_create_plans(personas.coordinator)


@pytest.mark.parametrize(
    ("name", "updates"),
    [
        # the analyst edits the city plan; the coordinator Borgerhout's plan; the frontline
        # worker works for the city department; the partner for the agency.
        ("analyst", {"city_action", "partner_action", "berchem_action"}),
        ("coordinator", {"borgerhout_action"}),
        ("frontline", {"city_action", "berchem_action"}),
        ("partner", {"partner_action"}),
        ("other_frontline", set()),
        ("prevention", set()),
        ("admin", set()),  # works for the city department, and still changes nothing
        ("dpo", set()),
    ],
)
def test_actions_are_updated_by_their_plans_editors_and_their_owners_staff(
    personas, world, name, updates
):
    person = getattr(personas, name)
    names = ["city_action", "partner_action", "borgerhout_action", "berchem_action"]
    allowed = {n for n in names if access.may_update_action(person, getattr(world, n))}
    assert allowed == updates
    for refused in set(names) - updates:
        with pytest.raises(PermissionDenied):
            access.check_may_update_action(person, getattr(world, refused))


@pytest.mark.parametrize(
    ("name", "updates", "creates"),
    [
        ("analyst", {"city_initiative", "partner_initiative"}, True),
        ("frontline", {"city_initiative"}, True),
        ("partner", {"partner_initiative"}, True),
        ("coordinator", set(), False),  # no organisation in this world
        ("prevention", set(), False),
        ("admin", set(), False),
        ("dpo", set(), False),
    ],
)
def test_initiatives_are_updated_by_analysts_and_their_owners_staff(
    personas, world, name, updates, creates
):
    person = getattr(personas, name)
    names = ["city_initiative", "partner_initiative"]
    allowed = {n for n in names if access.may_update_initiative(person, getattr(world, n))}
    assert allowed == updates
    assert access.may_create_initiatives(person) == creates
    for refused in set(names) - updates:
        with pytest.raises(PermissionDenied):
            access.check_may_update_initiative(person, getattr(world, refused))
    if not creates:
        with pytest.raises(PermissionDenied):
            access.check_may_create_initiatives(person)


def test_owners_of_a_new_initiative_are_ones_own_organisations(personas, world):
    assert set(access.initiative_owner_choices(personas.partner)) == {world.partner_org}
    assert set(access.initiative_owner_choices(personas.frontline)) == {world.city_department}
    assert world.partner_org in access.initiative_owner_choices(personas.analyst)
    assert not access.initiative_owner_choices(personas.admin).exists()
    assert access.may_own_initiative(personas.partner, world.partner_org)
    assert not access.may_own_initiative(personas.partner, world.city_department)
    assert access.may_own_initiative(personas.analyst, world.partner_org)
    assert not access.may_own_initiative(personas.analyst, None)


def test_memberships_are_read_once_per_user_object(personas, world, django_assert_num_queries):
    partner = personas.partner
    with django_assert_num_queries(1):
        for _ in range(3):
            access.may_update_action(partner, world.partner_action)
