"""The nightly retention run as a task: queued once, and run by the worker."""

import pytest
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from samen.cases import tasks
from samen.cases.tasks import case_retention_daily, next_run_time

pytestmark = pytest.mark.django_db
DATABASE_TASKS = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
)


def test_the_immediate_backend_runs_once_and_queues_nothing(table):
    assert not tasks.can_schedule()
    result = case_retention_daily.enqueue()
    assert result.return_value["next_run"] is None


@DATABASE_TASKS
def test_scheduling_queues_one_run_for_the_next_night(table):
    when = tasks.schedule_run()
    assert when == next_run_time()
    assert tasks.schedule_run() == when  # no second one
    assert DBTaskResult.objects.filter(task_path=case_retention_daily.module_path).count() == 1
