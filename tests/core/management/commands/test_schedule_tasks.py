"""`samen schedule-tasks`: a new deployment queues every module's daily task in one step."""

from __future__ import annotations

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from samen.core.nightly import every_nightly

pytestmark = pytest.mark.django_db
DATABASE_TASKS = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
)
NOON = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Brussels"))
# What the modules run every day; a module that adds one is found without being named here.
EXPECTED = {
    "samen.signals.tasks.purge_signal_text_daily",
    "samen.signals.tasks.remind_follow_ups_daily",
    "samen.communities.tasks.remind_restore_actions_daily",
    "samen.notifications.tasks.mail_digests_daily",
    "samen.exchange.tasks.notify_overdue_exchanges_nightly",
}


def waiting_paths() -> list[str]:
    ready = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    return sorted(ready.values_list("task_path", flat=True))


def test_every_module_s_daily_task_is_found_once():
    names = [nightly.name for nightly in every_nightly()]
    assert len(names) == len(set(names))
    assert set(names) >= EXPECTED, set(names)
    times = [nightly.at for nightly in every_nightly()]
    assert times == sorted(times)


@DATABASE_TASKS
def test_it_queues_each_once_however_often_it_runs():
    out = io.StringIO()
    with time_machine.travel(NOON, tick=False):
        call_command("schedule_tasks", stdout=out)
        call_command("schedule_tasks", stdout=out)
    every = every_nightly()
    assert waiting_paths() == sorted(nightly.name for nightly in every)
    printed = out.getvalue()
    assert "samen.signals.tasks.remind_follow_ups_daily is queued for 2026-06-02 06:45" in printed
    assert printed.count("was queued already") == len(every)


@DATABASE_TASKS
def test_list_shows_them_and_queues_nothing():
    out = io.StringIO()
    call_command("schedule_tasks", "--list", stdout=out)
    assert "06:45  samen.signals.tasks.remind_follow_ups_daily" in out.getvalue()
    assert waiting_paths() == []


def test_the_immediate_backend_is_refused_and_nothing_is_queued():
    with pytest.raises(CommandError, match="cannot schedule"):
        call_command("schedule_tasks", stdout=io.StringIO())
    assert waiting_paths() == []
