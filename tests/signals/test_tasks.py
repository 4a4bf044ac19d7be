"""The nightly purge as a task: once with the immediate backend, as a chain with the database."""

from __future__ import annotations

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from samen.signals.models import Signal
from samen.signals.tasks import next_run_time, purge_signal_text_daily
from tests.signals.conftest import DATABASE_TASKS, local, made_at, purge_runs
from tests.signals.test_statistics import new_signal

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_signal(personas):
    return made_at(
        local(2023, 1, 10, 10, 0),
        lambda: new_signal(personas.frontline, personas.borgerhout, text="Oude spanning."),
    )


@pytest.fixture(autouse=True)
def keep_the_test_connection(monkeypatch):
    """The worker closes connections between tasks; inside a test that ends its transaction."""
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )


def run_worker() -> None:
    """Run what is due, then stop: the worker's batch mode, without its signal handlers."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def test_next_run_is_the_next_night_in_local_time():
    assert next_run_time(local(2026, 3, 28, 23, 30)) == local(2026, 3, 29, 3, 0)
    # The clocks go forward that night: still 03:00 local, an hour less in UTC.
    assert next_run_time(local(2026, 3, 29, 2, 0)).utcoffset() == datetime.timedelta(hours=2)


def test_the_immediate_backend_runs_it_once_and_queues_nothing(old_signal):
    result = purge_signal_text_daily.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {"signals": 1, "next_run": None}
    assert Signal.objects.get(pk=old_signal.pk).text == ""
    assert purge_runs() == 1  # one run: the task did not call itself again


@DATABASE_TASKS
def test_with_the_database_each_run_queues_the_next_night(old_signal):
    with time_machine.travel(local(2026, 6, 1, 12, 0), tick=False):
        purge_signal_text_daily.enqueue()
        first = DBTaskResult.objects.get()
        assert first.status == TaskResultStatus.READY
        assert Signal.objects.get(pk=old_signal.pk).text == "Oude spanning."  # not yet run

        run_worker()

        first.refresh_from_db()
        assert first.status == TaskResultStatus.SUCCESSFUL
        assert first.return_value["signals"] == 1
        assert Signal.objects.get(pk=old_signal.pk).text == ""
        waiting = DBTaskResult.objects.get(status=TaskResultStatus.READY)
        assert waiting.run_after == local(2026, 6, 2, 3, 0)

        run_worker()  # nothing is due: the worker stops without running it
        assert purge_runs() == 1

    with time_machine.travel(local(2026, 6, 2, 3, 1), tick=False):
        run_worker()
    waiting.refresh_from_db()
    assert waiting.status == TaskResultStatus.SUCCESSFUL
    assert purge_runs() == 2
    following = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert following.run_after == local(2026, 6, 3, 3, 0)


@DATABASE_TASKS
def test_a_run_does_not_queue_a_second_one_beside_a_waiting_one():
    with time_machine.travel(local(2026, 6, 1, 12, 0), tick=False):
        call_command("purge_signal_text", "--schedule", stdout=io.StringIO())
        purge_signal_text_daily.enqueue()  # someone also asks for a run now
        run_worker()
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1
