"""The nightly purge of mediations' personal data, run by the task worker (`samen db_worker`).

Like the signals' purge, it keeps itself scheduled: each run first queues the next night's,
then purges, so a failing purge does not end the chain. With a backend that cannot run tasks
later (the immediate backend of the tests), a run queues nothing.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone
from django_tasks import TaskResultStatus, task

from samen.mediation.retention import mediation_personal_data_purge

if TYPE_CHECKING:
    from django_tasks_db.models import DBTaskResult

# Half an hour after the signals' purge, so the two do not contend for the database.
RUN_AT = datetime.time(3, 30)


def next_run_time(now: datetime.datetime | None = None) -> datetime.datetime:
    """Return the next night's run time, in the city's time zone."""
    tomorrow = timezone.localdate(now or timezone.now()) + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, RUN_AT))


def queued_purge() -> DBTaskResult | None:
    """Return the nightly purge waiting in the database queue, if the backend keeps one."""
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    backend = purge_mediation_data_daily.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return None
    waiting = DBTaskResult.objects.filter(
        task_path=purge_mediation_data_daily.module_path,
        backend_name=backend.alias,
        status=TaskResultStatus.READY,
    )
    return waiting.order_by("run_after").first()


def can_schedule() -> bool:
    """Tell whether the task backend can run a task later (the database backend can)."""
    return purge_mediation_data_daily.get_backend().supports_defer


def schedule_purge(now: datetime.datetime | None = None) -> datetime.datetime | None:
    """Queue the nightly purge unless one waits; return when it runs."""
    if not can_schedule():
        return None
    waiting = queued_purge()
    if waiting is not None:
        # A task queued without a time waits with the latest possible one: it runs at once.
        return timezone.now() if waiting.run_after.year == 9999 else waiting.run_after
    when = next_run_time(now)
    purge_mediation_data_daily.using(run_after=when).enqueue()
    return when


@task()
def purge_mediation_data_daily() -> dict:
    """Queue the next night's run, then remove personal data past its retention period."""
    next_run = schedule_purge()
    purged = mediation_personal_data_purge(by=None)
    return {"mediations": purged.mediations, "next_run": next_run.isoformat() if next_run else None}
