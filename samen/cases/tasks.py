"""The nightly retention run of the case consultation, run by the task worker.

Like the signals' purge, each run first queues the next one for the following night, then
removes what expired, so that a failing run does not end the chain. With a backend that
cannot run tasks later (the immediate backend of the tests), a run queues nothing.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone
from django_tasks import TaskResultStatus, task

from samen.cases.retention import case_retention_run

if TYPE_CHECKING:
    from django_tasks_db.models import DBTaskResult

RUN_AT = datetime.time(3, 30)  # local time, after the signals' purge


def next_run_time(now: datetime.datetime | None = None) -> datetime.datetime:
    tomorrow = timezone.localdate(now or timezone.now()) + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, RUN_AT))


def queued_run() -> DBTaskResult | None:
    """The nightly run waiting in the database queue, if the backend keeps one."""
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    backend = case_retention_daily.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return None
    waiting = DBTaskResult.objects.filter(
        task_path=case_retention_daily.module_path,
        backend_name=backend.alias,
        status=TaskResultStatus.READY,
    )
    return waiting.order_by("run_after").first()


def can_schedule() -> bool:
    return case_retention_daily.get_backend().supports_defer


def schedule_run(now: datetime.datetime | None = None) -> datetime.datetime | None:
    """Queue the nightly run for the next night unless one waits; return when it runs."""
    if not can_schedule():
        return None
    waiting = queued_run()
    if waiting is not None:
        return timezone.now() if waiting.run_after.year == 9999 else waiting.run_after
    when = next_run_time(now)
    case_retention_daily.using(run_after=when).enqueue()
    return when


@task()
def case_retention_daily() -> dict:
    """Queue the next night's run, then anonymise and delete what has expired."""
    next_run = schedule_run()
    run = case_retention_run(by=None)
    return {
        "cases": run.cases,
        "referrals": run.referrals,
        "pending_referrals": run.pending_referrals,
        "next_run": next_run.isoformat() if next_run else None,
    }
