"""The daily run draws last year's report once it is due, and keeps itself scheduled."""

from __future__ import annotations

import datetime

import time_machine

from samen.reporting import tasks
from samen.reporting.models import LevelReport


def test_the_run_draws_last_years_report_once(personas):
    with time_machine.travel(datetime.datetime(2026, 2, 2, 12, tzinfo=datetime.UTC), tick=False):
        first = tasks.draw_level_report_daily.call()
        second = tasks.draw_level_report_daily.call()
    assert first["drawn"] == 2025
    assert second["drawn"] is None
    assert LevelReport.objects.get().drawn_by is None


def test_before_15_january_nothing_is_drawn(personas):
    with time_machine.travel(datetime.datetime(2026, 1, 3, 12, tzinfo=datetime.UTC), tick=False):
        assert tasks.draw_level_report_daily.call()["drawn"] is None
    assert not LevelReport.objects.exists()
