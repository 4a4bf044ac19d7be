"""The nightly task reminds owners of restore actions due."""

from __future__ import annotations

import pytest

from samen.communities.tasks import remind_restore_actions_daily

pytestmark = pytest.mark.django_db


def test_the_task_runs_and_schedules_nothing_with_the_immediate_backend(personas):
    assert remind_restore_actions_daily.enqueue().return_value == {"actions": 0, "next_run": None}
