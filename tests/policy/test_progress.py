"""Where an action stands (the rule every progress page and report uses), and which actions
and initiatives lie in a place."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from samen.places.models import Place
from samen.policy.models import Action, Initiative
from samen.policy.progress import (
    BEHIND,
    DONE,
    ON_TRACK,
    STOPPED,
    Tally,
    action_standing,
    actions_in,
    behind_among,
    expected_progress,
    is_behind,
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
        ({"status": "planned", "progress": 0}, True),  # 0% of 41% expected
        ({"status": "done", "progress": 100, "planned_end": datetime.date(2026, 3, 1)}, False),
        ({"status": "stopped", "progress": 5}, False),
        ({"planned_start": None, "planned_end": None, "progress": 0}, False),  # no plan
    ],
)
def test_behind(values, behind):
    assert is_behind(action(**values), TODAY) == behind


def test_overdue_is_for_open_actions_only():
    past = datetime.date(2026, 5, 1)
    assert is_overdue(action(planned_end=past), TODAY)
    assert not is_overdue(action(planned_end=past, status="done"), TODAY)


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


# --- The standing rule -------------------------------------------------------------------

START = datetime.date(2026, 1, 1)
END = datetime.date(2026, 12, 31)  # 364 days after the start
MIDYEAR = datetime.date(2026, 7, 2)  # 182 days in: half-way


def planned(progress=0, status=Action.Status.RUNNING, start=START, end=END, **extra) -> Action:
    return Action(status=status, progress=progress, planned_start=start, planned_end=end, **extra)


@pytest.mark.parametrize(
    ("progress", "standing"),
    [(50, ON_TRACK), (35, ON_TRACK), (34, BEHIND), (0, BEHIND), (90, ON_TRACK)],
)
def test_more_than_fifteen_points_under_the_steady_pace_is_behind(progress, standing):
    assert action_standing(planned(progress), MIDYEAR) == standing


def test_past_its_planned_end_and_not_done_is_behind_whatever_its_progress():
    day_after = END + datetime.timedelta(days=1)
    assert action_standing(planned(100), END) == ON_TRACK
    assert action_standing(planned(100), day_after) == BEHIND
    assert action_standing(planned(99, status=Action.Status.PLANNED), day_after) == BEHIND


def test_done_is_done_and_stopped_is_neither_behind_nor_on_track():
    late = END + datetime.timedelta(days=30)
    assert action_standing(planned(40, status=Action.Status.DONE), late) == DONE
    assert action_standing(planned(10, status=Action.Status.STOPPED), late) == STOPPED


def test_an_action_without_planned_dates_is_on_track_until_it_has_some():
    assert action_standing(planned(0, start=None, end=None), MIDYEAR) == ON_TRACK
    assert action_standing(planned(0, start=START, end=None), MIDYEAR) == ON_TRACK


def test_a_tally_counts_and_adds_budgets_and_merges():
    tally, other = Tally(), Tally()
    tally.add(planned(budget_planned=Decimal(1000), budget_spent=Decimal(250)), ON_TRACK)
    other.add(planned(budget_planned=Decimal(1000), budget_spent=Decimal(750)), BEHIND)
    tally.merge(other)
    tally.merge(None)
    assert (tally.total, tally.on_track, tally.behind, tally.done) == (2, 1, 1, 0)
    assert tally.planned == 2000 and tally.spent == 1000 and tally.spent_percent == 50
    assert Tally().spent_percent is None


def test_before_its_planned_start_it_is_on_track_and_expects_nothing():
    before = START - datetime.timedelta(days=1)
    assert expected_progress(planned(0), before) == 0
    assert action_standing(planned(0), before) == ON_TRACK


def test_the_standings_are_choices_with_stable_values():
    """Filters and exports carry these values; the reports and pages share them."""
    assert [s.value for s in (BEHIND, ON_TRACK, DONE, STOPPED)] == [
        "behind",
        "on_track",
        "done",
        "stopped",
    ]
