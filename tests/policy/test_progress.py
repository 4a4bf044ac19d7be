"""Where an action stands: done, stopped, behind (past its planned end, or more than 15 points
under the straight line from planned start to end), on track; and where actions are."""

from __future__ import annotations

import datetime

import pytest

from samen.places.models import Place
from samen.policy.models import Action, Initiative
from samen.policy.progress import (
    Standing,
    action_standing,
    actions_in,
    behind_among,
    expected_progress,
    is_behind,
    is_late,
    is_overdue,
    placed_in,
)

TODAY = datetime.date(2026, 6, 1)


def action(**values) -> Action:
    defaults = {
        "planned_start": datetime.date(2026, 1, 1),
        "planned_end": datetime.date(2026, 12, 31),
        "status": Action.Status.RUNNING,
        "progress": 40,
    }
    return Action(**{**defaults, **values})


def test_expected_progress_grows_evenly_from_start_to_end():
    assert expected_progress(action(), datetime.date(2025, 12, 1)) == 0
    assert expected_progress(action(), TODAY) == 41
    assert expected_progress(action(), datetime.date(2027, 2, 1)) == 100
    assert expected_progress(action(planned_end=None), TODAY) is None


@pytest.mark.parametrize(
    ("values", "behind"),
    [
        ({}, False),  # 40% of 41% expected
        ({"progress": 26}, False),  # within the 15 points of tolerance
        ({"progress": 25}, True),
        ({"planned_end": datetime.date(2026, 5, 31), "progress": 99}, True),  # overdue
        ({"status": "planned", "progress": 0}, True),  # far under the line
        ({"status": "done", "progress": 100, "planned_end": datetime.date(2026, 3, 1)}, False),
        ({"status": "stopped", "progress": 5}, False),
        ({"planned_start": None, "planned_end": None, "progress": 0}, False),  # no plan
    ],
)
def test_behind(values, behind):
    assert is_behind(action(**values), TODAY) == behind


def test_overdue_and_late_are_for_open_actions_only():
    past = datetime.date(2026, 5, 1)
    assert is_overdue(action(planned_end=past), TODAY)
    assert not is_overdue(action(planned_end=past, status="done"), TODAY)
    assert is_late(action(status="planned", progress=0), TODAY)
    assert not is_late(action(status="planned", progress=0), datetime.date(2025, 12, 1))


def test_behind_among_lists_the_most_overdue_first(world):
    Action.objects.filter(pk=world.city_action.pk).update(
        planned_start=datetime.date(2026, 1, 1), planned_end=datetime.date(2026, 3, 1)
    )
    Action.objects.filter(pk=world.partner_action.pk).update(
        planned_start=datetime.date(2026, 1, 1), planned_end=datetime.date(2026, 2, 1)
    )
    found = behind_among(Action.objects.all(), TODAY)
    assert [a.code for a in found] == ["A2", "A1"]


def test_places_take_in_a_districts_neighbourhoods_and_its_own_plans(personas, world):
    wijk = Place.objects.create(
        kind="neighbourhood",
        code="11002S-X1",
        name_nl="Sint-Willibrordus",
        parent=personas.borgerhout,
    )
    world.partner_action.places.add(wijk)
    world.city_initiative.places.add(wijk)
    in_borgerhout = set(Action.objects.filter(actions_in(personas.borgerhout)))
    assert in_borgerhout == {world.partner_action, world.borgerhout_action}
    assert set(Action.objects.filter(actions_in(wijk))) == {world.partner_action}
    assert list(Initiative.objects.filter(placed_in(Initiative, personas.borgerhout))) == [
        world.city_initiative
    ]
    assert not Initiative.objects.filter(placed_in(Initiative, personas.berchem)).exists()


# --- action_standing, the rule the progress pages and the yearly reports share ---------------

START = datetime.date(2026, 1, 1)
END = datetime.date(2026, 12, 31)  # 364 days


def _standing_action(progress=0, status=Action.Status.RUNNING, start=START, end=END) -> Action:
    return Action(progress=progress, status=status, planned_start=start, planned_end=end)


def test_done_and_stopped_say_so_whatever_the_dates():
    late = datetime.date(2027, 6, 1)
    assert action_standing(_standing_action(status=Action.Status.DONE), late) == Standing.DONE
    assert action_standing(_standing_action(status=Action.Status.STOPPED), late) == Standing.STOPPED


def test_past_its_planned_end_and_not_done_is_behind():
    assert (
        action_standing(_standing_action(progress=99), datetime.date(2027, 1, 1)) == Standing.BEHIND
    )


@pytest.mark.parametrize(
    ("progress", "standing"),
    [(35, Standing.ON_TRACK), (36, Standing.ON_TRACK), (34, Standing.BEHIND)],
)
def test_fifteen_points_under_the_straight_line_is_the_limit(progress, standing):
    halfway = START + datetime.timedelta(days=182)  # 50% expected
    assert expected_progress(_standing_action(), halfway) == 50
    assert action_standing(_standing_action(progress=progress), halfway) == standing


def test_before_its_start_or_without_dates_it_is_on_track():
    assert action_standing(_standing_action(), datetime.date(2025, 12, 1)) == Standing.ON_TRACK
    undated = _standing_action(start=None, end=None)
    assert expected_progress(undated, END) is None
    assert action_standing(undated, datetime.date(2030, 1, 1)) == Standing.ON_TRACK
