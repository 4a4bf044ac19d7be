"""Where an action stands: done, stopped, behind (late, or under the straight line), on track."""

from __future__ import annotations

import datetime

import pytest

from samen.policy.models import Action
from samen.policy.progress import Standing, action_standing, expected_progress

START = datetime.date(2026, 1, 1)
END = datetime.date(2026, 12, 31)  # 364 days


def _action(progress=0, status=Action.Status.RUNNING, start=START, end=END) -> Action:
    return Action(progress=progress, status=status, planned_start=start, planned_end=end)


def test_done_and_stopped_say_so_whatever_the_dates():
    late = datetime.date(2027, 6, 1)
    assert action_standing(_action(status=Action.Status.DONE), late) == Standing.DONE
    assert action_standing(_action(status=Action.Status.STOPPED), late) == Standing.STOPPED


def test_past_its_planned_end_and_not_done_is_behind():
    assert action_standing(_action(progress=99), datetime.date(2027, 1, 1)) == Standing.BEHIND


@pytest.mark.parametrize(
    ("progress", "standing"),
    [(35, Standing.ON_TRACK), (36, Standing.ON_TRACK), (34, Standing.BEHIND)],
)
def test_fifteen_points_under_the_straight_line_is_the_limit(progress, standing):
    halfway = START + datetime.timedelta(days=182)  # 50% expected
    assert expected_progress(_action(), halfway) == 50
    assert action_standing(_action(progress=progress), halfway) == standing


def test_before_its_start_or_without_dates_it_is_on_track():
    assert action_standing(_action(), datetime.date(2025, 12, 1)) == Standing.ON_TRACK
    undated = _action(start=None, end=None)
    assert expected_progress(undated, END) is None
    assert action_standing(undated, datetime.date(2030, 1, 1)) == Standing.ON_TRACK
