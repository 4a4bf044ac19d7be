"""A small policy world around the shared personas: one strategy, a city plan and two district
plans, actions owned by the city, a district house and a partner, two initiatives."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from samen.audit.models import AuditRecord
from samen.people.models import Organisation, OrganisationMembership, PolicyLevel
from samen.policy.models import (
    Action,
    ActionPlan,
    Evaluation,
    Initiative,
    Objective,
    OutputMeasure,
    Strategy,
)

START = datetime.date(2026, 1, 1)
END = datetime.date(2026, 12, 31)


@pytest.fixture(autouse=True)
def policy_files_in_a_temporary_folder(settings, tmp_path):
    """Files the tests store land in a folder of their own, never in the project's data."""
    settings.SAMEN_POLICY_MEDIA_ROOT = tmp_path / "policy-files"


def audited(record, actor, action=LogEntry.Action.CREATE) -> bool:
    """Whether the trail holds this change of `record`, made by `actor`."""
    return AuditRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_pk=str(record.pk),
        action=action,
        actor=actor,
    ).exists()


@dataclass
class World:
    city_department: Organisation
    district_house: Organisation  # Borgerhout
    partner_org: Organisation  # Flemish youth care; the partner persona works there
    strategy: Strategy
    strategic: Objective
    operational: Objective
    city_plan: ActionPlan
    borgerhout_plan: ActionPlan
    berchem_plan: ActionPlan
    city_action: Action  # city plan, owned by the city department
    partner_action: Action  # city plan, owned by the partner organisation
    borgerhout_action: Action  # Borgerhout's plan, owned by its district house
    berchem_action: Action  # Berchem's plan
    city_initiative: Initiative
    partner_initiative: Initiative


def _organisation(name, level, sector, district=None) -> Organisation:
    return Organisation.objects.create(
        name=name, policy_level=level, sector=sector, district=district
    )


@pytest.fixture
def world(personas) -> World:
    city = _organisation("Stad – Samenleven", PolicyLevel.MUNICIPAL, Organisation.Sector.CITY)
    house = _organisation(
        "Districtshuis Borgerhout",
        PolicyLevel.DISTRICT,
        Organisation.Sector.CITY,
        personas.borgerhout,
    )
    partner = _organisation(
        "Vlaams agentschap jeugdhulp", PolicyLevel.FLEMISH, Organisation.Sector.YOUTH_CARE
    )
    # The city's staff work for the department; the partner professional for the agency.
    for person in (personas.admin, personas.analyst, personas.frontline, personas.dpo):
        OrganisationMembership.objects.create(user=person, organisation=city)
    OrganisationMembership.objects.create(user=personas.partner, organisation=partner)

    strategy = Strategy.objects.create(
        title="Samen leven in de stad 2025-2030",
        level=PolicyLevel.MUNICIPAL,
        owner=city,
        starts=datetime.date(2025, 1, 1),
        ends=datetime.date(2030, 12, 31),
        status=Strategy.Status.IN_FORCE,
    )
    strategic = Objective.objects.create(
        strategy=strategy, kind=Objective.Kind.STRATEGIC, code="SD1", title="Verbinding"
    )
    operational = Objective.objects.create(
        strategy=strategy,
        parent=strategic,
        kind=Objective.Kind.OPERATIONAL,
        code="OD1.1",
        title="Ontmoeting in de wijk",
    )

    def plan(title, district, owner):
        return ActionPlan.objects.create(
            strategy=strategy, title=title, starts=START, ends=END, owner=owner, district=district
        )

    city_plan = plan("Actieplan Samenleven 2026", None, city)
    borgerhout_plan = plan("Districtsplan Borgerhout 2026", personas.borgerhout, house)
    berchem_plan = plan("Districtsplan Berchem 2026", personas.berchem, city)

    def action(plan, code, owner, **extra):
        return Action.objects.create(
            plan=plan, code=code, title=f"Actie {code}", owner=owner, objective=operational, **extra
        )

    initiative = Initiative.objects.create(
        title="Buurtgesprekken", owner=city, starts=START, status=Initiative.Status.RUNNING
    )
    partner_initiative = Initiative.objects.create(
        title="Jongeren aan het woord",
        owner=partner,
        starts=START,
        status=Initiative.Status.RUNNING,
    )
    return World(
        city_department=city,
        district_house=house,
        partner_org=partner,
        strategy=strategy,
        strategic=strategic,
        operational=operational,
        city_plan=city_plan,
        borgerhout_plan=borgerhout_plan,
        berchem_plan=berchem_plan,
        city_action=action(city_plan, "A1", city),
        partner_action=action(city_plan, "A2", partner),
        borgerhout_action=action(borgerhout_plan, "B1", house),
        berchem_action=action(berchem_plan, "C1", city),
        city_initiative=initiative,
        partner_initiative=partner_initiative,
    )


@pytest.fixture
def figures_world(world, personas):
    """A city plan with figures whose report is known: four actions (behind, on track, done,
    stopped), budgets at two funding levels, outputs in two districts, one evaluation."""
    year = dict(planned_start=datetime.date(2026, 1, 1), planned_end=datetime.date(2026, 12, 31))
    Action.objects.filter(pk=world.city_action.pk).update(
        status=Action.Status.RUNNING, progress=10, budget_planned=Decimal("1000"),
        budget_spent=Decimal("200"), funding_level="municipal", **year,
    )  # fmt: skip
    Action.objects.filter(pk=world.partner_action.pk).update(
        status=Action.Status.RUNNING, progress=50, budget_planned=Decimal("5000.50"),
        budget_spent=Decimal("2500"), funding_level="flemish", **year,
    )  # fmt: skip
    Action.objects.create(
        plan=world.city_plan, code="A3", title="Buurtfeest", owner=world.city_department,
        status=Action.Status.DONE, progress=100, funding_level="municipal",
        budget_planned=Decimal("300"), budget_spent=Decimal("300"), **year,
    )  # fmt: skip
    Action.objects.create(
        plan=world.city_plan, code="A4", title="Gestopt project", owner=world.city_department,
        status=Action.Status.STOPPED, **year,
    )  # fmt: skip
    world.city_initiative.actions.add(world.city_action)
    for place, kind, value in (
        (personas.borgerhout, OutputMeasure.Kind.PARTICIPANTS_REACHED, 3),
        (personas.berchem, OutputMeasure.Kind.PARTICIPANTS_REACHED, 40),
        (personas.borgerhout, OutputMeasure.Kind.SESSIONS_HELD, 2),
        (personas.berchem, OutputMeasure.Kind.SESSIONS_HELD, 7),
    ):
        OutputMeasure.objects.create(
            initiative=world.city_initiative,
            place=place,
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 3, 31),
            kind=kind,
            value=value,
        )
    Evaluation.objects.create(
        initiative=world.city_initiative,
        kind=Evaluation.Kind.PROCESS,
        on=datetime.date(2026, 4, 2),
        by_whom="Hogeschool Antwerpen",
        summary="Goed bereik.",
        conclusions="Meer sessies in Berchem.",
    )
    return world
