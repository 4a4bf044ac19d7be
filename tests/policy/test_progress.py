"""Where an action stands: the rule every progress page and report uses."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from samen.policy.models import Action
from samen.policy.progress import (
    BEHIND,
    DONE,
    ON_TRACK,
    STOPPED,
    Tally,
    action_standing,
    expected_progress,
)

START = datetime.date(2026, 1, 1)
END = datetime.date(2026, 12, 31)  # 364 days after the start
MIDYEAR = datetime.date(2026, 7, 2)  # 182 days in: half-way


def action(progress=0, status=Action.Status.RUNNING, start=START, end=END, **extra) -> Action:
    return Action(status=status, progress=progress, planned_start=start, planned_end=end, **extra)


def test_the_expected_progress_grows_evenly_from_start_to_end():
    assert expected_progress(action(), START - datetime.timedelta(days=3)) == 0
    assert expected_progress(action(), START) == 0
    assert expected_progress(action(), MIDYEAR) == 50
    assert expected_progress(action(), END) == 100
    assert expected_progress(action(end=None), MIDYEAR) is None


@pytest.mark.parametrize(
    ("progress", "standing"),
    [(50, ON_TRACK), (35, ON_TRACK), (34, BEHIND), (0, BEHIND), (90, ON_TRACK)],
)
def test_more_than_fifteen_points_under_the_steady_pace_is_behind(progress, standing):
    assert action_standing(action(progress), MIDYEAR) == standing


def test_past_its_planned_end_and_not_done_is_behind_whatever_its_progress():
    day_after = END + datetime.timedelta(days=1)
    assert action_standing(action(100), END) == ON_TRACK
    assert action_standing(action(100), day_after) == BEHIND
    assert action_standing(action(99, status=Action.Status.PLANNED), day_after) == BEHIND


def test_done_is_done_and_stopped_is_neither_behind_nor_on_track():
    late = END + datetime.timedelta(days=30)
    assert action_standing(action(40, status=Action.Status.DONE), late) == DONE
    assert action_standing(action(10, status=Action.Status.STOPPED), late) == STOPPED


def test_an_action_without_planned_dates_is_on_track_until_it_has_some():
    assert action_standing(action(0, start=None, end=None), MIDYEAR) == ON_TRACK
    assert action_standing(action(0, start=START, end=None), MIDYEAR) == ON_TRACK


def test_a_tally_counts_and_adds_budgets_and_merges():
    tally, other = Tally(), Tally()
    tally.add(action(budget_planned=Decimal(1000), budget_spent=Decimal(250)), ON_TRACK)
    other.add(action(budget_planned=Decimal(1000), budget_spent=Decimal(750)), BEHIND)
    tally.merge(other)
    tally.merge(None)
    assert (tally.total, tally.on_track, tally.behind, tally.done) == (2, 1, 1, 0)
    assert tally.planned == 2000 and tally.spent == 1000 and tally.spent_percent == 50
    assert Tally().spent_percent is None
