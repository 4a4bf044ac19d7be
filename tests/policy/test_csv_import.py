"""A plan's actions from CSV: a good file imports (and re-importing updates by code); any bad
row is reported by line and column and nothing is stored; UTF-8 with or without a byte-order
mark, cells separated by commas or semicolons (the import page is tested in
test_report_views.py)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from samen.policy.csv_import import import_file
from samen.policy.models import Action, ProgressUpdate
from tests.policy.conftest import audited

HEADER = "code,title,objective,owner,districts,life_domains,planned_start,planned_end,budget,status,progress"  # noqa: E501
GOOD = [
    "N1,Buurtgesprekken Deurne,OD1.1,Stad – Samenleven,Borgerhout;Berchem,poverty|housing,2026-01-01,2026-12-31,12500.50,running,40",  # noqa: E501
    'N2,Jongerenwerking,,Vlaams agentschap jeugdhulp,11002S,,15/02/2026,30/11/2026,"3.000,00",planned,',  # noqa: E501
]
EVERYONE = ["admin", "analyst", "coordinator", "frontline", "other_frontline", "prevention",
            "partner", "dpo"]  # fmt: skip


def csv_file(*rows, header=HEADER, delimiter=",", bom=False) -> bytes:
    lines = [header, *rows]
    if delimiter != ",":
        lines = [line.replace(",", delimiter) for line in lines]
    text = "\r\n".join(lines) + "\r\n"
    return (("\ufeff" if bom else "") + text).encode("utf-8")


def plan_actions(world) -> dict[str, Action]:
    return {a.code: a for a in world.city_plan.actions.all()}


def test_a_good_file_imports_every_action_and_its_progress(personas, world):
    outcome = import_file(by=personas.analyst, plan=world.city_plan, data=csv_file(*GOOD))
    assert outcome.ok and (outcome.created, outcome.updated) == (2, 0)
    actions = plan_actions(world)
    first, second = actions["N1"], actions["N2"]
    assert first.owner == world.city_department and first.objective == world.operational
    assert {p.name for p in first.places.all()} == {"Borgerhout", "Berchem"}
    assert first.life_domains == ["poverty", "housing"]
    assert first.budget_planned == Decimal("12500.50")
    assert first.progress == 40 and first.status == Action.Status.RUNNING
    assert ProgressUpdate.objects.filter(action=first, progress=40).exists()
    assert second.owner == world.partner_org and second.objective is None
    assert second.planned_start == datetime.date(2026, 2, 15)
    assert second.budget_planned == Decimal("3000.00") and second.progress == 0
    assert audited(first, personas.analyst)


def test_importing_again_updates_by_code(personas, world):
    import_file(by=personas.analyst, plan=world.city_plan, data=csv_file(*GOOD))
    again = GOOD[0].replace("Buurtgesprekken Deurne", "Buurtgesprekken").replace(",40", ",100")
    again = again.replace(",running,", ",done,")
    outcome = import_file(by=personas.analyst, plan=world.city_plan, data=csv_file(again))
    assert outcome.ok and (outcome.created, outcome.updated) == (0, 1)
    action = plan_actions(world)["N1"]
    assert action.title == "Buurtgesprekken" and action.progress == 100
    assert action.status == Action.Status.DONE
    assert Action.objects.filter(plan=world.city_plan, code="N1").count() == 1


@pytest.mark.parametrize(
    ("bad", "column"),
    [
        (GOOD[1].replace(",,Vlaams", ",OD9,Vlaams"), "objective"),
        (GOOD[1].replace("Vlaams agentschap jeugdhulp", "Onbekende vzw"), "owner"),
        (GOOD[1].replace("11002S", "Atlantis"), "districts"),
        (GOOD[1].replace("11002S,,", "11002S,gardening,"), "life_domains"),
        (GOOD[1].replace("15/02/2026", "15 februari"), "planned_start"),
        (GOOD[1].replace('"3.000,00"', "veel"), "budget"),
        (GOOD[1].replace("planned,", "busy,"), "status"),
        (GOOD[1] + "half", "progress"),
        (GOOD[1].replace("N2,", ",", 1), "code"),  # refused by the action: a code is needed
        (GOOD[1].replace("Jongerenwerking", ""), "title"),
        (GOOD[1].replace("Jongerenwerking", "Bel 0470 12 34 56"), "title"),  # the text guard
        (GOOD[1].replace("15/02/2026,30/11/2026", "30/11/2026,15/02/2026"), "planned_end"),
        (GOOD[1].replace(",planned,", ",done,") + "50", "progress"),
        (GOOD[0], "code"),  # the same code twice in the file
    ],
)
def test_a_bad_row_is_reported_by_line_and_column_and_nothing_is_stored(
    personas, world, bad, column
):
    before = Action.objects.count()
    outcome = import_file(by=personas.analyst, plan=world.city_plan, data=csv_file(GOOD[0], bad))
    assert not outcome.ok
    assert (3, column) in {(p.line, p.column) for p in outcome.problems}, outcome.problems
    assert Action.objects.count() == before
    assert not ProgressUpdate.objects.exists()


def test_every_bad_row_is_reported(personas, world):
    rows = [GOOD[0], GOOD[1].replace("11002S", "Atlantis"), "N3,,,Stad – Samenleven,,,,,,,"]
    outcome = import_file(by=personas.analyst, plan=world.city_plan, data=csv_file(*rows))
    assert {p.line for p in outcome.problems} == {3, 4}
    assert not Action.objects.filter(code__startswith="N").exists()


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (csv_file(*GOOD, header=HEADER.replace("owner,", "")), "lacks"),
        (csv_file(*GOOD).replace(b"Samenleven", b"Samenleven\xff"), "UTF-8"),
        (csv_file(GOOD[0] + ",extra"), "cells"),
        (csv_file(), "no actions"),
    ],
)
def test_a_bad_file_is_refused_whole(personas, world, data, problem):
    outcome = import_file(by=personas.analyst, plan=world.city_plan, data=data)
    assert any(problem in p.message for p in outcome.problems), outcome.problems
    assert not Action.objects.filter(code__startswith="N").exists()


@pytest.mark.parametrize(("delimiter", "bom"), [(",", True), (";", False), (";", True)])
def test_a_byte_order_mark_and_semicolons_are_read(personas, world, delimiter, bom):
    rows = [row.replace('"3.000,00"', "3000") for row in GOOD]
    if delimiter == ";":
        rows = [row.replace("Borgerhout;Berchem", "Borgerhout|Berchem") for row in rows]
    data = csv_file(*rows, delimiter=delimiter, bom=bom)
    outcome = import_file(by=personas.analyst, plan=world.city_plan, data=data)
    assert outcome.ok, outcome.problems
    assert set(plan_actions(world)) >= {"N1", "N2"}


def test_only_those_who_edit_the_plan_import(personas, world):
    for name in ("coordinator", "frontline", "partner", "admin", "dpo"):
        with pytest.raises(PermissionDenied):
            import_file(by=getattr(personas, name), plan=world.city_plan, data=csv_file(*GOOD))
