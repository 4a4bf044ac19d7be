"""Tasks that run every night and keep themselves scheduled (the retention runs).

Each run first queues the next one for the following night, then does its work, so that a
failing run does not end the chain. With a backend that cannot run tasks later (the
immediate backend of the tests), a run queues nothing, so it never calls itself again.
Written here because django-tasks has no periodic tasks yet; each module declares its own
`Nightly(task, at)` in its `tasks.py` and calls `schedule()` first thing in the task. Every
declared one is listed in DECLARED, so that `samen schedule-tasks` starts them all at once on
a new deployment (each module's command with `--schedule` starts its own).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus

if TYPE_CHECKING:
    from django_tasks_db.models import DBTaskResult


# Every task declared as nightly so far, by its path: the module's own declaration (the
# first) is the one kept.
DECLARED: dict[str, Nightly] = {}


@dataclass(frozen=True)
class Nightly:
    task: Any  # a django_tasks Task
    at: datetime.time  # local time

    def __post_init__(self) -> None:
        DECLARED.setdefault(self.name, self)

    @property
    def name(self) -> str:
        return self.task.module_path

    def next_run_time(self, now: datetime.datetime | None = None) -> datetime.datetime:
        """Tomorrow at `at`, local time (daylight saving included)."""
        tomorrow = timezone.localdate(now or timezone.now()) + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(tomorrow, self.at))

    def queued(self) -> DBTaskResult | None:
        """The run waiting in the database queue, if the backend keeps one."""
        from django_tasks_db import DatabaseBackend
        from django_tasks_db.models import DBTaskResult

        backend = self.task.get_backend()
        if not isinstance(backend, DatabaseBackend):
            return None
        waiting = DBTaskResult.objects.filter(
            task_path=self.task.module_path,
            backend_name=backend.alias,
            status=TaskResultStatus.READY,
        )
        return waiting.order_by("run_after").first()

    def can_schedule(self) -> bool:
        return self.task.get_backend().supports_defer

    def schedule(self, now: datetime.datetime | None = None) -> datetime.datetime | None:
        """Queue the next night's run unless one waits; return when it runs."""
        if not self.can_schedule():
            return None
        waiting = self.queued()
        if waiting is not None:
            # A run queued without a time (run_after far in the future) runs as soon as it can.
            return timezone.now() if waiting.run_after.year == 9999 else waiting.run_after
        when = self.next_run_time(now)
        self.task.using(run_after=when).enqueue()
        return when

    def schedule_by_hand(self) -> tuple[datetime.datetime, bool]:
        """For a command's --schedule: queue the next run unless one waits; return when it
        runs, and whether it was waiting already. CommandError where the backend runs tasks
        at once and keeps no queue."""
        if not self.can_schedule():
            raise CommandError(
                _(
                    "The task backend runs tasks at once and cannot schedule them; use the "
                    "database backend and run the worker (samen db_worker)."
                )
            )
        was_waiting = self.queued() is not None
        return self.schedule(), was_waiting


def local_minute(moment: datetime.datetime) -> str:
    """A run's moment as a command prints it: local time, to the minute."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def every_nightly() -> list[Nightly]:
    """Every module's daily tasks, by the time they run (each installed app's `tasks.py` is
    imported first, with Django's own autodiscovery, so none is missed)."""
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("tasks")
    return sorted(DECLARED.values(), key=lambda nightly: (nightly.at, nightly.name))
