"""Background tasks of the signals module, run by the task worker (`samen db_worker`).

The daily purge keeps itself scheduled: each run first queues the next one for the following
night, then purges, so that a failing purge does not end the chain. With a backend that
cannot run tasks later (the immediate backend of the tests), a run queues nothing, so it
never calls itself again.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone
from django_tasks import TaskResultStatus, task

from samen.signals.retention import signal_text_purge

if TYPE_CHECKING:
    from django_tasks_db.models import DBTaskResult

RUN_AT = datetime.time(3, 0)  # local time: a quiet hour


def next_run_time(now: datetime.datetime | None = None) -> datetime.datetime:
    """Return the next night's run time, in the city's time zone."""
    tomorrow = timezone.localdate(now or timezone.now()) + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, RUN_AT))


def queued_purge() -> DBTaskResult | None:
    """Return the daily purge waiting in the database queue, if the backend keeps one."""
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    backend = purge_signal_text_daily.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return None
    waiting = DBTaskResult.objects.filter(
        task_path=purge_signal_text_daily.module_path,
        backend_name=backend.alias,
        status=TaskResultStatus.READY,
    )
    return waiting.order_by("run_after").first()


def can_schedule() -> bool:
    """Tell whether the task backend can run a task later (the database backend can)."""
    return purge_signal_text_daily.get_backend().supports_defer


def schedule_purge(now: datetime.datetime | None = None) -> datetime.datetime | None:
    """Queue the daily purge for the next night unless one waits; return when it runs."""
    if not can_schedule():
        return None
    waiting = queued_purge()
    if waiting is not None:
        # A task queued without a time waits with the latest possible one: it runs at once.
        return timezone.now() if waiting.run_after.year == 9999 else waiting.run_after
    when = next_run_time(now)
    purge_signal_text_daily.using(run_after=when).enqueue()
    return when


@task()
def purge_signal_text_daily() -> dict:
    """Queue the next night's run, then purge text past its retention period."""
    next_run = schedule_purge()
    purged = signal_text_purge(by=None)
    return {"signals": purged, "next_run": next_run.isoformat() if next_run else None}
