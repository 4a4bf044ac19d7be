"""Background tasks of the signals module, run by the task worker (`samen db_worker`).

The daily purge and the morning reminder of follow-ups keep themselves scheduled
(samen.core.nightly); the reminder runs before the notification digests at 07:00, so that it
is in the morning's digest.
"""

from __future__ import annotations

import datetime

from django_tasks import task

from samen.core.nightly import Nightly
from samen.signals.reminders import follow_ups_remind
from samen.signals.retention import signal_text_purge


@task()
def purge_signal_text_daily() -> dict:
    """Queue the next night's run, then purge text past its retention period."""
    next_run = NIGHTLY.schedule()
    purged = signal_text_purge(by=None)
    return {"signals": purged, "next_run": next_run.isoformat() if next_run else None}


NIGHTLY = Nightly(purge_signal_text_daily, at=datetime.time(3, 0))  # a quiet hour
next_run_time = NIGHTLY.next_run_time
queued_purge = NIGHTLY.queued
can_schedule = NIGHTLY.can_schedule
schedule_purge = NIGHTLY.schedule


@task()
def remind_follow_ups_daily() -> dict:
    """Queue tomorrow's run, then remind the authors of follow-ups due or overdue."""
    next_run = REMINDER.schedule()
    looked_at = follow_ups_remind(by=None)
    return {"follow_ups": looked_at, "next_run": next_run.isoformat() if next_run else None}


REMINDER = Nightly(remind_follow_ups_daily, at=datetime.time(6, 45))
