"""The prevention policy's section of the report to other levels: one row per plan that ran in
the year, its actions' standing by the progress pages' rule, and its budget."""

from __future__ import annotations

import datetime

import time_machine

from samen.core.level_reports import report_sections
from samen.policy.level_reports import plan_progress
from samen.policy.models import Action


def test_the_section_is_registered():
    assert "action_plan_progress" in {s.code for s in report_sections()}


@time_machine.travel(datetime.datetime(2027, 2, 1, 12, tzinfo=datetime.UTC), tick=False)
def test_a_row_per_plan_of_the_year_with_its_actions_standing(world):
    world.city_action.status = Action.Status.DONE
    world.city_action.save()
    rows = {row["plan"]: row for row in plan_progress(2026)}
    assert set(rows) == {
        world.city_plan.title,
        world.borgerhout_plan.title,
        world.berchem_plan.title,
    }
    city = rows[world.city_plan.title]
    assert city["district"] == "city"
    assert city["actions"] == world.city_plan.actions.count()
    assert city["done"] >= 1
    assert city["done"] + city["behind"] + city["on_track"] + city["stopped"] == city["actions"]
    assert rows[world.borgerhout_plan.title]["district"] == "11002S"


def test_plans_outside_the_year_are_left_out(world):
    assert plan_progress(2019) == []
