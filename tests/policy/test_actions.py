"""Writes to strategies, objectives, plans and actions: who may, what is refused (all of it,
nothing written), and the audit record naming the writer."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from samen.people.models import PolicyLevel
from samen.places.models import Place
from samen.policy.actions import (
    ActionFields,
    ObjectiveFields,
    PlanFields,
    StrategyFields,
    action_create,
    action_link_record,
    action_progress_record,
    action_update,
    objective_add,
    objective_update,
    plan_create,
    plan_update,
    strategy_create,
    strategy_update,
)
from samen.policy.models import Action, ActionPlan, Objective, ProgressUpdate, Strategy
from tests.policy.conftest import audited

TODAY = datetime.date(2026, 6, 15)


@pytest.fixture(autouse=True)
def a_day_in_june():
    with time_machine.travel(datetime.datetime(2026, 6, 15, 10, tzinfo=datetime.UTC), tick=False):
        yield


def strategy_fields(world, **overrides) -> StrategyFields:
    values = {
        "title": "Vlaams actieplan polarisatie en radicalisering",
        "level": PolicyLevel.FLEMISH,
        "owner": world.partner_org,
        "starts": datetime.date(2025, 1, 1),
        "ends": datetime.date(2029, 12, 31),
        "status": Strategy.Status.IN_FORCE,
    }
    return StrategyFields(**{**values, **overrides})


# --- Strategies -------------------------------------------------------------------------------


def test_an_analyst_writes_a_strategy_and_the_trail_names_them(personas, world):
    strategy = strategy_create(by=personas.analyst, fields=strategy_fields(world))
    assert strategy.created_by == personas.analyst
    assert audited(strategy, personas.analyst)
    strategy_update(
        by=personas.analyst, strategy=strategy, fields=strategy_fields(world, title="Nieuw")
    )
    strategy.refresh_from_db()
    assert strategy.title == "Nieuw"
    assert audited(strategy, personas.analyst, LogEntry.Action.UPDATE)


@pytest.mark.parametrize("name", ["admin", "coordinator", "frontline", "partner", "dpo"])
def test_nobody_else_writes_strategies(personas, world, name):
    with pytest.raises(PermissionDenied):
        strategy_create(by=getattr(personas, name), fields=strategy_fields(world))
    with pytest.raises(PermissionDenied):
        strategy_update(
            by=getattr(personas, name), strategy=world.strategy, fields=strategy_fields(world)
        )
    assert Strategy.objects.count() == 1


def test_a_strategy_refused_names_every_problem_and_writes_nothing(personas, world):
    fields = strategy_fields(
        world,
        title=" ",
        level="galactic",
        owner=None,
        starts=datetime.date(2026, 1, 1),
        ends=datetime.date(2025, 1, 1),
        status=Strategy.Status.REPLACED,
        summary="Bel 0470 12 34 56 voor meer uitleg.",
    )
    with pytest.raises(ValidationError) as refused:
        strategy_create(by=personas.analyst, fields=fields)
    assert set(refused.value.message_dict) == {
        "title",
        "level",
        "owner",
        "ends",
        "replaced_by",
        "summary",
    }
    assert Strategy.objects.count() == 1


def test_a_replaced_strategy_names_another_one(personas, world):
    newer = strategy_create(by=personas.analyst, fields=strategy_fields(world))
    replaced = strategy_fields(
        world,
        title=world.strategy.title,
        owner=world.city_department,
        status=Strategy.Status.REPLACED,
        replaced_by=newer,
    )
    strategy_update(by=personas.analyst, strategy=world.strategy, fields=replaced)
    assert list(newer.replaces.all()) == [world.strategy]
    with pytest.raises(ValidationError):
        strategy_update(
            by=personas.analyst,
            strategy=newer,
            fields=strategy_fields(world, status=Strategy.Status.REPLACED, replaced_by=newer),
        )


# --- Objectives -------------------------------------------------------------------------------


def test_objectives_form_a_tree_under_the_strategy(personas, world):
    strategic = objective_add(
        by=personas.analyst,
        strategy=world.strategy,
        fields=ObjectiveFields(kind="strategic", code="SD2", title="Weerbaarheid"),
    )
    operational = objective_add(
        by=personas.analyst,
        strategy=world.strategy,
        fields=ObjectiveFields(kind="operational", code="OD2.1", title="Vorming", parent=strategic),
    )
    assert operational.parent == strategic and operational.order == 4
    assert audited(operational, personas.analyst)
    objective_update(
        by=personas.analyst,
        objective=operational,
        fields=ObjectiveFields(
            kind="operational", code="OD2.1", title="Vorming voor leerkrachten", parent=strategic
        ),
    )
    assert Objective.objects.get(pk=operational.pk).title == "Vorming voor leerkrachten"


@pytest.mark.parametrize(
    ("kind", "code", "parent", "problem"),
    [
        ("operational", "OD9", None, "parent"),  # an operational one serves a strategic one
        ("strategic", "SD9", "strategic", "parent"),  # a strategic one stands at the top
        ("operational", "OD9", "operational", "parent"),  # not under an operational one
        ("strategic", "SD1", None, "code"),  # codes are unique per strategy
        ("tactical", "X1", None, "kind"),
    ],
)
def test_an_objective_out_of_the_tree_is_refused(personas, world, kind, code, parent, problem):
    fields = ObjectiveFields(
        kind=kind, code=code, title="Iets", parent=getattr(world, parent) if parent else None
    )
    with pytest.raises(ValidationError) as refused:
        objective_add(by=personas.analyst, strategy=world.strategy, fields=fields)
    assert problem in refused.value.message_dict
    assert Objective.objects.count() == 2


def test_a_strategic_objective_with_objectives_under_it_stays_strategic(personas, world):
    with pytest.raises(ValidationError) as refused:
        objective_update(
            by=personas.analyst,
            objective=world.strategic,
            fields=ObjectiveFields(kind="operational", code="SD1", title="Verbinding"),
        )
    assert "kind" in refused.value.message_dict or "parent" in refused.value.message_dict


def test_only_analysts_add_objectives(personas, world):
    with pytest.raises(PermissionDenied):
        objective_add(
            by=personas.coordinator,
            strategy=world.strategy,
            fields=ObjectiveFields(kind="strategic", code="SD5", title="X"),
        )


# --- Plans ------------------------------------------------------------------------------------


def plan_fields(world, district=None, **overrides) -> PlanFields:
    values = {
        "title": "Actieplan 2027",
        "starts": datetime.date(2027, 1, 1),
        "ends": datetime.date(2027, 12, 31),
        "owner": world.city_department,
        "district": district,
    }
    return PlanFields(**{**values, **overrides})


def test_an_analyst_writes_a_city_plan_and_a_coordinator_their_districts(personas, world):
    city = plan_create(by=personas.analyst, strategy=world.strategy, fields=plan_fields(world))
    assert city.is_city_plan and audited(city, personas.analyst)
    district = plan_create(
        by=personas.coordinator,
        strategy=world.strategy,
        fields=plan_fields(world, personas.borgerhout, owner=world.district_house),
    )
    assert district.district == personas.borgerhout and audited(district, personas.coordinator)
    plan_update(
        by=personas.coordinator,
        plan=district,
        fields=plan_fields(world, personas.borgerhout, status=ActionPlan.Status.ADOPTED),
    )
    assert ActionPlan.objects.get(pk=district.pk).status == ActionPlan.Status.ADOPTED


@pytest.mark.parametrize(
    ("name", "district"),
    [
        ("analyst", "borgerhout"),  # district plans are the coordinators'
        ("coordinator", None),  # city plans are the analysts'
        ("coordinator", "berchem"),  # another district's
    ],
)
def test_a_plan_outside_ones_remit_is_refused(personas, world, name, district):
    place = getattr(personas, district) if district else None
    with pytest.raises(ValidationError) as refused:
        plan_create(
            by=getattr(personas, name),
            strategy=world.strategy,
            fields=plan_fields(world, place),
        )
    assert "district" in refused.value.message_dict
    assert ActionPlan.objects.count() == 3


@pytest.mark.parametrize("name", ["admin", "frontline", "partner", "prevention", "dpo"])
def test_others_write_no_plans(personas, world, name):
    with pytest.raises(PermissionDenied):
        plan_create(by=getattr(personas, name), strategy=world.strategy, fields=plan_fields(world))
    with pytest.raises(PermissionDenied):
        plan_update(by=getattr(personas, name), plan=world.city_plan, fields=plan_fields(world))


def test_a_plan_needs_its_dates_in_order(personas, world):
    with pytest.raises(ValidationError) as refused:
        plan_create(
            by=personas.analyst,
            strategy=world.strategy,
            fields=plan_fields(world, starts=None, ends=None, title=""),
        )
    assert set(refused.value.message_dict) == {"title", "starts", "ends"}


# --- Actions ----------------------------------------------------------------------------------


def action_fields(world, **overrides) -> ActionFields:
    values = {
        "code": "A9",
        "title": "Dialoogtafels in de wijk",
        "owner": world.city_department,
        "objective": world.operational,
        "partners": [world.partner_org],
        "target_groups": "Jongeren van 12 tot 18 jaar",
        "life_domains": ["well_being", "participation"],
        "signal_categories": ["youth-groups", "racism"],
        "extremism_types": ["right_wing"],
        "planned_start": datetime.date(2026, 2, 1),
        "planned_end": datetime.date(2026, 11, 30),
        "budget_planned": Decimal("12500.00"),
        "funding_source": "Vlaams impulsbeleid",
        "funding_level": PolicyLevel.FLEMISH,
    }
    return ActionFields(**{**values, **overrides})


def test_an_analyst_adds_an_action_to_a_city_plan(personas, world):
    neighbourhood = Place.objects.create(
        kind="neighbourhood", code="11002S-P1", name_nl="Krugerplein", parent=personas.borgerhout
    )
    fields = action_fields(world, places=[personas.borgerhout, neighbourhood])
    created = action_create(by=personas.analyst, plan=world.city_plan, fields=fields)
    assert created.life_domains == ["well_being", "participation"]
    assert created.signal_categories == ["youth-groups", "racism"]
    assert set(created.places.all()) == {personas.borgerhout, neighbourhood}
    assert list(created.partners.all()) == [world.partner_org]
    assert audited(created, personas.analyst)


def test_a_coordinator_adds_actions_to_their_districts_plan_only(personas, world):
    created = action_create(
        by=personas.coordinator, plan=world.borgerhout_plan, fields=action_fields(world)
    )
    assert audited(created, personas.coordinator)
    with pytest.raises(PermissionDenied):
        action_create(by=personas.coordinator, plan=world.city_plan, fields=action_fields(world))
    with pytest.raises(PermissionDenied):
        action_create(by=personas.partner, plan=world.city_plan, fields=action_fields(world))


def test_an_action_refused_names_every_problem_and_writes_nothing(personas, world):
    fields = action_fields(
        world,
        code="A1",  # taken in this plan
        title="",
        owner=None,
        life_domains=["happiness"],
        signal_categories=["no-such-category"],
        extremism_types=["royalist"],
        planned_start=datetime.date(2026, 5, 1),
        planned_end=datetime.date(2026, 4, 1),
        budget_planned="-5",
        funding_level="lunar",
        description="Contact: jan.peeters@example.be",
        places=[Place.objects.get(kind="city")],
    )
    with pytest.raises(ValidationError) as refused:
        action_create(by=personas.analyst, plan=world.city_plan, fields=fields)
    assert set(refused.value.message_dict) == {
        "code",
        "title",
        "owner",
        "life_domains",
        "signal_categories",
        "extremism_types",
        "planned_end",
        "budget_planned",
        "funding_level",
        "description",
        "places",
    }
    assert Action.objects.count() == 4


def test_an_objective_of_another_strategy_is_refused(personas, world):
    other = strategy_create(by=personas.analyst, fields=strategy_fields(world))
    goal = objective_add(
        by=personas.analyst,
        strategy=other,
        fields=ObjectiveFields(kind="strategic", code="SD1", title="Elders"),
    )
    with pytest.raises(ValidationError) as refused:
        action_create(
            by=personas.analyst, plan=world.city_plan, fields=action_fields(world, objective=goal)
        )
    assert "objective" in refused.value.message_dict


def test_the_owners_staff_update_their_action(personas, world):
    fields = action_fields(world, code="A2", owner=world.partner_org, title="Herzien")
    action_update(by=personas.partner, action=world.partner_action, fields=fields)
    world.partner_action.refresh_from_db()
    assert world.partner_action.title == "Herzien"
    assert audited(world.partner_action, personas.partner, LogEntry.Action.UPDATE)
    with pytest.raises(PermissionDenied):
        action_update(by=personas.partner, action=world.city_action, fields=fields)


# --- Progress ---------------------------------------------------------------------------------


def test_progress_moves_the_action_along_and_is_audited(personas, world):
    action = world.city_action
    update = action_progress_record(
        by=personas.frontline, action=action, progress=40, budget_spent="2500.50", note="Loopt."
    )
    action.refresh_from_db()
    assert (action.progress, action.status, action.actual_start) == (40, "running", TODAY)
    assert action.budget_spent == Decimal("2500.50")
    assert update.by == personas.frontline and update.on == TODAY
    assert audited(update, personas.frontline)
    assert audited(action, personas.frontline, LogEntry.Action.UPDATE)

    action_progress_record(by=personas.frontline, action=action, progress=100)
    action.refresh_from_db()
    assert (action.status, action.actual_end, action.budget_spent) == (
        "done",
        TODAY,
        Decimal("2500.50"),
    )
    # Progress may be corrected downwards: the action runs again.
    action_progress_record(by=personas.frontline, action=action, progress=90)
    action.refresh_from_db()
    assert (action.status, action.actual_end) == ("running", None)
    assert action.progress_updates.count() == 3


@pytest.mark.parametrize(
    ("values", "problems"),
    [
        ({"progress": -1}, {"progress"}),
        ({"progress": 101}, {"progress"}),
        ({"progress": None}, {"progress"}),
        ({"progress": 10, "budget_spent": "-1"}, {"budget_spent"}),
        ({"progress": 10, "budget_spent": "1.234"}, {"budget_spent"}),
        ({"progress": 10, "on": datetime.date(2026, 6, 16)}, {"on"}),
        ({"progress": 10, "note": "Rijksregisternummer 85.07.30-033.28"}, {"note"}),
    ],
)
def test_bad_progress_is_refused_and_nothing_changes(personas, world, values, problems):
    with pytest.raises(ValidationError) as refused:
        action_progress_record(by=personas.analyst, action=world.city_action, **values)
    assert set(refused.value.message_dict) == problems
    world.city_action.refresh_from_db()
    assert world.city_action.progress == 0
    assert not ProgressUpdate.objects.exists()


def test_a_stopped_action_takes_no_more_progress(personas, world):
    Action.objects.filter(pk=world.city_action.pk).update(status=Action.Status.STOPPED)
    world.city_action.refresh_from_db()
    with pytest.raises(ValidationError):
        action_progress_record(by=personas.analyst, action=world.city_action, progress=10)


@pytest.mark.parametrize("name", ["admin", "dpo", "prevention", "other_frontline", "partner"])
def test_progress_by_others_is_refused(personas, world, name):
    with pytest.raises(PermissionDenied):
        action_progress_record(by=getattr(personas, name), action=world.city_action, progress=5)


# --- Linked records ---------------------------------------------------------------------------


def test_a_record_is_linked_only_when_its_module_resolves_it_for_the_writer(
    personas, world, monkeypatch
):
    # The communities module resolves "restore_plan:7" for this writer, and nothing else.
    monkeypatch.setattr(
        "samen.policy.actions.reference_url",
        lambda user, reference: "/plans/7/" if reference == "restore_plan:7" else None,
    )
    action_link_record(by=personas.analyst, action=world.city_action, reference="restore_plan:7")
    world.city_action.refresh_from_db()
    assert world.city_action.linked_records == ["restore_plan:7"]
    assert audited(world.city_action, personas.analyst, LogEntry.Action.UPDATE)
    for reference in ("restore_plan:8", "restore_plan:7", "nothing"):
        with pytest.raises(ValidationError):
            action_link_record(by=personas.analyst, action=world.city_action, reference=reference)
