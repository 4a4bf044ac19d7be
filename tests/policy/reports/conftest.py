"""A city plan with figures whose report is known: four actions (behind, on track, done,
stopped), budgets at two funding levels, outputs in two districts, one evaluation."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import time_machine

from samen.policy.models import Action, Evaluation, OutputMeasure

JUNE_15 = datetime.datetime(2026, 6, 15, 10, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def a_day_in_june():
    with time_machine.travel(JUNE_15, tick=False):
        yield


@pytest.fixture
def figures_world(world, personas):
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
