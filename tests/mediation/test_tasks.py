"""The nightly purge of mediations (samen/mediation/tasks.py)."""

import datetime

from samen.mediation.tasks import NIGHTLY, purge_mediation_data_daily


def test_a_run_with_nothing_expired_removes_nothing_and_queues_nothing_in_tests(db):
    result = purge_mediation_data_daily.enqueue().return_value
    assert result == {"mediations": 0, "closed": 0, "idle": 0, "next_run": None}


def test_it_runs_half_an_hour_after_the_signals_purge():
    assert NIGHTLY.at == datetime.time(3, 30)
