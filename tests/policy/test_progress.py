"""When an action is behind: overdue, late to start, or below the progress expected by now."""

from __future__ import annotations

import datetime

import pytest

from samen.places.models import Place
from samen.policy.models import Action, Initiative
from samen.policy.progress import (
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
        ({"progress": 31}, False),  # within the 10 points of tolerance
        ({"progress": 30}, True),
        ({"planned_end": datetime.date(2026, 5, 31), "progress": 99}, True),  # overdue
        ({"status": "planned", "progress": 0}, True),  # its start passed without progress
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
